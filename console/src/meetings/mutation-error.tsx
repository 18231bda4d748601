import { useTranslation } from 'react-i18next';
import { RequestFailed } from '../graphql/client';
import { describeMutationError } from '../ui/mutation-error';

/**
 * A refused change of the meeting, named: CONFLICT (someone else changed the meeting since it was read)
 * with a reload button, never overwriting; anything else as `describeMutationError` words it, with the
 * input's fields by their labels in this screen (`input.*`).
 */
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
  return (
    <div role="alert" className="banner banner-error" data-error={failed?.code ?? 'ERROR'}>
      {describeMutationError(error, t, { fieldPrefix: 'input' })}
    </div>
  );
}
