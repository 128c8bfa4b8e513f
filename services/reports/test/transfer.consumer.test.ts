import { randomUUID } from 'node:crypto';
import { applicationStatusChangedV1, returneeRegisteredV1, returneeTransferredV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { startReports, type Harness } from './support/reports-harness';
import { A, B } from './support/scenario';

let h: Harness;
beforeAll(async () => {
  h = await startReports({ messaging: true });
});
afterAll(() => h?.close());

const commune = async (code: string) => (await h.get('officer40', `/summary?communeCode=${code}`).expect(200)).body;

describe('a returnee transferred between communes', () => {
  it('when a returnee moves from one commune to another, then they are under management in the new one and a later hire counts there', async () => {
    const returneeId = randomUUID();
    await h.publish(returneeRegisteredV1, { returneeId, provinceCode: '40', communeCode: A, releaseKind: 'completed', releaseMonth: '2026-01', registeredAt: '2026-01-10T08:00:00.000Z' }, returneeId);
    await h.publish(returneeTransferredV1, { returneeId, from: { provinceCode: '40', communeCode: A }, to: { provinceCode: '40', communeCode: B }, at: '2026-02-01T08:00:00.000Z' }, returneeId);
    await waitFor('the transfer', async () => (await commune(B)).returnees.transfersIn === 1);
    const applicationId = randomUUID();
    const hire = { applicationId, referralId: randomUUID(), jobId: randomUUID(), employerOrgId: 'org-employer-1', returneeId, status: 'hired' as const, employmentType: 'seasonal' as const, at: '2026-03-01T08:00:00.000Z' };
    await h.publish(applicationStatusChangedV1, hire, applicationId);
    const inB = await waitFor('the hire', async () => {
      const body = await commune(B);
      return body.jobs.hires.seasonal === 1 && body;
    });
    const inA = await commune(A);
    expect(inA.returnees).toMatchObject({ received: 1, transfersOut: 1, underManagement: 0 });
    expect(inB.returnees).toMatchObject({ received: 0, transfersIn: 1, underManagement: 1 });
    expect(inA.jobs.hires.seasonal).toBe(0);
    const province = (await h.get('officer40', '/summary').expect(200)).body;
    expect(province.returnees.underManagement).toBe(1);
  });
});
