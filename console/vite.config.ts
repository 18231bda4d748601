import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The repository's root: the console reads the permission catalogue the schemas generate into the shared package. */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The console is built into static files (`console/dist`) that the gateway serves at `/`. Nothing is
 * loaded from outside the platform: every script, style and font is in the bundle. `npm run dev -w
 * console` serves it with hot reload and forwards /graphql and /console-api to a gateway on :4000.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@labour/field-catalogue': `${repoRoot}shared/src/permissions/catalogue.json` } },
  // The manifest (dist/console/.vite/manifest.json, not served) tells `npm run bench:console` which chunks load first.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500, manifest: true },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/console-api': 'http://127.0.0.1:4000',
    },
  },
});
