import type { Request } from 'express';
import express from 'express';
import busboy from 'busboy';
import { AppError } from '@hoanhap/kit';

export interface ReceivedFile {
  bytes: Buffer;
  fileName?: string;
  claimedType?: string;
  /** Form fields sent beside a multipart file (`kind`). */
  fields: Record<string, string>;
}

const tooLarge = (max: number) => new AppError('REQUEST.TOO_LARGE', 413, `a document may be at most ${max} bytes`);

/** One file from multipart/form-data: the first file part, the rest refused; stops reading past `max`. */
function readMultipart(req: Request, max: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: max, files: 1, fields: 10, fieldSize: 1024 } });
    } catch {
      return reject(new AppError('REQUEST.MALFORMED_MULTIPART', 400, 'the multipart body is malformed'));
    }
    const fields: Record<string, string> = {};
    let file: ReceivedFile | undefined;
    let failure: AppError | undefined;
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (failure = tooLarge(max)));
      stream.on('close', () => (file = { bytes: Buffer.concat(chunks), fileName: info.filename, claimedType: info.mimeType, fields }));
    });
    parser.on('error', () => reject(new AppError('REQUEST.MALFORMED_MULTIPART', 400, 'the multipart body is malformed')));
    parser.on('close', () => {
      if (failure) return reject(failure);
      if (!file) return reject(new AppError('REQUEST.VALIDATION_FAILED', 400, 'send the document as the file part', { errors: [{ field: 'file', in: 'body', rule: 'required', message: 'a file part is required' }] }));
      resolve({ ...file, fields });
    });
    req.pipe(parser);
  });
}

/** The raw body (application/pdf, image/*, application/octet-stream) with the size limit. */
function readRaw(req: Request, max: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    express.raw({ type: () => true, limit: max })(req, req.res!, (error?: unknown) => {
      if (error) return reject((error as { type?: string }).type === 'entity.too.large' ? tooLarge(max) : error);
      resolve({ bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), claimedType: req.header('content-type')?.split(';')[0]?.trim(), fields: {} });
    });
  });
}

/**
 * Reads an uploaded document after authentication (an anonymous caller never makes the service buffer
 * megabytes). A Content-Length above the limit is refused before reading anything.
 */
export function readUpload(req: Request, max: number): Promise<ReceivedFile> {
  if (Number(req.header('content-length') ?? 0) > max + 64 * 1024) return Promise.reject(tooLarge(max));
  return req.is('multipart/form-data') ? readMultipart(req, max) : readRaw(req, max);
}
