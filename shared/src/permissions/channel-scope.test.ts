import { buildSchema, graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ScopeKind } from '../channels/scope-catalogue';
import { Department, Role, type Principal } from '../context/principal';
import type { AccessEntry } from './access-recorder';
import { applyPermissions } from './apply-permissions';
import { checkScopeImplementations, type ScopeImplementations } from './channel-scope';
import { DataClass, type FieldClassification } from './data-class';
import { staticGrantSource } from './grants';
import type { RecordRule } from './record-rule';

/** A UNION-like schema: cases naming their parties, aid naming its recipient (the same Party type). */
function unionSchema(): GraphQLSchema {
  const schema = buildSchema(/* GraphQL */ `
    type Query { cases: [Case!]! aids: [Aid!]! }
    type Case { caseNo: String! claims: String workers: [Party!]! }
    type Aid { aidNo: String! recipient: Party! }
    type Party { personRef: String! name: String! }
  `);
  const classes: Record<string, FieldClassification> = {
    'Query.cases': { dataClass: DataClass.PUBLIC },
    'Query.aids': { dataClass: DataClass.PUBLIC },
    'Case.caseNo': { dataClass: DataClass.PUBLIC },
    'Case.claims': { dataClass: DataClass.SHARED },
    'Case.workers': { dataClass: DataClass.PUBLIC },
    'Aid.aidNo': { dataClass: DataClass.PUBLIC },
    'Aid.recipient': { dataClass: DataClass.PUBLIC },
    'Party.personRef': { dataClass: DataClass.PUBLIC },
    'Party.name': { dataClass: DataClass.PERSONAL, mask: 'name' },
  };
  for (const [path, classification] of Object.entries(classes)) {
    const [type, field] = path.split('.') as [string, string];
    ((schema.getType(type) as GraphQLObjectType).getFields()[field] as { extensions: Record<string, unknown> }).extensions = {
      classification,
    };
  }
  const holds = (nested: string[]): RecordRule => ({ nested });
  (schema.getType('Case') as { extensions: Record<string, unknown> }).extensions = { recordRule: holds(['workers']) };
  (schema.getType('Aid') as { extensions: Record<string, unknown> }).extensions = { recordRule: holds(['recipient']) };
  return schema;
}

const KINDS: ScopeKind[] = [
  { name: 'REFERRED', provider: Department.UNION, types: ['Case', 'Party'], description: 'referred cases', descriptionZh: '转介案件' },
  { name: 'OPEN', provider: Department.UNION, types: ['Case', 'Party'], description: 'open cases', descriptionZh: '未结案件' },
];
const party = (personRef: string, name: string) => ({ personRef, name });
const rootValue = {
  cases: async () => [
    { caseNo: 'C-1', claims: '请求一', workers: [party('p-1', '王小明')] },
    { caseNo: 'C-2', claims: '请求二', workers: [party('p-1', '王小明')] },
    { caseNo: 'C-3', claims: '请求三', workers: [party('p-3', '李四')] },
  ],
  aids: () => [{ aidNo: 'A-1', recipient: party('p-1', '王小明') }],
};
const QUERY = '{ cases { caseNo claims workers { name } } aids { aidNo recipient { name } } }';
const as = (department: Department): Principal => ({ subject: 'u-1', name: '测试', department, roles: [Role.CASEWORKER] });

function run(scopes: Record<string, readonly string[]>, grants: Parameters<typeof staticGrantSource>[0]) {
  const batches: Array<[string, string, readonly string[]]> = [];
  const implementations: ScopeImplementations = Object.fromEntries(
    Object.entries(scopes).map(([kind, held]) => [
      kind,
      {
        records: {
          Case: {
            key: 'caseNo',
            inScope: async (keys: readonly string[], query: { channel: string }) => {
              batches.push([kind, query.channel, keys]);
              return keys.filter((k) => held.includes(k));
            },
          },
        },
      },
    ]),
  );
  const schema = applyPermissions(unionSchema(), {
    provider: Department.UNION,
    grants: staticGrantSource(grants),
    scopes: implementations,
    scopeKinds: KINDS,
  });
  return { schema, batches };
}

async function read(schema: GraphQLSchema, principal: Principal) {
  const entries: AccessEntry[] = [];
  const result = await graphql({
    schema,
    source: QUERY,
    rootValue,
    contextValue: { principal, em: {}, today: '2026-11-20', access: { record: (e: AccessEntry) => entries.push(e) } },
  });
  return {
    data: JSON.parse(JSON.stringify(result.data)),
    errors: (result.errors ?? []).map((e) => `${e.path?.join('.')}: ${e.extensions['code']}`),
    // In the order of the reads' completion, which scopes make asynchronous: sorted.
    entries: entries.map((e) => `${e.typeName}.${e.fieldName} ${e.subjectKey} ${e.outcome} ${e.channelId}`).sort(),
  };
}

