import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../graphql/generated';
import { useGraphQL } from '../graphql/use-query';
import { GapFor } from '../ui/gaps';
import { QueryState } from '../ui/query-state';
import { downloadCsv, indicatorsCsv } from './csv';
import { districtsOf, figureViews, formatNumber, periodChoices, type FigureCell, type FigureName, type FigureView } from './figures';

/**
 * 统计指标: one period (year, quarter or month) and the whole zone or one district; every department's
 * figures in one table, the figures kept by district side by side, a chart, and a CSV of what is shown.
 * This module carries recharts and is loaded only when the screen is opened.
 */
const IndicatorsFigures = graphql(`
  query IndicatorsFigures($period: String!, $district: String) {
    indicators(period: $period, district: $district) {
      period
      district
      arbitrationCases {
        ...IndicatorsFigure
      }
      arbitrationClosureRate {
        ...IndicatorsFigure
      }
      openArrearsAmount {
        amount
        cases
        suppressed
        roundedTo
        byDistrict {
          district
          amount
          cases
          suppressed
        }
      }
      layoffReports {
        ...IndicatorsFigure
      }
      enterprisesKnown {
        ...IndicatorsFigure
      }
      mediationCases {
        ...IndicatorsFigure
      }
      mediationSuccessRate {
        ...IndicatorsFigure
      }
      mediationAgreed {
        ...IndicatorsFigure
      }
      enterprisesWithUnion {
        ...IndicatorsFigure
      }
      enterprisesWithContract {
        ...IndicatorsFigure
      }
      lawsuitsFiled {
        ...IndicatorsFigure
      }
      lawsuitsAppealed {
        ...IndicatorsFigure
      }
      legalAidCases {
        ...IndicatorsFigure
      }
      legalAidGranted {
        ...IndicatorsFigure
      }
    }
  }

  fragment IndicatorsFigure on Indicator {
    value
    cases
    suppressed
    byDistrict {
      district
      value
      cases
      suppressed
    }
  }
`);

type Granularity = 'year' | 'quarter' | 'month';
const GRANULARITIES: readonly Granularity[] = ['year', 'quarter', 'month'];

/** One number of a figure as shown: the value, or what stands in its place (withheld, no cases). */
function CellValue({ view, cell }: { view: FigureView; cell: FigureCell }) {
  const { t, i18n } = useTranslation('indicators');
  if (cell.suppressed) {
    return (
      <span className="gap gap-suppressed" data-gap="suppressed">
        {t('suppressed')}
      </span>
    );
  }
  if (cell.value == null) return <span className="gap">{t('noCases')}</span>;
  return <span data-value={cell.value}>{formatNumber(view.kind, cell.value, i18n.language)}</span>;
}

/** A figure as asked, or why the answer holds none. */
function FigureValue({ view }: { view: FigureView }) {
  const { t } = useTranslation('indicators');
  if (view.total) {
    return (
      <>
        <CellValue view={view} cell={view.total} />
        {view.roundedTo ? <span className="hint"> （{t('rounded', { unit: view.roundedTo })}）</span> : null}
      </>
    );
  }
  if (view.error) return <GapFor error={view.error} />;
  if (view.zoneOnly) return <span className="gap">{t('zoneOnly')}</span>;
  return <GapFor error={undefined} />;
}

