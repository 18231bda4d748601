import { appendFileSync } from 'node:fs';
import type { LogContext, Logger as OrmLogger, LoggerNamespace } from '@mikro-orm/core';
import type { Logger } from 'pino';

/** Key of a `loggerContext` marking a statement as background work, which QueryCounter does not count. */
export const BACKGROUND_QUERY = 'backgroundQuery';

/**
 * MikroORM logger that counts every SQL statement a service sends and writes ORM messages through
 * pino (statements at `debug`). The count is what the batching tests assert on: one statement per
 * entity type per subgraph fetch.
 */
export class QueryCounter implements OrmLogger {
  private statements = 0;
  private readonly recent: string[] = [];

  /**
   * `captureFile` (SQL_CAPTURE_FILE, for `npm run bench:peers` only): every statement, as sent to
   * PostgreSQL, is appended to this file as one JSON line `{ "sql", "background" }`, synchronously, so
   * a request's statements are in the file when its answer leaves. Unset (always, outside the bench): nothing is written.
   */
  constructor(
    private readonly logger: Logger,
    private readonly captureFile?: string,
  ) {}

  /** Statements since the last `reset()`. */
  get count(): number {
    return this.statements;
  }

  /** The last statements seen (up to 50), for a failing test's message. */
  get lastStatements(): readonly string[] {
    return this.recent;
  }

  reset(): void {
    this.statements = 0;
    this.recent.length = 0;
  }

  logQuery(context: LogContext): void {
    if (this.captureFile !== undefined) this.capture(context);
    if (context[BACKGROUND_QUERY] === true) return this.logBackground(context);
    this.statements += 1;
    if (this.recent.length >= 50) this.recent.shift();
    this.recent.push(context.query ?? '');
    if (this.logger.isLevelEnabled('debug')) this.logger.debug({ sql: context.query, tookMs: context.took }, 'sql');
  }

  /** The statement as PostgreSQL received it: MikroORM inlines the parameters (`formatted`) before sending. */
  private capture(context: LogContext): void {
    const formatted: unknown = context['formatted'];
    const sql = typeof formatted === 'string' ? formatted : (context.query ?? '');
    appendFileSync(
      this.captureFile!,
      `${JSON.stringify({ sql, background: context[BACKGROUND_QUERY] === true, failed: context.level === 'error' })}\n`,
    );
  }

  /** Statements of background work (e.g. polling the sharing channels) are no request's: logged, not counted. */
  private logBackground(context: LogContext): void {
    if (this.logger.isLevelEnabled('debug')) this.logger.debug({ sql: context.query, tookMs: context.took, background: true }, 'sql');
  }

  log(namespace: string, message: string): void {
    this.logger.debug({ namespace }, message);
  }

  error(namespace: string, message: string): void {
    this.logger.error({ namespace }, message);
  }

  warn(namespace: string, message: string): void {
    this.logger.warn({ namespace }, message);
  }

  setDebugMode(): void {}

  isEnabled(namespace: LoggerNamespace): boolean {
    return namespace === 'query' || this.logger.isLevelEnabled('debug');
  }
}
