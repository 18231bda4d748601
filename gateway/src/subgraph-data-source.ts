import { AsyncLocalStorage } from 'node:async_hooks';
import { STATUS_CODES } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { isDepartmentFault, type DepartmentGuard, type GraphQLAnswer } from '@labour/shared';
import { context as traceContexts } from '@opentelemetry/api';
import { GraphQLError, Kind, parse, type FieldNode } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayContext } from './gateway-context';
import { SubgraphFetches, type FetchCounts, type SubgraphFetchOptions } from './subgraph-fetches';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * A pool of keep-alive connections to the subgraphs: the gateway talks to four subgraphs all the
 * time, and a new TCP connection per fetch would cost more than most fetches themselves.
 */
export function createSubgraphConnections(): Agent {
  return new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000, connections: 64 });
}

/** The deadline of the fetch under way: the guard's signal reaches the fetcher, which RemoteGraphQLDataSource calls for us. */
const deadline = new AsyncLocalStorage<AbortSignal>();

/** Entities asked for in one `_entities` fetch: each gets its own error path, up to this many. */
const MAX_ERROR_PATHS = 20;

/**
 * Each subgraph fetch: the request id, the caller's token and declared purpose forwarded; within the
 * department's timeout and behind its breaker. When the department cannot answer, the fetch answers
 * for it with one error per place the department's data was asked for (DEPARTMENT_UNAVAILABLE or
 * DEPARTMENT_TIMEOUT, naming the department), so the gateway leaves those fields null and keeps the
 * other departments' data.
 *
 * Queries go through SubgraphFetches (subgraph-fetches.ts): an identical query of the same caller
 * already in flight is waited for rather than sent again, and the queries one client request sends
 * to this subgraph at the same time travel as one merged operation. Mutations are sent as they are.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly fetches: SubgraphFetches;

  constructor(
    url: string,
    connections: Agent,
    private readonly guard: DepartmentGuard,
    options: SubgraphFetchOptions = {},
  ) {
    const fetcher = ((input: string, init?: Record<string, unknown>) =>
      undiciFetch(input, { ...(init as object), dispatcher: connections, signal: deadline.getStore() })) as unknown as Fetcher;
    super({ url, fetcher });
    this.fetches = new SubgraphFetches((body, headers) => this.post(body, headers, connections), options);
  }

  /** HTTP requests sent to the subgraph so far, and fetches answered without one of their own. */
  get counts(): FetchCounts {
    return this.fetches.counts;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      // A fetch of a client's operation (not a health check or schema load, which have no caller).
      const query = options.request.query;
      if ('incomingRequestContext' in options && 'requestId' in options.context && query) {
        const { context, request } = options;
        return (await this.fetches.fetch({
          query,
          document: options.document,
          variables: request.variables,
          operationName: request.operationName,
          requestId: context.requestId,
          authorization: context.authorization,
          purpose: context.purpose,
          traceContext: traceContexts.active(),
        })) as GatewayGraphQLResponse;
      }
      // Not a fetch of a client's operation: no caller, so no token, purpose or request id to forward.
      return await this.guard.call((signal) => deadline.run(signal, () => super.process(options)));
    } catch (error) {
      if (!isDepartmentFault(error)) throw error;
      if ('missingDepartments' in options.context) options.context.missingDepartments.add(this.guard.department);
      const extensions = { ...error.extensions };
      return {
        errors: errorPaths(options.request.variables, options.request.query).map((path) => ({ message: error.message, path, extensions })),
      };
    }
  }

  /**
   * One HTTP request to the subgraph, within the department's timeout and behind its breaker. Through
   * undici's own request API rather than WHATWG fetch: the answer is read as one string, without the
   * web streams, Request and Response objects that fetch builds for every call.
   */
  private post(body: string, headers: Record<string, string>, connections: Agent): Promise<GraphQLAnswer> {
    const url = new URL(this.url!);
    return this.guard.call(async (signal) => {
      const response = await connections.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: 'POST',
        headers,
        body,
        signal,
      });
      const received = answerOf(this.url!, response.statusCode, response.headers, await response.body.text());
      // As RemoteGraphQLDataSource: a non-2xx status is an error carrying the status and body.
      if (received.status < 200 || received.status > 299) throw await this.errorFromResponse(received as never);
      const answer: unknown = await this.parseBody(received as never);
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
        throw new Error(`Expected JSON response body, but received: ${String(answer)}`);
      return answer as GraphQLAnswer;
    });
  }
}

/** The parts of a fetch Response that RemoteGraphQLDataSource's parseBody and errorFromResponse read. */
function answerOf(url: string, status: number, headers: Record<string, string | string[] | undefined>, text: string) {
  const header = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    url,
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { get: header },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}

/**
 * Where the missing data would have been, as subgraph-relative paths the gateway maps onto the client's
 * answer: for an entity fetch `['_entities', i, field]` per representation and field asked of it (the
 * gateway turns it into that field's place in the answer), for a root fetch each root field. At most
 * MAX_ERROR_PATHS: one department down must not multiply an answer's size.
 */
function errorPaths(variables: Record<string, unknown> | undefined, query: string | undefined): Array<Array<string | number>> {
  // Only on failure: the gateway's own fetch operation, which it has just printed.
  const operation = query ? parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) : undefined;
  const roots = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : [];
  const representations = variables?.['representations'];
  if (!Array.isArray(representations))
    return roots.flatMap((s) => (s.kind === Kind.FIELD ? [[s.alias?.value ?? s.name.value]] : [])).slice(0, MAX_ERROR_PATHS);
  const entities = roots.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  const fieldsOf = (typename: unknown): string[] =>
    (entities?.selectionSet?.selections ?? []).flatMap((fragment) =>
      fragment.kind === Kind.INLINE_FRAGMENT && fragment.typeCondition?.name.value === typename
        ? fragment.selectionSet.selections.flatMap((f) =>
            f.kind === Kind.FIELD && f.name.value !== '__typename' ? [f.alias?.value ?? f.name.value] : [],
          )
        : [],
    );
  const paths: Array<Array<string | number>> = [];
  for (const [index, representation] of representations.entries()) {
    for (const field of fieldsOf((representation as { __typename?: unknown }).__typename)) {
      if (paths.length === MAX_ERROR_PATHS) return paths;
      paths.push(['_entities', index, field]);
    }
  }
  return paths;
}

/**
 * A 4xx is the department's answer about this one request (a token it refuses, a query too large), not
 * its failure: it does not count towards the breaker.
 */
export function isSubgraphFault(error: Error): boolean {
  const status = error instanceof GraphQLError ? (error.extensions['response'] as { status?: number } | undefined)?.status : undefined;
  return !(status !== undefined && status >= 400 && status < 500);
}
