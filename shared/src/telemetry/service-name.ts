import { sep } from 'node:path';

/**
 * A service's name from its entry point: `…/subgraphs/court/src/main.js` → `court`,
 * `…/gateway/src/main.js` → `gateway` (compiled or TypeScript); `fallback` for anything else.
 */
export function serviceNameOf(entry: string | undefined, fallback = 'labour-federation'): string {
  const parts = (entry ?? '').split(sep).join('/').split('/');
  const src = parts.lastIndexOf('src');
  if (src < 1) return fallback;
  const name = parts[src - 1]!;
  return parts[src - 2] === 'subgraphs' || name === 'gateway' ? name : fallback;
}
