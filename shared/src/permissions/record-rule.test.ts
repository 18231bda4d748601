import { buildSchema, graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Department, Role, type Principal } from '../context/principal';
import type { AccessEntry } from './access-recorder';
import { applyPermissions } from './apply-permissions';
import { DataClass, type FieldClassification } from './data-class';
import { staticGrantSource } from './grants';
import type { RecordRule } from './record-rule';

/** A COURT-like schema: suits that may be sealed, their parties, and claims naming a party of the same type. */
function courtSchema(rule: RecordRule): GraphQLSchema {
  const schema = buildSchema(/* GraphQL */ `
    type Query { suits: [Suit!]! claims: [Claim!]! }
    type Suit { caseNo: String! sealed: Boolean summary: String notes: String plaintiffs: [Party!]! }
    type Claim { claimNo: String! claimant: Party! }
    type Party { personRef: String! name: String! idNumber: String! }
  `);
  const classes: Record<string, FieldClassification> = {
    'Query.suits': { dataClass: DataClass.PUBLIC },
    'Query.claims': { dataClass: DataClass.PUBLIC },
    'Suit.caseNo': { dataClass: DataClass.PUBLIC },
    'Suit.sealed': { dataClass: DataClass.PUBLIC },
    'Suit.summary': { dataClass: DataClass.SHARED },
    'Suit.notes': { dataClass: DataClass.RESTRICTED },
    'Suit.plaintiffs': { dataClass: DataClass.PUBLIC },
    'Claim.claimNo': { dataClass: DataClass.PUBLIC },
    'Claim.claimant': { dataClass: DataClass.PUBLIC },
    'Party.personRef': { dataClass: DataClass.PUBLIC },
    'Party.name': { dataClass: DataClass.PERSONAL, mask: 'name' },
    'Party.idNumber': { dataClass: DataClass.PERSONAL, mask: 'idNumber' },
  };
  for (const [path, classification] of Object.entries(classes)) {
    const [type, field] = path.split('.') as [string, string];
    const target = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
    (target as { extensions: Record<string, unknown> }).extensions = { classification };
  }
  (schema.getType('Suit') as { extensions: Record<string, unknown> }).extensions = { recordRule: rule };
  return schema;
}

const SEALED_RULE: RecordRule = { sealedWhen: (suit) => (suit as { sealed?: boolean }).sealed !== false, nested: ['plaintiffs'] };
const ID = '110105198506110021';
const party = (personRef: string, name: string) => ({ personRef, name, idNumber: ID });
const rootValue = {
  // Async like a real loader: the marks must survive promises.
  suits: async () => [
    {
      caseNo: '（2026）京0115民初1号',
      sealed: false,
      summary: '支持原告请求',
      notes: '合议庭意见',
      plaintiffs: [party('p-open', '王小明')],
    },
    {
      caseNo: '（2026）京0115民初2号',
      sealed: true,
      summary: '涉及商业秘密',
      notes: '合议庭意见',
      plaintiffs: [party('p-sealed', '李秘密')],
    },
    // Loaded without the column: fails closed, as sealed.
    { caseNo: '（2026）京0115民初3号', summary: '未载明', notes: null, plaintiffs: [party('p-unknown', '赵未知')] },
  ],
  claims: () => [{ claimNo: 'C-1', claimant: party('p-claim', '孙申请') }],
};
const QUERY = '{ suits { caseNo sealed summary plaintiffs { personRef name idNumber } } claims { claimNo claimant { name idNumber } } }';
const GRANTS = staticGrantSource({ UNION: { 'Suit.summary': 'ch-court', 'Party.name': 'ch-court', 'Party.idNumber': 'ch-court' } });
const as = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u-1', name: '测试', department, roles });
const MASKED_ID = '110105********0021';

async function run(principal: Principal, rule: RecordRule = SEALED_RULE) {
  const entries: AccessEntry[] = [];
  const schema = applyPermissions(courtSchema(rule), { provider: Department.COURT, grants: GRANTS });
  const result = await graphql({
    schema,
    source: QUERY,
    rootValue,
    contextValue: { principal, access: { record: (e: AccessEntry) => entries.push(e) } },
  });
  const errors = (result.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions['code'] }));
  return { data: JSON.parse(JSON.stringify(result.data)), errors, entries };
}

