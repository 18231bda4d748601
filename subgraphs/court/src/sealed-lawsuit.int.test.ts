import {
  classificationOf,
  DataClass,
  Department,
  idNumberCheckCharacter,
  personRefOf,
  Role,
  staticGrantSource,
  usccCheckCharacter,
  type AccessEntry,
} from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { isObjectType } from 'graphql';
import { courtSubgraph } from './definition';
import { LAWSUIT_FILTER_FIELDS } from './lawsuit/lawsuit-list.input';
import { buildCourtSchema } from './schema';

/**
 * A sealed lawsuit (不公开审理) and an open one, with the same channel granting the labour bureau their
 * judgment summaries and their parties' names and ID numbers: the channel reaches the open case only.
 */

const FACTORY = `91110115MA01WE4BD${usccCheckCharacter('91110115MA01WE4BD')}`;
const ZHAO = { idNumber: `11010819880214301${idNumberCheckCharacter('11010819880214301')}`, name: '赵明' };
const QIAN = { idNumber: `11010819900520402${idNumberCheckCharacter('11010819900520402')}`, name: '钱红' };
const OPEN = '（2026）京0115民初7001号';
const SEALED = '（2026）京0115民初7002号';
const CHANNEL = 'ch-court-hr-judgments';
const GRANTS = staticGrantSource({ HR_BUREAU: { 'Lawsuit.judgmentSummary': CHANNEL, 'Party.name': CHANNEL, 'Party.idNumber': CHANNEL } });
const FIELDS =
  'caseNo cause filedOn stage judgmentOn outcome sealed dueOn judgmentSummary plaintiffs { personRef name idNumber } defendants { creditCode }';
const READ = `query ($caseNo: String!) { lawsuit(caseNo: $caseNo) { ${FIELDS} } }`;

const maskedId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const hr = asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);
const court = asPrincipal(Department.COURT, Role.CASEWORKER);
const hrAnalyst = asPrincipal(Department.HR_BUREAU, Role.ANALYST);

const recorded: Array<AccessEntry & { department: Department }> = [];

async function fileAndJudge(caseNo: string, worker: typeof ZHAO, sealed: boolean) {
  const steps: Array<[string, string, Record<string, unknown>]> = [
    [
      'createLawsuit',
      'CreateLawsuitInput',
      {
        caseNo,
        disputeNo: 'LD-HR-2026-007000',
        arbitrationCaseNo: '京开劳人仲字〔2026〕第7000号',
        plaintiffs: [worker],
        defendantCreditCodes: [FACTORY],
        cause: '竞业限制纠纷',
        filedOn: '2026-05-04',
        sealed,
      },
    ],
    ['startLawsuitTrial', 'LawsuitVersionInput', { caseNo, version: 1 }],
    [
      'recordLawsuitJudgment',
      'RecordLawsuitJudgmentInput',
      {
        caseNo,
        version: 2,
        judgmentOn: '2026-11-02',
        outcome: 'PARTIALLY_UPHELD',
        judgmentSummary: `${worker.name}的竞业限制补偿部分支持`,
      },
    ],
  ];
  for (const [name, input, values] of steps) {
    const { body } = await running.query(`mutation ($input: ${input}!) { ${name}(input: $input) { version } }`, { input: values }, court);
    expect(body.errors).toBeUndefined();
  }
}

/** What anyone sees of a case: its PUBLIC fields. */
const publicPart = (caseNo: string, sealed: boolean) => ({
  caseNo,
  cause: '竞业限制纠纷',
  filedOn: '2026-05-04',
  stage: 'JUDGED',
  judgmentOn: '2026-11-02',
  outcome: 'PARTIALLY_UPHELD',
  sealed,
  dueOn: '2026-11-17',
  defendants: [{ creditCode: FACTORY }],
});

async function read(caseNo: string, headers: Record<string, string>) {
  recorded.length = 0;
  const { body } = await running.query(READ, { caseNo }, headers);
  return {
    lawsuit: body.data.lawsuit,
    errors: (body.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions?.['code'] })),
  };
}

const running = useSubgraph(courtSubgraph, {
  grants: GRANTS,
  accessRecorder: (ctx) => ({ record: (entry) => void recorded.push({ ...entry, department: ctx.principal.department }) }),
});
beforeAll(async () => {
  await fileAndJudge(OPEN, ZHAO, false);
  await fileAndJudge(SEALED, QIAN, true);
}, 120_000);

