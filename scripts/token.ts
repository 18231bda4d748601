/**
 * `npm run -s token -- --department UNION --role COORDINATOR [--role ADMIN] [--name 张三] [--ttl 8h] [--sub …]`:
 * prints a development token signed with the department's own key, which the first `npm start` made in
 * the data directory (a key bound to that department: it cannot sign for another).
 * Only the token goes to stdout, so `TOKEN=$(npm run -s token -- …)` works; everything else to stderr.
 */
import { resolve } from 'node:path';
import { DEFAULT_AUDIENCE, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, mintToken, parseDuration } from '@labour/shared/auth';
import { readDevIdpKey } from './lib/dev-signing-key';
import { parseTokenArgs, TOKEN_USAGE, TokenArgsError } from './lib/dev-token';
import { dataDirFrom } from './lib/launcher-config';

async function main(): Promise<number> {
  // The same limit the services apply (they inherit MAX_TOKEN_LIFETIME from the launcher's environment).
  const maxLifetime = process.env.MAX_TOKEN_LIFETIME ? parseDuration(process.env.MAX_TOKEN_LIFETIME) : DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (maxLifetime === null) {
    process.stderr.write('MAX_TOKEN_LIFETIME: must be seconds (43200) or a duration with s, m, h or d (12h)\n');
    return 2;
  }
  let request: ReturnType<typeof parseTokenArgs>;
  try {
    request = parseTokenArgs(process.argv.slice(2), maxLifetime);
  } catch (error) {
    if (!(error instanceof TokenArgsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (request === 'help') {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }
  const { department, roles, name, sub, ttlSeconds } = request;
  let privateJwk;
  try {
    privateJwk = readDevIdpKey(dataDirFrom(process.env, resolve(__dirname, '..')), department);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  // The same audience the launcher gives the services, and the issuer they require of keys without their own.
  const aud = process.env.AUTH_AUDIENCE || DEFAULT_AUDIENCE;
  const iss = process.env.AUTH_ISSUER || undefined;
  process.stdout.write(`${await mintToken(privateJwk, { sub, name, department, roles, aud, ...(iss ? { iss } : {}), ttlSeconds })}\n`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
