// Preloaded by the npm scripts that run TypeScript through @swc-node/register (`node -r ./scripts/compile-cache.js
// -r @swc-node/register …`), before that loader: Node's compile cache (V8's code for every module, kept on disk
// and keyed by the module's text) for this process and, through NODE_COMPILE_CACHE, for every process it starts,
// the services of `npm start` among them. A later start then skips compiling what has not changed: the
// TypeScript compiler that the loader requires (about 9 MB of JavaScript) and the services' bundles. Plain
// JavaScript, as it runs before the loader exists. NODE_DISABLE_COMPILE_CACHE=1 turns it off; a
// NODE_COMPILE_CACHE already set is kept.
'use strict';
const { enableCompileCache } = require('node:module');
const { join } = require('node:path');

if (!process.env.NODE_DISABLE_COMPILE_CACHE && typeof enableCompileCache === 'function') {
  process.env.NODE_COMPILE_CACHE ||= join(__dirname, '..', 'node_modules', '.cache', 'node-compile-cache');
  enableCompileCache(process.env.NODE_COMPILE_CACHE);
}
