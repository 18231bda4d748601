import type { Feature } from '../app/feature';
import { AccessLogPage } from './AccessLogPage';
import { accessLogMessages } from './messages';

export const accessLog: Feature = {
  namespace: 'accessLog',
  messages: accessLogMessages,
  path: '/access-log',
  label: 'nav.accessLog',
  roles: ['ADMIN', 'AUDITOR'],
  routes: [{ path: '/access-log', element: <AccessLogPage /> }],
};
