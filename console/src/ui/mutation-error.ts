import type { TFunction } from 'i18next';
import { RequestFailed } from '../graphql/client';

/**
 * What a refused change means, in words naming what went wrong: the error's code picks the sentence
 * (`error.<CODE>` in the screen's namespace, else `error.other`), bad input names the field by its label
 * (`field.<name>`, the input's field as `extensions.field` gives it) and keeps the gateway's message.
 */
export function describeMutationError(error: unknown, t: TFunction): string {
  if (!(error instanceof RequestFailed)) return t('error.other', { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) });
  const first = error.errors[0];
  const code = error.code ?? `HTTP ${error.status}`;
  const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
  const fieldLabel = field ? t(`field.${field}`, { defaultValue: field }) : '—';
  return t(`error.${code}`, { defaultValue: t('error.other', { code, message: error.message }), message: error.message, field: fieldLabel });
}
