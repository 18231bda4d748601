import type { Feature } from '../app/feature';
import { MeetingListPage } from './MeetingListPage';
import { meetingsMessages } from './messages';

export const meetings: Feature = {
  namespace: 'meetings',
  messages: meetingsMessages,
  path: '/meetings',
  label: 'nav.meetings',
  routes: [{ path: '/meetings', element: <MeetingListPage /> }],
};
