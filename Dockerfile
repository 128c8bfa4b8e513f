# One image for every service and the gateway (docker-compose.yml picks the
# entry point per container). Natively, `npm start` runs the same processes.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm install --no-audit --no-fund --loglevel=error && npm run build:web
ENV NODE_ENV=production
EXPOSE 8080-8087
CMD ["npx", "tsx", "gateway/src/start.ts"]
