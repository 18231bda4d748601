import { oneScreenFeature } from '../app/feature';
import { AgendaPage } from './AgendaPage';
import { agendaMessages } from './messages';

/** 建议议题: for those who may read the suggestions (COORDINATOR, ADMIN); only coordinators add them to a meeting. */
export const agenda = oneScreenFeature('agenda', agendaMessages, '/agenda', <AgendaPage />, ['COORDINATOR', 'ADMIN']);
