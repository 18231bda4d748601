import { Department, Role } from '@labour/shared';
import { demoWorld, describeCaseList } from '@labour/testing/case-list';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { newestFirst } from '../list.fixtures';

/** The world the subgraph loads with `demo: true`, its contracts in the list's order: what the list must answer. */
const CONTRACTS = newestFirst(demoWorld().union.collectiveContracts, 'filedOn', 'contractNo');
type Contract = (typeof CONTRACTS)[number];
const within = (day: string, from: string, to: string) => from <= day && day <= to;
const inForce = (c: Contract) => c.effectiveOn <= TEST_AS_OF && TEST_AS_OF <= c.expiresOn;
const ENTERPRISE = CONTRACTS[0]!.enterpriseCreditCode;
const COURT = asPrincipal(Department.COURT, Role.CASEWORKER);

const union = useSubgraph(unionSubgraph, { demo: true });

describeCaseList({
  running: union,
  list: 'collectiveContracts',
  filterType: 'CollectiveContractFilter',
  rows: () => CONTRACTS,
  date: 'filedOn',
  key: 'contractNo',
  // Every filter is open to any department.
  filterCaller: COURT,
  filters: [
    ['kind', { kind: ['FEMALE_WORKERS', 'WORK_SAFETY'] }, (c) => c.kind === 'FEMALE_WORKERS' || c.kind === 'WORK_SAFETY'],
    ['filedOn', { filedOn: { from: '2025-01-01', to: '2025-06-30' } }, (c) => within(c.filedOn, '2025-01-01', '2025-06-30')],
    ['effectiveOn', { effectiveOn: { from: '2024-07-01', to: '2024-12-31' } }, (c) => within(c.effectiveOn, '2024-07-01', '2024-12-31')],
    ['expiresOn', { expiresOn: { from: TEST_AS_OF, to: '2027-06-30' } }, (c) => within(c.expiresOn, TEST_AS_OF, '2027-06-30')],
    ['inForce', { inForce: true }, inForce],
    ['not inForce', { inForce: false }, (c) => !inForce(c)],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
    [
      'kind, inForce and expiresOn together',
      { kind: ['WAGE'], inForce: true, expiresOn: { to: '2027-12-31' } },
      (c) => c.kind === 'WAGE' && inForce(c) && c.expiresOn <= '2027-12-31',
      asPrincipal(Department.UNION, Role.ANALYST),
    ],
  ],
  walks: [{ first: 7, filter: { kind: ['WAGE'] }, keep: (c) => c.kind === 'WAGE' }],
  badFilters: [
    ['a span that ends before it starts', { expiresOn: { from: '2027-09-30', to: '2027-07-01' } }, 'filter.expiresOn.to'],
    ['a credit code with a wrong check character', { enterprise: '91110302802205163A' }, 'filter.enterprise'],
  ],
  statements: {
    filter: { inForce: true },
    keep: inForce,
    firsts: [1, 100],
    costs: [["for the union's staff", 'contractNo inForce wageIncreasePct enterprise { creditCode }', 2]],
  },

  publicFilters: {
    filter: { inForce: true },
    keep: inForce,
    shared: ['wageIncreasePct'],
    visible: (c) => ({ inForce: inForce(c) }),
    callers: [['another department', COURT]],
  },
});
