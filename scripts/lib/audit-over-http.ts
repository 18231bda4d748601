import {
  auditAccessLog,
  CHAIN_PAGE,
  ROOT_FIELD_PREFIX,
  type AccessLogAudit,
  type ChainLink,
  type Department,
  type WitnessedPosition,
} from '@labour/shared';

/** Where the audit asks, as whom: a GraphQL endpoint per department (the gateway's for all, or each subgraph's) and a bearer token. */
export interface AuditEndpoints {
  urlOf(department: Department): string;
  token: string;
}

/** The log could not be read (exit code 2), as opposed to a log found broken (exit code 1). */
export class CannotReadError extends Error {}

async function ask<T>(endpoints: AuditEndpoints, department: Department, query: string, variables: Record<string, unknown>): Promise<T> {
  const url = endpoints.urlOf(department);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoints.token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    throw new CannotReadError(`${url} cannot be reached (${cause?.code ?? (error as Error).message})`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  if (!body || body.errors?.length || !body.data) {
    const reasons = body?.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`;
    throw new CannotReadError(`${department} answered ${reasons}`);
  }
  return Object.values(body.data)[0] as T;
}

/** The provider's whole chain, a page at a time, over HTTP (`<prefix>AccessLogChain`). */
function chainOverHttp(endpoints: AuditEndpoints, provider: Department) {
  const query = `query AuditChain($after: ID, $first: Int!) { links: ${ROOT_FIELD_PREFIX[provider]}AccessLogChain(after: $after, first: $first) { id contents prevHash hash } }`;
  return (after: string, limit: number) =>
    ask<ChainLink[]>(endpoints, provider, query, { after: after === '0' ? null : after, first: Math.min(limit, CHAIN_PAGE) });
}

/** Every head of `provider`'s log that `witness` kept or refused (`<prefix>WitnessedLogHeads`). */
async function headsOverHttp(endpoints: AuditEndpoints, witness: Department, provider: Department): Promise<WitnessedPosition[]> {
  const query = `query AuditHeads($provider: Department!, $after: ID, $first: Int!) { heads: ${ROOT_FIELD_PREFIX[witness]}WitnessedLogHeads(provider: $provider, after: $after, first: $first) { id entries lastHash signedAt status reason } }`;
  const heads: WitnessedPosition[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Array<Omit<WitnessedPosition, 'witness'> & { id: string }> = await ask(endpoints, witness, query, {
      provider,
      after,
      first: 1000,
    });
    heads.push(...page.map(({ id: _id, ...head }) => ({ ...head, witness })));
    if (page.length < 1000) return heads;
    after = page[page.length - 1]!.id;
  }
}

export interface AuditReport {
  audit: AccessLogAudit;
  /** The departments whose witnessed heads were read. */
  witnesses: Department[];
  /** Those that could not be asked, and why. */
  unreachable: Array<{ witness: Department; reason: string }>;
}

/**
 * Audits `provider`'s access log over HTTP, without its database role: its chain (read with an AUDITOR
 * or ADMIN token of its department) against the heads the other departments witnessed. A witness that
 * cannot be asked is named; with none at all, the log cannot be checked beyond its own chain (CannotReadError).
 */
export async function auditOverHttp(endpoints: AuditEndpoints, provider: Department, all: readonly Department[]): Promise<AuditReport> {
  const others = all.filter((d) => d !== provider);
  const answers = await Promise.all(
    others.map(async (witness) => {
      try {
        return { witness, heads: await headsOverHttp(endpoints, witness, provider) };
      } catch (error) {
        if (error instanceof CannotReadError) return { witness, reason: error.message };
        throw error;
      }
    }),
  );
  const unreachable = answers.flatMap((a) => ('reason' in a ? [{ witness: a.witness, reason: a.reason! }] : []));
  if (unreachable.length === others.length) {
    throw new CannotReadError(`no other department's witnessed heads could be read: ${unreachable.map((u) => u.reason).join('; ')}`);
  }
  const heads = answers.flatMap((a) => ('heads' in a ? a.heads! : []));
  const audit = await auditAccessLog(chainOverHttp(endpoints, provider), heads);
  return { audit, witnesses: answers.flatMap((a) => ('heads' in a ? [a.witness] : [])), unreachable };
}
