# syntax=docker/dockerfile:1
# activation-doctor's image: the README's "Run in production" steps, in two stages.
#   docker build -t activation-doctor .        docker compose up -d   (with Redis: compose.yaml)
ARG NODE_VERSION=20

# --- build: every dependency (TypeScript included), then compile to dist/ ----------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- runtime: production dependencies, the compiled server and the playground's static files; no compiler ---------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/src/adapters/web/static ./src/adapters/web/static
# The files stay root-owned and read-only to the process: it writes nothing to disk.
USER node
EXPOSE 3978
# The slim image has no curl; Node 20's fetch does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node directly rather than `npm start`: SIGTERM then reaches the server's graceful shutdown.
CMD ["node", "dist/src/server.js"]
