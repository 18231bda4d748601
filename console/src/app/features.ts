import type { Feature } from './feature';
import { meetings } from '../meetings';
import { agenda } from '../agenda';
import { notices } from '../notices';

/** Every feature of the console, in menu order. */
export const FEATURES: readonly Feature[] = [meetings, agenda, notices];
