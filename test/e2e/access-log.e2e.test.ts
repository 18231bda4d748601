import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/shared/demo';
import { startStack, type RunningStack } from '../support/stack';
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
const logQuery = (name: string) => `{ ${name}(first: 100) { totalCount nodes { department roles operationName purpose fields outcome } } }`;

describe('access logs through the gateway', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ demo: true });
  }, 180_000);
  afterAll(() => stack?.stop());

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
    const reads = body.data.hrBureauAccessLog.nodes.filter((n: { operationName: string | null }) => n.operationName?.startsWith('JointMeetingFile__'));
    expect(reads.length).toBeGreaterThan(0);
    for (const entry of reads) expect(entry).toMatchObject({ department: 'UNION', roles: ['COORDINATOR'], purpose: '双月沟通会 2026-11' });
    expect(reads.flatMap((n: { fields: string[] }) => n.fields).sort()).toEqual(['Worker.idNumber', 'Worker.name']);
  });

  it("lets each department's ADMIN read its own log and no other department's", async () => {
    for (const [owner, name] of Object.entries(LOG_QUERIES) as Array<[Department, string]>) {
      for (const reader of Object.values(Department)) {
        const { body } = await stack.query(logQuery(name), {}, asPrincipal(reader, Role.ADMIN));
        if (reader === owner) {
          expect(body.errors).toBeUndefined();
          expect(body.data[name].totalCount).toBeGreaterThanOrEqual(0);
        } else {
          expect(body.data).toBeNull();
          expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
        }
      }
    }
  });
});
