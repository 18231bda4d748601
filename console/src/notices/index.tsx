import type { Feature } from '../app/feature';
import { noticesMessages } from './messages';
import { NoticePage } from './NoticePage';
import { NoticesPage } from './NoticesPage';
import { SendNoticePage } from './SendNoticePage';

/** 通报 (马上报、定期报): every signed-in user sees their department's notices; writing roles send and handle them. */
export const notices: Feature = {
  namespace: 'notices',
  messages: noticesMessages,
  path: '/notices',
  label: 'nav.notices',
  routes: [
    { path: '/notices', element: <NoticesPage /> },
    { path: '/notices/new', element: <SendNoticePage /> },
    { path: '/notices/:id', element: <NoticePage /> },
  ],
};
