import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
import { createGatewayServer } from '../create-gateway';
import { documentIdOf } from './trusted-documents';

/**
 * The registered documents against the supergraph: a document that does not validate fails the gateway's start,
 * naming its file; a new supergraph that would break one is refused (logged with the file), and the supergraph
 * in use keeps serving, so the department systems' reviewed operations never stop validating under them.
 */

const ROOT = join(__dirname, '..', '..', '..');
const ORIGINAL = readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
const NAMES = ['hr-bureau', 'union', 'court', 'justice'] as const;
const EMPLOYEES = 'query Employees($c: String!) {\n  enterprise(creditCode: $c) {\n    employeeCount\n  }\n}\n';

/** The committed supergraph without Enterprise.employeeCount, composed as `npm run schema:generate` does. */
function withoutEmployeeCount(): string {
  const services = NAMES.map((name) => {
    const sdl = readFileSync(join(ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8');
    const edited = name === 'hr-bureau' ? sdl.replace(/\n(\s*"""[^"]*"""\n)?\s*employeeCount: Int\n/, '\n') : sdl;
    if (name === 'hr-bureau' && edited === sdl) throw new Error('the hr-bureau schema has no `employeeCount: Int` field to remove');
    return { name, url: `http://127.0.0.1:1/${name}`, typeDefs: parse(edited) };
  });
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('trusted-documents-supergraph');
});
afterEach(() => dir.remove());

/** A registry with one system and its documents, in the temp folder. */
function registry(documents: Record<string, string>): string {
  const path = join(dir.path, 'trusted-documents');
  mkdirSync(join(path, 'hr-file'), { recursive: true });
  writeFileSync(join(path, 'hr-file', 'system.json'), '{"department":"HR_BUREAU"}');
  for (const [file, text] of Object.entries(documents)) writeFileSync(join(path, 'hr-file', file), text);
  return path;
}

function logSink(lines: Array<Record<string, unknown>>): pino.Logger {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'info' }, sink);
}

describe('trusted documents and the supergraph', () => {
  it('fails the start naming the file of a document that does not validate', async () => {
    const path = registry({ 'Employees.graphql': EMPLOYEES, 'Tax.graphql': 'query Tax { enterprise(creditCode: "x") { taxNumber } }' });
    await expect(
      createGatewayServer(
        {
          supergraphPath: join(ROOT, 'gateway', 'supergraph.graphql'),
          subgraphUrls: {},
          auth: TEST_AUTH,
          trustedDocuments: { dir: path, exemptKids: [] },
        },
        logSink([]),
      ),
    ).rejects.toThrow(
      `TRUSTED_DOCUMENTS_DIR ${path}: trusted document(s) would not validate: ` +
        'hr-file/Tax.graphql: Cannot query field "taxNumber" on type "Enterprise".',
    );
  });

  it('refuses a new supergraph that would break a registered document, and keeps serving the one in use', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const supergraphPath = join(dir.path, 'supergraph.graphql');
    writeFileSync(supergraphPath, ORIGINAL);
    const gateway = await createGatewayServer(
      {
        supergraphPath,
        supergraphWatchMs: 100,
        subgraphUrls: {},
        auth: TEST_AUTH,
        trustedDocuments: { dir: registry({ 'Employees.graphql': EMPLOYEES }), exemptKids: [] },
      },
      logSink(lines),
    );
    let listening: Listening | undefined;
    try {
      listening = await listen(gateway.app, 0);
      writeFileSync(`${supergraphPath}.next`, withoutEmployeeCount());
      renameSync(`${supergraphPath}.next`, supergraphPath);
      const refused = await waitFor(
        () => lines.find((line) => line['msg'] === 'supergraph refused; the supergraph in use stays'),
        (line) => line !== undefined,
        { what: 'the supergraph without employeeCount to be refused' },
      );
      expect(refused!['reason']).toBe(
        'trusted document(s) would not validate: hr-file/Employees.graphql: Cannot query field "employeeCount" on type "Enterprise".',
      );
      // The field, and the document, are still served (its subgraph is not running: validation passes, the fetch fails).
      const answer = await postGraphQL(
        `${listening.url}/graphql`,
        '{ __type(name: "Enterprise") { fields { name } } }',
        undefined,
        asPrincipal(Department.UNION, Role.COORDINATOR),
      );
      expect(JSON.stringify(answer.body.data)).toContain('employeeCount');
      const byId = await fetch(`${listening.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...asPrincipal(Department.UNION, Role.COORDINATOR) },
        body: JSON.stringify({ documentId: documentIdOf(EMPLOYEES), variables: { c: '91110115102884310L' } }),
      });
      const body = (await byId.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      expect(body.errors?.map((error) => error.extensions?.code)).not.toContain('GRAPHQL_VALIDATION_FAILED');
      expect(lines.filter((line) => line['msg'] === 'supergraph reloaded')).toHaveLength(0);
    } finally {
      await listening?.close();
      await gateway.stop();
    }
  });
});
