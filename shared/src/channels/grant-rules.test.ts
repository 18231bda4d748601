import { Department } from '../context/principal';
import type { ScopeKind } from './scope-catalogue';
import { scopeViolations } from './grant-rules';

const { HR_BUREAU, UNION } = Department;
const KINDS: ScopeKind[] = [
  { name: 'HR_A', provider: HR_BUREAU, types: ['WageArrearsAlert', 'Worker'], description: 'a', descriptionZh: '甲' },
  { name: 'HR_B', provider: HR_BUREAU, types: ['LayoffReport'], description: 'b', descriptionZh: '乙' },
  { name: 'UNION_A', provider: UNION, types: ['MediationCase', 'Party'], description: 'c', descriptionZh: '丙' },
];

describe('a channel names one scope kind of its provider, covering every granted type', () => {
  it('accepts a kind of the provider that covers every type', () => {
    expect(scopeViolations(HR_BUREAU, 'HR_A', [{ typeName: 'WageArrearsAlert' }, { typeName: 'Worker' }], KINDS)).toEqual([]);
  });

  it('refuses a channel without a scope, naming the kinds it may take', () => {
    expect(scopeViolations(HR_BUREAU, null, [{ typeName: 'Worker' }], KINDS)).toEqual([
      { field: 'scope', rule: "is missing: a channel must name one of HR_BUREAU's scope kinds (HR_A, HR_B)" },
    ]);
  });

  it('refuses an unknown kind, and a kind of another provider', () => {
    expect(scopeViolations(HR_BUREAU, 'EVERYONE', [{ typeName: 'Worker' }], KINDS)).toEqual([
      { field: 'scope', rule: "is no scope kind: HR_BUREAU's are HR_A, HR_B" },
    ]);
    expect(scopeViolations(HR_BUREAU, 'UNION_A', [{ typeName: 'Worker' }], KINDS)).toEqual([
      { field: 'scope', rule: "is a scope kind of UNION: HR_BUREAU's are HR_A, HR_B" },
    ]);
  });

  it('names each granted type the kind does not cover, and leaves types the provider does not have to the grant rules', () => {
    expect(
      scopeViolations(
        HR_BUREAU,
        'HR_B',
        [{ typeName: 'LayoffReport' }, { typeName: 'Worker' }, { typeName: 'NoSuchType' }, { typeName: 'WageArrearsAlert' }],
        KINDS,
      ),
    ).toEqual([
      { field: 'grants[1].typeName', rule: 'is not covered by scope HR_B, which covers LayoffReport' },
      { field: 'grants[3].typeName', rule: 'is not covered by scope HR_B, which covers LayoffReport' },
    ]);
  });
});
