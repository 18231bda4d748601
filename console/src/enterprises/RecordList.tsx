import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, type GraphQLErrorEntry } from '../graphql/client';
import { GapFor } from '../ui/gaps';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T, index: number) => ReactNode;
}

/**
 * One kind of record of an enterprise's file under its own heading: a table, "none" when the department
 * has none, or, when the whole list is missing, why (another department's list refused, or the department
 * not answering), read from the error at the list's path.
 */
export function RecordList<T>({
  id,
  title,
  rows,
  path,
  errors,
  columns,
  rowKey,
  limit,
}: {
  id: string;
  title: string;
  rows: readonly T[] | null | undefined;
  path: ReadonlyArray<string | number>;
  errors: readonly GraphQLErrorEntry[];
  columns: ReadonlyArray<Column<T>>;
  rowKey: (row: T) => string;
  /** How many the gateway returns at most: when the list is that long, the screen says more may exist. */
  limit?: number;
}) {
  const { t } = useTranslation('enterprises');
  return (
    <div className="record-list" data-records={id}>
      <h3 id={`records-${id}`}>
        {title}
        {rows ? <span className="hint"> {t('count', { count: rows.length })}</span> : null}
      </h3>
      {rows == null ? (
        <p>
          <GapFor error={errorAt(errors, path)} />
        </p>
      ) : rows.length === 0 ? (
        <p className="hint">{t('none')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby={`records-${id}`}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.header}>{column.cell(row, index)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {limit !== undefined && rows.length >= limit ? <p className="hint">{t('firstOnly', { count: limit })}</p> : null}
        </div>
      )}
    </div>
  );
}
