export { createAuditLog, type AuditLog, type AuditLogOptions } from './audit-log';
export { hashEntry, GENESIS_HASH, type AuditEntry, type AuditInput } from './audit-entry';
export type { VerifyOptions, VerifyResult } from './audit-verify';
export type { AuditQuery, AuditPage } from './audit-query';
