import type { Feature } from '../app/feature';
import { DisputeSearchPage } from './DisputeSearchPage';
import { DisputeTimelinePage } from './DisputeTimelinePage';
import { disputesMessages } from './messages';

/** 调裁审援: one dispute's stages across the four departments on a time axis. */
export const disputes: Feature = {
  namespace: 'disputes',
  messages: disputesMessages,
  path: '/disputes',
  label: 'nav.disputes',
  routes: [
    { path: '/disputes', element: <DisputeSearchPage /> },
    { path: '/disputes/:disputeNo', element: <DisputeTimelinePage /> },
  ],
};
