import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Request } from 'playwright-core';

/** The gateway the journeys drive: the e2e stack's own (set by run-e2e.ts), or GATEWAY_URL. */
export let GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
export function useGateway(url: string): void {
  GATEWAY = url;
}
export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo1234';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'screenshots', 'web');

/** What the journeys share: the browser, and what earlier journeys created. */
export interface JourneyContext {
  context: BrowserContext;
  stamp: string;
  state: Record<string, string>;
}

export type Journey = { name: string; run(ctx: JourneyContext): Promise<void> };

/** A new tab signed in as `email` (each tab keeps its own session). */
export async function signIn(ctx: JourneyContext, email: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const page = await ctx.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${GATEWAY}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  // a busy machine can answer "service not ready" (503/504): the user presses the button again
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const done = await page
      .waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 60_000 })
      .then(
        () => true,
        () => false,
      );
    if (done) return page;
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 1_000 });
  return page;
}

/** Today as the user types it (dd/MM/yyyy, in Vietnam). */
export const today = () => new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today in Vietnam as an ISO date (yyyy-MM-dd), the form the APIs take. */
export const isoToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Clicks `button` and waits for the request the click should send (`sends`) and its answer. A click that sent
 * nothing within 15 s, or an answer other than 2xx, is printed with what came back and clicked again, as a user
 * would (at most 3 times): a CI run once saw a click on a modal's button that recorded nothing, with no trace
 * of why. The click's request must be one that is safe to send twice.
 */
export async function clickSending(page: Page, button: Locator, sends: (request: Request) => boolean, what: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const sent = page.waitForRequest(sends, { timeout: 15_000 });
    await button.click();
    const request = await sent.catch(() => undefined);
    const response = await request?.response();
    if (response?.ok()) return;
    const said = !request
      ? 'no request within 15 s'
      : response
        ? `${response.status()} ${(await response.text().catch(() => '')).slice(0, 300)}`
        : `no answer (${request.failure()?.errorText ?? 'unknown'})`;
    if (attempt === 3) throw new Error(`${what}: ${said}, 3 times`);
    console.warn(`[e2e] ${what}: ${said} after click ${attempt}; clicking again`);
  }
}

/**
 * Checks an antd radio (or checkbox) and makes sure it stays checked. Playwright's check() clicks and then
 * verifies; a CI run saw 'Clicking the checkbox did not change its state' on a radio of a dialog still settling
 * (antd's input is an invisible overlay on its label). Up to 3 tries, half a second apart, then a checked state.
 */
export async function checkSurely(box: Locator, what: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const error = await box.check({ timeout: 15_000 }).then(
      () => undefined,
      (e: Error) => e,
    );
    if (!error && (await box.isChecked())) return;
    console.warn(`[e2e] ${what}: not checked after try ${attempt}${error ? ` (${error.message.split('\n')[0]})` : ''}`);
    await box.page().waitForTimeout(500);
  }
  throw new Error(`${what}: still not checked after 3 tries`);
}

/** The antd Card titled exactly `title` (a page's Descriptions are tables too, so `table` alone is ambiguous). */
export function card(page: Page, title: string): Locator {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) });
}

/** Fails unless `text` shows on the page within the timeout. */
export async function expectText(page: Page | Locator, text: string | RegExp, timeout = 90_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}

/**
 * Presses Save in the open dialog and waits until the dialog closes. A press during the opening animation can
 * miss, so an idle dialog is pressed again (the forms send one Idempotency-Key per opened dialog); a refusal the
 * page shows (an error message, a field's rule) fails the journey with its words instead of a later timeout.
 */
