import type { Page } from 'playwright-core';
import { expectText, followNotice, GATEWAY, screenshot, signIn, type Journey } from '../helpers';

const DECISION = 'Quyết định vay vốn: Đã phê duyệt (30.000.000 ₫)';
const ANSWERED = /^Giới thiệu có phản hồi mới/;

/** The bell's unread count, as its label says it ("Thông báo: 2 chưa đọc"), once the notices have loaded. */
async function unreadCount(page: Page, atLeast = 0): Promise<number> {
  const bell = page.getByRole('button', { name: /^Thông báo/ });
  let count = NaN;
  for (let i = 0; i < 60; i += 1) {
    count = Number((await bell.getAttribute('aria-label'))?.match(/: (\d+) chưa đọc$/)?.[1]);
    if (count >= atLeast) return count;
    await page.waitForTimeout(1_000);
  }
  throw new Error(`the bell shows ${count} unread, expected at least ${atLeast}`);
}

/** Opens the bell and says whether the notice named `text` is listed as unread. */
async function isUnread(page: Page, text: string | RegExp): Promise<boolean> {
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)');
  if (!(await popover.isVisible().catch(() => false))) await page.getByRole('button', { name: /^Thông báo/ }).click();
  const notice = popover.getByRole('button', { name: text }).first();
  await notice.waitFor({ state: 'visible', timeout: 60_000 });
  const unread = /chưa đọc/.test((await notice.textContent()) ?? '');
  await closeBell(page);
  return unread;
}

/** The bell toggles its popover: a second click closes it. */
async function closeBell(page: Page): Promise<void> {
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)');
  if (await popover.isVisible().catch(() => false)) await page.getByRole('button', { name: /^Thông báo/ }).click();
  await popover.waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Opens the bell and clicks the button `name` in it. CI once waited 60 s on a "mark all read" that the locator had
 * found; the bell is then closed and opened again (at most twice), and the retry is printed, not hidden.
 */
async function clickInBell(page: Page, name: string): Promise<void> {
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)');
  for (let attempt = 1; ; attempt += 1) {
    if (!(await popover.isVisible().catch(() => false))) await page.getByRole('button', { name: /^Thông báo/ }).click();
    try {
      await popover.getByRole('button', { name }).click({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`[e2e] "${name}" in the bell: ${error instanceof Error ? error.message.split('\n').slice(-3).join(' | ') : String(error)}; opening the bell again`);
      await closeBell(page).catch(() => page.keyboard.press('Escape'));
    }
  }
}

/** The officer's side of the inbox (employers, colleges and the bank follow their notices in their own journeys). */
export const notificationJourneys: Journey[] = [
  {
    name: "officer's notifications show the answered referral and the loan decision, lead to them, and stay read, on another device too",
    async run(ctx) {
      if (!ctx.state.returneeId) throw new Error('needs the registration journey');
      const page = await signIn(ctx, 'officer@demo.vn');
      await followNotice(page, DECISION);
      await page.waitForURL(`**/officer/returnees/${ctx.state.returneeId}`, { timeout: 60_000 });
      // opening a notice marks it read; the others stay unread, and a reload (a new look at the lists) keeps both
      await page.reload();
      await unreadCount(page, 1);
      if (await isUnread(page, DECISION)) throw new Error('the loan decision followed is still unread');
      if (!(await isUnread(page, ANSWERED))) throw new Error('the answered referral, not opened yet, shows as read');
      // "mark all read" while the answered referral is still unread: the badge drops to 0
      await clickInBell(page, 'Đánh dấu tất cả là đã đọc');
      await page.getByRole('button', { name: 'Thông báo: 0 chưa đọc', exact: true }).waitFor({ timeout: 30_000 });
      await closeBell(page);
      // a read notice still leads to what it is about
      await followNotice(page, ANSWERED);
      await page.waitForURL('**/officer/referrals', { timeout: 60_000 });
      await expectText(page, 'Theo dõi giới thiệu');
      await page.getByRole('button', { name: /^Thông báo/ }).click();
      await screenshot(page, 'officer-notifications');
      await page.close();
      const again = await signIn(ctx, 'officer@demo.vn');
      await again.goto(`${GATEWAY}/officer/referrals`);
      await expectText(again, 'Theo dõi giới thiệu');
      // a new session of the same user: still read
      if (await isUnread(again, DECISION)) throw new Error('the read marks did not outlive the session');
      if (await isUnread(again, ANSWERED)) throw new Error('"mark all read" did not outlive the session');
      if ((await unreadCount(again)) !== 0) throw new Error(`a new session shows ${await unreadCount(again)} unread after "mark all read"`);
      await again.close();
      // another device: a phone-sized browser with no read marks of its own gets them from identity
      const phone = await signIn(ctx, 'officer@demo.vn', { width: 390, height: 844 });
      await phone.evaluate(() => Object.keys(localStorage).forEach((key) => key.startsWith('hoanhap.notifications.read.') && localStorage.removeItem(key)));
      await phone.reload();
      if (await isUnread(phone, DECISION)) throw new Error('a read notice is unread on another device');
      if ((await unreadCount(phone)) !== 0) throw new Error(`another device shows ${await unreadCount(phone)} unread after "mark all read"`);
      await phone.close();
    },
  },
];
