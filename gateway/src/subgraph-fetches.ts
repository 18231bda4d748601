import {
  fetchOriginsHeader,
  MERGED_FETCHES_HEADER,
  REQUEST_ID_HEADER,
  isMergeable,
  MAX_MERGED_FETCHES,
  mergeOperations,
  mergeVariables,
  splitMergedAnswer,
  type GraphQLAnswer,
  type MergedOperation,
} from '@labour/shared';
import { context as traceContexts, type Context as TraceContext } from '@opentelemetry/api';
import { parse, type DocumentNode } from 'graphql';

/** One fetch of the query plan, with who asks it. */
export interface FetchRequest {
  query: string;
  /** The planner's parsed `query`, when it has one. */
  document?: DocumentNode | undefined;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  requestId: string;
  authorization: string | null;
  purpose: string | null;
  /**
   * The trace context of the client request the fetch serves (OpenTelemetry): its HTTP request to the
   * subgraph is sent in it, so it carries that request's `traceparent` even when it goes out later, from
   * another request's turn (a lane drained when an earlier request came back).
   */
  traceContext?: TraceContext | undefined;
}

/** Sends one HTTP request body to the subgraph with these headers; resolves to its JSON answer. */
export type Post = (body: string, headers: Record<string, string>) => Promise<GraphQLAnswer>;

/** What SubgraphFetches does; both on by default (off: each fetch is its own HTTP request, as in a stock gateway). */
export interface SubgraphFetchOptions {
  /** Identical queries of one caller in flight at once go out once. */
  share?: boolean;
  /** Queries one client request sends to the subgraph at once go out as one operation. */
  merge?: boolean;
}

export interface FetchCounts {
  /** HTTP requests sent. */
  requests: number;
  /** Fetches answered by another identical fetch's request, which was in flight (deduplicated). */
  shared: number;
  /** Fetches that travelled inside a merged request with others. */
  merged: number;
}

interface Waiter {
  resolve(answer: GraphQLAnswer): void;
  reject(error: unknown): void;
}

interface Queued extends Waiter {
  request: FetchRequest;
  document: DocumentNode;
}

/** One caller's queries to the subgraph: those waiting to go out, and how many requests are on their way. */
interface Lane {
  readonly queue: Queued[];
  inFlight: number;
  scheduled: boolean;
  /** Sends what waits after MAX_LANE_WAIT_MS, however many requests are on their way. */
  deadline: NodeJS.Timeout | undefined;
}

/**
 * Requests of one caller on their way to one subgraph before the caller's next queries wait and are
 * merged: two, so that a caller's fetches never queue behind a single slow one while another could go.
 */
export const MAX_IN_FLIGHT_PER_CALLER = 2;

/**
 * The longest a query waits in its caller's lane: a slow or hanging department must not add its whole
 * timeout to the queries queued behind a request to it (each has its own timeout once sent).
 */
export const MAX_LANE_WAIT_MS = 50;

/** Merged operations kept, by the fetch documents they merge: a query plan sends the same fetches every time. */
const MERGED_OPERATIONS_KEPT = 256;

/** JSON with object keys in order, so that equal variables give equal strings. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * Identical fetches: the same printed document, the same variables, the same `Authorization` header
 * (same token: same caller, same permissions) and the same `x-purpose`. The subgraph is implied: each
 * data source has its own SubgraphFetches.
 */
export function dedupKey(request: FetchRequest): string {
  return `${request.authorization ?? ''}\n${request.purpose ?? ''}\n${request.query}\n${stableJson(request.variables ?? {})}`;
}

/**
 * The queries the gateway sends to one subgraph:
 * - deduplicated: while a query is in flight, an identical one (dedupKey) waits for its answer instead
 *   of being sent; each waiter gets its own copy, since the gateway writes into the answers it merges.
 *   Identical reads by one caller at the same moment therefore reach the department once, and are one
 *   entry in its access log;
 * - merged: the queries of one caller (same token and purpose) travel together as one operation
 *   (merged-fetch.ts), up to MAX_MERGED_FETCHES in one, and the answer is split back per fetch. The
 *   queries of one client request sent within one turn of the event loop go out together; and while
 *   MAX_IN_FLIGHT_PER_CALLER requests of that caller are already on their way to the subgraph, the
 *   caller's next queries (from any of its client requests) wait for one of them to come back (at most
 *   MAX_LANE_WAIT_MS) and then go out together, as a group commit does: no delay when the subgraph keeps
 *   up, one request for many fetches when it does not. The merged request carries the ids of every client request in it
 *   (`x-request-id: id1,id2`), so the department's access log names each;
 * A failed request (a department fault) rejects every fetch it carried, each of which answers with its
 * own error paths (SubgraphDataSource). Mutations and other operations that cannot merge are sent alone.
 */
export class SubgraphFetches {
  readonly counts: FetchCounts = { requests: 0, shared: 0, merged: 0 };
  private readonly inFlight = new Map<string, Waiter[]>();
  private readonly lanes = new Map<string, Lane>();
  private readonly mergedOperations = new Map<string, MergedOperation>();

  constructor(
    private readonly post: Post,
    private readonly options: SubgraphFetchOptions = {},
  ) {}

