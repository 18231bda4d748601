import type { Logger } from 'pino';
import type { Department } from '../context/principal';
import { todayInChina } from '../legal-clock/dates';
import type { GrantSource, Grants } from '../permissions/grants';
import { grantsByConsumer, type ChannelInForce } from './channel-grants';

/** A GrantSource that keeps itself current: what a subgraph starts with its server and stops with it. */
export interface ChannelGrantSource extends GrantSource {
  /** Loads once, then every `refreshMs`. Resolves after the first attempt, whether it worked or not: never rejects. */
  start(): Promise<void>;
  /** Loads now (joining a load under way); true when it worked. */
  refresh(): Promise<boolean>;
  /** Stops polling; the grants held go stale like any others. */
  stop(): void;
  /** When the channels were last loaded (epoch ms), null before the first success. */
  lastSuccessAt(): number | null;
}

export interface PollingGrantSourceOptions {
  /** The department whose fields the channels grant (the subgraph's own). */
  provider: Department;
  /** Reads the provider's channels in force now; throws when it cannot. */
  load: () => Promise<readonly ChannelInForce[]>;
  /** How often to reload (default 10 s): a change in the registry shows within this, plus one load. */
  refreshMs?: number;
  /**
   * How old the last successful load may be before every consumer gets 'UNAVAILABLE' (default 30 s):
   * the provider fails closed rather than keep granting what may have been revoked meanwhile.
   */
  staleAfterMs?: number;
  logger: Logger;
  /** Clock, for tests. */
  now?: () => number;
  /** The day the grants are for (the service's clock: `clock.today`); by default the day of `now`. */
  today?: () => string;
  /** Where the channels come from, for the log (e.g. the registry URL). */
  from: string;
}

const NONE: Grants = new Map();
/** While loads keep failing, one warning in this many (about every 5 minutes at the default 10 s). */
const LOG_EVERY = 30;

/** The message of an error and of its cause (fetch says only "fetch failed"; the cause says ECONNREFUSED). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.message}` : '';
  return error.message + cause;
}

/**
 * The polling, staleness and day-by-day expiry shared by the provider caches (over HTTP) and the
 * union's own source (its table). Grants are rebuilt when the day changes, so a channel whose
 * `validUntil` has passed stops granting at midnight (China time) without waiting for a load.
 */
export function createPollingGrantSource(options: PollingGrantSourceOptions): ChannelGrantSource {
  const refreshMs = options.refreshMs ?? 10_000;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  const today = options.today ?? (() => todayInChina(new Date(now())));
  const logger = options.logger.child({ component: 'channel-grants', provider: options.provider, from: options.from });

  let channels: readonly ChannelInForce[] = [];
  let lastSuccess: number | null = null;
  let table: { day: string; byConsumer: Map<Department, Grants> } | null = null;
  let inFlight: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let failures = 0;
  let reportedStale = false;
  const createdAt = now();

  const stale = () => lastSuccess === null || now() - lastSuccess > staleAfterMs;
  // Services start together: the registry may simply not be up yet. That is no alarm until staleAfterMs.
  const startingUp = () => lastSuccess === null && now() - createdAt <= staleAfterMs;

  async function loadOnce(): Promise<boolean> {
    try {
      channels = await options.load();
      lastSuccess = now();
      table = null;
      if (failures > 0 || reportedStale)
        logger.info({ afterFailures: failures, channels: channels.length }, 'sharing channels loaded again');
      else logger.debug({ channels: channels.length }, 'sharing channels loaded');
      failures = 0;
      reportedStale = false;
      return true;
    } catch (error) {
      failures += 1;
      // The first failure and then one in LOG_EVERY are warnings; the rest would repeat them every refresh.
      const level = failures === 1 || failures % LOG_EVERY === 0 ? (startingUp() ? 'info' : 'warn') : 'debug';
      logger[level](
        { failures, reason: reasonOf(error), lastSuccessAt: lastSuccess && new Date(lastSuccess).toISOString() },
        'sharing channels could not be loaded',
      );
      if (stale() && !startingUp() && !reportedStale) {
        reportedStale = true;
        logger.error(
          { staleAfterMs },
          'no current copy of the sharing channels: other departments get no shared fields until the channel table can be read again',
        );
      }
      return false;
    }
  }

  function refresh(): Promise<boolean> {
    inFlight ??= loadOnce().finally(() => (inFlight = null));
    return inFlight;
  }

  function schedule(): void {
    if (!running) return;
    // Until the first answer, ask every second: shared fields then appear as soon as the registry is up.
    timer = setTimeout(() => void refresh().finally(schedule), lastSuccess === null ? Math.min(refreshMs, 1_000) : refreshMs);
    timer.unref();
  }

  return {
    grantsFor(consumer) {
      if (stale()) return 'UNAVAILABLE';
      const day = today();
      if (table?.day !== day) table = { day, byConsumer: grantsByConsumer(channels, day) };
      return table.byConsumer.get(consumer) ?? NONE;
    },
    async start() {
      if (running) return;
      running = true;
      await refresh();
      schedule();
    },
    refresh,
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    lastSuccessAt: () => lastSuccess,
  };
}
