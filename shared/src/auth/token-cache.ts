import type { Principal } from '../context/principal';

/** Verified tokens kept by a verifier, at most this many (about 5 MB of tokens and principals). */
export const DEFAULT_TOKEN_CACHE_SIZE = 10_000;

interface Entry {
  readonly principal: Principal;
  /** The token's `exp`, in milliseconds. */
  readonly expiresAt: number;
  /** The key set that verified it: a different one (a refetched JWKS) makes the entry stale. */
  readonly keySet: unknown;
}

/**
 * Tokens this service has verified, by the token itself: a client sends the same token with every
 * request, and checking its signature again each time costs more than most of what the request asks.
 * An entry is used only before the token's `exp` (by the verifier's clock) and while the key set that
 * verified it is still the one in use; refused tokens are never kept. Least recently used entries go
 * first once `size` are kept.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly size: number = DEFAULT_TOKEN_CACHE_SIZE) {
    if (!Number.isInteger(size) || size < 0)
      throw new Error(`The token cache size must be a whole number of tokens, at least 0, not ${size}`);
  }

  /** The principal of a token verified before, or undefined when it must be verified (again). */
  get(token: string, now: number, keySet: unknown): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (now >= entry.expiresAt || entry.keySet !== keySet) return undefined;
    // Most recently used last: the first entry is the one to drop.
    this.entries.set(token, entry);
    return entry.principal;
  }

  set(token: string, principal: Principal, expiresAtSeconds: number, keySet: unknown): void {
    if (this.size === 0) return;
    this.entries.delete(token);
    while (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, expiresAt: expiresAtSeconds * 1000, keySet });
  }

  get count(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
