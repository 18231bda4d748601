import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeServices } from '@apollo/composition';
import { Department, listen, Role, type Listening } from '@labour/shared';
import { parse } from 'graphql';
import pino from 'pino';
import { postGraphQL } from '@labour/testing/graphql-client';
import { makeTempDir } from '@labour/testing/temp-dir';
import { asPrincipal, TEST_AUTH } from '@labour/testing/tokens';
import { waitFor } from '@labour/testing/wait-for';
import { createGatewayServer, type GatewayServer } from '../create-gateway';

/**
 * The gateway takes a new supergraph from its SUPERGRAPH_PATH file without a restart, over real HTTP: a field
 * removed from a department's subgraph is gone from the gateway's schema once the file changes, and back when
 * it changes back; a file that is not a valid supergraph, or that routes to a subgraph of no department, is
 * refused with its reason logged, and the supergraph in use keeps answering.
 */

const ROOT = join(__dirname, '..', '..', '..');
const NAMES = ['hr-bureau', 'union', 'court', 'justice'] as const;
const committedSdl = (name: string) => readFileSync(join(ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8');
const ORIGINAL = readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');

/** The supergraph of the committed subgraphs, with the changes given, as `npm run schema:generate` composes it. */
function supergraphOf(change: { hrBureau?: (sdl: string) => string; extra?: { name: string; sdl: string } }): string {
  const services = NAMES.map((name) => ({
    name,
    url: `http://127.0.0.1:1/${name}`,
    typeDefs: parse(name === 'hr-bureau' && change.hrBureau ? change.hrBureau(committedSdl(name)) : committedSdl(name)),
  }));
  if (change.extra)
    services.push({
      name: change.extra.name as (typeof NAMES)[number],
      url: 'http://127.0.0.1:1/extra',
      typeDefs: parse(change.extra.sdl),
    });
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

const WITHOUT_EMPLOYEE_COUNT = supergraphOf({
  hrBureau: (sdl) => {
    const edited = sdl.replace(/\n(\s*"""[^"]*"""\n)?\s*employeeCount: Int\n/, '\n');
    if (edited === sdl) throw new Error('the hr-bureau schema has no `employeeCount: Int` field to remove');
    return edited;
  },
});

let dir: ReturnType<typeof makeTempDir>;
let path: string;
let gateway: GatewayServer;
let listening: Listening;
const logs: Array<{ msg: string; reason?: string; path?: string }> = [];

/** Replaces the file as a ConfigMap update or `mv` does: a new file renamed over the old one. */
function publish(text: string): void {
  writeFileSync(`${path}.next`, text);
  renameSync(`${path}.next`, path);
}

async function enterpriseFields(): Promise<string[]> {
  const answer = await postGraphQL<{ __type: { fields: Array<{ name: string }> } }>(
    `${listening.url}/graphql`,
    '{ __type(name: "Enterprise") { fields { name } } }',
    undefined,
    asPrincipal(Department.UNION, Role.COORDINATOR),
  );
  if (!answer.body.data) throw new Error(`introspection failed: ${JSON.stringify(answer.body)}`);
  return answer.body.data.__type.fields.map((field) => field.name);
}

beforeAll(async () => {
  dir = makeTempDir('supergraph-reload');
  path = join(dir.path, 'supergraph.graphql');
  writeFileSync(path, ORIGINAL);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  gateway = await createGatewayServer(
    { supergraphPath: path, supergraphWatchMs: 100, subgraphUrls: {}, auth: TEST_AUTH },
    pino({ level: 'info' }, sink),
  );
  listening = await listen(gateway.app, 0);
});

afterAll(async () => {
  await listening?.close();
  await gateway?.stop();
  dir?.remove();
});

describe('the gateway with a watched supergraph file', () => {
  it('takes a changed supergraph without a restart: a removed field is gone, and back when the file is restored', async () => {
    expect(await enterpriseFields()).toContain('employeeCount');

    publish(WITHOUT_EMPLOYEE_COUNT);
    const fields = await waitFor(enterpriseFields, (names) => !names.includes('employeeCount'), {
      what: 'Enterprise.employeeCount to leave the schema',
    });
    expect(fields).toEqual(expect.arrayContaining(['creditCode', 'name', 'district']));
    const refused = await postGraphQL(
      `${listening.url}/graphql`,
      '{ enterprise(creditCode: "91110115102884310L") { employeeCount } }',
      undefined,
      asPrincipal(Department.UNION, Role.COORDINATOR),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "employeeCount" on type "Enterprise".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(logs.filter((line) => line.msg === 'supergraph reloaded')).toHaveLength(1);

    publish(ORIGINAL);
    await waitFor(enterpriseFields, (names) => names.includes('employeeCount'), { what: 'Enterprise.employeeCount to come back' });
    expect(logs.filter((line) => line.msg === 'supergraph reloaded')).toHaveLength(2);
  });

  it('refuses a file that is not a valid supergraph, logs why, and keeps answering with the supergraph in use', async () => {
    publish(WITHOUT_EMPLOYEE_COUNT);
    await waitFor(enterpriseFields, (names) => !names.includes('employeeCount'), { what: 'the supergraph without employeeCount' });
    const refusals = () => logs.filter((line) => line.msg === 'supergraph refused; the supergraph in use stays');

    // Half a file, as a copy interrupted midway would leave it.
    publish(ORIGINAL.slice(0, Math.floor(ORIGINAL.length / 2)));
    await waitFor(
      () => refusals().length,
      (n) => n === 1,
      { what: 'the truncated supergraph to be refused' },
    );
    expect(refusals()[0]).toMatchObject({ path, reason: expect.stringMatching(/^not a valid supergraph: /) });
    expect(await enterpriseFields()).not.toContain('employeeCount');

    // A GraphQL schema, but no supergraph.
    publish('type Query { employeeCount: Int }\n');
    await waitFor(
      () => refusals().length,
      (n) => n === 2,
      { what: 'the plain schema to be refused' },
    );
    expect(refusals()[1]!.reason).toMatch(/^not a valid supergraph: /);

    // A valid supergraph that routes to a subgraph the gateway has no department for.
    publish(supergraphOf({ extra: { name: 'tax', sdl: 'type Query { taxArrears(creditCode: String!): Int }' } }));
    await waitFor(
      () => refusals().length,
      (n) => n === 3,
      { what: 'the supergraph with a fifth subgraph to be refused' },
    );
    expect(refusals()[2]!.reason).toBe(
      "it names subgraph(s) tax, which are no department's (expected among hr-bureau, union, court, justice)",
    );

    // Still the supergraph without employeeCount, answering.
    expect(await enterpriseFields()).not.toContain('employeeCount');
    expect(logs.filter((line) => line.msg === 'supergraph reloaded')).toHaveLength(3);
  });
});
