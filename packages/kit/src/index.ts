export { AppError, isAppError, type AppErrorOptions, type FieldError } from './errors/app-error';
export {
  clampLimit,
  decodeCreatedAtCursor,
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  MAX_LIMIT,
  pageByCreatedAt,
  type CreatedAtPosition,
  type Page,
} from './http/pagination';
export { classifyError, toProblem, type ClassifiedError, type Problem } from './errors/problem';
export { ignoreDuplicate, ignoreMissingCollection, isDuplicateKey, isStoreBusy, isStoreUnavailable, retryWhileStoreBusy } from './errors/store-errors';
export { lockErrorAsBusy } from './errors/service-busy';
export { errorHandler, sendProblem } from './errors/error-handler.middleware';
export { createApp, type AppDeps } from './http/create-app';
export { requestContext, requestIdsOf, type RequestContext } from './http/request-context.middleware';
export { JsonBytes, PASS, withHotRoutes, type HotAnswerer, type HotListener, type HotReply, type HotRequest, type HotResponse, type HotRoute, type HotServing } from './http/hot-routes';
export { serveFromFrontThread, type FrontThread, type FrontThreadOptions } from './http/front-thread';
export { createLogger, SENSITIVE_FIELDS, type Logger, type LoggerOptions } from './log/logger';
export { openApiValidator } from './openapi/openapi-validator.middleware';
export { openApiResponseValidator, validatesResponsesByDefault } from './openapi/response-validator.middleware';
export { loadOpenApi, type OpenApiDocument } from './openapi/openapi-document';
export { healthRoutes, mongoCheck, redisCheck, type ReadinessCheck } from './health/health.routes';
export { createMetricsRegistry } from './metrics/metrics';
export { restartBackoff, type RestartBackoff } from './lifecycle/restart-backoff';
export { exitWhenStoreLost, watchStore, type StoreWatchdogOptions } from './lifecycle/store-watchdog';
export { gracefulShutdown, type Closer, type Shutdown, type ShutdownOptions } from './lifecycle/graceful-shutdown';
export { connectStores, listenOn, portOf, runService, type RunServiceOptions, type Stores } from './lifecycle/service-boot';
export { field, type ConfigField } from './config/config-fields';
export { kafkaFields, storeFields, verifierFields } from './config/platform-fields';
export { loadConfig, ConfigError, type Config, type ConfigIssue, type ConfigSpec, type AppEnv } from './config/load-config';
export { countByValue } from './store/count-by-value';
export { findEachById } from './store/find-each-by-id';
export { lookupKeys, type LookupKeys } from './store/lookup-keys';
export { lookupLists, type LookupLists } from './store/lookup-lists';
export { redisIndex, type IndexRedis, type RedisIndex } from './store/redis-index';
export { claimSlot, releaseSlot, claimedCount, holdsSlot, openTally, slotClaimModel, type SlotClaim, type ClaimResult, type SlotTally } from './store/slot-claims';
export {
  createOnce,
  idempotencyKeyOf,
  sendCreated,
  type CreateOnceOptions,
  type CreateOnceResult,
  type CreatedReply,
} from './idempotency/create-once';
export { fingerprint, idempotentId, idempotencySchemaPath, type IdempotencyRecord } from './idempotency/idempotency-record';
export { redisIdempotencyCache, type IdempotencyCache } from './idempotency/idempotency-cache';
