import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';

/**
 * The access logs through the gateway: a joint-meeting coordinator of the union reads the labour
 * bureau's workers, with a declared purpose; the labour bureau's ADMIN finds the read in its log; every
 * department's ADMIN reads its own log and no other.
 */
const LOG_QUERIES: Record<Department, string> = {
  [Department.HR_BUREAU]: 'hrBureauAccessLog',
  [Department.UNION]: 'unionAccessLog',
  [Department.COURT]: 'courtAccessLog',
  [Department.JUSTICE]: 'justiceAccessLog',
};
const logQuery = (name: string, department?: Department) =>
  `{ ${name}(first: 100${department ? `, department: ${department}` : ''}) { totalCount nodes { department roles operationName purpose fields outcome } } }`;

/**
 * For each department, a caseworker of another department reads one of its records' fields that no
 * channel opens to them (SHARED without a channel, or RESTRICTED): each such read is refused and logged
 * as DENIED. No other test here reads as these departments, so each log holds exactly this read of theirs.
 */
const PROBES: Record<Department, { reader: Department; list: string; field: string; typeName: string }> = {
  [Department.HR_BUREAU]: { reader: Department.COURT, list: 'wageArrearsAlerts', field: 'amountOwed', typeName: 'WageArrearsAlert' },
  [Department.UNION]: { reader: Department.HR_BUREAU, list: 'mediationCases', field: 'notes', typeName: 'MediationCase' },
  [Department.COURT]: { reader: Department.JUSTICE, list: 'lawsuits', field: 'judgmentSummary', typeName: 'Lawsuit' },
  [Department.JUSTICE]: { reader: Department.COURT, list: 'legalAidCases', field: 'hardshipEvidence', typeName: 'LegalAidCase' },
};

describe('access logs through the gateway', () => {
  const stack = useStack({ demo: true });

  it("puts a coordinator's read of another department's workers, with its purpose, into that department's log", async () => {
    const read = await stack.query(
      `query JointMeetingFile($c: String!) { enterprise(creditCode: $c) { name workers { name idNumber } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      // Headers carry ASCII: a purpose in Chinese travels percent-encoded and is logged decoded.
      { ...asPrincipal(Department.UNION, Role.COORDINATOR), 'x-purpose': encodeURIComponent('双月沟通会 2026-11') },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.enterprise.workers.length).toBeGreaterThan(0);

    const { body } = await stack.query(logQuery('hrBureauAccessLog'), {}, asPrincipal(Department.HR_BUREAU, Role.ADMIN));
    expect(body.errors).toBeUndefined();
    // The gateway names its fetch after the client's operation: `JointMeetingFile__hr_bureau__0`.
    const reads = body.data.hrBureauAccessLog.nodes.filter((n: { operationName: string | null }) =>
      n.operationName?.startsWith('JointMeetingFile__'),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const entry of reads) expect(entry).toMatchObject({ department: 'UNION', roles: ['COORDINATOR'], purpose: '双月沟通会 2026-11' });
    expect(reads.flatMap((n: { fields: string[] }) => n.fields).sort()).toEqual(['Worker.idNumber', 'Worker.name']);
  });

  it("lets each department's ADMIN read its own log and no other department's", async () => {
    for (const [owner, { reader, list, field }] of Object.entries(PROBES) as Array<[Department, (typeof PROBES)[Department]]>) {
      const probe = await stack.query(
        `query AccessLogProbe($c: String!) { enterprise(creditCode: $c) { ${list} { __typename ${field} } } }`,
        { c: STORY_ENTERPRISES.constructionArrears },
        asPrincipal(reader, Role.CASEWORKER),
      );
      const records = probe.body.data.enterprise[list] as Array<Record<string, unknown>>;
      expect([owner, records.length > 0, records.every((r) => r[field] === null)]).toEqual([owner, true, true]);
      expect(probe.body.errors?.map((e) => [e.path?.at(-1), e.extensions?.['code']])).toEqual(records.map(() => [field, 'FORBIDDEN']));
    }

    for (const [owner, name] of Object.entries(LOG_QUERIES) as Array<[Department, string]>) {
      const { reader, field, typeName } = PROBES[owner];
      for (const admin of Object.values(Department)) {
        const { body } = await stack.query(logQuery(name, reader), {}, asPrincipal(admin, Role.ADMIN));
        if (admin === owner) {
          expect(body.errors).toBeUndefined();
          // One request, one refused field of one type: one entry.
          expect(body.data[name]).toEqual({
            totalCount: 1,
            nodes: [
              {
                department: reader,
                roles: ['CASEWORKER'],
                operationName: expect.stringMatching(/^AccessLogProbe__/),
                purpose: null,
                fields: [`${typeName}.${field}`],
                outcome: 'DENIED',
              },
            ],
          });
        } else {
          expect(body.data).toBeNull();
          expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
        }
      }
    }
  });
});
