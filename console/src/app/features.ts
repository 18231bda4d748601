import type { Feature } from './feature';
import { meetings } from '../meetings';
import { channels } from '../channels';

/** Every feature of the console, in menu order. */
export const FEATURES: readonly Feature[] = [meetings, channels];
