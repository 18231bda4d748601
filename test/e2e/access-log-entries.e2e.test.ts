import { Department, idNumberCheckCharacter, personRefOf, Role, verifyAccessLog } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useSharedStack, type SharedStack } from '../support/shared-stack';
import { TEST_LINKAGE_KEY } from '../support/subgraph-harness';
import { testToken } from '../support/tokens';

/**
 * What one request through the gateway leaves in the labour bureau's access log: one entry per outcome,
 * channel and type of the records read, however many records (the arbitration cases of a hundred
 * enterprises refused field by field are one DENIED entry, not one per case), with the keys of all of them; the chain
 * intact after many requests at once; and every person lookup by another department logged with its purpose.
 */
const { HR_BUREAU, UNION, COURT } = Department;
const { CASEWORKER, ANALYST } = Role;

/** Headers of a principal with a token subject of its own, and a declared purpose. */
const as = (department: Department, role: Role, sub: string, purpose: string) => ({
  authorization: `Bearer ${testToken({ department, roles: [role], sub })}`,
  'x-purpose': encodeURIComponent(purpose),
});

interface LoggedEntry {
  subject: string;
  department: string;
  purpose: string | null;
  outcome: string;
  channelId: string | null;
  fields: string[];
  subjectKeys: string[];
}

const CASES = /* GraphQL */ `
  query DeniedClaims { enterprises(first: 100) { nodes { creditCode arbitrationCases { caseNo claims } } } }
`;

