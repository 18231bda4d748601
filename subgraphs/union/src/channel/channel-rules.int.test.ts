import { addDays, Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { ACTIVATE, hrAdmin, LOOKUP, PROPOSE, proposal, REVOKE, SUSPEND, useUnionWithHrChannelRoutes } from './channel.fixtures';
import { SharingChannel } from './sharing-channel.entity';
import { refusalOf } from '@labour/testing/refusals';

const { UNION, JUSTICE } = Department;
const { ADMIN } = Role;
const today = TEST_AS_OF;

describe('sharing-channel registry (union subgraph): refused proposals and decisions', () => {
  // The provider of most channels here: the registry forwards decisions on them to its channel routes.
  const { union, hrRecord, proposeAndActivate } = useUnionWithHrChannelRoutes();

  it('refuses RESTRICTED, PUBLIC, unknown and repeated fields, unknown types, the provider as consumer and dates out of order, naming each', async () => {
    const input = proposal('T-BAD-GRANTS', {
      provider: UNION,
      scope: 'UNION_REFERRED_DISPUTES',
      consumers: [JUSTICE, UNION, JUSTICE],
      grants: [
        { typeName: 'MediationCase', fields: ['claims', 'notes', 'caseNo', 'noSuchField', 'claims'] },
        { typeName: 'WageArrearsAlert', fields: ['amountOwed'] },
        { typeName: 'LegalConsultation', fields: ['topic'] },
        { typeName: 'MediationCase', fields: ['agreement'] },
      ],
      validFrom: '2026-06-01',
      validUntil: '2026-05-31',
    });
    const { body } = await union.query(PROPOSE, { input }, asPrincipal(UNION, ADMIN));
    // Shapes first (class-validator, before the resolver): the dates.
    expect(refusalOf(body)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'validUntil',
      rule: 'must not be earlier than validFrom (2026-06-01)',
    });

    const { body: second } = await union.query(PROPOSE, { input: { ...input, validUntil: null } }, asPrincipal(UNION, ADMIN));
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consumers[1]' });
    expect(second.errors![0]!.extensions!['violations']).toEqual([
      { field: 'consumers[1]', rule: 'is the provider: UNION reads its own fields without a channel' },
      { field: 'consumers[2]', rule: 'names JUSTICE twice' },
      { field: 'grants[0].fields[1]', rule: 'is RESTRICTED: MediationCase.notes never leaves UNION' },
      { field: 'grants[0].fields[2]', rule: 'is PUBLIC: every department reads MediationCase.caseNo already, there is nothing to grant' },
      { field: 'grants[0].fields[3]', rule: "is not a field of MediationCase in UNION's schema" },
      { field: 'grants[0].fields[4]', rule: 'names claims twice' },
      { field: 'grants[1].typeName', rule: "is not a type of UNION's schema" },
      { field: 'grants[3].typeName', rule: "names MediationCase again: list each type's fields once" },
    ]);

    const past = await union.query(
      PROPOSE,
      { input: proposal('T-PAST', { validFrom: '2025-01-01', validUntil: addDays(today, -1) }) },
      hrAdmin,
    );
    expect(past.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'validUntil',
      rule: `must not be in the past (today is ${today}): such a channel would grant nothing`,
    });
    const empty = await union.query(
      PROPOSE,
      { input: proposal('T-EMPTY', { consumers: [], grants: [{ typeName: 'WageArrearsAlert', fields: [] }] }) },
      hrAdmin,
    );
    expect(empty.body.errors![0]!.extensions!['violations']).toEqual([
      { field: 'consumers', rule: 'must name at least one department' },
      { field: 'grants[0].fields', rule: 'must name at least one field' },
    ]);
    expect((await union.query(`{ sharingChannels { code } }`)).body.data.sharingChannels.map((c: { code: string }) => c.code)).not.toEqual(
      expect.arrayContaining(['T-BAD-GRANTS', 'T-PAST', 'T-EMPTY']),
    );
  });

  it("refuses a scope that is missing, unknown, another provider's, or does not cover a granted type, naming scope or the type", async () => {
    const refused = async (extra: object) => {
      const { body } = await union.query(PROPOSE, { input: proposal('T-BAD-SCOPE', extra) }, hrAdmin);
      expect(body.data ?? null).toBeNull();
      return body.errors![0]!.extensions;
    };
    expect(await refused({ scope: undefined })).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(await refused({ scope: 'EVERY_WORKER' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scope',
      rule: "is no scope kind: HR_BUREAU's are HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES",
    });
    expect(await refused({ scope: 'UNION_OPEN_MEDIATION' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scope',
      rule: "is a scope kind of UNION: HR_BUREAU's are HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES",
    });
    const uncovered = await refused({
      grants: [
        { typeName: 'WageArrearsAlert', fields: ['amountOwed'] },
        { typeName: 'LayoffReport', fields: ['reason'] },
        { typeName: 'Worker', fields: ['name'] },
      ],
    });
    expect(uncovered!['violations']).toEqual([
      { field: 'grants[1].typeName', rule: 'is not covered by scope HR_OPEN_WAGE_ARREARS, which covers WageArrearsAlert, Worker' },
    ]);
    expect((await union.query(LOOKUP, { code: 'T-BAD-SCOPE' })).body.data.sharingChannel).toBeNull();
  });

  it('refuses to activate a channel agreed before channels had scopes: it must be proposed again with one', async () => {
    await union.query(PROPOSE, { input: proposal('T-UNSCOPED') }, hrAdmin);
    await union.subgraph.orm.em.fork().nativeUpdate(SharingChannel, { code: 'T-UNSCOPED' }, { scope: null });
    const read = (await union.query(LOOKUP, { code: 'T-UNSCOPED' })).body.data.sharingChannel;
    expect(read).toMatchObject({ scope: null, scopeKind: null });
    const { body } = await union.query(ACTIVATE, { input: { code: 'T-UNSCOPED', version: read.version } }, hrAdmin);
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scope',
      rule: "is missing: a channel must name one of HR_BUREAU's scope kinds (HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES)",
    });
  });

  it('refuses a second channel with the same code with CONFLICT', async () => {
    await union.query(PROPOSE, { input: proposal('T-TWICE') }, hrAdmin);
    const { body } = await union.query(PROPOSE, { input: proposal('T-TWICE') }, hrAdmin);
    expect(body.errors![0]).toMatchObject({
      message: 'A sharing channel with code T-TWICE already exists',
      extensions: { code: 'CONFLICT', field: 'code' },
    });
  });

  it('refuses a decision on a stale version with CONFLICT and keeps the first one', async () => {
    const code = 'T-STALE';
    await proposeAndActivate(code);
    const first = await union.query(SUSPEND, { input: { code, version: 2 } }, hrAdmin);
    expect(first.body.data.suspendSharingChannel).toMatchObject({ status: 'SUSPENDED', version: 3 });
    const stale = await union.query(REVOKE, { input: { code, version: 2 } }, hrAdmin);
    expect(stale.body.errors![0]!.extensions).toEqual({ code: 'CONFLICT', currentVersion: 3 });
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toMatchObject({ status: 'SUSPENDED', version: 3 });
    // The stale decision never reached the provider.
    expect(await hrRecord(code)).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const missing = await union.query(REVOKE, { input: { code: 'T-NOBODY', version: 1 } }, hrAdmin);
    expect(missing.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});
