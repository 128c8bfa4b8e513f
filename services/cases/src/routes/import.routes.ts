import Busboy from 'busboy';
import express, { Router, type Request } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { AppError, loadOpenApi } from '@hoanhap/kit';
import { OPENAPI_FILE } from '../openapi-file';
import type { CasesContext } from '../domain/cases.context';
import { importReturnees } from '../domain/import-returnees.use-case';
import { newReturneeValidator } from '../import/new-returnee-validator';
import { importTemplate, readWorkbook } from '../import/returnee-workbook';
import { actorOf } from './actor';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tooLarge = (limit: number) => new AppError('REQUEST.TOO_LARGE', 413, `the workbook is larger than ${limit} bytes`);

/** The `file` part of a multipart upload, with the same size limit as a raw upload. */
function multipartFile(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let found = false;
    const busboy = Busboy({ headers: req.headers, limits: { files: 1, fileSize: limit } });
    busboy.on('file', (name, stream) => {
      if (name !== 'file') return void stream.resume();
      found = true;
      stream.on('data', (chunk: Buffer) => parts.push(chunk));
      stream.on('limit', () => reject(tooLarge(limit)));
    });
    busboy.on('error', (error) => reject(new AppError('IMPORT.UNREADABLE', 400, 'the multipart body cannot be read', { cause: error })));
    busboy.on('close', () =>
      found
        ? resolve(Buffer.concat(parts))
        : reject(new AppError('IMPORT.UNREADABLE', 400, 'send the workbook as the multipart field "file"')),
    );
    req.pipe(busboy);
  });
}

/** XLSX import: the template, and the all-or-nothing import (raw body or multipart field `file`). */
export function importRoutes(ctx: CasesContext, verify: Verifier, limits: { importMaxRows: number; importMaxBytes: number }): Router {
  const router = Router();
  const staff = [authenticate(verify), requireRole('officer', 'admin')];
  const validateBody = newReturneeValidator(loadOpenApi(OPENAPI_FILE));
  const raw = express.raw({ type: [XLSX, 'application/octet-stream'], limit: limits.importMaxBytes });

  router.get('/returnees/import-template', ...staff, async (_req, res) => {
    res.setHeader('Content-Disposition', 'attachment; filename="hoanhap-returnees-template.xlsx"');
    res.type(XLSX).send(await importTemplate());
  });
  router.post('/returnees/import', ...staff, raw, async (req, res) => {
    const buffer = req.is('multipart/form-data') ? await multipartFile(req, limits.importMaxBytes) : (req.body as Buffer);
    const rows = await readWorkbook(buffer, limits.importMaxRows);
    res.status(201).json(await importReturnees(ctx, actorOf(req), rows, validateBody));
  });
  return router;
}
