/**
 * `npm run -s token -- --department UNION --role COORDINATOR [--role ADMIN] [--name 张三] [--ttl 8h] [--sub …]`:
 * prints a development token signed with the key the first `npm start` made in the data directory.
 * Only the token goes to stdout, so `TOKEN=$(npm run -s token -- …)` works; everything else to stderr.
 */
import { resolve } from 'node:path';
import { DEFAULT_AUDIENCE, mintToken } from '@labour/shared/auth';
import { readDevSigningKey } from './lib/dev-signing-key';
import { parseTokenArgs, TOKEN_USAGE, TokenArgsError } from './lib/dev-token';
import { dataDirFrom } from './lib/launcher-config';

async function main(): Promise<number> {
  let request: ReturnType<typeof parseTokenArgs>;
  try {
    request = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof TokenArgsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (request === 'help') {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }
  let privateJwk;
  try {
    privateJwk = readDevSigningKey(dataDirFrom(process.env, resolve(__dirname, '..')));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const { department, roles, name, sub, ttlSeconds } = request;
  // The same audience the launcher gives the services.
  const aud = process.env.AUTH_AUDIENCE || DEFAULT_AUDIENCE;
  process.stdout.write(`${await mintToken(privateJwk, { sub, name, department, roles, aud, ttlSeconds })}\n`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
