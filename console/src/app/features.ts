import type { Feature } from './feature';
import { meetings } from '../meetings';
import { indicators } from '../indicators';
import { accessLog } from '../access-log';

/** Every feature of the console, in menu order. */
export const FEATURES: readonly Feature[] = [meetings, indicators, accessLog];
