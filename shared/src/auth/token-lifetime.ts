/** The longest a token may live (`exp - iat`) unless MAX_TOKEN_LIFETIME says otherwise: 12 hours, a working day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/** How far ahead of this service's clock a token's `iat` may be (the issuer's clock running a little fast). */
export const IAT_LEEWAY_SECONDS = 60;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `43200` (seconds) or a number with s, m, h or d (`12h`, `90m`) → seconds; null when it is neither. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's']!;
}

/** `43200` → `12h`, `5400` → `90m`: a lifetime as people write it. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}