describe('access-log entries per request, through the gateway', () => {
  let stack: SharedStack;
  /** Every arbitration case of the first 100 enterprises, as the labour bureau's own staff read them. */
  let caseNos: string[];

  const hrLog = () => stack.subgraphs.get('hr-bureau')!.orm.em.fork();

  /** The labour bureau's entries of operations named `operation` (the gateway names its fetches `<operation>__hr_bureau__<n>`). */
  async function entriesOf(operation: string): Promise<LoggedEntry[]> {
    const rows = await hrLog().execute<Array<Record<string, unknown>>>(
      `select "subject", "department", "purpose", "outcome", "channel_id", "fields", "subject_keys" from "access_log"
       where "operation_name" like ? order by "id"`,
      [`${operation}\\_\\_%`],
    );
    return rows.map((row) => ({
      subject: row['subject'] as string,
      department: row['department'] as string,
      purpose: row['purpose'] as string | null,
      outcome: row['outcome'] as string,
      channelId: row['channel_id'] as string | null,
      fields: row['fields'] as string[],
      subjectKeys: row['subject_keys'] as string[],
    }));
  }

  beforeAll(async () => {
    stack = await useSharedStack();
    const own = await stack.query(CASES, {}, as(HR_BUREAU, CASEWORKER, 'hr-caseworker', 'own'));
    expect(own.body.errors).toBeUndefined();
    caseNos = own.body.data.enterprises.nodes
      .flatMap((n: { arbitrationCases: Array<{ caseNo: string }> }) => n.arbitrationCases.map((c) => c.caseNo))
      .sort();
  }, 180_000);
  afterAll(() => stack?.release());

  it('logs a list refused field by field as ONE entry, with the keys of every record refused', async () => {
    expect(caseNos.length).toBeGreaterThan(40); // 47 in the demo data
    // No channel gives arbitration claims to the union.
    const { body } = await stack.query(CASES, {}, as(UNION, CASEWORKER, 'union-denied', '调解准备'));
    // Every case's claims are refused on their own: one FORBIDDEN per case ...
    expect(body.errors).toHaveLength(caseNos.length);
    expect(new Set(body.errors?.map((e) => `${e.path?.at(-1)} ${e.extensions?.['code']}`))).toEqual(new Set(['claims FORBIDDEN']));
    // ... and one entry for them all.
    expect(await entriesOf('DeniedClaims')).toEqual([
      {
        subject: 'union-denied',
        department: 'UNION',
        purpose: '调解准备',
        outcome: 'DENIED',
        channelId: null,
        fields: ['ArbitrationCase.claims'],
        subjectKeys: caseNos,
      },
    ]);
  });

  it('logs a list granted by a channel as one entry for the type, with its channel and every key in its scope', async () => {
    const { body } = await stack.query(
      `query GrantedClaims { enterprises(first: 100) { nodes { arbitrationCases { caseNo status claims claimAmount } } } }`,
      {},
      as(COURT, CASEWORKER, 'court-granted', '裁审衔接'),
    );
    // HR-COURT-ARBITRATION covers the cases that ended (its scope HR_ENDED_ARBITRATION): the others are refused.
    const cases = body.data.enterprises.nodes.flatMap(
      (n: { arbitrationCases: Array<{ caseNo: string; status: string }> }) => n.arbitrationCases,
    );
    const ended = cases
      .filter((c: { status: string }) => ['CLOSED', 'DECLINED'].includes(c.status))
      .map((c: { caseNo: string }) => c.caseNo)
      .sort();
    const open = cases
      .filter((c: { status: string }) => !['CLOSED', 'DECLINED'].includes(c.status))
      .map((c: { caseNo: string }) => c.caseNo)
      .sort();
    expect([ended.length > 0, open.length > 0]).toEqual([true, true]);
    expect(body.errors).toHaveLength(open.length * 2);
    expect((await entriesOf('GrantedClaims')).sort((a, b) => a.outcome.localeCompare(b.outcome))).toEqual([
      {
        subject: 'court-granted',
        department: 'COURT',
        purpose: '裁审衔接',
        outcome: 'DENIED',
        channelId: null,
        fields: ['ArbitrationCase.claimAmount', 'ArbitrationCase.claims'],
        subjectKeys: open,
      },
      {
        subject: 'court-granted',
        department: 'COURT',
        purpose: '裁审衔接',
        outcome: 'GRANTED',
        channelId: 'HR-COURT-ARBITRATION',
        fields: ['ArbitrationCase.claimAmount', 'ArbitrationCase.claims'],
        subjectKeys: ended,
      },
    ]);
  });

  it('logs a mixed request as one entry per outcome, channel and type', async () => {
    const { body } = await stack.query(
      `query MixedRead($c: String!) { enterprise(creditCode: $c) {
        wageArrearsAlerts { alertNo amountOwed } workers { personRef name idNumber } arbitrationCases { caseNo status claims }
      } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      as(COURT, CASEWORKER, 'court-mixed', '审理参考'),
    );
    const enterprise = body.data.enterprise as {
      wageArrearsAlerts: Array<{ alertNo: string; amountOwed: string | null }>;
      workers: Array<{ personRef: string }>;
      arbitrationCases: Array<{ caseNo: string; status: string; claims: string | null }>;
    };
    expect([enterprise.wageArrearsAlerts.length > 0, enterprise.workers.length > 1, enterprise.arbitrationCases.length > 0]).toEqual([
      true,
      true,
      true,
    ]);
    // The amounts are refused; the claims of cases that ended are granted (HR-COURT-ARBITRATION), of the others refused.
    const ended = enterprise.arbitrationCases
      .filter((c) => ['CLOSED', 'DECLINED'].includes(c.status))
      .map((c) => c.caseNo)
      .sort();
    const open = enterprise.arbitrationCases
      .filter((c) => !['CLOSED', 'DECLINED'].includes(c.status))
      .map((c) => c.caseNo)
      .sort();
    expect(body.errors).toHaveLength(enterprise.wageArrearsAlerts.length + open.length);
    expect(
      enterprise.arbitrationCases
        .filter((c) => c.claims !== null)
        .map((c) => c.caseNo)
        .sort(),
    ).toEqual(ended);

    const entries = await entriesOf('MixedRead');
    const common = { subject: 'court-mixed', department: 'COURT', purpose: '审理参考' };
    expect(entries.sort((a, b) => a.fields[0]!.localeCompare(b.fields[0]!) || a.outcome.localeCompare(b.outcome))).toEqual([
      ...(open.length ? [{ ...common, outcome: 'DENIED', channelId: null, fields: ['ArbitrationCase.claims'], subjectKeys: open }] : []),
      ...(ended.length
        ? [{ ...common, outcome: 'GRANTED', channelId: 'HR-COURT-ARBITRATION', fields: ['ArbitrationCase.claims'], subjectKeys: ended }]
        : []),
      {
        ...common,
        outcome: 'DENIED',
        channelId: null,
        fields: ['WageArrearsAlert.amountOwed'],
        subjectKeys: enterprise.wageArrearsAlerts.map((a) => a.alertNo).sort(),
      },
      {
        ...common,
        outcome: 'MASKED',
        channelId: null,
        fields: ['Worker.idNumber', 'Worker.name'],
        subjectKeys: enterprise.workers.map((w) => w.personRef).sort(),
      },
    ]);
  });

  it('keeps every chain intact after 50 requests at once, with exactly their entries', async () => {
    const before = await verifyAccessLog(hrLog());
    const headers = as(UNION, CASEWORKER, 'union-parallel', '并发');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        stack.query(
          `query Parallel${i}($c: String!) { enterprise(creditCode: $c) { wageArrearsAlerts { amountOwed } workers { name idNumber } } }`,
          { c: STORY_ENTERPRISES.constructionArrears },
          headers,
        ),
      ),
    );
    expect(responses.map((r) => [r.status, r.body.errors])).toEqual(responses.map(() => [200, undefined]));
    // Each request: the alerts GRANTED, the names GRANTED (both HR-UNION-ARREARS, two types), the ID numbers MASKED.
    expect(await verifyAccessLog(hrLog())).toEqual({ entries: before.entries + 150, firstBrokenId: null, reason: null });
    for (let i = 0; i < 50; i += 1)
      expect((await entriesOf(`Parallel${i}`)).map((e) => [e.outcome, e.fields.join()]).sort()).toEqual([
        ['GRANTED', 'WageArrearsAlert.amountOwed'],
        ['GRANTED', 'Worker.name'],
        ['MASKED', 'Worker.idNumber'],
      ]);
    for (const [name, running] of stack.subgraphs) {
      expect([name, (await verifyAccessLog(running.orm.em.fork())).firstBrokenId]).toEqual([name, null]);
    }
  });

  describe('person lookups by another department', () => {
    let worker: { idNumber: string; personRef: string };
    const LOOKUP = `query PersonLookup($n: String!) { worker(idNumber: $n) { personRef name } }`;

    beforeAll(async () => {
      const own = await stack.query(
        `query ($c: String!) { enterprise(creditCode: $c) { workers { idNumber personRef } } }`,
        { c: STORY_ENTERPRISES.constructionArrears },
        as(HR_BUREAU, CASEWORKER, 'hr-caseworker', 'own'),
      );
      worker = own.body.data.enterprise.workers[1];
    });

    it('logs each one, refused, rate-limited or not, under the personRef asked for and with its purpose; the own department not', async () => {
      const other = `${worker.idNumber.slice(0, 12)}0101${worker.idNumber.slice(16, 17)}`;
      const otherNumber = other + idNumberCheckCharacter(other);
      const asked = [worker.idNumber, otherNumber];
      // The analyst's 30 lookups a minute: 30 refused for what it asks (FORBIDDEN), then 2 for how often (RATE_LIMITED).
      const codes: string[] = [];
      for (let i = 0; i < 32; i += 1) {
        const { body } = await stack.query(LOOKUP, { n: asked[i % 2] }, as(COURT, ANALYST, 'court-analyst-lookups', `核对身份 ${i}`));
        codes.push(String(body.errors?.[0]?.extensions?.['code']));
      }
      expect(codes).toEqual([...Array.from({ length: 30 }, () => 'FORBIDDEN'), 'RATE_LIMITED', 'RATE_LIMITED']);
      const own = await stack.query(LOOKUP, { n: worker.idNumber }, as(HR_BUREAU, CASEWORKER, 'hr-caseworker', 'own lookup'));
      expect(own.body.data.worker.personRef).toBe(worker.personRef);

      const entries = await entriesOf('PersonLookup');
      // One entry per request (each its own purpose), all DENIED, each under the personRef of the number it asked for.
      expect(entries).toEqual(
        Array.from({ length: 32 }, (_, i) => ({
          subject: 'court-analyst-lookups',
          department: 'COURT',
          purpose: `核对身份 ${i}`,
          outcome: 'DENIED',
          channelId: null,
          fields: ['Query.worker'],
          subjectKeys: [personRefOf(asked[i % 2]!, TEST_LINKAGE_KEY)],
        })),
      );
    });
  });
});
