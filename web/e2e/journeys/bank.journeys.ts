import { randomUUID } from 'node:crypto';
import { expectText, GATEWAY, PASSWORD, screenshot, signIn, type Journey } from '../helpers';

/** The officer's side of a loan (the web app has no officer loan form yet): create and submit through the API. */
async function submitLoanFor(returneeId: string): Promise<string> {
  const login = await fetch(`${GATEWAY}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'officer@demo.vn', password: PASSWORD }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` };
  const body = JSON.stringify({ returneeId, purpose: 'production', amountVnd: 30_000_000, termMonths: 24, plan: 'Mở xưởng hàn nhỏ tại nhà' });
  const key = randomUUID();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const created = await fetch(`${GATEWAY}/api/loans/applications`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': key }, body });
    if (created.status === 409) { await new Promise((r) => setTimeout(r, 2_000)); continue; } // NOT_YET_KNOWN: loans has not heard of the returnee yet
    if (created.status !== 201 && created.status !== 200) throw new Error(`creating the loan answered ${created.status}: ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const submitted = await fetch(`${GATEWAY}/api/loans/applications/${id}/submit`, { method: 'POST', headers, body: '{}' });
    if (!submitted.ok) throw new Error(`submitting the loan answered ${submitted.status}: ${await submitted.text()}`);
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
      await reviewer.goto(`${GATEWAY}/bank/applications/${applicationId}`);
      await expectText(reviewer, 'Đã nộp');
      await expectText(reviewer, '30.000.000 ₫');
      await reviewer.getByRole('button', { name: 'Nhận thẩm định' }).click();
      await expectText(reviewer, 'Đang thẩm định');
      await reviewer.getByRole('button', { name: 'Ghi ý kiến thẩm định' }).click();
      const dialog = reviewer.getByRole('dialog');
      await dialog.getByLabel('Ý kiến thẩm định').fill('Phương án khả thi, đủ điều kiện theo QĐ 22/2023');
      await dialog.getByText('Đề xuất cho vay').click();
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await expectText(reviewer, 'Phương án khả thi, đủ điều kiện theo QĐ 22/2023');
      await screenshot(reviewer, 'bank-application-assessed');
      await reviewer.close();

      const approver = await signIn(ctx, 'bank2@demo.vn');
      await approver.goto(`${GATEWAY}/bank/applications/${applicationId}`);
      await approver.getByRole('button', { name: 'Phê duyệt / từ chối' }).click();
      await expectText(approver.getByRole('dialog'), 'Nguyên tắc bốn mắt');
      await approver.getByRole('dialog').getByText('Đã phê duyệt').click();
      await approver.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await expectText(approver.locator('.ant-tag'), 'Đã phê duyệt');
      await approver.getByRole('button', { name: 'Ghi nhận giải ngân' }).click();
      await approver.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await expectText(approver.locator('.ant-tag'), 'Đã giải ngân');
      await expectText(approver, 'Lịch trả nợ');
      await expectText(approver, 'Dư nợ gốc');
      await screenshot(approver, 'bank-schedule');
      await approver.getByRole('button', { name: 'Ghi nhận trả nợ' }).click();
      await approver.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await expectText(approver.locator('.ant-tag'), 'Đang trả nợ');
      await expectText(approver.locator('table'), 'Đã trả');
      await screenshot(approver, 'bank-repayment');
      await approver.close();
    },
  },
];
