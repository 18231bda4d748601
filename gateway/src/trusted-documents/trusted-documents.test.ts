import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Department } from '@labour/shared';
import { makeTempDir } from '@labour/testing/temp-dir';
import { parse } from 'graphql';
import { trustedDocumentStore } from './trusted-document-store';
import { documentIdOf, documentsBrokenBy, loadTrustedDocuments } from './trusted-documents';

const ENTERPRISE = 'query EnterpriseName($c: String!) {\n  enterprise(creditCode: $c) {\n    name\n  }\n}\n';
const SUPERGRAPH = readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
const API_SCHEMA = Supergraph.build(SUPERGRAPH).apiSchema().toGraphQLJSSchema();

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('trusted-documents');
});
afterEach(() => dir.remove());

/** Writes `<dir>/<system>/<file>` files. */
function write(files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir.path, path, '..'), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  return dir.path;
}

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message.replace(dir.path, '<dir>');
  }
  throw new Error('expected it to throw');
};

describe('loadTrustedDocuments', () => {
  it('registers each file under the sha256 of its text, byte for byte, with its system', () => {
    const loaded = loadTrustedDocuments(
      write({
        'hr-file/system.json': '{"department":"HR_BUREAU","kids":["hr-key","hr-key"]}',
        'hr-file/EnterpriseName.graphql': ENTERPRISE,
      }),
    );
    const id = createHash('sha256').update(Buffer.from(ENTERPRISE, 'utf8')).digest('hex');
    expect(documentIdOf(ENTERPRISE)).toBe(id);
    expect([...loaded.byId.keys()]).toEqual([id]);
    expect(loaded.byId.get(id)).toMatchObject({
      file: 'hr-file/EnterpriseName.graphql',
      text: ENTERPRISE,
      operationName: 'EnterpriseName',
      system: { name: 'hr-file', department: Department.HR_BUREAU, kids: ['hr-key'] },
    });
    // One more space is another document: the id is of the text as sent, not of its meaning.
    expect(documentIdOf(ENTERPRISE.replace('{\n', '{ \n'))).not.toBe(id);
  });

  it('is empty for a folder that does not exist', () => {
    expect(loadTrustedDocuments(join(dir.path, 'none')).byId.size).toBe(0);
  });

  it.each([
    ['a department that is none', '{"department":"POLICE"}', 'department: must be one of HR_BUREAU, UNION, COURT, JUSTICE'],
    ['no department', '{}', 'department: must be one of HR_BUREAU, UNION, COURT, JUSTICE'],
    ['kids that are no list of key ids', '{"department":"UNION","kids":"k1"}', 'kids: Expected array, received string'],
    ['an empty kids list', '{"department":"UNION","kids":[]}', 'kids: when given, must name at least one key id'],
    ['a field it does not know', '{"department":"UNION","kid":["k1"]}', "(the file): Unrecognized key(s) in object: 'kid'"],
    ['text that is not JSON', '{department: UNION}', 'not readable JSON'],
  ])('refuses a system.json with %s, naming the file and the field', (_case, json, problem) => {
    const text = message(() =>
      loadTrustedDocuments(write({ 'union-cases/system.json': json, 'union-cases/A.graphql': 'query A { __typename }' })),
    );
    expect(text).toContain('union-cases/system.json: ');
    expect(text).toContain(problem);
  });

  it.each([
    ['does not parse', 'query A { enterprise(', 'union-cases/A.graphql: does not parse: Syntax Error'],
    [
      'holds two operations',
      'query A { __typename } query B { __typename }',
      'union-cases/A.graphql: must hold exactly one operation, not 2',
    ],
    ['has an anonymous operation', '{ __typename }', 'union-cases/A.graphql: its operation must be named'],
  ])('refuses a document that %s, naming the file', (_case, document, problem) => {
    const text = message(() =>
      loadTrustedDocuments(write({ 'union-cases/system.json': '{"department":"UNION"}', 'union-cases/A.graphql': document })),
    );
    expect(text).toContain(problem);
  });

  it('refuses a folder without system.json, and one text registered by two systems', () => {
    expect(message(() => loadTrustedDocuments(write({ 'orphan/A.graphql': 'query A { __typename }' })))).toContain(
      'orphan/system.json: missing',
    );
    write({
      'orphan/system.json': '{"department":"COURT"}',
      'second/system.json': '{"department":"UNION"}',
      'second/B.graphql': 'query A { __typename }',
    });
    expect(message(() => loadTrustedDocuments(dir.path))).toContain('second/B.graphql: the same text as orphan/A.graphql');
  });
});

describe('documentsBrokenBy', () => {
  it('names each document that does not validate against the API schema, and none when all do', () => {
    const loaded = loadTrustedDocuments(
      write({
        'hr-file/system.json': '{"department":"HR_BUREAU"}',
        'hr-file/EnterpriseName.graphql': ENTERPRISE,
        'hr-file/Gone.graphql': 'query Gone { enterprise(creditCode: "x") { taxNumber } }',
        'hr-file/Schema.graphql': 'query Schema { __schema { types { name } } }',
      }),
    );
    expect(documentsBrokenBy(API_SCHEMA, loaded)).toBe(
      'trusted document(s) would not validate: hr-file/Gone.graphql: Cannot query field "taxNumber" on type "Enterprise".; ' +
        'hr-file/Schema.graphql: GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
    );
    expect(documentsBrokenBy(API_SCHEMA, loadTrustedDocuments(join(__dirname, '..', '..', 'trusted-documents')))).toBeUndefined();
  });
});

describe('trustedDocumentStore', () => {
  it("gives Apollo the document parsed at load under any schema's prefix, and keeps free-form ones within the budget", async () => {
    const loaded = loadTrustedDocuments(write({ 'hr-file/system.json': '{"department":"HR_BUREAU"}', 'hr-file/E.graphql': ENTERPRISE }));
    const store = trustedDocumentStore(loaded, 40);
    const registered = [...loaded.byId.values()][0]!;
    expect(await store.get(`schema-a:${registered.id}`)).toBe(registered.document);
    expect(await store.get(`schema-b:${registered.id}`)).toBe(registered.document);
    const first = parse('{ a }'.padEnd(20));
    const second = parse('{ b }'.padEnd(25));
    await store.set('s:1', first);
    expect(await store.get('s:1')).toBe(first);
    // Over the 40 characters of text: the least recently used goes.
    await store.set('s:2', second);
    expect(await store.get('s:1')).toBeUndefined();
    expect(await store.get('s:2')).toBe(second);
    expect(await store.delete('s:2')).toBe(true);
    expect(await store.get('s:2')).toBeUndefined();
  });
});
