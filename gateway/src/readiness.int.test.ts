import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { listen, type BreakerState } from '@labour/shared';
import pino from 'pino';
import { TEST_AUTH } from '@labour/testing/tokens';
import { createGatewayServer } from './create-gateway';
import { subgraphReadiness } from './readiness';

/**
 * The gateway's /ready, department by department, against stand-ins for the four subgraphs that answer
 * their /ready as a test sets (or refuse connections, like a subgraph that is not running).
 */

type Answer = 200 | 503 | 'closed';
const NAMES = ['hr-bureau', 'union', 'court', 'justice'] as const;

interface StandIn {
  readonly url: string;
  answer: Answer;
  probes: number;
  close(): Promise<void>;
}

async function standIn(): Promise<StandIn> {
  const stand: Partial<StandIn> = { answer: 200, probes: 0 };
  const server: Server = createServer((req, res) => {
    stand.probes = (stand.probes ?? 0) + 1;
    // 'closed': the socket is cut without an answer, as when nothing listens.
    if (stand.answer === 'closed') return void req.socket.destroy();
    res.statusCode = req.url === '/ready' ? (stand.answer as number) : 404;
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(stand, {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }) as StandIn;
}

const stands = new Map<string, StandIn>();
beforeAll(async () => {
  for (const name of NAMES) stands.set(name, await standIn());
});
afterAll(async () => {
  for (const stand of stands.values()) await stand.close();
});
function setAnswers(answers: Partial<Record<(typeof NAMES)[number], Answer>>): void {
  for (const name of NAMES) stands.get(name)!.answer = answers[name] ?? 200;
}
const targets = () => new Map(NAMES.map((name) => [name, stands.get(name)!.url]));

const CLOSED = (): BreakerState => 'closed';

type Readiness = Awaited<ReturnType<ReturnType<typeof subgraphReadiness>>>;
type Breakers = Readiness['body']['breakers'];
type Departments = Readiness['body']['departments'];

const ALL_CLOSED: Breakers = { HR_BUREAU: 'closed', UNION: 'closed', COURT: 'closed', JUSTICE: 'closed' };
const ALL_READY: Departments = { HR_BUREAU: 'ready', UNION: 'ready', COURT: 'ready', JUSTICE: 'ready' };
const NONE_READY: Departments = { HR_BUREAU: 'unavailable', UNION: 'unavailable', COURT: 'unavailable', JUSTICE: 'unavailable' };

/** What the subgraphs answer and the gateway's breakers say, and the readiness they make. */
const CASES: Array<{
  title: string;
  answers: Partial<Record<(typeof NAMES)[number], Answer>>;
  breaker: (name: string) => BreakerState;
  expected: Readiness;
}> = [
  {
    title: 'is ready when every department is',
    answers: {},
    breaker: CLOSED,
    expected: { ready: true, body: { status: 'ready', departments: ALL_READY, breakers: ALL_CLOSED } },
  },
  {
    title: 'is degraded, and still ready for a load balancer, when some departments are not: not ready or not answering',
    answers: { court: 503, justice: 'closed' },
    breaker: CLOSED,
    expected: {
      ready: true,
      body: {
        status: 'degraded',
        departments: { HR_BUREAU: 'ready', UNION: 'ready', COURT: 'unavailable', JUSTICE: 'unavailable' },
        breakers: ALL_CLOSED,
      },
    },
  },
  {
    title: 'is unavailable when no department is ready',
    answers: { 'hr-bureau': 503, union: 'closed', court: 503, justice: 503 },
    breaker: CLOSED,
    expected: { ready: false, body: { status: 'unavailable', departments: NONE_READY, breakers: ALL_CLOSED } },
  },
  {
    title: "is degraded while the gateway's breaker for a department is open, though the department says it is ready",
    answers: {},
    breaker: (name) => (name === 'court' ? 'open' : 'closed'),
    expected: { ready: true, body: { status: 'degraded', departments: ALL_READY, breakers: { ...ALL_CLOSED, COURT: 'open' } } },
  },
];

describe('subgraphReadiness', () => {
  it.each(CASES)('$title', async ({ answers, breaker, expected }) => {
    setAnswers(answers);
    expect(await subgraphReadiness(targets, breaker, 0)()).toEqual(expected);
  });

  it('is unavailable without any subgraph', async () => {
    expect(await subgraphReadiness(() => new Map(), CLOSED, 0)()).toEqual({
      ready: false,
      body: { status: 'unavailable', departments: {}, breakers: {} },
    });
  });

  it('keeps an answer for the cache period instead of asking the subgraphs again', async () => {
    setAnswers({});
    const probesBefore = [...stands.values()].map((stand) => stand.probes);
    // A period no test run comes near, so that the second call is surely within it.
    const readiness = subgraphReadiness(targets, CLOSED, 600_000);
    const first = await readiness();
    setAnswers({ court: 503 });
    expect(await readiness()).toBe(first);
    expect(first.body.status).toBe('ready');
    expect([...stands.values()].map((stand, i) => stand.probes - probesBefore[i])).toEqual([1, 1, 1, 1]);
    // With no cache, the change shows at once.
    expect((await subgraphReadiness(targets, CLOSED, 0)()).body.departments.COURT).toBe('unavailable');
  });
});

describe('the gateway /ready', () => {
  async function gatewayReady(): Promise<{ status: number; body: unknown; health: number }> {
    const subgraphUrls = Object.fromEntries(NAMES.map((name) => [name, stands.get(name)!.url]));
    const gateway = await createGatewayServer(
      { supergraphPath: join(__dirname, '..', 'supergraph.graphql'), subgraphUrls, auth: TEST_AUTH },
      pino({ level: 'silent' }),
    );
    const listening = await listen(gateway.app, 0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${listening.port}/ready`);
      const health = await fetch(`http://127.0.0.1:${listening.port}/health`);
      await health.body?.cancel();
      return { status: response.status, body: await response.json(), health: health.status };
    } finally {
      await listening.close();
      await gateway.stop();
    }
  }

  it('answers 200 with each department, degraded or not; /health stays 200 (alive) throughout', async () => {
    setAnswers({ court: 'closed' });
    expect(await gatewayReady()).toEqual({
      status: 200,
      body: { status: 'degraded', departments: { ...ALL_READY, COURT: 'unavailable' }, breakers: ALL_CLOSED },
      health: 200,
    });
  });

  it('answers 503 when no department is ready', async () => {
    setAnswers({ 'hr-bureau': 'closed', union: 'closed', court: 503, justice: 503 });
    expect(await gatewayReady()).toEqual({
      status: 503,
      body: { status: 'unavailable', departments: NONE_READY, breakers: ALL_CLOSED },
      health: 200,
    });
  });
});