describe('a channel grants only the records of its scope', () => {
  const REFERRAL = { channelId: 'CH-REFERRAL', scope: 'REFERRED' };

  it('grants a record in scope, reads one out of it as with no channel, and decides nested parties by their record', async () => {
    const { schema, batches } = run({ REFERRED: ['C-1'], OPEN: [] }, { JUSTICE: { 'Case.claims': REFERRAL, 'Party.name': REFERRAL } });
    const seen = await read(schema, as(Department.JUSTICE));
    expect(seen.data).toEqual({
      cases: [
        { caseNo: 'C-1', claims: '请求一', workers: [{ name: '王小明' }] },
        { caseNo: 'C-2', claims: null, workers: [{ name: '王*' }] },
        { caseNo: 'C-3', claims: null, workers: [{ name: '李*' }] },
      ],
      // The same person as aid recipient: no kind covers aid, so the Party grant does not reach it.
      aids: [{ aidNo: 'A-1', recipient: { name: '王*' } }],
    });
    expect(seen.errors).toEqual(['cases.1.claims: FORBIDDEN', 'cases.2.claims: FORBIDDEN']);
    expect(seen.entries).toEqual([
      'Case.claims C-1 GRANTED CH-REFERRAL',
      'Case.claims C-2 DENIED null',
      'Case.claims C-3 DENIED null',
      'Party.name p-1 GRANTED CH-REFERRAL',
      'Party.name p-1 MASKED null',
      'Party.name p-1 MASKED null',
      'Party.name p-3 MASKED null',
    ]);
    // One batch for the three cases, asked once whatever the number of fields and parties read of them.
    expect(batches).toEqual([['REFERRED', 'CH-REFERRAL', ['C-1', 'C-2', 'C-3']]]);
  });

  it("grants by another channel's scope a record out of the first one's", async () => {
    const { schema, batches } = run(
      { REFERRED: ['C-1'], OPEN: ['C-2'] },
      {
        JUSTICE: { 'Case.claims': { ...REFERRAL, also: [{ channelId: 'CH-OPEN', scope: 'OPEN' }] } },
      },
    );
    const seen = await read(schema, as(Department.JUSTICE));
    expect(seen.data.cases.map((c: { claims: string | null }) => c.claims)).toEqual(['请求一', '请求二', null]);
    expect(seen.entries.filter((e) => e.startsWith('Case.claims'))).toEqual([
      'Case.claims C-1 GRANTED CH-REFERRAL',
      'Case.claims C-2 GRANTED CH-OPEN',
      'Case.claims C-3 DENIED null',
    ]);
    expect(batches).toEqual([
      ['REFERRED', 'CH-REFERRAL', ['C-1', 'C-2', 'C-3']],
      ['OPEN', 'CH-OPEN', ['C-2', 'C-3']],
    ]);
  });

  it('grants nothing through a kind the provider does not implement, and asks no scope for its own staff', async () => {
    const { schema, batches } = run(
      { REFERRED: ['C-1', 'C-2', 'C-3'], OPEN: [] },
      { JUSTICE: { 'Case.claims': { channelId: 'CH-X', scope: 'NO_SUCH_KIND' } } },
    );
    expect((await read(schema, as(Department.JUSTICE))).data.cases.map((c: { claims: string | null }) => c.claims)).toEqual([
      null,
      null,
      null,
    ]);
    expect((await read(schema, as(Department.UNION))).data.cases.map((c: { claims: string | null }) => c.claims)).toEqual([
      '请求一',
      '请求二',
      '请求三',
    ]);
    expect(batches).toEqual([]);
  });
});

describe('checkScopeImplementations', () => {
  const record = { key: 'caseNo', inScope: async () => [] };

  it('accepts every kind implemented, with its nested types held by an implemented type', () => {
    expect(() =>
      checkScopeImplementations(
        Department.UNION,
        { REFERRED: { records: { Case: record } }, OPEN: { records: { Case: record } } },
        unionSchema(),
        KINDS,
      ),
    ).not.toThrow();
  });

  it('refuses a kind without an implementation, an unknown one, an uncovered type, and a covered type neither implemented nor nested', () => {
    const kinds: ScopeKind[] = [
      ...KINDS,
      { name: 'AID', provider: Department.UNION, types: ['Party'], description: 'aid', descriptionZh: '帮扶' },
    ];
    expect(() =>
      checkScopeImplementations(
        Department.UNION,
        { REFERRED: { records: { Case: record, Aid: record } }, EXTRA: { records: {} }, AID: { records: {} } },
        unionSchema(),
        kinds,
      ),
    ).toThrow(
      'Channel scopes of UNION: EXTRA is no scope kind of UNION; REFERRED implements Aid, which it does not cover; scope kind OPEN has no implementation; AID covers Party, which it neither implements nor finds nested in a type it implements',
    );
  });
});
