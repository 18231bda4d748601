import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { scrape, type Scrape } from '../support/metrics';
import { startStack, type RunningStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';
import { waitFor } from '../support/wait-for';

/**
 * Every service's Prometheus metrics, scraped from their own ports after requests through the real
 * gateway: requests by operation and outcome, the gateway's fetches per subgraph and its breakers, the
 * permission outcomes and access-log writes of a provider, and who may scrape.
 */

const TOKEN = 'metrics-token-for-the-e2e-test-0123456789abcdef';
const CONSTRUCTION = STORY_ENTERPRISES.constructionArrears;
const DOSSIER = /* GraphQL */ `
  query Dossier($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      creditCode name
      mediationCases { caseNo } lawsuits { caseNo } legalAidCases { caseNo }
    }
  }
`;
const ARREARS = /* GraphQL */ `
  query Arrears($creditCode: String!) {
    enterprise(creditCode: $creditCode) { wageArrearsAlerts { alertNo amountOwed } }
  }
`;
const SUBGRAPHS = ['hr-bureau', 'union', 'court', 'justice'] as const;

interface Answer {
  data?: any;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

describe('metrics', () => {
  let stack: RunningStack;
  const coordinator = asPrincipal(Department.UNION, Role.COORDINATOR);
  const ask = async (query: string, variables: Record<string, unknown>, who = coordinator): Promise<Answer> =>
    (await stack.query(query, variables, who)).body as Answer;
  const scrapeOf = (service: string): Promise<Scrape> => scrape(stack.metricsUrls.get(service)!, TOKEN);

  beforeAll(async () => {
    // Short settings: the breaker opens after two failures and probes again after 5 s (long enough to see it open on a busy machine).
    stack = await startStack({
      faults: true,
      metrics: { token: TOKEN },
      guard: { timeoutMs: 1_500, failuresToOpen: 2, halfOpenAfterMs: 5_000 },
    });
  }, 180_000);
  afterAll(() => stack?.stop());

  it('serves them on a port of their own, only with the token; the public port has none', async () => {
    expect([...stack.metricsUrls.keys()].sort()).toEqual(['court', 'gateway', 'hr-bureau', 'justice', 'union']);
    const url = stack.metricsUrls.get('gateway')!;
    expect(new URL(url).port).not.toBe(new URL(stack.gatewayUrl).port);
    const without = await fetch(url);
    expect([without.status, without.headers.get('www-authenticate'), await without.text()]).toEqual([
      401,
      'Bearer realm="metrics"',
      'Unauthorized: a bearer token (METRICS_TOKEN) is required\n',
    ]);
    const wrong = await fetch(url, { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` } });
    expect(wrong.status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect([right.status, right.headers.get('content-type')]).toEqual([200, 'text/plain; version=0.0.4; charset=utf-8']);
    expect(await right.text()).toContain('# TYPE graphql_requests_total counter');
    const elsewhere = await fetch(new URL('/', url), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(elsewhere.status).toBe(404);

    // The public port: /metrics is an unknown path there, with or without the token.
    const onPublic = await fetch(new URL('/metrics', stack.gatewayUrl), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(onPublic.status).toBe(404);
    expect(await onPublic.text()).not.toContain('graphql_requests_total');
    for (const name of SUBGRAPHS) {
      const subgraph = await fetch(new URL('/metrics', stack.subgraphs.get(name)!.url));
      expect(subgraph.status).toBe(404);
    }
  });

  it("counts a request by its operation and outcome, and the gateway's fetches per subgraph as the subgraphs received them", async () => {
    const before = await scrapeOf('gateway');
    const received = Object.fromEntries(SUBGRAPHS.map((name) => [name, stack.faults.get(name)!.received()]));
    const answer = await ask(DOSSIER, { creditCode: CONSTRUCTION });
    expect(answer.errors).toBeUndefined();
    const after = await scrapeOf('gateway');

    const requests = (s: Scrape) => s.value('graphql_requests_total', { operation: 'Dossier', outcome: 'ok' });
    expect(requests(after) - requests(before)).toBe(1);
    const latency = (s: Scrape) => s.value('graphql_request_duration_seconds_count', { operation: 'Dossier', outcome: 'ok' });
    expect(latency(after) - latency(before)).toBe(1);
    for (const name of SUBGRAPHS) {
      const fetches = (s: Scrape) => s.value('gateway_subgraph_fetch_duration_seconds_count', { subgraph: name, outcome: 'ok' });
      const sent = stack.faults.get(name)!.received() - received[name]!;
      expect([name, fetches(after) - fetches(before)]).toEqual([name, sent]);
      expect(sent).toBeGreaterThan(0);
      expect(after.value('gateway_subgraph_fetch_breaker_state', { subgraph: name })).toBe(0);
    }
    // The subgraph counts the gateway's fetch under the operation name the gateway gave it.
    const court = await scrapeOf('court');
    expect(court.text).toMatch(/graphql_requests_total\{operation="Dossier__court__\d+",outcome="ok",service="court"\} [1-9]/);
    // Node's own figures are there too.
    expect(after.has('process_cpu_user_seconds_total')).toBe(true);
    expect(after.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });

  it('labels a request that names no operation it could run by the error that stopped it', async () => {
    const before = await scrapeOf('gateway');
    const answer = await ask('{ enterprise(creditCode: ', {});
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const after = await scrapeOf('gateway');
    const parseFailed = (s: Scrape) => s.value('graphql_requests_total', { operation: '<unresolved>', outcome: 'GRAPHQL_PARSE_FAILED' });
    expect(parseFailed(after) - parseFailed(before)).toBe(1);
  });

  it('counts the requests refused before GraphQL by their code', async () => {
    const before = await scrapeOf('gateway');
    const noToken = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(noToken.status).toBe(401);
    const form = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...coordinator },
      body: '{ __typename }',
    });
    expect(form.status).toBe(415);
    const broken = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...coordinator },
      body: '{"query":',
    });
    expect(broken.status).toBe(400);
    const after = await scrapeOf('gateway');
    const refused = (s: Scrape, code: string) => s.value('http_requests_refused_total', { code });
    expect(
      ['UNAUTHENTICATED', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'].map((code) => refused(after, code) - refused(before, code)),
    ).toEqual([1, 1, 1]);
    // None of them reached GraphQL.
    const total = (s: Scrape) =>
      s.text
        .split('\n')
        .filter((line) => line.startsWith('graphql_requests_total{'))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(total(after) - total(before)).toBe(0);
  });

  it("counts the provider's permission outcomes by consumer, as its access log records them", async () => {
    const before = await scrapeOf('hr-bureau');
    // The court has no channel for wage-arrears warnings: every amount it reads is DENIED.
    const court = await ask(ARREARS, { creditCode: CONSTRUCTION }, asPrincipal(Department.COURT, Role.CASEWORKER));
    const alerts: Array<{ amountOwed: string | null }> = court.data.enterprise.wageArrearsAlerts;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((alert) => alert.amountOwed === null)).toBe(true);
    expect(court.errors!.map((e) => e.extensions?.['code'])).toEqual(alerts.map(() => 'FORBIDDEN'));
    // The union's channel covers the open warnings: their amounts GRANTED, a settled one's DENIED.
    const union = await ask(ARREARS, { creditCode: CONSTRUCTION });
    const granted = union.data.enterprise.wageArrearsAlerts.filter(
      (alert: { amountOwed: string | null }) => alert.amountOwed !== null,
    ).length;
    const unionDenied = (union.errors ?? []).length;
    expect(granted).toBeGreaterThan(0);
    const after = await scrapeOf('hr-bureau');

    const outcome = (s: Scrape, consumer: string, value: string) =>
      s.value('permission_outcomes_total', { provider: 'HR_BUREAU', consumer, outcome: value });
    const delta = (consumer: string, value: string) => outcome(after, consumer, value) - outcome(before, consumer, value);
    expect({ DENIED: delta('COURT', 'DENIED'), GRANTED: delta('COURT', 'GRANTED'), MASKED: delta('COURT', 'MASKED') }).toEqual({
      DENIED: alerts.length,
      GRANTED: 0,
      MASKED: 0,
    });
    expect({ DENIED: delta('UNION', 'DENIED'), GRANTED: delta('UNION', 'GRANTED'), MASKED: delta('UNION', 'MASKED') }).toEqual({
      DENIED: unionDenied,
      GRANTED: granted,
      MASKED: 0,
    });
    // The access log holds those reads as one row per request, type, outcome and channel, written before
    // the answer left: the court's DENIED; the union's GRANTED, and its DENIED if a settled warning was read.
    const rows = (s: Scrape) => s.value('access_log_rows_written_total', { outcome: 'ok' });
    expect(rows(after) - rows(before)).toBe(1 + 1 + (unionDenied > 0 ? 1 : 0));
    expect(after.value('access_log_write_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(
      before.value('access_log_write_duration_seconds_count', { outcome: 'ok' }),
    );
    expect(after.value('access_log_rows_written_total', { outcome: 'failed' })).toBe(0);
  });

  it("counts the union's own calls to the other departments, by department", async () => {
    const before = await scrapeOf('union');
    const answer = await ask('query Agenda { suggestedAgenda(limit: 3) { missingSources items { score } } }', {});
    expect(answer.errors).toBeUndefined();
    expect(answer.data.suggestedAgenda.missingSources).toEqual([]);
    const after = await scrapeOf('union');
    const calls = (s: Scrape, department: string) => s.value('peer_call_duration_seconds_count', { department, outcome: 'ok' });
    expect(['HR_BUREAU', 'COURT', 'JUSTICE'].map((department) => calls(after, department) - calls(before, department))).toEqual([1, 1, 1]);
    expect(after.value('peer_call_breaker_state', { department: 'COURT' })).toBe(0);
  });

  it("shows each subgraph's channel age and database pool", async () => {
    for (const name of SUBGRAPHS) {
      const metrics = await scrapeOf(name);
      // Reread every 500 ms in the test stack: never the +Inf of a subgraph that has not read them.
      const age = metrics.value('channel_grants_age_seconds');
      expect([name, Number.isFinite(age), age >= 0 && age < 30]).toEqual([name, true, true]);
      expect(metrics.value('db_pool_max_connections')).toBe(10);
      expect(metrics.text).toMatch(new RegExp(`db_pool_connections\\{state="idle",service="${name}"\\} \\d+`));
      expect(metrics.text).toMatch(new RegExp(`db_pool_connections\\{state="in_use",service="${name}"\\} \\d+`));
      expect(metrics.has('db_pool_waiting_requests')).toBe(true);
    }
  });

  it("counts a department's timeout under its subgraph", async () => {
    const before = await scrapeOf('gateway');
    stack.faults.get('court')!.set({ kind: 'hang' });
    try {
      const answer = await ask(DOSSIER, { creditCode: CONSTRUCTION });
      expect(answer.errors!.map((e) => e.extensions?.['code'])).toEqual(['DEPARTMENT_TIMEOUT']);
    } finally {
      stack.faults.get('court')!.set({ kind: 'pass' });
    }
    const after = await scrapeOf('gateway');
    const timeouts = (s: Scrape) => s.value('gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'court', outcome: 'timeout' });
    expect(timeouts(after) - timeouts(before)).toBe(1);
    const requests = (s: Scrape) => s.value('graphql_requests_total', { operation: 'Dossier', outcome: 'DEPARTMENT_TIMEOUT' });
    expect(requests(after) - requests(before)).toBe(1);
  });

  it("shows a department's breaker open while it is down, and closed again once a probe succeeds", async () => {
    const transitions = (s: Scrape, state: string) =>
      s.value('gateway_subgraph_fetch_breaker_transitions_total', { subgraph: 'justice', state });
    const calls = (s: Scrape, outcome: string) =>
      s.value('gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'justice', outcome });
    const before = await scrapeOf('gateway');
    stack.faults.get('justice')!.set({ kind: 'down' });
    for (let i = 0; i < 2; i += 1)
      expect((await ask(DOSSIER, { creditCode: CONSTRUCTION })).errors![0]!.extensions).toEqual({
        code: 'DEPARTMENT_UNAVAILABLE',
        department: 'JUSTICE',
      });
    const open = await scrapeOf('gateway');
    expect(open.value('gateway_subgraph_fetch_breaker_state', { subgraph: 'justice' })).toBe(2);
    expect([transitions(open, 'open') - transitions(before, 'open'), calls(open, 'unavailable') - calls(before, 'unavailable')]).toEqual([
      1, 2,
    ]);
    // Open: the next fetch fails at once, without a call.
    await ask(DOSSIER, { creditCode: CONSTRUCTION });
    const fast = await scrapeOf('gateway');
    expect(calls(fast, 'breaker_open') - calls(open, 'breaker_open')).toBe(1);

    stack.faults.get('justice')!.set({ kind: 'pass' });
    await waitFor(
      () => ask(DOSSIER, { creditCode: CONSTRUCTION }),
      (answer) => answer.errors === undefined,
      { what: 'the breaker to close', timeoutMs: 20_000 },
    );
    const closed = await scrapeOf('gateway');
    expect(closed.value('gateway_subgraph_fetch_breaker_state', { subgraph: 'justice' })).toBe(0);
    expect([
      transitions(closed, 'half-open') - transitions(before, 'half-open'),
      transitions(closed, 'closed') - transitions(before, 'closed'),
    ]).toEqual([1, 1]);
    // The other departments' breakers never moved.
    for (const name of ['hr-bureau', 'union', 'court'])
      expect(closed.value('gateway_subgraph_fetch_breaker_transitions_total', { subgraph: name, state: 'open' })).toBe(0);
  });
});
