import { FIELD_CATALOGUE } from '../channels/field-catalogue';
import { Department } from '../context/principal';
import { DataClass } from '../permissions/data-class';

/**
 * A figure is as sensitive as what it is computed from: every `Indicators` field of every department names
 * here the record fields it reads, and its data class (in the generated catalogue) must be PUBLIC when
 * they all are, SHARED when any is SHARED. A new figure without its sources here fails this test, and so
 * does a source whose class is raised without its figures following.
 */
const SOURCES: Record<Department, Record<string, string[]>> = {
  HR_BUREAU: {
    arbitrationClosureRate: [
      'ArbitrationCase.acceptedOn',
      'ArbitrationCase.extended',
      'ArbitrationCase.closedOn',
      'ArbitrationCase.respondent',
      'Enterprise.district',
    ],
    arbitrationCases: ['ArbitrationCase.filedOn', 'ArbitrationCase.respondent', 'Enterprise.district'],
    openArrearsAmount: [
      'WageArrearsAlert.amountOwed',
      'WageArrearsAlert.raisedOn',
      'WageArrearsAlert.resolvedOn',
      'WageArrearsAlert.enterprise',
      'Enterprise.district',
    ],
    layoffReports: ['LayoffReport.reportedOn', 'LayoffReport.enterprise', 'Enterprise.district'],
    enterprisesKnown: ['Enterprise.registeredOn', 'Enterprise.district'],
  },
  UNION: {
    mediationCases: ['MediationCase.appliedOn'],
    mediationSuccessRate: ['MediationCase.status', 'MediationCase.closedOn', 'MediationCase.outcome'],
    mediationAgreed: ['MediationCase.status', 'MediationCase.closedOn', 'MediationCase.outcome'],
    enterprisesWithUnion: ['UnionOrganization.enterpriseCreditCodes', 'UnionOrganization.foundedOn', 'UnionOrganization.district'],
    enterprisesWithContract: ['CollectiveContract.enterpriseCreditCode', 'CollectiveContract.effectiveOn', 'CollectiveContract.expiresOn'],
  },
  COURT: {
    lawsuitsFiled: ['Lawsuit.filedOn'],
    lawsuitsAppealed: ['Lawsuit.filedOn', 'Lawsuit.stage'],
  },
  JUSTICE: {
    legalAidCases: ['LegalAidCase.appliedOn'],
    legalAidGranted: ['LegalAidCase.grantedOn'],
  },
};

const KEY_FIELDS = new Set(['period', 'district']);

describe.each(Object.values(Department))("the data class of %s's figures", (department) => {
  const figures = Object.keys(FIELD_CATALOGUE[department]['Indicators'] ?? {}).filter((field) => !KEY_FIELDS.has(field));

  it('names the sources of every figure, and only of figures it has', () => {
    expect(figures.sort()).toEqual(Object.keys(SOURCES[department]).sort());
  });

  it.each(Object.entries(SOURCES[department]))('%s is as sensitive as its sources', (figure, sources) => {
    const classes = sources.map((source) => {
      const [type, field] = source.split('.') as [string, string];
      return [source, FIELD_CATALOGUE[department][type]?.[field] ?? 'not in the catalogue'] as const;
    });
    for (const [source, dataClass] of classes) {
      // PERSONAL or RESTRICTED data feeds no figure: neither is an aggregate's business.
      expect([source, dataClass === DataClass.PUBLIC || dataClass === DataClass.SHARED]).toEqual([source, true]);
    }
    const expected = classes.some(([, dataClass]) => dataClass === DataClass.SHARED) ? DataClass.SHARED : DataClass.PUBLIC;
    expect([figure, FIELD_CATALOGUE[department]['Indicators']![figure]]).toEqual([figure, expected]);
  });
});
