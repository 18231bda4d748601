import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorAt, type GraphQLErrorEntry } from '../graphql/client';
import { useGraphQL } from '../graphql/use-query';
import { Deadline, useToday } from '../ui/deadline';
import { FieldValue, GapFor } from '../ui/gaps';
import { QueryState } from '../ui/query-state';
import { Parties, useEnumLabel } from './case-cells';
import { DisputeNumberForm, DisputeNumberRule } from './DisputeSearchPage';
import { isDisputeNo, normaliseDisputeNo } from './dispute-number';
import { DisputeTimeline } from './operations';
import { DISPUTE_LISTS, stagesOf, type Stage } from './stages';

/** One dispute's stages across the departments (调裁审援) on a time axis, each with its legal clock. */
export function DisputeTimelinePage() {
  const { disputeNo: param = '' } = useParams();
  const { t } = useTranslation('disputes');
  const disputeNo = normaliseDisputeNo(param);
  const wellFormed = isDisputeNo(disputeNo);
  // A malformed number is named before any request.
  const query = useGraphQL(DisputeTimeline, { disputeNo }, { enabled: wellFormed });
  return (
    <section aria-labelledby="dispute-title">
      <h1 id="dispute-title">{t('timeline.title', { disputeNo })}</h1>
      {!wellFormed ? (
        <>
          <DisputeNumberRule value={disputeNo} />
          <DisputeNumberForm initial={param} />
        </>
      ) : (
        <QueryState query={query}>{({ data, errors }) => <Timeline dispute={data.dispute} errors={errors} />}</QueryState>
      )}
      <p>
        <Link to="/disputes">{t('timeline.other')}</Link>
      </p>
    </section>
  );
}

type DisputeData = Parameters<typeof stagesOf>[0];

