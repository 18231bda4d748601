import { useTranslation } from 'react-i18next';
import { RequestFailed } from '../graphql/client';

/**
 * A refused change, named: CONFLICT (someone else changed the meeting since it was read) with a reload
 * button, never overwriting; bad input with the field the gateway names; anything else with its message.
 */
/** An input field the gateway names (`place`, `participants.1.name`) in the caller's language. */
function fieldLabel(field: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = field.split(/[.[\]]+/).filter(Boolean);
  return parts
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : t(`input.${part}`, { defaultValue: part })))
    .join(' ');
}

export function MutationError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation('meetings');
  if (!error) return null;
  const failed = error instanceof RequestFailed ? error : null;
  if (failed?.code === 'CONFLICT') {
    return (
      <div role="alert" className="banner banner-error" data-error="CONFLICT">
        {t('error.conflict')}
        <button type="button" onClick={onReload}>
          {t('error.reload')}
        </button>
      </div>
    );
  }
  const first = failed?.errors[0];
  const field = first?.extensions?.field;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="banner banner-error" data-error={failed?.code ?? 'ERROR'}>
      {typeof field === 'string'
        ? t('error.field', { field: fieldLabel(field, t), message })
        : failed?.code === 'FORBIDDEN'
          ? t('error.forbidden', { message })
          : t('error.other', { message })}
    </div>
  );
}
