import { createHash } from 'node:crypto';
import { EXE, PDF, PNG, productionApplication } from './support/fixtures';
import { clock, type Harness, startLoans } from './support/loans-harness';
import { sniffDocument } from '../src/domain/document-type.rules';

let h: Harness;
let id: string;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans({ settings: { maxDocumentBytes: 64 * 1024 } });
  const returneeId = await h.publishReturnee();
  id = (await h.as('officer40').post('/applications').send(productionApplication(returneeId))).body.id;
});
afterAll(() => h.close());

const upload = (kind: string, type: string, bytes: Buffer) => h.as('officer40').post(`/applications/${id}/documents?kind=${kind}&fileName=plan.pdf`).set('content-type', type).send(bytes);

describe('document uploads: type by content, size limit, stored by hash', () => {
  it('when a PDF is uploaded raw, then 201 with its SHA-256, and the same bytes download as an attachment', async () => {
    const res = await upload('loan-request', 'application/pdf', PDF);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'loan-request', contentType: 'application/pdf', sizeBytes: PDF.length, fileName: 'plan.pdf' });
    expect(res.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const download = await h.as('officer40').get(`/applications/${id}/documents/${res.body.id}`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
  });

  it('when an .exe is renamed .pdf and sent as application/pdf, then 415 LOAN.DOCUMENT_TYPE_REFUSED', async () => {
    const res = await upload('use-of-funds-plan', 'application/pdf', EXE);
    expect([res.status, res.body.code]).toEqual([415, 'LOAN.DOCUMENT_TYPE_REFUSED']);
    expect(res.body.detail).toMatch(/Windows executable/);
  });

  it('when an .exe comes as multipart with a .pdf name, then 415 too', async () => {
    const res = await h.as('officer40').post(`/applications/${id}/documents`).field('kind', 'use-of-funds-plan').attach('file', EXE, { filename: 'ke-hoach.pdf', contentType: 'application/pdf' });
    expect([res.status, res.body.code]).toEqual([415, 'LOAN.DOCUMENT_TYPE_REFUSED']);
  });

  it('when a PNG comes as multipart, then 201 with the type its bytes say', async () => {
    const res = await h.as('officer40').post(`/applications/${id}/documents`).field('kind', 'commune-confirmation').attach('file', PNG, { filename: 'xac-nhan.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'commune-confirmation', contentType: 'image/png', fileName: 'xac-nhan.png' });
  });

  it('when a PDF carries JavaScript, or a PNG claims to be a PDF, then 415', async () => {
    const scripted = Buffer.from('%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n', 'latin1');
    expect((await upload('use-of-funds-plan', 'application/pdf', scripted)).status).toBe(415);
    expect((await upload('use-of-funds-plan', 'application/pdf', PNG)).status).toBe(415);
  });

  it('when a text file is sent as octet-stream, or under a media type not declared, then 415', async () => {
    expect((await upload('use-of-funds-plan', 'application/octet-stream', Buffer.from('hello'))).status).toBe(415);
    expect((await upload('use-of-funds-plan', 'application/x-msdownload', EXE)).status).toBe(415);
  });

  it('when the document is larger than the limit, raw or multipart, then 413 REQUEST.TOO_LARGE', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(70 * 1024, 0x20)]);
    const raw = await upload('use-of-funds-plan', 'application/pdf', big);
    expect([raw.status, raw.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    const multipart = await h.as('officer40').post(`/applications/${id}/documents`).field('kind', 'use-of-funds-plan').attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' });
    expect([multipart.status, multipart.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
  });

  it('when the same upload is retried with its Idempotency-Key, then one document results', async () => {
    const bytes = Buffer.concat([PDF, Buffer.from('% plan v2\n')]);
    const first = await h.as('officer40').post(`/applications/${id}/documents?kind=use-of-funds-plan`).set('Idempotency-Key', 'doc-1').set('content-type', 'application/pdf').send(bytes);
    const again = await h.as('officer40').post(`/applications/${id}/documents?kind=use-of-funds-plan`).set('Idempotency-Key', 'doc-1').set('content-type', 'application/pdf').send(bytes);
    expect([first.status, again.status, again.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(again.body.id).toBe(first.body.id);
    const app = await h.as('officer40').get(`/applications/${id}`);
    expect(app.body.documents.filter((d: { kind: string }) => d.kind === 'use-of-funds-plan')).toHaveLength(1);
  });

  it('when no kind is given or it is unknown, then 400 naming kind; when another officer province uploads, then 404', async () => {
    const none = await h.as('officer40').post(`/applications/${id}/documents`).set('content-type', 'application/pdf').send(PDF);
    expect([none.status, none.body.errors[0].field]).toEqual([400, 'kind']);
    const other = await h.as('officer01').post(`/applications/${id}/documents?kind=loan-request`).set('content-type', 'application/pdf').send(PDF);
    expect(other.status).toBe(404);
  });
});

describe('content sniffing (pure)', () => {
  it('when bytes are ELF, Mach-O or a script, then they are refused; JPEG is recognised', () => {
    expect(sniffDocument(Buffer.from('7f454c46020101', 'hex'))).toHaveProperty('refused');
    expect(sniffDocument(Buffer.from('cffaedfe07000001', 'hex'))).toHaveProperty('refused');
    expect(sniffDocument(Buffer.from('#!/bin/sh\nrm -rf /'))).toHaveProperty('refused');
    expect(sniffDocument(Buffer.from('ffd8ffe000104a464946', 'hex'))).toEqual({ type: 'image/jpeg' });
  });
});
