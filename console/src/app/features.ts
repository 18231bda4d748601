import type { Feature } from './feature';
import { accessLog } from '../access-log';
import { agenda } from '../agenda';
import { channels } from '../channels';
import { explorer } from '../explorer';
import { indicators } from '../indicators';
import { meetings } from '../meetings';
import { notices } from '../notices';

/** Every feature of the console, in menu order. */
export const FEATURES: readonly Feature[] = [meetings, agenda, notices, indicators, channels, accessLog, explorer];
