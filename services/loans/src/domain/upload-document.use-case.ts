import { randomUUID } from 'node:crypto';
import { idempotentId } from '@hoanhap/kit';
import { assertEditable, assertReadable } from './access.rules';
import { assertStatus } from './application-status.rules';
import type { StoredDocument } from './application.types';
import type { Caller } from './caller';
import { safeFileName, sniffDocument } from './document-type.rules';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';
import { auditRead } from './read-access';
import type { DocumentKind } from './policy/credit-policy.types';

export interface Upload {
  kind: DocumentKind;
  fileName?: string;
  /** The Content-Type the client claimed; a specific claim must agree with the bytes. */
  claimedType?: string;
  bytes: Buffer;
}

const SPECIFIC = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * Adds a document to the file's checklist. The bytes decide the type (415 for anything but PDF, JPEG or PNG,
 * and for anything executable); they are stored once under their SHA-256, and the application records the
 * hash. With an Idempotency-Key a retry returns the same document.
 */
export async function uploadDocument(ctx: LoansContext, caller: Caller, id: string, key: string | undefined, upload: Upload): Promise<{ document: StoredDocument; replayed: boolean }> {
  assertEditable(await ctx.applications.get(id), id, caller);
  if (upload.bytes.length > ctx.settings.maxDocumentBytes) throw errors.documentTooLarge(ctx.settings.maxDocumentBytes);
  if (upload.bytes.length === 0) throw errors.field('body', 'minLength', 'the document is empty');
  const sniffed = sniffDocument(upload.bytes);
  if ('refused' in sniffed) throw errors.documentType(sniffed.refused);
  if (upload.claimedType && SPECIFIC.includes(upload.claimedType) && upload.claimedType !== sniffed.type) {
    throw errors.documentType(`the file was sent as ${upload.claimedType} but its content is ${sniffed.type}`);
  }
  const stored = await ctx.documents.put(upload.bytes);
  const documentId = key ? idempotentId('loan-document', `${caller.userId}|${id}`, key) : randomUUID();
  let result: { document: StoredDocument; replayed: boolean } | undefined;
  await ctx.applications.change(
    id,
    (current) => {
      const earlier = current.documents.find((d) => d.id === documentId || (d.sha256 === stored.sha256 && d.kind === upload.kind));
      if (earlier) {
        result = { document: earlier, replayed: true };
        return { next: current, events: [] };
      }
      assertStatus(current, ['draft', 'more-info-needed'], 'add documents to');
      const at = ctx.now().toISOString();
      const document: StoredDocument = {
        id: documentId,
        kind: upload.kind,
        fileName: safeFileName(upload.fileName, sniffed.type),
        contentType: sniffed.type,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploadedAt: at,
        uploadedBy: caller.userId,
      };
      result = { document, replayed: false };
      return { next: { ...current, documents: [...current.documents, document], updatedAt: at }, events: [] };
    },
    caller.trace,
  );
  return result!;
}

/** A document's bytes, for whoever may read the application (the read is audited). */
export async function downloadDocument(ctx: LoansContext, caller: Caller, id: string, documentId: string): Promise<{ document: StoredDocument; bytes: Buffer }> {
  const application = assertReadable(await ctx.applications.get(id), id, caller);
  const document = application.documents.find((d) => d.id === documentId);
  const bytes = document && (await ctx.documents.get(document.sha256));
  if (!document || !bytes) throw errors.documentNotFound(documentId);
  await auditRead(ctx, caller, 'loan-document.read', id, { documentId, kind: document.kind });
  return { document, bytes };
}
