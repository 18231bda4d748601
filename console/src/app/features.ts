import type { Feature } from './feature';
import { agenda } from '../agenda';
import { channels } from '../channels';
import { disputes } from '../disputes';
import { enterprises } from '../enterprises';
import { explorer } from '../explorer';
import { meetings } from '../meetings';
import { notices } from '../notices';

/** Every feature of the console, in menu order. */
export const FEATURES: readonly Feature[] = [meetings, agenda, notices, enterprises, disputes, channels, explorer];
