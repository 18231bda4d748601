import { oneScreenFeature } from '../app/feature';
import { AccessLogPage } from './AccessLogPage';
import { accessLogMessages } from './messages';

export const accessLog = oneScreenFeature('accessLog', accessLogMessages, '/access-log', <AccessLogPage />, ['ADMIN', 'AUDITOR']);
