import { lazy } from 'react';
import type { Feature } from '../app/feature';
import { indicatorsMessages } from './messages';

/** The charts' library (recharts) is in this screen's own chunk, loaded when the screen is opened. */
const IndicatorsPage = lazy(() => import('./IndicatorsPage'));

export const indicators: Feature = {
  namespace: 'indicators',
  messages: indicatorsMessages,
  path: '/indicators',
  label: 'nav.indicators',
  routes: [{ path: '/indicators', element: <IndicatorsPage /> }],
};
