import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAccessLog, AccessLogHeadMoved } from './append-access-log';
import type { NewAccessLogRow } from './buffered-access-recorder';

/** Where the access-log plugin puts a request's rows: settles once they are in the log, rejects when they are not. */
export interface AccessLogSink {
  append(rows: readonly NewAccessLogRow[]): Promise<unknown>;
}

export interface AccessLogWriterOptions {
  /** The most rows one INSERT carries (whole requests; a request with more goes alone). Default 1000. */
  maxBatchRows?: number;
  /** How often a batch is re-chained when another process appended first, before it fails. Default 5. */
  maxAttempts?: number;
  /** Told of every INSERT the writer tried (re-chaining included): how long it took, how many rows, whether they are in the log (metrics). */
  observer?: AccessLogWriteObserver;
}

export interface AccessLogWriteObserver {
  written(seconds: number, rows: number, ok: boolean): void;
}

interface Pending {
  rows: readonly NewAccessLogRow[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The one writer of a service process's access log, by group commit. A request hands its rows over and
 * waits until they are committed (the response still leaves only after its reads are logged). While one
 * INSERT is on its way, the rows of every request that finishes meanwhile queue up, and the next INSERT
 * takes them all: one statement, one commit, one connection for any number of concurrent requests,
 * instead of one transaction each queueing for a database-wide lock.
 *
 * The chain: this writer keeps the hash of the last entry it wrote and chains the next batch onto it
 * without reading the table; the unique `prev_hash` refuses a batch whose head another process moved
 * (`AccessLogHeadMoved`), and the writer then reads the head and re-chains, up to `maxAttempts` times.
 *
 * A batch the database refuses for another reason is written again request by request, so one request's
 * bad rows (or a failure that passes) do not withhold the others' data; each request settles with its own outcome.
 */
export class AccessLogWriter implements AccessLogSink {
  private readonly queue: Pending[] = [];
  private running: Promise<void> | null = null;
  /** Hash of the last entry this writer committed; unknown (read from the table) at first and after any failure. */
  private head: string | undefined;
  private closed = false;
  private readonly maxBatchRows: number;
  private readonly maxAttempts: number;
  /** What it has written so far: INSERTs, the requests they carried, head conflicts re-chained. */
  private readonly stats = { batches: 0, requests: 0, headReloads: 0 };

  constructor(
    private readonly em: EntityManager,
    private readonly options: AccessLogWriterOptions = {},
  ) {
    this.maxBatchRows = options.maxBatchRows ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 5;
    if (!(this.maxBatchRows >= 1) || !(this.maxAttempts >= 1))
      throw new Error('AccessLogWriter: maxBatchRows and maxAttempts must be at least 1');
  }

  /** Queues a request's rows for the next INSERT; settles when they are committed, or rejects with why not. */
  append(rows: readonly NewAccessLogRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('the access-log writer is closed: the service is stopping'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.kick();
    });
  }

  /** How many INSERT batches carried how many requests so far, and how often the head had to be read again. */
  get counts(): Readonly<{ batches: number; requests: number; headReloads: number }> {
    return { ...this.stats };
  }

  /** Refuses new rows and waits until every queued one is written (or has failed). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.queue.length) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) await this.writeBatch(this.takeBatch());
  }

  /** Whole requests from the front of the queue, up to `maxBatchRows` rows (at least one request). */
  private takeBatch(): Pending[] {
    let rows = this.queue[0]!.rows.length;
    let count = 1;
    while (count < this.queue.length && rows + this.queue[count]!.rows.length <= this.maxBatchRows) {
      rows += this.queue[count]!.rows.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      await this.write(batch.length === 1 ? batch[0]!.rows : batch.flatMap((pending) => pending.rows));
      this.stats.batches += 1;
      this.stats.requests += batch.length;
      for (const pending of batch) pending.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
    }
    // Nothing of the batch was written (one statement): each request alone, so one cannot fail the others.
    for (const pending of batch) {
      try {
        await this.write(pending.rows);
        this.stats.batches += 1;
        this.stats.requests += 1;
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  private async write(rows: readonly NewAccessLogRow[]): Promise<void> {
    const observer = this.options.observer;
    const started = observer ? performance.now() : 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const entries = await appendAccessLog(this.em, rows, this.head);
        this.head = entries[entries.length - 1]!.hash;
        observer?.written((performance.now() - started) / 1000, rows.length, true);
        return;
      } catch (error) {
        // Whatever went wrong, the head this writer knew may be stale now: read it from the table next time.
        this.head = undefined;
        if (!(error instanceof AccessLogHeadMoved) || attempt >= this.maxAttempts) {
          observer?.written((performance.now() - started) / 1000, rows.length, false);
          throw error;
        }
        this.stats.headReloads += 1;
      }
    }
  }
}
