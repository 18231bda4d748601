import {
  addDays,
  Department,
  EnterpriseKey,
  ForbiddenError,
  postToDepartment,
  RISK_WINDOW_DAYS,
  RISK_SIGNALS_BOUND,
  RiskSignal,
  RiskSignalKind,
  type RiskSignalColumns,
  Role,
  sizeWithin,
  type Principal,
} from '@labour/shared';
import type { UnionRequestContext } from '../request-context';
import { MEMBERSHIP_WEIGHT, membershipSignals, unionMediationSignals } from '../risk/risk.service';
import { AgendaSuggestion, AgendaSuggestions } from './agenda-suggestion.type';
import { AGENDA_BOUND } from './agenda.args';

/**
 * The other departments and the root query each answers its signals with, as columns: thousands of
 * signals as four lists of scalars cost the department (and the union, reading them) far less than as
 * thousands of objects resolved and serialised field by field.
 */
const PEERS: ReadonlyArray<{ department: Department; queryName: string }> = [
  { department: Department.HR_BUREAU, queryName: 'hrBureauRiskSignalColumns' },
  { department: Department.COURT, queryName: 'courtRiskSignalColumns' },
  { department: Department.JUSTICE, queryName: 'justiceRiskSignalColumns' },
];

const KINDS = new Set<string>(Object.values(RiskSignalKind));

/** Only coordinators of the joint meeting (and administrators) ask for suggestions; analysts get FORBIDDEN. */
function assertAgendaReader(principal: Principal): void {
  if (!principal.roles.some((role) => role === Role.COORDINATOR || role === Role.ADMIN)) {
    throw new ForbiddenError('Only a COORDINATOR or ADMIN may ask for the suggested agenda');
  }
}

/**
 * The departments' answers in flight, by department, caller's `Authorization` and window: an agenda
 * asked while another one of the same caller (same token: same permissions) and window waits for a
 * department shares that department's answer instead of asking again, as the gateway shares identical
 * fetches. Nothing is kept once the answer is in.
 */
const inFlight = new Map<string, Promise<RiskSignal[] | null>>();

