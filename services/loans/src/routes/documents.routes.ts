import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf } from '@hoanhap/kit';
import type { LoansContext } from '../domain/loans.context';
import { errors } from '../domain/loans.errors';
import type { DocumentKind } from '../domain/policy/credit-policy.types';
import { downloadDocument, uploadDocument } from '../domain/upload-document.use-case';
import { callerOf, param } from './caller-of';
import { readUpload } from './upload-body';

const KINDS: DocumentKind[] = ['loan-request', 'use-of-funds-plan', 'commune-confirmation', 'course-enrolment', 'labour-contracts', 'business-registration', 'security-documents'];

/** The file's documents: uploaded raw or as multipart by the applicant, downloaded by whoever may read it. */
export function documentRoutes(ctx: LoansContext, verify: Verifier): Router {
  const router = Router();
  const auth = authenticate(verify);

  router.post('/applications/:id/documents', auth, requireRole('officer', 'employer'), async (req, res) => {
    const received = await readUpload(req, ctx.settings.maxDocumentBytes);
    const kind = (received.fields.kind ?? req.query.kind) as DocumentKind | undefined;
    if (!kind || !KINDS.includes(kind)) throw errors.field('kind', 'enum', `kind must be one of ${KINDS.join(', ')}`);
    const fileName = received.fileName ?? (req.query.fileName as string | undefined);
    const { document, replayed } = await uploadDocument(ctx, callerOf(req), param(req, 'id'), idempotencyKeyOf(req), { ...received, kind, fileName });
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json({ id: document.id, kind: document.kind, fileName: document.fileName, contentType: document.contentType, sizeBytes: document.sizeBytes, sha256: document.sha256, uploadedAt: document.uploadedAt });
  });

  router.get('/applications/:id/documents/:documentId', auth, requireRole('officer', 'employer', 'bank', 'admin'), async (req, res) => {
    const { document, bytes } = await downloadDocument(ctx, callerOf(req), param(req, 'id'), param(req, 'documentId'));
    res.setHeader('Content-Type', document.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(bytes);
  });
  return router;
}
