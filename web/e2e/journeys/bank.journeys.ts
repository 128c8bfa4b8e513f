import { randomUUID } from 'node:crypto';
import { checkSurely, expectText, followNotice, GATEWAY, isoToday, PASSWORD, saveDialog, screenshot, signIn, type Journey } from '../helpers';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
  if (typeof body === 'string') init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  return fetch(`${GATEWAY}${path}`, init);
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * The officer's side of a loan (the web app has no officer loan form yet), through the API: a complete
 * Decision 22/2023 file — household representative, Form 01 from the returnee's commune, savings group,
 * entrusted organisation and the three checklist documents — then submit.
 */
async function logIn(email: string): Promise<{ accessToken: string; user: { orgId: string } }> {
  const login = await fetch(`${GATEWAY}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return (await expectOk(login, `logging in as ${email}`)) as { accessToken: string; user: { orgId: string } };
}

async function submitLoanFor(returneeId: string): Promise<string> {
  const { accessToken: token } = await logIn('officer@demo.vn');
  const branch = (await logIn('bank@demo.vn')).user.orgId; // the VBSP branch whose staff review it
  const file = (await expectOk(await call('GET', `/api/cases/returnees/${returneeId}`, token), 'reading the file')) as {
    address: { communeCode: string };
  };
  const body = {
    returneeId,
    purpose: 'production',
    amountVnd: 30_000_000,
    termMonths: 24,
    plan: 'Mở xưởng hàn nhỏ tại nhà',
    borrower: { kind: 'household-representative', representativeName: 'Phạm Thị Lan', relationship: 'mẹ' },
    confirmation: {
      form: '01',
      number: '15/XN-UBND',
      issuedOn: isoToday(),
      communeCode: file.address.communeCode,
    },
    savingsGroup: { name: 'Tổ TK&VV khối 3' },
    entrustedVia: 'hoi-nong-dan',
    branchOrgId: branch,
  };
  const key = randomUUID();
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const created = await call('POST', '/api/loans/applications', token, body, { 'Idempotency-Key': key });
    if (created.status === 409) {
      await new Promise((r) => setTimeout(r, 2_000)); // NOT_YET_KNOWN: loans has not heard of the returnee yet
      continue;
    }
    const { id } = (await expectOk(created, 'creating the loan')) as { id: string };
    for (const kind of ['loan-request', 'use-of-funds-plan', 'commune-confirmation']) {
      const upload = await call(
        'POST',
        `/api/loans/applications/${id}/documents?kind=${kind}&fileName=${kind}.pdf`,
        token,
        `${PDF}% ${kind} ${id}\n`,
        { 'Content-Type': 'application/pdf' },
      );
      await expectOk(upload, `uploading ${kind}`);
    }
    await expectOk(await call('POST', `/api/loans/applications/${id}/submit`, token, {}), 'submitting the loan');
    return id;
  }
  throw new Error('loans never heard of the returnee');
}

export const bankJourneys: Journey[] = [
  {
    name: 'bank@ takes and assesses the file, bank2@ approves (four-eyes), then disbursement, schedule and a repayment',
    async run(ctx) {
      if (!ctx.state.returneeId) throw new Error('needs the registration journey');
      const applicationId = await submitLoanFor(ctx.state.returneeId);
      const reviewer = await signIn(ctx, 'bank@demo.vn');
      await expectText(reviewer, 'Hồ sơ vay vốn');
      await screenshot(reviewer, 'bank-queue');
      // the submitted file arrives as a notice in the bell, which leads to it
      await followNotice(reviewer, 'Hồ sơ vay mới chờ thẩm định: 30.000.000 ₫');
      await reviewer.waitForURL(`**/bank/applications/${applicationId}`, { timeout: 60_000 });
      await expectText(reviewer, 'Đã nộp');
      await expectText(reviewer, '30.000.000 ₫');
      await reviewer.getByRole('button', { name: 'Nhận thẩm định' }).click();
      await expectText(reviewer, 'Đang thẩm định');
      await reviewer.getByRole('button', { name: 'Ghi ý kiến thẩm định' }).click();
      const dialog = reviewer.getByRole('dialog');
      await dialog.getByLabel('Ý kiến thẩm định').fill('Phương án khả thi, đủ điều kiện theo QĐ 22/2023');
      // check(), not a click on the text: a click during the dialog's opening animation can miss, and check() confirms
      await checkSurely(dialog.getByRole('radio', { name: 'Đề xuất cho vay' }), 'recommendation "Đề xuất cho vay"');
      await saveDialog(reviewer);
      await expectText(reviewer, 'Phương án khả thi, đủ điều kiện theo QĐ 22/2023');
      await screenshot(reviewer, 'bank-application-assessed');
      await reviewer.close();

      const approver = await signIn(ctx, 'bank2@demo.vn');
      await approver.goto(`${GATEWAY}/bank/applications/${applicationId}`);
      await approver.getByRole('button', { name: 'Phê duyệt / từ chối' }).click();
      await expectText(approver.getByRole('dialog'), 'Nguyên tắc bốn mắt');
      await checkSurely(approver.getByRole('dialog').getByRole('radio', { name: 'Đã phê duyệt' }), 'decision "Đã phê duyệt"');
      await saveDialog(approver);
      await expectText(approver.locator('.ant-tag'), 'Đã phê duyệt');
      await approver.getByRole('button', { name: 'Ghi nhận giải ngân' }).click();
      await saveDialog(approver);
      await expectText(approver.locator('.ant-tag'), 'Đã giải ngân');
      await expectText(approver, 'Lịch trả nợ');
      await expectText(approver, 'Dư nợ gốc');
      await screenshot(approver, 'bank-schedule');
      await approver.getByRole('button', { name: 'Ghi nhận trả nợ' }).click();
      await saveDialog(approver);
      await expectText(approver.locator('.ant-tag'), 'Đang trả nợ');
      await expectText(approver.locator('table'), 'Đã trả');
      await screenshot(approver, 'bank-repayment');
      await approver.close();
    },
  },
];