function FigureTable({ views, period, district }: { views: readonly FigureView[]; period: string; district: string }) {
  const { t } = useTranslation('indicators');
  const { t: common } = useTranslation();
  return (
    <table className="indicators-table">
      <caption>{t('table.caption', { period, district: district || t('picker.zone') })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.figure')}</th>
          <th scope="col">{t('table.department')}</th>
          <th scope="col">{t('table.value')}</th>
          <th scope="col">{t('table.cases')}</th>
        </tr>
      </thead>
      <tbody>
        {views.map((view) => (
          <tr key={view.name} data-figure={view.name}>
            <th scope="row">{t(`figure.${view.name}`)}</th>
            <td>{common(`department.${view.department}`)}</td>
            <td>
              <FigureValue view={view} />
            </td>
            <td>
              {view.total && !view.total.suppressed && view.total.cases != null ? (
                view.total.cases
              ) : view.total?.suppressed ? (
                <span className="gap">{t('suppressed')}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ByDistrictTable({ views, period }: { views: readonly FigureView[]; period: string }) {
  const { t } = useTranslation('indicators');
  const kept = views.filter((v) => v.byDistrict.length > 0);
  const districts = districtsOf(kept);
  if (kept.length === 0) return <p className="hint">{t('byDistrict.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="indicators-table">
        <caption>{t('byDistrict.caption', { period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('byDistrict.district')}</th>
            {kept.map((view) => (
              <th scope="col" key={view.name}>
                {t(`figure.${view.name}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={d} data-district={d}>
              <th scope="row">{d}</th>
              {kept.map((view) => {
                const cell = view.byDistrict.find((c) => c.district === d);
                // A district with no record of the figure is absent from its breakdown (no cell, not a withheld one).
                return (
                  <td key={view.name}>
                    {cell ? <CellValue view={view} cell={cell} /> : <span className="gap">{t('byDistrict.absent')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The chart: the whole zone by district for one figure, or one district's counts side by side. */
function Chart({ views, period, district }: { views: readonly FigureView[]; period: string; district: string }) {
  const { t, i18n } = useTranslation('indicators');
  const chartable = views.filter((v) => v.byDistrict.length > 0);
  const [picked, setPicked] = useState<FigureName>('arbitrationCases');
  let caption: string;
  let data: Array<{ label: string; value: number }>;
  let kind: FigureView['kind'] = 'count';
  let suppressed: string[] = [];
  let gap: FigureView | undefined;
  if (district === '') {
    const view = chartable.find((v) => v.name === picked) ?? chartable[0] ?? views.find((v) => v.name === picked);
    caption = t('chart.byDistrictCaption', { figure: view ? t(`figure.${view.name}`) : '', period });
    kind = view?.kind ?? 'count';
    if (view && !view.total) gap = view;
    data = (view?.byDistrict ?? []).filter((c) => !c.suppressed && c.value != null).map((c) => ({ label: c.district, value: c.value! }));
    suppressed = (view?.byDistrict ?? []).filter((c) => c.suppressed).map((c) => c.district);
  } else {
    caption = t('chart.districtCaption', { district, period });
    const counts = views.filter((v) => v.kind === 'count' && v.total);
    data = counts
      .filter((v) => !v.total!.suppressed && v.total!.value != null)
      .map((v) => ({ label: t(`figure.${v.name}`), value: v.total!.value! }));
    suppressed = counts.filter((v) => v.total!.suppressed).map((v) => t(`figure.${v.name}`));
  }
  const format = (value: number) => formatNumber(kind, value, i18n.language);
  return (
    <>
      {district === '' && chartable.length > 0 ? (
        <div className="row">
          <label htmlFor="indicators-chart-figure" className="inline">
            {t('chart.figure')}
          </label>
          <select id="indicators-chart-figure" value={picked} onChange={(e) => setPicked(e.target.value as FigureName)}>
            {chartable.map((v) => (
              <option key={v.name} value={v.name}>
                {t(`figure.${v.name}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <figure className="indicators-chart" data-chart={district === '' ? picked : 'district'}>
        <figcaption>{caption}</figcaption>
        {gap ? (
          <p>
            {t('chart.gap')}
            <GapFor error={gap.error} />
          </p>
        ) : data.length === 0 ? (
          <p className="gap">{t('chart.nothing')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={340}>
            <BarChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
              <XAxis dataKey="label" tick={{ fill: '#1f2328', fontSize: 12 }} interval={0} />
              <YAxis tick={{ fill: '#1f2328', fontSize: 12 }} tickFormatter={format} width={90} />
              <Tooltip formatter={(value) => format(Number(value))} />
              <Bar dataKey="value" name={caption} fill="#0b5cad" isAnimationActive={false}>
                <LabelList dataKey="value" position="top" formatter={(value) => format(Number(value))} fill="#1f2328" fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
        {suppressed.length > 0 ? <p className="hint">{t('chart.suppressedNote', { districts: suppressed.join('、') })}</p> : null}
      </figure>
    </>
  );
}

export default function IndicatorsPage() {
  const { t } = useTranslation('indicators');
  const { t: common } = useTranslation();
  const [granularity, setGranularity] = useState<Granularity>('year');
  const [period, setPeriod] = useState(() => periodChoices('year')[0]!);
  const [district, setDistrict] = useState('');
  // The whole zone's answer gives the districts to pick from (and is the table when no district is picked).
  const zone = useGraphQL(IndicatorsFigures, { period, district: null });
  const one = useGraphQL(IndicatorsFigures, { period, district }, { enabled: district !== '' });
  const shown = district === '' ? zone : one;
  const zoneViews = zone.data?.data ? figureViews(zone.data.data.indicators, zone.data.errors) : [];
  const districts = districtsOf(zoneViews);

  const pickGranularity = (next: Granularity) => {
    setGranularity(next);
    setPeriod(periodChoices(next)[0]!);
  };

  return (
    <section aria-labelledby="indicators-title">
      <h1 id="indicators-title">{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <fieldset className="row">
        <legend>{t('picker.legend')}</legend>
        <label htmlFor="indicators-granularity" className="inline">
          {t('picker.granularity')}
        </label>
        <select id="indicators-granularity" value={granularity} onChange={(e) => pickGranularity(e.target.value as Granularity)}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t(`picker.${g}`)}
            </option>
          ))}
        </select>
        <label htmlFor="indicators-period" className="inline">
          {t('picker.period')}
        </label>
        <select id="indicators-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
          {periodChoices(granularity).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label htmlFor="indicators-district" className="inline">
          {t('picker.district')}
        </label>
        <select id="indicators-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">{t('picker.zone')}</option>
          {(district && !districts.includes(district) ? [district, ...districts] : districts).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </fieldset>
      {zone.isSuccess && districts.length === 0 ? <p className="hint">{t('picker.districtsUnavailable')}</p> : null}
      <QueryState query={shown}>
        {({ data, errors }) => {
          const views = figureViews(data.indicators, errors);
          const exportCsv = () =>
            downloadCsv(
              `indicators-${data.indicators.period}${district ? `-${district}` : ''}.csv`,
              indicatorsCsv(data.indicators.period, district, views, { t, common }),
            );
          return (
            <>
              <div className="row">
                <button type="button" className="primary" onClick={exportCsv} aria-describedby="indicators-export-hint">
                  {t('export')}
                </button>
                <span id="indicators-export-hint" className="hint">
                  {t('export.hint')}
                </span>
              </div>
              <FigureTable views={views} period={data.indicators.period} district={district} />
              {district === '' ? (
                <>
                  <h2>{t('byDistrict.title')}</h2>
                  <ByDistrictTable views={views} period={data.indicators.period} />
                </>
              ) : null}
              <h2>{t('chart.title')}</h2>
              <Chart views={views} period={data.indicators.period} district={district} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
