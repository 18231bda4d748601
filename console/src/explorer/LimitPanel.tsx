import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import type { LimitRefusal } from './limits';

/** Refusals decided before anything is fetched, by the operation limits of the caller's role. */
const OPERATION_LIMITS: ReadonlySet<LimitRefusal['kind']> = new Set(['cost', 'depth', 'aliases', 'directives', 'tokens']);

function Figures({ refusal }: { refusal: LimitRefusal }) {
  const { t, i18n } = useTranslation('explorer');
  const { t: common } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  switch (refusal.kind) {
    case 'cost':
      return refusal.estimated !== null && refusal.allowed !== null && refusal.allowed > 0 ? (
        <p>
          {t('limit.cost.figures', {
            estimated: number.format(refusal.estimated),
            allowed: number.format(refusal.allowed),
            ratio: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(refusal.estimated / refusal.allowed),
          })}
        </p>
      ) : (
        <p>{t('limit.cost.figuresUnknown')}</p>
      );
    case 'depth':
    case 'aliases':
    case 'directives':
      return <p>{t(`limit.${refusal.kind}.figures`, { found: number.format(refusal.found), allowed: number.format(refusal.allowed) })}</p>;
    case 'tokens':
      return <p>{t('limit.tokens.figures', { allowed: number.format(refusal.allowed) })}</p>;
    case 'responseSize':
      return refusal.maxBytes !== null ? (
        <p>
          {t('limit.responseSize.figures', {
            department: refusal.department ? common(`department.${refusal.department}`, { defaultValue: refusal.department }) : '—',
            maxBytes: number.format(refusal.maxBytes),
          })}
        </p>
      ) : (
        <p>{t('limit.responseSize.figuresUnknown')}</p>
      );
    case 'rate':
      return (
        <p>
          {refusal.retryAfterSeconds !== null
            ? t('limit.rate.figures', { seconds: refusal.retryAfterSeconds })
            : t('limit.rate.figuresUnknown')}
        </p>
      );
    case 'payload':
      return <p>{t('limit.payload.figures')}</p>;
  }
}

const TIPS: Record<LimitRefusal['kind'], readonly string[]> = {
  cost: ['limit.cost.tip1', 'limit.cost.tip2', 'limit.cost.tip3'],
  depth: ['limit.depth.tip1'],
  aliases: ['limit.aliases.tip1'],
  directives: ['limit.directives.tip1'],
  tokens: ['limit.tokens.tip1'],
  responseSize: ['limit.responseSize.tip1'],
  rate: ['limit.rate.tip1'],
  payload: ['limit.payload.tip1'],
};

/**
 * Beside the result: which limit refused the last operation, with the figures the gateway gave, and how
 * to narrow the query. Nothing when the last operation was not refused by a limit.
 */
export function LimitPanel({ refusals }: { refusals: readonly LimitRefusal[] }) {
  const { t } = useTranslation('explorer');
  const { session } = useSession();
  const ids = useId();
  if (refusals.length === 0) return null;
  // The gateway holds a caller to the analysts' limits unless one of its roles is another (shared/src/limits).
  const analyst = !session || session.claims.roles.every((role) => role === 'ANALYST');
  return (
    <section className="explorer-limits" aria-labelledby={`${ids}-title`} role="region" tabIndex={0}>
      <h2 id={`${ids}-title`}>{t('limit.title')}</h2>
      {refusals.map((refusal) => (
        <div key={refusal.kind} className="explorer-limit">
          <h3>{t(`limit.${refusal.kind}.name`)}</h3>
          <Figures refusal={refusal} />
          {OPERATION_LIMITS.has(refusal.kind) ? (
            <p className="hint">{t('limit.appliesTo', { role: t(analyst ? 'limit.role.analyst' : 'limit.role.staff') })}</p>
          ) : null}
          {refusal.kind === 'cost' ? <p className="hint">{t('limit.cost.how')}</p> : null}
          <h4>{t('limit.howToNarrow')}</h4>
          <ul>
            {TIPS[refusal.kind].map((tip) => (
              <li key={tip}>{t(tip, { allowed: 'allowed' in refusal ? refusal.allowed : '' })}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
