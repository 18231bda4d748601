import type { Feature } from '../app/feature';
import { ChannelListPage } from './ChannelListPage';
import { ChannelPage } from './ChannelPage';
import { channelsMessages } from './messages';
import { ProposeChannelPage } from './ProposeChannelPage';

/**
 * Sharing channels: the registry (every signed-in user reads it), one channel with its provider's record,
 * and for a provider's ADMIN the proposal form and the decisions. The menu entry is for ADMINs; others
 * (auditors, caseworkers…) reach the read-only list by its address.
 */
export const channels: Feature = {
  namespace: 'channels',
  messages: channelsMessages,
  path: '/channels',
  label: 'nav.channels',
  roles: ['ADMIN'],
  routes: [
    { path: '/channels', element: <ChannelListPage /> },
    { path: '/channels/new', element: <ProposeChannelPage /> },
    { path: '/channels/:code', element: <ChannelPage /> },
  ],
};
