import { expectText, followNotice, screenshot, signIn, type Journey } from '../helpers';

/** The officer's side of the inbox (employers, colleges and the bank follow their notices in their own journeys). */
export const notificationJourneys: Journey[] = [
  {
    name: "officer's notifications show the answered referral and the loan decision, and lead to them",
    async run(ctx) {
      if (!ctx.state.returneeId) throw new Error('needs the registration journey');
      const page = await signIn(ctx, 'officer@demo.vn');
      await followNotice(page, 'Quyết định vay vốn: Đã phê duyệt (30.000.000 ₫)');
      await page.waitForURL(`**/officer/returnees/${ctx.state.returneeId}`, { timeout: 60_000 });
      await followNotice(page, /^Giới thiệu có phản hồi mới/);
      await page.waitForURL('**/officer/referrals', { timeout: 60_000 });
      await expectText(page, 'Theo dõi giới thiệu');
      await page.getByRole('button', { name: /^Thông báo/ }).click();
      await screenshot(page, 'officer-notifications');
      await page.close();
    },
  },
];
