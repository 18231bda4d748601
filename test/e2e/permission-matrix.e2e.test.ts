import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, Department, idNumberCheckCharacter, Role } from '@labour/shared';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { SharingChannel } from '../../subgraphs/union/src/channel/sharing-channel.entity';
import { ProviderChannel } from '@labour/shared';
import type { GraphQLResponse } from '../support/graphql-client';
import { startStack, type RunningStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';
import { makeTempDir } from '../support/temp-dir';
import { documentIdOf } from '../../gateway/src/trusted-documents/trusted-documents';

/**
 * Every role of every department reads one union mediation case — a PUBLIC, a SHARED, a RESTRICTED and
 * two PERSONAL fields — in every state of the channel that opens the SHARED and PERSONAL ones to the
 * other departments, through the gateway with real tokens; the test states what a client must see.
 */

const ID_NUMBER = (() => {
  const body = '41272219900101123';
  return body + idNumberCheckCharacter(body);
})();
const CASE = {
  caseNo: '京开工调字〔2026〕第9001号',
  disputeNo: 'LD-UN-2026-900001',
  workers: [{ idNumber: ID_NUMBER, name: '王小明' }],
  enterpriseCreditCode: '91110115102884310L',
  mediator: '李调解',
  claims: '拖欠工资三个月',
  notes: '双方情绪激动，需要再次沟通',
  appliedOn: '2026-11-01',
};
const READ = /* GraphQL */ `
  query MatrixRead($caseNo: String!) {
    mediationCase(caseNo: $caseNo) { caseNo status claims notes workers { name idNumber } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation MatrixUpdate($input: UpdateMediationCaseInput!) {
    updateMediationCase(input: $input) { version }
  }
`;
/** The case is APPLIED: in the scope of open mediation cases, which the matrix channel names. */
const GRANTS = [
  { typeName: 'MediationCase', fields: ['claims'] },
  { typeName: 'Party', fields: ['name', 'idNumber'] },
];

type ChannelState = 'none' | 'proposed' | 'active' | 'suspended' | 'revoked' | 'expired';
const DEPARTMENTS = Object.values(Department);
const ROLES = Object.values(Role);
/** The roles that read records and write nothing: an ANALYST (indicators, masked data) and an AUDITOR (the access log). */
const READ_ONLY: ReadonlySet<Role> = new Set([Role.ANALYST, Role.AUDITOR]);

/** What a client sees, from docs/architecture.md's table: the expectation is written out, not computed by the code under test. */
function expected(department: Department, role: Role, state: Exclude<ChannelState, 'proposed'>) {
  const own = department === Department.UNION && !READ_ONLY.has(role);
  const granted = !own && !READ_ONLY.has(role) && state === 'active';
  const forbidden: string[] = [];
  const claims = own || granted ? CASE.claims : (forbidden.push('claims'), null);
  const notes = own ? CASE.notes : (forbidden.push('notes'), null);
  const clear = own || granted;
  return {
    data: {
      mediationCase: {
        caseNo: CASE.caseNo,
        status: 'APPLIED',
        claims,
        notes,
        workers: [
          { name: clear ? '王小明' : '王*', idNumber: clear ? ID_NUMBER : `${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}` },
        ],
      },
    },
    forbidden,
  };
}

function seen(response: GraphQLResponse) {
  const errors = response.body.errors ?? [];
  return {
    data: response.body.data,
    forbidden: errors
      .filter((e) => e.extensions?.['code'] === 'FORBIDDEN' && e.path?.length === 2 && e.path[0] === 'mediationCase')
      .map((e) => e.path![1] as string)
      .sort(),
    others: errors.filter((e) => e.extensions?.['code'] !== 'FORBIDDEN'),
  };
}

describe('who sees what: role × department × data class × channel state, through the gateway', () => {
  let stack: RunningStack;
  const unionAdmin = asPrincipal(Department.UNION, Role.ADMIN);
  // A department system (SERVICE) runs registered operations only: the matrix's operations are registered for
  // every department's system (a document belongs to one system, so each file names its own), and a SERVICE
  // principal sends its department's ids; people send the text.
  const registry = makeTempDir('permission-matrix-documents');
  const OPERATIONS = { MatrixRead: READ, MatrixUpdate: UPDATE };
  const registered = (department: Department, text: string) => `# ${department}'s matrix system\n${text}`;
  const send = async (text: string, variables: Record<string, unknown>, department: Department, role: Role): Promise<GraphQLResponse> => {
    const headers = asPrincipal(department, role);
    if (role !== Role.SERVICE) return stack.query(text, variables, headers);
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ documentId: documentIdOf(registered(department, text)), variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
  };
  const read = (department: Department, role: Role) => send(READ, { caseNo: CASE.caseNo }, department, role);

  async function channel(code: string): Promise<{ version: number; effectiveStatus: string }> {
    return (await stack.query(`query ($code: String!) { sharingChannel(code: $code) { version effectiveStatus } }`, { code }, unionAdmin))
      .body.data.sharingChannel;
  }

  async function decide(code: string, verb: 'activate' | 'suspend' | 'revoke') {
    const { version } = await channel(code);
    const { body } = await stack.query(
      `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { status } }`,
      { input: { code, version } },
      unionAdmin,
    );
    expect(body.errors).toBeUndefined();
  }

  let proposals = 0;
  /** Proposes a channel of its own for the test (a revoked channel never comes back, so each test has a new one). */
  async function propose(): Promise<string> {
    proposals += 1;
    const code = `MATRIX-UNION-CASE-${proposals}`;
    const { body } = await stack.query(
      `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { status } }`,
      {
        input: {
          code,
          provider: 'UNION',
          consumers: ['HR_BUREAU', 'COURT', 'JUSTICE'],
          grants: GRANTS,
          scope: 'UNION_OPEN_MEDIATION',
          purpose: '权限矩阵测试',
          legalBasis: '《劳动争议调解仲裁法》',
          validFrom: '2026-01-01',
        },
      },
      unionAdmin,
    );
    expect(body.errors).toBeUndefined();
    return code;
  }

  /** The channel in the state a test needs, whatever earlier tests left: every other matrix channel revoked first. */
  async function channelIn(state: ChannelState): Promise<void> {
    for (let n = 1; n <= proposals; n += 1) {
      const code = `MATRIX-UNION-CASE-${n}`;
      if (!['REVOKED', 'EXPIRED'].includes((await channel(code)).effectiveStatus)) await decide(code, 'revoke');
    }
    if (state === 'none') return;
    const code = await propose();
    if (state === 'proposed') return;
    await decide(code, 'activate');
    if (state === 'suspended' || state === 'revoked') await decide(code, state === 'suspended' ? 'suspend' : 'revoke');
    if (state === 'expired') {
      // The calendar passes its last day: in the union's own record (what it enforces as the provider) and in the registry.
      const yesterday = addDays(TEST_AS_OF, -1);
      const em = stack.subgraphs.get('union')!.subgraph.orm.em.fork();
      const record = await em.findOneOrFail(ProviderChannel, { code });
      record.content = { ...record.content, validUntil: yesterday };
      await em.flush();
      await em.nativeUpdate(SharingChannel, { code }, { validUntil: yesterday });
    }
  }

  /** Puts the channel in `state`, has every provider reload its channels, and checks what every principal sees. */
  async function checkEveryone(state: ChannelState) {
    await channelIn(state);
    await stack.refreshChannels();
    const seenAs = state === 'proposed' ? 'none' : state;
    for (const department of DEPARTMENTS) {
      for (const role of ROLES) {
        const { data, forbidden, others } = seen(await read(department, role));
        const want = expected(department, role, seenAs);
        expect({ department, role, state, data, forbidden, others }).toEqual({
          department,
          role,
          state,
          data: want.data,
          forbidden: want.forbidden,
          others: [],
        });
      }
    }
  }

  beforeAll(async () => {
    for (const department of DEPARTMENTS) {
      const system = join(registry.path, `${department.toLowerCase()}-matrix`);
      mkdirSync(system);
      writeFileSync(join(system, 'system.json'), JSON.stringify({ department }));
      for (const [name, text] of Object.entries(OPERATIONS)) writeFileSync(join(system, `${name}.graphql`), registered(department, text));
    }
    stack = await startStack({
      demo: false,
      channels: { refreshMs: 300, staleAfterMs: 5_000 },
      trustedDocuments: { dir: registry.path, exemptKids: [] },
    });
    const created = await stack.query(
      `mutation ($input: CreateMediationCaseInput!) { createMediationCase(input: $input) { caseNo } }`,
      { input: CASE },
      asPrincipal(Department.UNION, Role.CASEWORKER),
    );
    expect(created.body.errors).toBeUndefined();
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    registry.remove();
  });

  it('without any channel', () => checkEveryone('none'), 60_000);
  it('with the channel proposed but not yet active: still nothing', () => checkEveryone('proposed'), 60_000);
  it('with the channel active', () => checkEveryone('active'), 60_000);
  it('with the channel suspended', () => checkEveryone('suspended'), 60_000);
  it('with the channel revoked', () => checkEveryone('revoked'), 60_000);
  it('with an active channel whose last day has passed', () => checkEveryone('expired'), 60_000);

  it('lets only the owning department write, and no analyst or auditor', async () => {
    for (const department of DEPARTMENTS) {
      for (const role of ROLES) {
        const { body } = await send(UPDATE, { input: { caseNo: CASE.caseNo, version: 999, mediator: '赵调解' } }, department, role);
        const code = body.errors?.[0]?.extensions?.['code'];
        const writer = department === Department.UNION && !READ_ONLY.has(role);
        // A writer gets past the permission layer to the optimistic lock (version 999 is stale); no one else does.
        expect({ department, role, code }).toEqual({ department, role, code: writer ? 'CONFLICT' : 'FORBIDDEN' });
      }
    }
  }, 60_000);
});
