import { lazy } from 'react';
import { oneScreenFeature } from '../app/feature';
import { explorerMessages } from './messages';

/** GraphiQL and Monaco are large: they load only when the explorer is opened. */
const ExplorerPage = lazy(() => import('./ExplorerPage'));

// The analysts' tool; administrators see it too. The gateway holds every caller to its own limits anyway.
export const explorer = oneScreenFeature('explorer', explorerMessages, '/explorer', <ExplorerPage />, ['ANALYST', 'ADMIN']);
