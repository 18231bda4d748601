import type { Feature } from '../app/feature';
import { AgendaPage } from './AgendaPage';
import { agendaMessages } from './messages';

/** 建议议题: for those who may read the suggestions (COORDINATOR, ADMIN); only coordinators add them to a meeting. */
export const agenda: Feature = {
  namespace: 'agenda',
  messages: agendaMessages,
  path: '/agenda',
  label: 'nav.agenda',
  roles: ['COORDINATOR', 'ADMIN'],
  routes: [{ path: '/agenda', element: <AgendaPage /> }],
};