export async function saveDialog(page: Page, timeout = 90_000): Promise<void> {
  const dialog = page.getByRole('dialog');
  const save = dialog.getByRole('button', { name: 'Lưu' });
  const deadline = Date.now() + timeout;
  await save.click();
  for (;;) {
    const closed = await dialog.waitFor({ state: 'hidden', timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (closed) return;
    const refusals = await page.locator('.ant-message-error, .ant-form-item-explain-error').allInnerTexts();
    if (refusals.length > 0) throw new Error(`the dialog's Save was refused: ${refusals.join(' | ')}`);
    if (Date.now() > deadline) throw new Error(`the dialog did not close within ${Math.round(timeout / 1000)} s of Save`);
    const saving = await save.evaluate((button) => button.classList.contains('ant-btn-loading')).catch(() => true);
    if (!saving) await save.click();
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Picks `option` in the antd Select labelled `label` (typing first narrows long lists). */
export async function pick(page: Page, label: string | RegExp, option: string, typeFirst = false): Promise<void> {
  const field = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await field.click();
  if (typeFirst) await field.pressSequentially(option.slice(0, 12), { delay: 20 });
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Closes an open antd Select dropdown with Escape and waits until none shows, so the next click lands on the page. */
export async function closeDropdown(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let i = 0; i < 20 && (await open.count()) > 0; i += 1) await page.waitForTimeout(100);
}

/**
 * Ticks the checkbox whose label starts with `label`, and makes sure it stays ticked: on a busy machine a click can
 * land while the form re-renders and be undone (CI once saw "Clicking the checkbox did not change its state").
 */
export async function tick(page: Page, label: string, exact = false): Promise<void> {
  const box = page.getByLabel(label, { exact }).first();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await box.check({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.waitForTimeout(500);
    }
  }
}

/** Types a dd/MM/yyyy date into the antd DatePicker labelled `label` and leaves the field. */
export async function fillDate(page: Page | Locator, label: string | RegExp, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await input.click();
  await input.fill(ddmmyyyy);
  // Tab, not Enter: the typed date is kept on blur, and Enter would submit the whole form (implicit submission)
  await input.press('Tab');
}

/** Reloads the page until `text` shows (for answers that travel through events). */
export async function eventually(
  page: Page,
  text: string | RegExp,
  { tries = 10, waitMs = 2_000, before }: { tries?: number; waitMs?: number; before?: () => Promise<void> } = {},
): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (
      await page
        .getByText(text)
        .first()
        .isVisible()
        .catch(() => false)
    )
      return;
    await page.waitForTimeout(waitMs);
    await page.reload();
    if (before) await before();
    await page.waitForLoadState('networkidle').catch(() => undefined);
  }
  await expectText(page, text, 30_000);
}

/** The number an antd Statistic titled `title` shows (dots as thousands separators). */
export async function statistic(page: Page, title: string): Promise<number> {
  const value = page
    .locator('.ant-statistic', { has: page.locator('.ant-statistic-title', { hasText: title }) })
    .first()
    .locator('.ant-statistic-content');
  await value.waitFor({ state: 'visible', timeout: 120_000 });
  return Number((await value.innerText()).replace(/[^\d]/g, ''));
}

/** Reloads until the Statistic titled `title` shows `expected` (figures travel through events). */
export async function eventuallyStatistic(page: Page, title: string, expected: number, tries = 20): Promise<void> {
  let seen = NaN;
  for (let i = 0; i < tries; i += 1) {
    seen = await statistic(page, title);
    if (seen === expected) return;
    await page.waitForTimeout(2_000);
    await page.reload();
  }
  throw new Error(`"${title}" shows ${seen}, expected ${expected}`);
}

/** Opens the bell, waits (reloading) for a notice containing `text`, and follows it. */
export async function followNotice(page: Page, text: string | RegExp, tries = 15): Promise<void> {
  const bell = page.getByRole('button', { name: /^Thông báo/ });
  const notice = page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name: text }).first();
  for (let i = 0; i < tries; i += 1) {
    await bell.click();
    if (
      await notice.waitFor({ state: 'visible', timeout: 30_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await notice.click();
      return;
    }
    await page.reload();
    await page.waitForLoadState('networkidle').catch(() => undefined);
  }
  throw new Error(`no notice "${String(text)}" in the bell`);
}

/** Clicks the button named `name` and returns the file the browser downloads. */
export async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}
