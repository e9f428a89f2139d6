# syntax=docker/dockerfile:1
# One image for every govgraph service. The service is the argument:
#   docker run govgraph gateway          (or catalog, identity, licences, applications, disclosure, consultation)
#   docker run --entrypoint node govgraph scripts/migrate.mjs catalog
#   docker run --entrypoint node govgraph cli/bin/govgraph.mjs keys init catalog
# docs/deployment.md describes the compose and Kubernetes topologies built on it.
#
# Stages: `deps` installs production dependencies only (better-sqlite3 is a native addon, built
# here against the same Debian bookworm glibc the slim runtime has); `build` installs everything and
# compiles every workspace to dist/ with `npm run build`; `runtime` is node:20 slim with the
# production node_modules, the compiled code and the committed schema, run as the unprivileged
# `node` user with every file owned by root (the process cannot change its own code).

ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# Only the manifests: this layer is rebuilt when dependencies change, not when code does.
COPY package.json package-lock.json ./
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/licences/package.json subgraphs/licences/
COPY subgraphs/applications/package.json subgraphs/applications/
COPY subgraphs/disclosure/package.json subgraphs/disclosure/
COPY subgraphs/consultation/package.json subgraphs/consultation/
COPY subgraphs/example-bureau/package.json subgraphs/example-bureau/
COPY schema/package.json schema/
COPY cli/package.json cli/
COPY gateway/package.json gateway/
COPY portal/package.json portal/
COPY test/package.json test/
# The test and portal workspaces are needed for npm ci to match the lock file, not at run time
# (the reference portal is for `npm start`; a real portal is its own deployment).
RUN npm ci --omit=dev \
 && rm -rf test node_modules/@govgraph/test portal node_modules/@govgraph/portal \
 && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
COPY . .
RUN npm ci && npm run build
# What the runtime does not need: tests, benchmarks, docs, build caches. cli/src goes too, so
# cli/bin/govgraph.mjs runs the compiled dist/govgraph.mjs (with src beside it, it would ask for tsx).
# Every node_modules goes (dev dependencies included): the runtime takes the deps stage's instead.
# The playground's bundle goes too: NODE_ENV=production serves no playground.
RUN rm -rf test docs .turbo cli/src portal gateway/dist/playground-bundle \
      subgraphs/*/test gateway/test cli/test schema/test \
 && find . -name node_modules -prune -exec rm -rf {} + \
 && find . -name '*.tsbuildinfo' -delete

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/var/lib/govgraph \
    GOVGRAPH_KEYS_DIR=/etc/govgraph/keys \
    GOVGRAPH_TRUST_DIR=/etc/govgraph/trust \
    APOLLO_TELEMETRY_DISABLED=true \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Root owns the code; the service runs as `node` (uid 1000) and may write only DATA_DIR.
COPY --from=build --chown=root:root /app /app
# The production node_modules, at the root and in any workspace that has its own (same package.json files).
COPY --from=deps --chown=root:root /app /app
RUN mkdir -p /var/lib/govgraph /etc/govgraph/keys /etc/govgraph/trust \
 && chown node:node /var/lib/govgraph \
 && chmod 0700 /var/lib/govgraph
USER node
# gateway 4000, catalog 4001, identity 4002, licences 4003, applications 4004, disclosure 4005,
# consultation 4006 (<NAME>_PORT overrides).
EXPOSE 4000 4001 4002 4003 4004 4005 4006
# Compose and Kubernetes probe /readyz themselves (docs/deployment.md); no HEALTHCHECK here,
# since the port depends on the service the container runs.
ENTRYPOINT ["node", "scripts/run-service.mjs"]
CMD ["gateway"]
