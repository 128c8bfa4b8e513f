import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { isDuplicateKey, retryWhileStoreBusy } from '../errors/store-errors';
import type { IdempotencyCache } from './idempotency-cache';
import { fingerprint, idempotentId, type IdempotencyRecord } from './idempotency-record';

export interface CreatedReply<B> {
  status: number;
  body: B;
}

export interface CreateOnceResult<B> extends CreatedReply<B> {
  /** The created (or earlier created) resource's id. */
  id: string;
  /** True when this is the answer to an earlier attempt with the same key. */
  replayed: boolean;
}

export interface CreateOnceOptions<D, B> {
  /** Kind of resource (`'job'`), so one key used for two kinds makes two ids. */
  resource: string;
  /** Who is asking (user id, or org id): keys are only unique per caller. */
  scope: string;
  /** The `Idempotency-Key` header; without it every call creates. */
  key: string | undefined;
  /** The request as received; a retry must repeat it exactly (422 otherwise). */
  request: unknown;
  /** Builds the document with `_id` = `id` and the reply to send. Writes nothing. */
  build(id: string): Promise<{ document: D; reply: CreatedReply<B> }> | { document: D; reply: CreatedReply<B> };
  /** One insert of the document; a duplicate-key error (code 11000) must reach the caller. */
  insert(document: D & { idempotency?: IdempotencyRecord }): Promise<unknown>;
  /** The `idempotency` record of the document with this `_id`, if it exists. */
  findRecord(id: string): Promise<IdempotencyRecord | null | undefined>;
  cache?: IdempotencyCache;
  /**
   * Look the key up before building (default true). False where building refuses nothing a first attempt
   * could have created (no unique field but the id, e.g. a job posting): a new key then costs no database
   * read — the insert's duplicate `_id` finds a retry, which gets the first reply as before.
   */
  checkFirst?: boolean;
}

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

function replay<B>(id: string, record: IdempotencyRecord, requestFingerprint: string): CreateOnceResult<B> {
  if (record.fingerprint !== requestFingerprint) {
    throw new AppError('IDEMPOTENCY.KEY_REUSED', 422, 'this Idempotency-Key was already used with a different request');
  }
  return { id, status: record.status, body: record.body as B, replayed: true };
}

/**
 * Creates a resource at most once per Idempotency-Key, correct on FerretDB
 * (no transactions, non-atomic updates): the key becomes the resource's
 * `_id` and the reply rides in the same document, so the one insert that
 * creates the resource also records the key, guarded by the `_id` index.
 * A retry — even after the first process died between its write and its
 * reply, or racing it — finds that document and gets the first reply; the
 * same key with another request gets 422.
 */
export async function createOnce<D, B>(options: CreateOnceOptions<D, B>): Promise<CreateOnceResult<B>> {
  if (options.key === undefined) {
    const id = randomUUID();
    const { document, reply } = await options.build(id);
    await options.insert(document as D & { idempotency?: IdempotencyRecord });
    return { id, ...reply, replayed: false };
  }
  if (!KEY_FORMAT.test(options.key)) {
    throw new AppError('IDEMPOTENCY.KEY_INVALID', 400, 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', in: 'header', rule: 'pattern', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }],
    });
  }
  const id = idempotentId(options.resource, options.scope, options.key);
  const requestFingerprint = fingerprint(options.request);
  // Before building: a build may itself refuse what the first attempt created (a unique national ID → 409).
  const earlier = (await options.cache?.get(id)) ?? (options.checkFirst === false ? undefined : await options.findRecord(id));
  if (earlier) return replay(id, earlier, requestFingerprint);

  const { document, reply } = await options.build(id);
  // the body as the client reads it: a member left undefined would be stored as null, and a replay would then
  // answer null where the first answer had nothing (which its OpenAPI schema may well refuse)
  const body = reply.body === undefined ? undefined : (JSON.parse(JSON.stringify(reply.body)) as unknown);
  const record: IdempotencyRecord = { fingerprint: requestFingerprint, status: reply.status, body };
  try {
    await retryWhileStoreBusy(() => options.insert({ ...document, idempotency: record }));
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await options.findRecord(id);
    if (!winner) throw error; // another unique index refused it: the service decides what that means
    await options.cache?.set(id, winner);
    return replay(id, winner, requestFingerprint);
  }
  await options.cache?.set(id, record);
  return { id, ...reply, replayed: false };
}

/** The request's `Idempotency-Key` header, if sent. */
export function idempotencyKeyOf(req: Request): string | undefined {
  return req.header('idempotency-key');
}

/** Sends a createOnce result, marking replays with `Idempotent-Replayed: true`. */
export function sendCreated<B>(res: Response, result: CreateOnceResult<B>): void {
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(result.status).json(result.body);
}
