import { Department, Role } from '@labour/shared';
import { demoWorld, describeCaseList } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { newestFirst } from '../list.fixtures';

/** The world the subgraph loads with `demo: true`, its consultations in the list's order: what the list must answer. */
const CONSULTATIONS = newestFirst(demoWorld().union.legalConsultations, 'consultedOn', 'consultationNo');
const within = (day: string, from: string, to: string) => from <= day && day <= to;
const ENTERPRISE = CONSULTATIONS.find((c) => c.enterpriseCreditCode)!.enterpriseCreditCode!;
const DISPUTES = CONSULTATIONS.filter((c) => c.disputeNo)
  .slice(0, 5)
  .map((c) => c.disputeNo!);
const COURT = asPrincipal(Department.COURT, Role.CASEWORKER);

const union = useSubgraph(unionSubgraph, { demo: true });

describeCaseList({
  running: union,
  list: 'legalConsultations',
  filterType: 'LegalConsultationFilter',
  rows: () => CONSULTATIONS,
  date: 'consultedOn',
  key: 'consultationNo',
  // Every filter is open to any department.
  filterCaller: COURT,
  filters: [
    ['channel', { channel: ['WALK_IN', 'ON_SITE'] }, (c) => c.channel === 'WALK_IN' || c.channel === 'ON_SITE'],
    ['consultedOn', { consultedOn: { from: '2026-03-01', to: '2026-06-30' } }, (c) => within(c.consultedOn, '2026-03-01', '2026-06-30')],
    ['referral', { referredToLegalAid: true }, (c) => c.referredToLegalAid],
    ['no referral', { referredToLegalAid: false }, (c) => !c.referredToLegalAid],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
    ['disputeNos', { disputeNos: [...DISPUTES, 'LD-HR-2026-999999'] }, (c) => DISPUTES.includes(c.disputeNo!)],
    [
      'channel, referral and consultedOn together',
      { channel: ['HOTLINE', 'ONLINE'], referredToLegalAid: true, consultedOn: { from: '2025-01-01' } },
      (c) => ['HOTLINE', 'ONLINE'].includes(c.channel) && c.referredToLegalAid && c.consultedOn >= '2025-01-01',
      asPrincipal(Department.UNION, Role.ANALYST),
    ],
  ],
  walks: [{ first: 7, filter: { channel: ['HOTLINE', 'WALK_IN'] }, keep: (c) => c.channel === 'HOTLINE' || c.channel === 'WALK_IN' }],
  badFilters: [
    ['a span that ends before it starts', { consultedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.consultedOn.to'],
    ['more than 100 disputes', { disputeNos: Array.from({ length: 101 }, () => 'LD-UN-2026-000001') }, 'filter.disputeNos'],
  ],
  statements: {
    filter: { referredToLegalAid: false },
    keep: (c) => !c.referredToLegalAid,
    firsts: [1, 100],
    costs: [["for the union's staff", 'consultationNo topic worker { name } enterprise { creditCode }', 2]],
  },

  publicFilters: {
    filter: { channel: ['ON_SITE'] },
    keep: (c) => c.channel === 'ON_SITE',
    shared: ['topic'],
    visible: (c) => ({ channel: c.channel }),
    callers: [['another department', COURT]],
  },
});
