import { useTranslation } from 'react-i18next';
import { errorAt, type GraphQLErrorEntry } from '../graphql/client';

/**
 * How the console shows what an answer leaves out, each for what it is: a masked value as masked, a
 * FORBIDDEN field as "not shared with you (needs a channel)", a department that did not answer as
 * "法院暂不可用". Never as an empty value, which would read as "there is none".
 */

/** The codes with which the gateway says a department's part is missing (README "When a department is down"). */
const UNAVAILABLE = new Set(['DEPARTMENT_UNAVAILABLE', 'DEPARTMENT_TIMEOUT']);

function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*');
}

/** A PERSONAL value (name, ID number, phone): shown with a "masked" mark when the caller got it masked. */
export function PersonalValue({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (value == null) return <span className="gap">{t('gap.none')}</span>;
  if (!isMasked(value)) return <>{value}</>;
  return (
    <span className="masked" data-gap="masked" title={t('gap.masked')}>
      {value} <span className="badge badge-muted">{t('gap.masked')}</span>
    </span>
  );
}

/** What a null field means, read from the error at its path. */
export function GapFor({ error }: { error: GraphQLErrorEntry | undefined }) {
  const { t } = useTranslation();
  const code = error?.extensions?.code;
  if (code === 'FORBIDDEN') {
    return (
      <span className="gap gap-forbidden" data-gap="forbidden">
        {t('gap.forbidden')}
      </span>
    );
  }
  if (code && UNAVAILABLE.has(code)) {
    const department = String(error?.extensions?.department ?? '');
    return (
      <span className="gap gap-unavailable" data-gap="unavailable">
        {t('gap.unavailable', { department: t(`department.${department}`, { defaultValue: department }) })}
      </span>
    );
  }
  return <span className="gap">{t('gap.none')}</span>;
}

/** A field's value, or the reason it is missing when the answer has an error at its path. */
export function FieldValue({
  value,
  path,
  errors,
  personal = false,
}: {
  value: string | number | null | undefined;
  path: ReadonlyArray<string | number>;
  errors: readonly GraphQLErrorEntry[];
  personal?: boolean;
}) {
  if (value == null) return <GapFor error={errorAt(errors, path)} />;
  if (personal) return <PersonalValue value={String(value)} />;
  return <>{value}</>;
}

/** The banner over an answer some departments are missing from. */
export function MissingDepartments({ departments }: { departments: readonly string[] }) {
  const { t } = useTranslation();
  if (departments.length === 0) return null;
  const names = departments.map((d) => t(`department.${d}`, { defaultValue: d })).join('、');
  return (
    <div role="status" className="banner banner-warning" data-gap="missing-departments">
      {t('gap.missing', { departments: names })}
    </div>
  );
}
