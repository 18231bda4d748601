import type { Feature } from '../app/feature';
import { MeetingListPage } from './MeetingListPage';
import { MeetingPage } from './MeetingPage';
import { meetingsMessages } from './messages';

export const meetings: Feature = {
  namespace: 'meetings',
  messages: meetingsMessages,
  path: '/meetings',
  label: 'nav.meetings',
  routes: [
    { path: '/meetings', element: <MeetingListPage /> },
    { path: '/meetings/:id', element: <MeetingPage /> },
  ],
};
