import type { Response } from 'supertest';
import { PDF } from './fixtures';
import { productionApplication } from './fixtures';
import type { CallerName, Harness } from './loans-harness';

const expectStatus = (res: Response, status: number, what: string) => {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
};

/** Uploads every checklist document of a production loan (distinct bytes per kind). */
export async function uploadChecklist(h: Harness, id: string, kinds = ['loan-request', 'use-of-funds-plan', 'commune-confirmation'], caller: CallerName = 'officer40') {
  for (const kind of kinds) {
    const bytes = Buffer.concat([PDF, Buffer.from(`% ${kind} ${id}\n`)]);
    expectStatus(await h.as(caller).post(`/applications/${id}/documents?kind=${kind}`).set('content-type', 'application/pdf').send(bytes), 201, `upload ${kind}`);
  }
}

/** A complete production application for a fresh consenting returnee, submitted; returns its id and returneeId. */
export async function submittedApplication(h: Harness, overrides: Record<string, unknown> = {}): Promise<{ id: string; returneeId: string }> {
  const returneeId = (overrides.returneeId as string | undefined) ?? (await h.publishReturnee());
  const created = expectStatus(await h.as('officer40').post('/applications').send(productionApplication(returneeId, overrides)), 201, 'create');
  await uploadChecklist(h, created.body.id);
  expectStatus(await h.as('officer40').post(`/applications/${created.body.id}/submit`), 200, 'submit');
  return { id: created.body.id, returneeId };
}

/** Submitted, assigned to and assessed by bank40a, approved by bank40b (four-eyes). */
export async function approvedApplication(h: Harness, overrides: Record<string, unknown> = {}) {
  const app = await submittedApplication(h, overrides);
  expectStatus(await h.as('bank40a').post(`/applications/${app.id}/assign`).send({}), 200, 'assign');
  expectStatus(await h.as('bank40a').post(`/applications/${app.id}/notes`).send({ kind: 'assessment', text: 'Phương án khả thi', recommendation: 'approve' }), 201, 'assess');
  expectStatus(await h.as('bank40b').post(`/applications/${app.id}/decision`).send({ decision: 'approved', reasons: [] }), 200, 'decide');
  return app;
}