describe('a sealed record (record rule)', () => {
  it("takes the channel grants away from its fields and its parties' fields, and keeps its PUBLIC fields", async () => {
    const { data, errors } = await run(as(Department.UNION, Role.CASEWORKER));
    expect(data).toEqual({
      suits: [
        {
          caseNo: '（2026）京0115民初1号',
          sealed: false,
          summary: '支持原告请求',
          plaintiffs: [{ personRef: 'p-open', name: '王小明', idNumber: ID }],
        },
        {
          caseNo: '（2026）京0115民初2号',
          sealed: true,
          summary: null,
          plaintiffs: [{ personRef: 'p-sealed', name: '李*', idNumber: MASKED_ID }],
        },
        {
          caseNo: '（2026）京0115民初3号',
          sealed: null,
          summary: null,
          plaintiffs: [{ personRef: 'p-unknown', name: '赵*', idNumber: MASKED_ID }],
        },
      ],
      // The same Party type under a record without a rule keeps its grant.
      claims: [{ claimNo: 'C-1', claimant: { name: '孙申请', idNumber: ID } }],
    });
    expect(errors).toEqual([
      { path: 'suits.1.summary', code: 'FORBIDDEN' },
      { path: 'suits.2.summary', code: 'FORBIDDEN' },
    ]);
  });

  it('logs the sealed reads as denied or masked, with no channel, and the others as granted', async () => {
    const { entries } = await run(as(Department.UNION, Role.CASEWORKER));
    const seen = entries.map((e) => `${e.typeName}.${e.fieldName} ${e.subjectKey} ${e.outcome} ${e.channelId}`).sort();
    expect(seen).toEqual([
      'Party.idNumber p-claim GRANTED ch-court',
      'Party.idNumber p-open GRANTED ch-court',
      'Party.idNumber p-sealed MASKED null',
      'Party.idNumber p-unknown MASKED null',
      'Party.name p-claim GRANTED ch-court',
      'Party.name p-open GRANTED ch-court',
      'Party.name p-sealed MASKED null',
      'Party.name p-unknown MASKED null',
      'Suit.summary （2026）京0115民初1号 GRANTED ch-court',
      'Suit.summary （2026）京0115民初2号 DENIED null',
      'Suit.summary （2026）京0115民初3号 DENIED null',
    ]);
  });

  it("leaves the owning department's caseworker every field, and its analyst the analyst's view", async () => {
    const own = await run(as(Department.COURT, Role.CASEWORKER));
    expect(own.errors).toEqual([]);
    expect(own.entries).toEqual([]);
    expect(own.data.suits.map((s: { summary: string }) => s.summary)).toEqual(['支持原告请求', '涉及商业秘密', '未载明']);
    expect(own.data.suits[1].plaintiffs).toEqual([{ personRef: 'p-sealed', name: '李秘密', idNumber: ID }]);

    const analyst = await run(as(Department.COURT, Role.ANALYST));
    expect(
      analyst.data.suits.map((s: { summary: string | null; plaintiffs: Array<{ name: string }> }) => [s.summary, s.plaintiffs[0]!.name]),
    ).toEqual([
      [null, '王*'],
      [null, '李*'],
      [null, '赵*'],
    ]);
    expect(analyst.errors.map((e) => e.path)).toEqual(['suits.0.summary', 'suits.1.summary', 'suits.2.summary']);
  });

  it('changes nothing for another department without a channel', async () => {
    const { data } = await run(as(Department.JUSTICE, Role.CASEWORKER));
    expect(
      data.suits.map((s: { summary: string | null; plaintiffs: Array<{ name: string }> }) => [s.summary, s.plaintiffs[0]!.name]),
    ).toEqual([
      [null, '王*'],
      [null, '李*'],
      [null, '赵*'],
    ]);
    expect(data.claims).toEqual([{ claimNo: 'C-1', claimant: { name: '孙*', idNumber: MASKED_ID } }]);
  });

  it('refuses at startup a rule whose nested field is missing or holds no objects', () => {
    for (const nested of ['defendants', 'caseNo']) {
      expect(() =>
        applyPermissions(courtSchema({ ...SEALED_RULE, nested: [nested] }), { provider: Department.COURT, grants: GRANTS }),
      ).toThrow(`Record rule of Suit: nested field ${nested} is not a field of object type`);
    }
  });
});
