# The host, as scripts/production/check.sh checks it in CI: a build stage with every dependency,
# then a production install (npm ci --omit=dev) with the build, started in real mode. It needs
# COWIN_API_BASE, COWIN_API_KEY, KYCVS_PROVIDERS, KYCVS_SIGNING_KEY, KYCVS_SUBJECT_SECRET and an
# https KYCVS_PUBLIC_ORIGIN (README, "Run in production"); KYCVS_REDIS_URL to run several.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=5174
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 5174
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server/main.js"]
