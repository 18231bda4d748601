import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import { ERROR_CODES } from '../errors/error-codes';
import { OperationNames } from './operation-names';

/** The outcome label of a request answered without errors. */
export const OK = 'ok';

/** Seconds: from a cached lookup (1 ms) to a department's timeout (5 s) and beyond. */
export const LATENCY_BUCKETS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The outcome of a request as its first error's code (`extensions.code`), from the catalogue of codes
 * (error-codes.ts); an error without a known code is what the client sees of it, INTERNAL_SERVER_ERROR
 * (maskInternalErrors). A bounded set of labels: `ok` and the catalogue's codes.
 */
export function outcomeOf(errors: readonly GraphQLError[] | undefined): string {
  if (!errors || errors.length === 0) return OK;
  const code = errors[0]!.extensions?.['code'];
  return typeof code === 'string' && code in ERROR_CODES ? code : 'INTERNAL_SERVER_ERROR';
}

interface Children {
  count: Counter.Internal;
  latency: Histogram.Internal<'operation' | 'outcome'>;
}

/** When a request began (performance.now()), kept on its context: one slot instead of a closure per request. */
const STARTED = Symbol('metrics: request started');

/**
 * GraphQL requests of one service: `graphql_requests_total{operation, outcome}` and
 * `graphql_request_duration_seconds{operation, outcome}`, with `outcome` `ok` or the first error's code.
 * Label children are made once per operation and outcome and kept.
 */
export class RequestMetrics {
  private readonly names: OperationNames;
  private readonly count: Counter<'operation' | 'outcome'>;
  private readonly latency: Histogram<'operation' | 'outcome'>;
  private readonly children = new Map<string, Map<string, Children>>();
  private readonly refusals: Counter<'code'>;

  constructor(registry: Registry, maxOperationNames?: number) {
    this.names = new OperationNames(maxOperationNames);
    this.count = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome (ok, or the code of the first error)',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from a GraphQL request reaching Apollo Server until its answer is ready, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [...LATENCY_BUCKETS],
      registers: [registry],
    });
    this.refusals = new Counter({
      name: 'http_requests_refused_total',
      help:
        'Requests refused before GraphQL, by code: UNAUTHENTICATED (401), PAYLOAD_TOO_LARGE (413), UNSUPPORTED_MEDIA_TYPE (415), ' +
        'BAD_REQUEST (a body that is not JSON); at the gateway also its trusted documents: TRUSTED_DOCUMENT_REQUIRED, FORBIDDEN, ' +
        'PERSISTED_QUERY_NOT_FOUND, BAD_REQUEST (an id that does not match)',
      labelNames: ['code'],
      registers: [registry],
    });
    this.refusals.labels('UNAUTHENTICATED').inc(0);
  }

  /** A request refused before it reached GraphQL (its code is from the catalogue: a bounded label). */
  readonly refused = (code: string): void => {
    this.refusals.labels(code).inc();
  };

  /** One request answered: its operation's name (undefined: none resolved; null: anonymous), its errors, its time in ms. */
  observe(operationName: string | null | undefined, errors: readonly GraphQLError[] | undefined, ms: number): void {
    const operation = this.names.label(operationName);
    const outcome = outcomeOf(errors);
    let byOutcome = this.children.get(operation);
    if (!byOutcome) this.children.set(operation, (byOutcome = new Map()));
    let children = byOutcome.get(outcome);
    if (!children) {
      children = { count: this.count.labels(operation, outcome), latency: this.latency.labels(operation, outcome) };
      byOutcome.set(outcome, children);
    }
    children.count.inc();
    children.latency.observe(ms / 1000);
  }

  /** The Apollo Server plugin that feeds it: one timestamp on the request's context, one shared listener. */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    const listener = {
      willSendResponse: async (requestContext: {
        contextValue: C;
        operation?: { name?: { value: string } | undefined } | undefined;
        errors?: readonly GraphQLError[] | undefined;
      }) => {
        const started = (requestContext.contextValue as Record<symbol, number | undefined>)[STARTED];
        if (started === undefined) return;
        const name = requestContext.operation ? (requestContext.operation.name?.value ?? null) : undefined;
        this.observe(name, requestContext.errors, performance.now() - started);
      },
    };
    return {
      async requestDidStart({ contextValue }) {
        (contextValue as Record<symbol, number>)[STARTED] = performance.now();
        return listener;
      },
    };
  }
}
