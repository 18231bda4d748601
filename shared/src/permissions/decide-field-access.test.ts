import { Department, Role, type Principal } from '../context/principal';
import { DataClass, type FieldClassification } from './data-class';
import { decideFieldAccess } from './decide-field-access';
import type { Grants } from './grants';

const PROVIDER = Department.HR_BUREAU;
const FIELD = 'WageArrearsAlert.amountOwed';

type GrantState = 'grant' | 'none' | 'unavailable';
const GRANT_STATES: Record<GrantState, Grants | 'UNAVAILABLE'> = {
  grant: new Map([[FIELD, { channelId: 'ch-1' }]]),
  // A channel exists, but for another field: it must not leak to this one.
  none: new Map([['WageArrearsAlert.project', { channelId: 'ch-2' }]]),
  unavailable: 'UNAVAILABLE',
};

/**
 * The class table of docs/architecture.md, written out: what each kind of reader gets of each class, with a
 * channel granting the field, without one, and with the registry unreachable. `GRANTED` carries `ch-1`.
 */
type Expected = Record<DataClass, Record<GrantState, 'FULL' | 'GRANTED' | 'MASKED' | 'DENIED'>>;
const row = (g: 'FULL' | 'GRANTED' | 'MASKED' | 'DENIED', n: Expected[DataClass]['none'], u: Expected[DataClass]['none']) => ({
  grant: g,
  none: n,
  unavailable: u,
});

const OWN_READER: Expected = {
  PUBLIC: row('FULL', 'FULL', 'FULL'),
  SHARED: row('FULL', 'FULL', 'FULL'),
  PERSONAL: row('FULL', 'FULL', 'FULL'),
  RESTRICTED: row('FULL', 'FULL', 'FULL'),
};
const OTHER_READER: Expected = {
  PUBLIC: row('FULL', 'FULL', 'FULL'),
  SHARED: row('GRANTED', 'DENIED', 'DENIED'),
  PERSONAL: row('GRANTED', 'MASKED', 'MASKED'),
  RESTRICTED: row('DENIED', 'DENIED', 'DENIED'),
};
/** Analysts and auditors (who read the access log, not the records), of the provider or not, channel or not. */
const ANALYST: Expected = {
  PUBLIC: row('FULL', 'FULL', 'FULL'),
  SHARED: row('DENIED', 'DENIED', 'DENIED'),
  PERSONAL: row('MASKED', 'MASKED', 'MASKED'),
  RESTRICTED: row('DENIED', 'DENIED', 'DENIED'),
};

const EXPECTED: Record<Role, { own: Expected; other: Expected }> = {
  CASEWORKER: { own: OWN_READER, other: OTHER_READER },
  SERVICE: { own: OWN_READER, other: OTHER_READER },
  COORDINATOR: { own: OWN_READER, other: OTHER_READER },
  ADMIN: { own: OWN_READER, other: OTHER_READER },
  ANALYST: { own: ANALYST, other: ANALYST },
  AUDITOR: { own: ANALYST, other: ANALYST },
};

const principal = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u-1', name: '测试用户', department, roles });
const classOf = (dataClass: DataClass): FieldClassification =>
  dataClass === DataClass.PERSONAL ? { dataClass, mask: 'name' } : { dataClass };

const cases = Object.values(Role).flatMap((role) =>
  (['own', 'other'] as const).flatMap((side) =>
    Object.values(DataClass).flatMap((dataClass) =>
      (Object.keys(GRANT_STATES) as GrantState[]).map(
        (grant) => [role, side, dataClass, grant, EXPECTED[role][side][dataClass][grant]] as const,
      ),
    ),
  ),
);

