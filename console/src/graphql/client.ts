import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** One GraphQL error as the gateway sends it: `extensions.code` says what happened (README "Errors"). */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; department?: string; [key: string]: unknown };
}

/** A whole answer: data (possibly partial), errors, and the departments missing from it. */
export interface Answer<T> {
  data: T | null;
  errors: GraphQLErrorEntry[];
  /** `extensions.missingDepartments`: departments whose part of the answer is absent (down, timed out, breaker open). */
  missingDepartments: string[];
}

/** A request that got no GraphQL answer at all (network down, 401, a refusal before execution). */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorEntry[] = [],
  ) {
    super(message);
  }

  /** The first error's code, when the gateway gave one (UNAUTHENTICATED, COST_ESTIMATED_TOO_EXPENSIVE, …). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export type TokenSource = () => string | null;

/**
 * Posts an operation to the gateway's /graphql with the signed-in token. Answers with data keep their
 * errors beside the data (a masked or forbidden field, a missing department); answers without data throw.
 */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
  token: TokenSource,
  signal?: AbortSignal,
): Promise<Answer<TResult>> {
  const bearer = token();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    signal,
  });
  let body: { data?: TResult | null; errors?: GraphQLErrorEntry[]; extensions?: { missingDepartments?: string[] } };
  try {
    body = await response.json();
  } catch {
    throw new RequestFailed(`HTTP ${response.status}`, response.status);
  }
  const errors = body.errors ?? [];
  if (body.data == null) throw new RequestFailed(errors[0]?.message ?? `HTTP ${response.status}`, response.status, errors);
  return { data: body.data, errors, missingDepartments: body.extensions?.missingDepartments ?? [] };
}

/** The error at a path of an answer, if any: how a cell tells FORBIDDEN from a department being down. */
export function errorAt(errors: readonly GraphQLErrorEntry[], path: ReadonlyArray<string | number>): GraphQLErrorEntry | undefined {
  return errors.find((e) => e.path && e.path.length === path.length && e.path.every((part, i) => part === path[i]));
}