function sharedPeerSignals(
  ctx: UnionRequestContext,
  peer: (typeof PEERS)[number],
  since: string,
  asOf: string,
): Promise<RiskSignal[] | null> {
  const key = `${peer.department}\n${ctx.authorization ?? ''}\n${since}\n${asOf}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const answer = peerSignals(ctx, peer, since, asOf).finally(() => inFlight.delete(key));
  inFlight.set(key, answer);
  return answer;
}

/**
 * Asks one department for its signals over HTTP, as the caller (its own Authorization header, so the
 * department applies its own rules), within that department's timeout and behind its breaker. Null when
 * it cannot be reached, times out, its breaker is open, or it answers with errors or columns of unequal length.
 */
async function peerSignals(
  ctx: UnionRequestContext,
  peer: (typeof PEERS)[number],
  since: string,
  asOf: string,
): Promise<RiskSignal[] | null> {
  const url = ctx.peerUrls?.[peer.department];
  if (!url || !ctx.authorization) return null;
  try {
    // A 5xx or a body that is not JSON is the department failing; a GraphQL refusal is its answer.
    const { status, body } = await postToDepartment<{ data?: { signals?: RiskSignalColumns | null } | null; errors?: unknown[] }>(
      ctx.peerGuard(peer.department),
      url,
      {
        authorization: ctx.authorization,
        requestId: ctx.requestId,
        body: {
          query: `query RiskSignalColumns($since: Date!, $asOf: Date, $limit: Int) { signals: ${peer.queryName}(since: $since, asOf: $asOf, limit: $limit) { source creditCodes kinds weights details } }`,
          // Every enterprise the department signals, not only its own heaviest: the ranking sums over departments.
          variables: { since, asOf, limit: RISK_SIGNALS_BOUND.max },
        },
      },
    );
    const columns = body.data?.signals;
    const length = Array.isArray(columns?.creditCodes) ? columns.creditCodes.length : -1;
    if (
      status >= 400 ||
      body.errors?.length ||
      !columns ||
      length < 0 ||
      [columns.kinds, columns.weights, columns.details].some((list) => !Array.isArray(list) || list.length !== length)
    ) {
      ctx.logger.warn({ department: peer.department, status, errors: body.errors }, 'risk signals refused');
      return null;
    }
    // A department speaks only for itself: signals naming another source, or of an unknown kind, are dropped.
    if (columns.source !== peer.department) return [];
    const signals: RiskSignal[] = [];
    for (let i = 0; i < length; i += 1) {
      const kind = columns.kinds[i]!;
      const weight = columns.weights[i]!;
      if (!KINDS.has(kind) || !Number.isInteger(weight)) continue;
      signals.push(
        Object.assign(new RiskSignal(), {
          creditCode: columns.creditCodes[i]!,
          source: peer.department,
          kind,
          weight,
          detail: columns.details[i]!,
        }),
      );
    }
    return signals;
  } catch (error) {
    ctx.logger.warn(
      { department: peer.department, reason: error instanceof Error ? error.message : String(error) },
      'risk signals unreachable',
    );
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
 * The suggested agenda (事前预警), in two steps that keep the ranking exact:
 * 1. the three other departments' signals over HTTP, as columns (shared with the caller's identical
 *    asks in flight), in parallel with the union's mediation cases (one statement), summed per enterprise;
 * 2. the union-membership signals (CONTRACT_EXPIRED, CONTRACT_MISSING or NO_UNION: at most one, worth at
 *    most MEMBERSHIP_WEIGHT) of only the enterprises they could lift into the first `limit` (one statement):
 *    an enterprise whose score + MEMBERSHIP_WEIGHT stays below the limit-th score cannot get there (the ones
 *    above only keep or gain). An enterprise nobody else signals scores at most MEMBERSHIP_WEIGHT: while the
 *    limit-th score is not above that, every covered enterprise is asked about as well.
 * Then summed again and ranked. A department that does not answer is named in `missingSources`; the rest still rank.
 */
export async function suggestAgenda(ctx: UnionRequestContext, limit: number, asOfArg?: string | null): Promise<AgendaSuggestions> {
  assertAgendaReader(ctx.principal);
  sizeWithin(AGENDA_BOUND, limit);
  const asOf = asOfArg ?? ctx.today;
  const since = addDays(asOf, -RISK_WINDOW_DAYS);
  const [own, ...peers] = await Promise.all([
    unionMediationSignals(ctx.em, { since, asOf }),
    ...PEERS.map((peer) => sharedPeerSignals(ctx, peer, since, asOf)),
  ]);
  const missingSources = PEERS.filter((_, i) => peers[i] === null).map((peer) => peer.department);
  const signals = [...own, ...peers.flatMap((s) => s ?? [])];
  const totals = new Map<string, number>();
  for (const signal of signals) totals.set(signal.creditCode, (totals.get(signal.creditCode) ?? 0) + signal.weight);
  const scores = [...totals.values()].sort((a, b) => b - a);
  const threshold = scores.length >= limit ? scores[limit - 1]! : Number.NEGATIVE_INFINITY;
  const everyCovered = threshold <= MEMBERSHIP_WEIGHT;
  // Only the candidates (and, with everyCovered, the enterprises the membership statement brings) can be in the first `limit`.
  const candidates = new Set([...totals].filter(([, score]) => score + MEMBERSHIP_WEIGHT >= threshold).map(([code]) => code));
  const membership = await membershipSignals(ctx.em, [...candidates], asOf, everyCovered);
  const final = rankByEnterprise([...signals.filter((s) => candidates.has(s.creditCode)), ...membership]);
  const items = final.slice(0, limit).map(({ creditCode, list, score }) =>
    Object.assign(new AgendaSuggestion(), {
      enterprise: Object.assign(new EnterpriseKey(), { creditCode }),
      score,
      signals: list.sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind)),
    }),
  );
  return Object.assign(new AgendaSuggestions(), { items, missingSources, asOf });
}
