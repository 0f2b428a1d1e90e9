# The Vanguard command-line image: small (Debian slim + Node.js + git), runs as the unprivileged
# `node` user, scans the folder mounted at /src by default.
#   docker build -t vanguard .
#   docker run --rm -v "$PWD:/src:ro" vanguard                      # scan /src
#   docker run --rm -v "$PWD:/src:ro" vanguard scan /src --format sarif
# No container engine was available where this file was written: it is checked by Vanguard's own
# rules (test/dogfood.test.ts) and its entrypoint is tested on its own (test/docker-entrypoint.test.ts).

FROM node:20.19.0-bookworm-slim AS build
# Compilers for the native add-ons (re2, better-sqlite3) when no prebuilt binary matches. Versions
# are pinned to Debian 12's lines; the wildcard takes that line's security updates.
RUN apt-get update \
 && apt-get install -y --no-install-recommends 'python3=3.11.*' 'make=4.3-*' 'g++=4:12.2.*' \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/vanguard
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild re2 better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY rules ./rules
COPY schemas ./schemas
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20.19.0-bookworm-slim
# git: --staged, --diff and --history scans, and .gitignore as git applies it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends 'git=1:2.39.*' 'ca-certificates=20230311*' \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/vanguard
COPY --from=build /opt/vanguard/package.json ./
COPY --from=build /opt/vanguard/node_modules ./node_modules
COPY --from=build /opt/vanguard/dist ./dist
COPY --from=build /opt/vanguard/rules ./rules
COPY --from=build /opt/vanguard/schemas ./schemas
COPY docker/entrypoint.sh /usr/local/bin/vanguard-entrypoint
RUN chmod 0755 /usr/local/bin/vanguard-entrypoint \
 && ln -s /opt/vanguard/dist/cli/main.js /usr/local/bin/vanguard \
 && chmod 0755 /opt/vanguard/dist/cli/main.js
ENV NODE_ENV=production \
    VANGUARD_DB=/home/node/.cache/vanguard/osv.sqlite
USER node
WORKDIR /src
# A one-shot command-line tool: there is no long-running service to check.
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/vanguard-entrypoint"]
CMD ["scan", "/src"]
