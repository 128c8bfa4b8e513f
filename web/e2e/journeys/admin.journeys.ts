import { expectText, GATEWAY, screenshot, signIn, type Journey } from '../helpers';

export const adminJourneys: Journey[] = [
  {
    name: 'admin lists organisations and users, and finds audit entries of the returnee file',
    async run(ctx) {
      if (!ctx.state.returneeId) throw new Error('needs the registration journey');
      const page = await signIn(ctx, 'admin@demo.vn');
      await page.getByRole('heading', { name: 'Tổ chức' }).waitFor();
      await expectText(page, 'Công an xã/phường');
      await screenshot(page, 'admin-organisations');
      await page.goto(`${GATEWAY}/admin/users`);
      await expectText(page, 'officer@demo.vn');
      await screenshot(page, 'admin-users');
      await page.goto(`${GATEWAY}/admin/audit`);
      await page.getByRole('heading', { name: 'Nhật ký truy cập' }).waitFor();
      // the returnee file's entries: every row found names the file (the unfiltered log is listed first)
      const id = ctx.state.returneeId;
      await page.getByLabel('Mã đối tượng').fill(id);
      const searched = page.waitForResponse((r) => r.url().includes('/api/cases/audit?') && r.url().includes(`resource=${id}`), { timeout: 120_000 });
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      if (!(await searched).ok()) throw new Error(`the audit search answered ${(await searched).status()}`);
      const rows = page.locator('table tbody tr.ant-table-row');
      await expectText(rows.first(), id, 60_000);
      await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached', timeout: 60_000 });
      const others = await rows.filter({ hasNotText: id }).count();
      if (others > 0) throw new Error(`${others} audit rows found for ${id} are about something else`);
      await screenshot(page, 'admin-audit');
      await page.close();
    },
  },
];
