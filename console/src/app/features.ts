import type { Feature } from './feature';
import { accessLog } from '../access-log';
import { agenda } from '../agenda';
import { channels } from '../channels';
import { disputes } from '../disputes';
import { enterprises } from '../enterprises';
import { explorer } from '../explorer';
import { indicators } from '../indicators';
import { meetings } from '../meetings';
import { notices } from '../notices';

/** Every feature of the console, in menu order. */
export const FEATURES: readonly Feature[] = [meetings, agenda, notices, enterprises, disputes, indicators, channels, accessLog, explorer];
