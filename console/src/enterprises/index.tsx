import type { Feature } from '../app/feature';
import { EnterpriseFilePage } from './EnterpriseFilePage';
import { EnterpriseSearchPage } from './EnterpriseSearchPage';
import { enterprisesMessages } from './messages';

/** The enterprise file (一企一档): search, then one enterprise as the four departments know it. */
export const enterprises: Feature = {
  namespace: 'enterprises',
  messages: enterprisesMessages,
  path: '/enterprises',
  label: 'nav.enterprises',
  routes: [
    { path: '/enterprises', element: <EnterpriseSearchPage /> },
    { path: '/enterprises/:creditCode', element: <EnterpriseFilePage /> },
  ],
};