describe('a sealed lawsuit', () => {
  it("shows the court's own caseworker both cases in full, logging nothing", async () => {
    for (const [caseNo, worker, sealed] of [
      [OPEN, ZHAO, false],
      [SEALED, QIAN, true],
    ] as const) {
      expect(await read(caseNo, court)).toEqual({
        lawsuit: {
          ...publicPart(caseNo, sealed),
          judgmentSummary: `${worker.name}的竞业限制补偿部分支持`,
          plaintiffs: [{ ...worker, personRef: personRefOf(worker.idNumber, TEST_LINKAGE_KEY) }],
        },
        errors: [],
      });
      expect(recorded).toEqual([]);
    }
  });

  it("shows the granted department the open case's granted fields in clear", async () => {
    expect(await read(OPEN, hr)).toEqual({
      lawsuit: {
        ...publicPart(OPEN, false),
        judgmentSummary: '赵明的竞业限制补偿部分支持',
        plaintiffs: [{ ...ZHAO, personRef: personRefOf(ZHAO.idNumber, TEST_LINKAGE_KEY) }],
      },
      errors: [],
    });
    expect(recorded.map((e) => `${e.typeName}.${e.fieldName} ${e.outcome} ${e.channelId}`).sort()).toEqual([
      `Lawsuit.judgmentSummary GRANTED ${CHANNEL}`,
      `Party.idNumber GRANTED ${CHANNEL}`,
      `Party.name GRANTED ${CHANNEL}`,
    ]);
  });

  it("keeps the sealed case's summary and parties inside the court under the same grants, its public fields visible", async () => {
    expect(await read(SEALED, hr)).toEqual({
      lawsuit: {
        ...publicPart(SEALED, true),
        judgmentSummary: null,
        plaintiffs: [{ personRef: personRefOf(QIAN.idNumber, TEST_LINKAGE_KEY), name: '钱*', idNumber: maskedId(QIAN.idNumber) }],
      },
      errors: [{ path: 'lawsuit.judgmentSummary', code: 'FORBIDDEN' }],
    });
    const personRef = personRefOf(QIAN.idNumber, TEST_LINKAGE_KEY);
    expect(recorded).toEqual(
      expect.arrayContaining([
        {
          typeName: 'Lawsuit',
          fieldName: 'judgmentSummary',
          dataClass: 'SHARED',
          subjectKey: SEALED,
          outcome: 'DENIED',
          channelId: null,
          department: Department.HR_BUREAU,
        },
        {
          typeName: 'Party',
          fieldName: 'name',
          dataClass: 'PERSONAL',
          subjectKey: personRef,
          outcome: 'MASKED',
          channelId: null,
          department: Department.HR_BUREAU,
        },
        {
          typeName: 'Party',
          fieldName: 'idNumber',
          dataClass: 'PERSONAL',
          subjectKey: personRef,
          outcome: 'MASKED',
          channelId: null,
          department: Department.HR_BUREAU,
        },
      ]),
    );
    expect(recorded).toHaveLength(3);
  });

  it('stays sealed when reached through the worker, as the gateway asks for it', async () => {
    const query = `query ($refs: [_Any!]!) { _entities(representations: $refs) { ... on Worker { lawsuits { caseNo judgmentSummary plaintiffs { name } } } } }`;
    const refs = [ZHAO, QIAN].map((w) => ({ __typename: 'Worker', personRef: personRefOf(w.idNumber, TEST_LINKAGE_KEY) }));
    const { body } = await running.query(query, { refs }, hr);
    expect(body.data._entities).toEqual([
      { lawsuits: [{ caseNo: OPEN, judgmentSummary: '赵明的竞业限制补偿部分支持', plaintiffs: [{ name: '赵明' }] }] },
      { lawsuits: [{ caseNo: SEALED, judgmentSummary: null, plaintiffs: [{ name: '钱*' }] }] },
    ]);
    expect(body.errors!.map((e) => [e.path!.join('.'), e.extensions!['code']])).toEqual([
      ['_entities.1.lawsuits.0.judgmentSummary', 'FORBIDDEN'],
    ]);
  });

  describe('in the lawsuits list', () => {
    const LIST = `query ($filter: LawsuitFilter) { lawsuits(filter: $filter) { totalCount nodes { ${FIELDS} } } }`;
    // Both cases of the dispute, filed the same day: listed by case number, the open one first.
    const FILTER = { disputeNos: ['LD-HR-2026-007000'], filedOn: { from: '2026-05-04', to: '2026-05-04' }, stage: ['JUDGED'] };
    const entries = () => recorded.map((e) => JSON.stringify(e)).sort();

    it.each([
      ['the granted department', hr],
      ["the granted department's analyst", hrAnalyst],
      ["the court's own caseworker", court],
    ])('shows %s each case exactly as its lookup does: the same values, refusals and access-log entries', async (_who, headers) => {
      const lookedUp = [];
      const lookupEntries = [];
      for (const caseNo of [OPEN, SEALED]) {
        lookedUp.push(await read(caseNo, headers));
        lookupEntries.push(...entries());
      }
      recorded.length = 0;
      const { body } = await running.query(LIST, { filter: FILTER }, headers);
      expect(body.data.lawsuits).toEqual({ totalCount: 2, nodes: lookedUp.map((l) => l.lawsuit) });
      const listErrors = (body.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions?.['code'] }));
      expect(listErrors).toEqual(
        lookedUp.flatMap((l, i) => l.errors.map((e) => ({ ...e, path: e.path!.replace(/^lawsuit\./, `lawsuits.nodes.${i}.`) }))),
      );
      expect(entries()).toEqual(lookupEntries.sort());
    });

    it('filters only on PUBLIC fields, which a sealed case shows anyone: no filter tests its summary or its parties', async () => {
      const lawsuit = (await buildCourtSchema()).getType('Lawsuit');
      if (!isObjectType(lawsuit)) throw new Error('Lawsuit is not an object type');
      const classes = Object.entries(LAWSUIT_FILTER_FIELDS).map(([filter, field]) => [
        filter,
        classificationOf(lawsuit.getFields()[field]!)?.dataClass,
      ]);
      expect(classes).toEqual(Object.keys(LAWSUIT_FILTER_FIELDS).map((filter) => [filter, DataClass.PUBLIC]));
    });
  });
});
