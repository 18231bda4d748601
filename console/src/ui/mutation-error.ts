import type { TFunction } from 'i18next';
import { RequestFailed } from '../graphql/client';

/**
 * An input field as the gateway names it (`place`, `participants.1.name`) in the screen's words: each
 * name by its label (`<prefix>.<name>`), each position counted from 1.
 */
function fieldLabel(field: string, t: TFunction, prefix = 'field'): string {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : t(`${prefix}.${part}`, { defaultValue: part })))
    .join(' ');
}

/**
 * What a refused change means, in words naming what went wrong: the error's code picks the sentence
 * (`error.<CODE>` in the screen's namespace, else `error.other`), bad input names the field by its label
 * (`<fieldPrefix>.<name>`, default `field`, for the input's field as `extensions.field` gives it) and
 * keeps the gateway's message.
 */
export function describeMutationError(error: unknown, t: TFunction, options: { fieldPrefix?: string } = {}): string {
  if (!(error instanceof RequestFailed))
    return t('error.other', { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) });
  const first = error.errors[0];
  const code = error.code ?? `HTTP ${error.status}`;
  const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
  const label = field ? fieldLabel(field, t, options.fieldPrefix) : '—';
  return t(`error.${code}`, { defaultValue: t('error.other', { code, message: error.message }), message: error.message, field: label });
}
