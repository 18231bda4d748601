# One image for the five services; docker-compose.yml picks the entry point of each.
FROM node:24-bookworm-slim AS base
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1

# Install dependencies first so that code changes do not invalidate the layer.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY subgraphs/hr-bureau/package.json subgraphs/hr-bureau/
COPY subgraphs/union/package.json subgraphs/union/
COPY subgraphs/court/package.json subgraphs/court/
COPY subgraphs/justice/package.json subgraphs/justice/
RUN npm ci --no-audit --no-fund

COPY tsconfig.json .swcrc ./
COPY shared shared
COPY gateway gateway
COPY subgraphs subgraphs

USER node
# Overridden per service in docker-compose.yml.
CMD ["node", "-r", "@swc-node/register", "gateway/src/main.ts"]