describe('decideFieldAccess: the class table', () => {
  it('covers every role × own/other department × class × grant state', () => {
    expect(cases).toHaveLength(6 * 2 * 4 * 3);
  });

  it.each(cases)('%s of the %s department reading a %s field (channel: %s) → %s', (role, side, dataClass, grant, outcome) => {
    const reader = principal(side === 'own' ? PROVIDER : Department.UNION, role);
    expect(decideFieldAccess(reader, PROVIDER, classOf(dataClass), FIELD, GRANT_STATES[grant])).toEqual({
      outcome,
      channelId: outcome === 'GRANTED' ? 'ch-1' : null,
    });
  });

  it('reads as the other role when ANALYST comes with a reading role', () => {
    const reader = principal(Department.UNION, Role.ANALYST, Role.COORDINATOR);
    expect(decideFieldAccess(reader, PROVIDER, classOf(DataClass.SHARED), FIELD, GRANT_STATES.grant)).toEqual({
      outcome: 'GRANTED',
      channelId: 'ch-1',
    });
    expect(
      decideFieldAccess(principal(PROVIDER, Role.ANALYST, Role.CASEWORKER), PROVIDER, classOf(DataClass.RESTRICTED), FIELD, 'UNAVAILABLE')
        .outcome,
    ).toBe('FULL');
  });

  it('gives a principal without any role the analyst view, even in its own department', () => {
    const reader = principal(PROVIDER);
    expect(decideFieldAccess(reader, PROVIDER, classOf(DataClass.PUBLIC), FIELD, GRANT_STATES.grant).outcome).toBe('FULL');
    expect(decideFieldAccess(reader, PROVIDER, classOf(DataClass.PERSONAL), FIELD, GRANT_STATES.grant).outcome).toBe('MASKED');
    expect(decideFieldAccess(reader, PROVIDER, classOf(DataClass.SHARED), FIELD, GRANT_STATES.grant).outcome).toBe('DENIED');
  });

  it('denies everything to a request without a principal, PUBLIC included', () => {
    for (const dataClass of Object.values(DataClass)) {
      expect(decideFieldAccess(null, PROVIDER, classOf(dataClass), FIELD, GRANT_STATES.grant)).toEqual({
        outcome: 'DENIED',
        channelId: null,
      });
    }
  });

  it('denies a field that declares no class, or an unknown one, even to its own department', () => {
    const reader = principal(PROVIDER, Role.ADMIN);
    expect(decideFieldAccess(reader, PROVIDER, undefined, FIELD, GRANT_STATES.grant).outcome).toBe('DENIED');
    expect(decideFieldAccess(reader, PROVIDER, { dataClass: 'SECRET' as DataClass }, FIELD, GRANT_STATES.grant).outcome).toBe('DENIED');
  });

  it("lets the provider's own analysts read a SHARED statistic disclosure-controlled (MASKED), and nobody else's", () => {
    const statistic: FieldClassification = { dataClass: DataClass.SHARED, statistic: true };
    const figure = 'Indicators.openArrearsAmount';
    const granted: Grants = new Map([[figure, { channelId: 'ch-figures' }]]);
    expect(decideFieldAccess(principal(PROVIDER, Role.ANALYST), PROVIDER, statistic, figure, 'UNAVAILABLE')).toEqual({
      outcome: 'MASKED',
      channelId: null,
    });
    expect(decideFieldAccess(principal(PROVIDER), PROVIDER, statistic, figure, new Map()).outcome).toBe('MASKED');
    // Another department's analyst: a SHARED field, which no channel reaches for analysts.
    expect(decideFieldAccess(principal(Department.UNION, Role.ANALYST), PROVIDER, statistic, figure, granted).outcome).toBe('DENIED');
    // Staff: as any SHARED field.
    expect(decideFieldAccess(principal(PROVIDER, Role.CASEWORKER), PROVIDER, statistic, figure, new Map()).outcome).toBe('FULL');
    expect(decideFieldAccess(principal(Department.UNION, Role.COORDINATOR), PROVIDER, statistic, figure, granted)).toEqual({
      outcome: 'GRANTED',
      channelId: 'ch-figures',
    });
    expect(decideFieldAccess(principal(Department.COURT, Role.CASEWORKER), PROVIDER, statistic, figure, new Map()).outcome).toBe('DENIED');
    expect(decideFieldAccess(principal(Department.UNION, Role.COORDINATOR), PROVIDER, statistic, figure, 'UNAVAILABLE').outcome).toBe(
      'DENIED',
    );
  });

  it('matches grants by the exact Type.field', () => {
    const reader = principal(Department.COURT, Role.CASEWORKER);
    const grants: Grants = new Map([['WageArrearsAlert.amountOwed', { channelId: 'ch-1' }]]);
    expect(decideFieldAccess(reader, PROVIDER, classOf(DataClass.SHARED), 'LayoffReport.amountOwed', grants).outcome).toBe('DENIED');
  });
});
