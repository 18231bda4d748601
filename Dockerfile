# syntax=docker/dockerfile:1
# One image for the five services; docker-compose.yml (and any orchestrator) picks each one's command:
#   gateway     node --require ./dist/source-maps.js --require ./dist/shared/src/telemetry/preload.js \
#                    dist/gateway/src/main.js                                                       (the default)
#   a subgraph  node --require ./dist/source-maps.js --require ./dist/shared/src/telemetry/preload.js \
#                    --max-semi-space-size=2 --optimize-for-size dist/subgraphs/<hr-bureau|union|court|justice>/src/main.js
# (the flags are scripts/lib/services.ts's, which `npm start` uses too).
#
# Two stages on one base, `manifests`: the lock file and every workspace's manifest, what `npm ci` reads.
# `build` installs every dependency (swc, Vite, the type generator) and runs `npm run build`: dist/ holds
# the services compiled to JavaScript (decorator metadata included) and the web console bundled for the
# browser. `runtime` installs the production dependencies of the same lock file and copies dist/: no
# TypeScript, no compiler, no PostgreSQL binaries, run by an unprivileged user.
# scripts/runtime-stage.int.test.ts reproduces the runtime stage without a Docker engine.

ARG NODE_IMAGE=node:24-bookworm-slim

# The manifests first, so that a change of code reuses the installed dependencies.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY demo-world/package.json demo-world/
COPY gateway/package.json gateway/
COPY subgraphs/hr-bureau/package.json subgraphs/hr-bureau/
COPY subgraphs/union/package.json subgraphs/union/
COPY subgraphs/court/package.json subgraphs/court/
COPY subgraphs/justice/package.json subgraphs/justice/
COPY console/package.json console/

FROM manifests AS build
ENV APOLLO_TELEMETRY_DISABLED=1
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc ./
COPY scripts scripts
# The console bundles the README (its query explorer's examples) and the field catalogue from shared/.
COPY README.md ./
COPY shared shared
COPY demo-world demo-world
COPY gateway gateway
COPY subgraphs subgraphs
COPY console console
RUN npm run build

FROM manifests AS runtime
# Production dependencies only. Optional ones are left out too: the lock's optional packages are the Node
# binary `npm start` runs on (this image has its own Node) and pg's Cloudflare Workers socket.
# No install scripts: no production dependency needs one to work. npm's download cache stays in a build
# cache mount, out of the image.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist dist
# After the install: NODE_ENV=production is what the services read (production configuration rules).
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=4000 \
    CONSOLE_DIR=/app/dist/console
# The files stay root's and read-only to the services.
USER node
EXPOSE 4000
# Alive: /health, asked by Node itself (the image has no curl). A subgraph's readiness (its database) is
# /ready, which docker-compose.yml's health checks ask instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--require", "./dist/source-maps.js", "--require", "./dist/shared/src/telemetry/preload.js", "dist/gateway/src/main.js"]
