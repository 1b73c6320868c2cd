# 征选 Zhengxuan: one image, any number of nodes (docs/DEPLOYMENT.md). Node 24 LTS on Debian 12.
# Build: docker build -t zhengxuan .   Run: see deploy/compose.yaml (PostgreSQL, MinIO, two nodes, nginx).

# ---- build: the web (web/dist) and the server bundle (dist-server, with its prepared embedded database)
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && node scripts/build-server.mjs --force

# ---- production dependencies only: the bundle imports its packages from node_modules at run time
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WEB_DIST=/app/web/dist
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist-server ./dist-server
COPY --from=build /app/web/dist ./web/dist
# read at run time from the project's folder (server/lib/paths.ts): migrations and reference data;
# and the sources, for the administration CLI (`npm run admin -- …`, run by tsx, a dependency)
COPY package.json tsconfig.json ./
COPY domain ./domain
COPY server ./server
# the embedded database and local files, when no DATABASE_URL / S3_BUCKET is given
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# the last command of `npm start` (package.json), without its build steps: the image is built
CMD ["node", "--enable-source-maps", "dist-server/main.js"]
