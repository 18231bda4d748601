import { lazy } from 'react';
import { oneScreenFeature } from '../app/feature';
import { indicatorsMessages } from './messages';

/** The charts' library (recharts) is in this screen's own chunk, loaded when the screen is opened. */
const IndicatorsPage = lazy(() => import('./IndicatorsPage'));

export const indicators = oneScreenFeature('indicators', indicatorsMessages, '/indicators', <IndicatorsPage />);
