# Trygg: the web app and the API on one port. Used by docker-compose.yml.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
COPY packages/geo/package.json packages/geo/
RUN pnpm install --frozen-lockfile
COPY . .
# The web app only: the image runs on PostgreSQL (DATABASE_URL), so the embedded database's
# template that `pnpm build` also writes would be 64 MB of dead weight.
RUN pnpm --filter @trygg/web build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0
COPY --from=build /app /app
# Residents' photos (TRYGG_PHOTO_DIR); a volume keeps them.
RUN mkdir -p /var/lib/trygg/photos && chown -R node:node /var/lib/trygg
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