  fetch(request: FetchRequest): Promise<GraphQLAnswer> {
    const { share = true, merge = true } = this.options;
    if (!share && !merge) return this.send(request);
    const document = request.document ?? parse(request.query);
    if (!isMergeable(document)) return this.send(request);
    if (!share) return new Promise((resolve, reject) => this.enqueue({ request, document, resolve, reject }));
    const key = dedupKey(request);
    const waiting = this.inFlight.get(key);
    if (waiting) {
      this.counts.shared += 1;
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    }
    const waiters: Waiter[] = [];
    this.inFlight.set(key, waiters);
    return new Promise<GraphQLAnswer>((resolve, reject) => this.enqueue({ request, document, resolve, reject })).then(
      (answer) => {
        this.inFlight.delete(key);
        // Copied before the first caller's gateway writes into its own.
        for (const waiter of waiters) waiter.resolve(structuredClone(answer));
        return answer;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        for (const waiter of waiters) waiter.reject(error);
        throw error;
      },
    );
  }

  /** Queues a query in its caller's lane; it goes out on the next turn of the event loop, or when the lane has room. */
  private enqueue(item: Queued): void {
    if (this.options.merge === false) return void this.send(item.request).then(item.resolve, item.reject);
    const { authorization, purpose } = item.request;
    const key = `${authorization ?? ''}\n${purpose ?? ''}`;
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { queue: [], inFlight: 0, scheduled: false, deadline: undefined }));
    lane.queue.push(item);
    this.schedule(key, lane);
  }

  /** Drains the lane on the next turn of the event loop, once: the queries arriving until then go out together. */
  private schedule(key: string, lane: Lane): void {
    if (lane.scheduled) return;
    lane.scheduled = true;
    setImmediate(() => {
      lane.scheduled = false;
      this.drain(key, lane);
    });
  }

  /**
   * Sends what the lane holds: every full merge at once; what is left only while fewer than
   * MAX_IN_FLIGHT_PER_CALLER requests are on their way (else it waits for one to come back), or, `force`d,
   * once it has waited MAX_LANE_WAIT_MS.
   */
  private drain(key: string, lane: Lane, force = false): void {
    while (lane.queue.length >= MAX_MERGED_FETCHES || (lane.queue.length > 0 && (force || lane.inFlight < MAX_IN_FLIGHT_PER_CALLER))) {
      const items = lane.queue.splice(0, MAX_MERGED_FETCHES);
      lane.inFlight += 1;
      void this.flush(items).finally(() => {
        lane.inFlight -= 1;
        if (lane.queue.length > 0) this.schedule(key, lane);
        else if (lane.inFlight === 0 && !lane.scheduled) this.lanes.delete(key);
      });
    }
    if (lane.queue.length === 0) {
      clearTimeout(lane.deadline);
      lane.deadline = undefined;
      if (lane.inFlight === 0) this.lanes.delete(key);
    } else {
      lane.deadline ??= setTimeout(() => {
        lane.deadline = undefined;
        this.drain(key, lane, true);
      }, MAX_LANE_WAIT_MS);
    }
  }

  private async flush(items: Queued[]): Promise<void> {
    if (items.length === 1) {
      const [item] = items as [Queued];
      return this.send(item.request).then(item.resolve, item.reject);
    }
    try {
      const merged = this.mergedOperation(items);
      const variables = mergeVariables(
        merged,
        items.map((item) => item.request.variables),
      );
      this.counts.requests += 1;
      this.counts.merged += items.length;
      // A merged request is one HTTP request: it travels in the trace of the first client request it serves.
      const answer = await inTraceOf(items[0]!.request, () =>
        this.post(
          JSON.stringify({ query: merged.query, variables, operationName: merged.operationName }),
          headersOf(items[0]!.request, items),
        ),
      );
      splitMergedAnswer(merged, answer).forEach((part, index) => items[index]!.resolve(part));
    } catch (error) {
      for (const item of items) item.reject(error);
    }
  }

  private mergedOperation(items: Queued[]): MergedOperation {
    const key = items.map((item) => item.request.query).join('\u0000');
    let merged = this.mergedOperations.get(key);
    if (!merged) {
      merged = mergeOperations(items.map((item) => item.document));
      if (this.mergedOperations.size >= MERGED_OPERATIONS_KEPT) this.mergedOperations.clear();
      this.mergedOperations.set(key, merged);
    }
    return merged;
  }

  private send(request: FetchRequest): Promise<GraphQLAnswer> {
    this.counts.requests += 1;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      ...(request.operationName ? { operationName: request.operationName } : {}),
    });
    return inTraceOf(request, () => this.post(body, headersOf(request)));
  }
}

function inTraceOf<T>(request: FetchRequest, send: () => T): T {
  return request.traceContext ? traceContexts.with(request.traceContext, send) : send();
}

/** The headers of a request to the subgraph; a merged one names every client request it carries fetches of. */
function headersOf(request: FetchRequest, items?: readonly Queued[]): Record<string, string> {
  const requestIds = items ? [...new Set(items.map((item) => item.request.requestId))].join(',') : request.requestId;
  return {
    'content-type': 'application/json',
    [REQUEST_ID_HEADER]: requestIds,
    // Which client request and operation each fetch serves: the department's access log names them.
    ...(items
      ? {
          [MERGED_FETCHES_HEADER]: fetchOriginsHeader(
            items.map(({ request: r }) => ({ requestId: r.requestId, operationName: r.operationName ?? null })),
          ),
        }
      : {}),
    ...(request.authorization ? { authorization: request.authorization } : {}),
    ...(request.purpose ? { 'x-purpose': request.purpose } : {}),
  };
}
