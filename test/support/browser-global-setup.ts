import { join } from 'node:path';
import { ensureBuilt } from '../../scripts/lib/build';
import globalSetup from './global-setup';

/** The browser run's global setup: the test database cluster, and the console built as `npm start` builds it (dist/console). */
export default async function browserGlobalSetup(): Promise<void> {
  await ensureBuilt(join(__dirname, '..', '..'));
  await globalSetup();
}