function Timeline({ dispute, errors }: { dispute: DisputeData; errors: readonly GraphQLErrorEntry[] }) {
  const { t } = useTranslation('disputes');
  const { t: common } = useTranslation();
  const label = useEnumLabel('disputes');
  const stages = stagesOf(dispute);
  // A department whose lists are missing: its stages cannot be shown, and the screen says why.
  const missing = Object.entries(DISPUTE_LISTS)
    .filter(([list]) => dispute[list as keyof typeof DISPUTE_LISTS] == null)
    .map(([list, department]) => ({ list, department, error: errorAt(errors, ['dispute', list]) }));
  const missingDepartments = [...new Map(missing.map((m) => [m.department, m])).values()];
  const enterprises = enterprisesOf(dispute);

  return (
    <>
      {enterprises.length > 0 ? (
        <p>
          {t('timeline.enterprises')}{' '}
          {enterprises.map((e, i) => (
            <span key={e.creditCode}>
              {i > 0 ? '、' : null}
              <Link to={`/enterprises/${e.creditCode}`}>{e.name ?? e.creditCode}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {missingDepartments.length > 0 ? (
        <ul className="timeline-gaps" aria-label={t('timeline.gaps')}>
          {missingDepartments.map((m) => (
            <li key={m.department}>
              {common(`department.${m.department}`)}：<GapFor error={m.error} />
            </li>
          ))}
        </ul>
      ) : null}
      {stages.length === 0 ? (
        <p role="status" className="banner banner-warning">
          {missingDepartments.length > 0 ? t('timeline.noneShown') : t('timeline.unknown', { disputeNo: dispute.disputeNo })}
        </p>
      ) : (
        <>
          <TimeAxis stages={stages} />
          <h2 id="stages-title">{t('timeline.stages', { count: stages.length })}</h2>
          <ol className="timeline" aria-labelledby="stages-title">
            {stages.map((stage, position) => (
              <li key={`${stage.kind}-${stage.caseNo}`} className={`timeline-stage stage-${stage.department}`} data-stage={stage.kind}>
                <time className="timeline-date" dateTime={stage.startedOn}>
                  {stage.startedOn}
                </time>
                <div className="timeline-body">
                  <h3>
                    {position + 1}. {t(`kind.${stage.kind}`)} · {common(`department.${stage.department}`)}
                  </h3>
                  <dl className="stage-facts">
                    <dt>{t(stage.kind === 'consultation' ? 'fact.consultationNo' : 'fact.caseNo')}</dt>
                    <dd>{stage.caseNo}</dd>
                    <dt>{t(`started.${stage.kind}`)}</dt>
                    <dd>{stage.startedOn}</dd>
                    {stage.kind !== 'consultation' ? (
                      <>
                        <dt>{t(`ended.${stage.kind}`)}</dt>
                        <dd>{stage.endedOn ?? <span className="hint">{t('fact.notYet')}</span>}</dd>
                      </>
                    ) : null}
                    <dt>{t(stage.kind === 'consultation' ? 'fact.channel' : 'fact.status')}</dt>
                    <dd>
                      {label(stage.status.type, stage.status.value)}
                      {stage.outcome ? <span className="hint">（{label(stage.outcome.type, stage.outcome.value)}）</span> : null}
                    </dd>
                    {stage.parties.length > 0 ? (
                      <>
                        <dt>{t(`parties.${stage.kind}`)}</dt>
                        <dd>
                          <Parties parties={stage.parties} namespace="disputes" />
                        </dd>
                      </>
                    ) : null}
                    {stage.amount ? (
                      <>
                        <dt>{t(`amount.${stage.kind}`)}</dt>
                        <dd>
                          {stage.amount.value != null ? (
                            `¥${stage.amount.value}`
                          ) : (
                            <FieldValue value={null} path={['dispute', ...stage.path, stage.amount.field]} errors={errors} />
                          )}
                        </dd>
                      </>
                    ) : null}
                    {stage.kind !== 'consultation' ? (
                      <>
                        <dt>{t('fact.deadline')}</dt>
                        <dd data-deadline={stage.dueOn ?? ''}>
                          {stage.dueOn ? (
                            <Deadline dueOn={stage.dueOn} overdue={stage.overdue} />
                          ) : (
                            <span className="hint">{t('noDeadline')}</span>
                          )}
                        </dd>
                      </>
                    ) : null}
                    {stage.suitDueOn ? (
                      <>
                        <dt>{t('fact.suitDueOn')}</dt>
                        <dd>
                          <Deadline dueOn={stage.suitDueOn} />
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** The enterprises the dispute is against, as its stages name them (credit code and the file's name). */
function enterprisesOf(dispute: DisputeData): Array<{ creditCode: string; name: string | null | undefined }> {
  const all = [
    ...(dispute.mediationCases ?? []).map((c) => c.enterprise),
    ...(dispute.peopleMediationCases ?? []).map((c) => c.enterprise),
    ...(dispute.legalAidCases ?? []).map((c) => c.enterprise),
    ...(dispute.arbitrationCases ?? []).flatMap((c) => (c.respondent ? [c.respondent] : [])),
    ...(dispute.lawsuits ?? []).flatMap((c) => c.defendants),
  ];
  return [...new Map(all.map((e) => [e.creditCode, e])).values()];
}

const DEPARTMENT_COLOURS: Record<Stage['department'], string> = {
  HR_BUREAU: '#0b5cad',
  UNION: '#b42318',
  COURT: '#5b3d99',
  JUSTICE: '#1a7f37',
};

/**
 * The stages as bars on one time axis (from the first application to today or the last deadline): a bar
 * from a stage's start to its end (or today while it runs), a tick at its legal deadline. A picture of the
 * ordered list below, which carries the same facts as text.
 */
function TimeAxis({ stages }: { stages: readonly Stage[] }) {
  const { t } = useTranslation('disputes');
  const { t: common } = useTranslation();
  const today = dayNumber(useToday());
  const days = stages.flatMap((s) => [s.startedOn, s.endedOn, s.dueOn].filter((d): d is string => !!d).map(dayNumber));
  const from = Math.min(...days, today);
  const to = Math.max(...days, today) + 1;
  const width = 760;
  const left = 170;
  const row = 26;
  const top = 24;
  const height = top + stages.length * row + 10;
  const x = (day: number) => left + ((day - from) / Math.max(1, to - from)) * (width - left - 10);
  return (
    <figure className="time-axis">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="time-axis-title" width="100%">
        <title id="time-axis-title">{t('axis.title', { from: isoOf(from), to: isoOf(to - 1) })}</title>
        <text x={left} y={14} fontSize="11" fill="#57606a">
          {isoOf(from)}
        </text>
        <text x={width - 10} y={14} fontSize="11" fill="#57606a" textAnchor="end">
          {isoOf(to - 1)}
        </text>
        <line x1={x(today)} x2={x(today)} y1={18} y2={height - 4} stroke="#57606a" strokeDasharray="3 3" />
        <text x={x(today)} y={height - 1} fontSize="10" fill="#57606a" textAnchor="middle">
          {t('axis.today')}
        </text>
        {stages.map((stage, i) => {
          const y = top + i * row;
          const start = x(dayNumber(stage.startedOn));
          const end = x(stage.endedOn ? dayNumber(stage.endedOn) + 1 : today + 1);
          return (
            <g key={`${stage.kind}-${stage.caseNo}`}>
              <text x={0} y={y + 14} fontSize="12" fill="#1f2328">
                {t(`kind.${stage.kind}`)} · {common(`department.${stage.department}`)}
              </text>
              <rect
                x={start}
                y={y + 4}
                width={Math.max(3, end - start)}
                height={14}
                rx={3}
                fill={DEPARTMENT_COLOURS[stage.department]}
                opacity={stage.endedOn ? 0.55 : 0.9}
              />
              {stage.dueOn ? (
                <line
                  x1={x(dayNumber(stage.dueOn) + 1)}
                  x2={x(dayNumber(stage.dueOn) + 1)}
                  y1={y + 1}
                  y2={y + 21}
                  stroke={stage.overdue ? '#b42318' : '#8a4b00'}
                  strokeWidth={2}
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{t('axis.caption')}</figcaption>
    </figure>
  );
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
