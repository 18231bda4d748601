/**
 * `npm run build`: compiles every workspace's TypeScript into dist/ (see lib/build.ts). `npm start` and
 * `npm run demo:reset` do this themselves when dist/ is missing or older than the sources; `--force`
 * rebuilds even a current build.
 */
import { resolve } from 'node:path';
import { BUILD_DIR, ensureBuilt } from './lib/build';

async function main(): Promise<void> {
  const result = await ensureBuilt(resolve(__dirname, '..'), { force: process.argv.includes('--force') });
  const took = `${(result.ms / 1000).toFixed(1)} s`;
  process.stdout.write(result.built ? `compiled ${result.compiled} files into ${BUILD_DIR}/ in ${took}\n` : `${BUILD_DIR}/ is current\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
