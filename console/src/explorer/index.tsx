import { lazy } from 'react';
import type { Feature } from '../app/feature';
import { explorerMessages } from './messages';

/** GraphiQL and Monaco are large: they load only when the explorer is opened. */
const ExplorerPage = lazy(() => import('./ExplorerPage'));

export const explorer: Feature = {
  namespace: 'explorer',
  messages: explorerMessages,
  path: '/explorer',
  label: 'nav.explorer',
  // The analysts' tool; administrators see it too. The gateway holds every caller to its own limits anyway.
  roles: ['ANALYST', 'ADMIN'],
  routes: [{ path: '/explorer', element: <ExplorerPage /> }],
};
