import {
  addDays,
  Department,
  EnterpriseKey,
  ForbiddenError,
  postToDepartment,
  RISK_WEIGHTS,
  RISK_WINDOW_DAYS,
  RISK_SIGNALS_BOUND,
  RiskSignal,
  RiskSignalKind,
  Role,
  sizeWithin,
  type Principal,
} from '@labour/shared';
import type { UnionContext } from '../context';
import { noUnionSignals, unionRiskSignals } from '../risk/risk.service';
import { AgendaSuggestion, AgendaSuggestions } from './agenda-suggestion.type';
import { AGENDA_BOUND } from './agenda.args';

/** The other departments and the root query each answers its signals with. */
const PEERS: ReadonlyArray<{ department: Department; queryName: string }> = [
  { department: Department.HR_BUREAU, queryName: 'hrBureauRiskSignals' },
  { department: Department.COURT, queryName: 'courtRiskSignals' },
  { department: Department.JUSTICE, queryName: 'justiceRiskSignals' },
];

/** How long the union waits for a department before suggesting without it. */
const KINDS = new Set<string>(Object.values(RiskSignalKind));

/** Only coordinators of the joint meeting (and administrators) ask for suggestions; analysts get FORBIDDEN. */
export function assertAgendaReader(principal: Principal): void {
  if (!principal.roles.some((role) => role === Role.COORDINATOR || role === Role.ADMIN)) {
    throw new ForbiddenError('Only a COORDINATOR or ADMIN may ask for the suggested agenda');
  }
}

/**
 * Asks one department for its signals over HTTP, as the caller (its own Authorization header, so the
 * department applies its own rules), within that department's timeout and behind its breaker. Null when
 * it cannot be reached, times out, its breaker is open, or it answers with errors.
 */
async function peerSignals(ctx: UnionContext, peer: (typeof PEERS)[number], since: string, asOf: string): Promise<RiskSignal[] | null> {
  const url = ctx.peerUrls?.[peer.department];
  if (!url || !ctx.authorization) return null;
  try {
    // A 5xx or a body that is not JSON is the department failing; a GraphQL refusal is its answer.
    const { status, body } = await postToDepartment<{ data?: { signals?: RiskSignal[] | null } | null; errors?: unknown[] }>(ctx.peerGuard(peer.department), url, {
      authorization: ctx.authorization,
      requestId: ctx.requestId,
      body: {
        query: `query RiskSignals($since: Date!, $asOf: Date, $limit: Int) { signals: ${peer.queryName}(since: $since, asOf: $asOf, limit: $limit) { creditCode source kind weight detail } }`,
        // Every enterprise the department signals, not only its own heaviest: the ranking sums over departments.
        variables: { since, asOf, limit: RISK_SIGNALS_BOUND.max },
      },
    });
    if (status >= 400 || body.errors?.length || !Array.isArray(body.data?.signals)) {
      ctx.logger.warn({ department: peer.department, status, errors: body.errors }, 'risk signals refused');
      return null;
    }
    // A department speaks only for itself: a signal naming another source or an unknown kind is dropped.
    return body.data.signals
      .filter((s) => s.source === peer.department && KINDS.has(s.kind) && Number.isInteger(s.weight))
      .map((s) => Object.assign(new RiskSignal(), s));
  } catch (error) {
    ctx.logger.warn({ department: peer.department, reason: error instanceof Error ? error.message : String(error) }, 'risk signals unreachable');
    return null;
  }
}

/** Signals summed per enterprise, highest score first (ties by credit code). */
function rankByEnterprise(signals: RiskSignal[]): Array<{ creditCode: string; list: RiskSignal[]; score: number }> {
  const byEnterprise = new Map<string, RiskSignal[]>();
  for (const signal of signals) {
    const list = byEnterprise.get(signal.creditCode);
    if (list) list.push(signal);
    else byEnterprise.set(signal.creditCode, [signal]);
  }
  const ranked = [...byEnterprise].map(([creditCode, list]) => ({ creditCode, list, score: list.reduce((sum, s) => sum + s.weight, 0) }));
  return ranked.sort((a, b) => b.score - a.score || (a.creditCode < b.creditCode ? -1 : 1));
}

/**
 * The suggested agenda (事前预警): the three other departments' signals over HTTP in parallel with the
 * union's own (one statement), then NO_UNION for the enterprises the others bring up that no union
 * organisation covers (one statement), summed per enterprise and ranked. A department that does not
 * answer is named in `missingSources`; the rest still rank.
 */
export async function suggestAgenda(ctx: UnionContext, limit: number, asOfArg?: string | null): Promise<AgendaSuggestions> {
  assertAgendaReader(ctx.principal);
  sizeWithin(AGENDA_BOUND, limit);
  const asOf = asOfArg ?? ctx.today;
  const since = addDays(asOf, -RISK_WINDOW_DAYS);
  const window = { since, asOf, limit: null };
  const [own, ...peers] = await Promise.all([unionRiskSignals(ctx.em, window), ...PEERS.map((peer) => peerSignals(ctx, peer, since, asOf))]);
  const missingSources = PEERS.filter((_, i) => peers[i] === null).map((peer) => peer.department);
  const signals = [...own, ...peers.flatMap((s) => s ?? [])];
  const ranked = rankByEnterprise(signals);

  // NO_UNION for the enterprises no organisation covers, asked only for those it could lift into the
  // first `limit`: with it, an enterprise whose score + NO_UNION's weight stays below the limit-th score
  // cannot get there (the ones above only keep or gain), so the ranking is exact and the statement small.
  const ownCovered = new Set(own.filter((s) => s.kind === RiskSignalKind.CONTRACT_EXPIRED || s.kind === RiskSignalKind.CONTRACT_MISSING).map((s) => s.creditCode));
  const threshold = ranked.length > limit ? ranked[limit - 1]!.score : Number.NEGATIVE_INFINITY;
  const candidates = ranked.filter((r) => !ownCovered.has(r.creditCode) && r.score + RISK_WEIGHTS.noUnion >= threshold).map((r) => r.creditCode);
  const noUnion = await noUnionSignals(ctx.em, candidates, asOf);
  const final = noUnion.length === 0 ? ranked : rankByEnterprise([...signals, ...noUnion]);
  const items = final.slice(0, limit).map(({ creditCode, list, score }) =>
    Object.assign(new AgendaSuggestion(), {
      enterprise: Object.assign(new EnterpriseKey(), { creditCode }),
      score,
      signals: list.sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind)),
    }),
  );
  return Object.assign(new AgendaSuggestions(), { items, missingSources, asOf });
}
