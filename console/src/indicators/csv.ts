import type { TFunction } from 'i18next';
import type { FigureCell, FigureView } from './figures';

/**
 * The CSV of what the indicators screen shows: one row per figure as asked, then (for the whole zone)
 * one row per district cell. UTF-8 with a byte-order mark, so Excel reads the Chinese; a withheld cell
 * is written as the word, never as 0 or an empty cell; a figure not shared or not answered says why.
 */
export interface CsvLabels {
  t: TFunction;
  common: TFunction;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A number as a spreadsheet reads it: counts as integers, rates as a percentage, amounts with two decimals. */
function plain(view: FigureView, value: number): string {
  if (view.kind === 'rate') return `${Number((value * 100).toFixed(2))}%`;
  if (view.kind === 'amount') return value.toFixed(2);
  return String(value);
}

export function indicatorsCsv(period: string, district: string, views: readonly FigureView[], { t, common }: CsvLabels): string {
  const header = [t('csv.period'), t('csv.district'), t('csv.figure'), t('csv.department'), t('csv.value'), t('csv.cases'), t('csv.note')];
  const rows: string[][] = [header];
  const districtLabel = (d: string) => (d === '' ? t('picker.zone') : d);
  const note = (view: FigureView) => (view.roundedTo ? t('rounded', { unit: view.roundedTo }) : '');
  const cellRow = (view: FigureView, cell: FigureCell) => {
    const figure = t(`figure.${view.name}`);
    const department = common(`department.${view.department}`);
    if (cell.suppressed) return [period, districtLabel(cell.district), figure, department, t('suppressed'), t('suppressed'), note(view)];
    const value = cell.value == null ? t('noCases') : plain(view, cell.value);
    return [period, districtLabel(cell.district), figure, department, value, cell.cases == null ? '' : String(cell.cases), note(view)];
  };
  for (const view of views) {
    const figure = t(`figure.${view.name}`);
    const department = common(`department.${view.department}`);
    if (!view.total) {
      const code = view.error?.extensions?.code;
      const why = view.zoneOnly
        ? t('zoneOnly')
        : code === 'FORBIDDEN'
          ? common('gap.forbidden')
          : code === 'DEPARTMENT_UNAVAILABLE' || code === 'DEPARTMENT_TIMEOUT'
            ? common('gap.unavailable', {
                department: common(`department.${String(view.error?.extensions?.department ?? view.department)}`),
              })
            : common('gap.none');
      rows.push([period, districtLabel(district), figure, department, why, '', '']);
      continue;
    }
    rows.push(cellRow(view, view.total));
    if (district === '') for (const cell of view.byDistrict) rows.push(cellRow(view, cell));
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Hands the text to the browser as a file download, made here: nothing leaves for a server. */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob once started; free the URL after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
