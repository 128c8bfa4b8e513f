import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { GATEWAY, PASSWORD, SCREENSHOTS, screenshot, signIn, type Journey, type JourneyContext } from '../helpers';

/**
 * Accessibility and the phone-sized screen (issue 10): every main page of every role, opened on a 390×844 screen,
 * checked by axe-core (WCAG 2.0/2.1 A and AA: labels, names of buttons and links, colour contrast, ARIA) and for
 * a page wider than the screen; and a sign-in made with the keyboard alone.
 */
const PHONE = { width: 390, height: 844 };
const REPORT = join(SCREENSHOTS, 'accessibility.txt');
// evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script>
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it stands, each with up to three of its elements. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return (found as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} [${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}]`)
        .join(' | ')}`,
  );
}

/** How far the page is wider than the screen (0 when it fits: no sideways scrolling of the whole page). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Opens each path as the signed-in user on a phone, waits for the page to settle, and collects what fails. */
async function checkPages(ctx: JourneyContext, email: string, paths: string[]): Promise<string[]> {
  const page = await signIn(ctx, email, PHONE);
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(`${GATEWAY}${path}`);
    await page.locator('main h1, main h2, h1, h2').first().waitFor({ state: 'visible', timeout: 90_000 });
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', timeout: 90_000 })
      .catch(() => undefined);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    for (const v of await violations(page)) problems.push(`${email} ${path}: ${v}`);
    const wider = await overflow(page);
    if (wider > 1) problems.push(`${email} ${path}: the page is ${wider}px wider than a ${PHONE.width}px phone screen`);
    await screenshot(page, `phone${path.replaceAll('/', '-')}`);
  }
  await page.close();
  return problems;
}

export const accessJourneys: Journey[] = [
  {
    name: 'a user signs in with the keyboard alone (labels, Tab order, Enter submits)',
    async run(ctx) {
      const page = await ctx.context.newPage();
      await page.setViewportSize(PHONE);
      await page.goto(`${GATEWAY}/login`);
      const problems = await violations(page);
      if (problems.length) throw new Error(`the sign-in page fails accessibility checks:\n${problems.join('\n')}`);
      await page.getByLabel('Email').focus();
      await page.keyboard.type('officer@demo.vn');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type);
      if (focused !== 'password') throw new Error(`Tab from the email field reached a ${focused ?? 'nothing'} field, not the password`);
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 120_000 });
      await page.close();
    },
  },
  {
    name: "every role's main pages pass axe-core (WCAG A/AA) and fit a phone-sized screen",
    async run(ctx) {
      const { returneeId, jobId, courseId } = ctx.state;
      if (!returneeId || !jobId || !courseId) throw new Error('needs the registration, job and course journeys');
      mkdirSync(SCREENSHOTS, { recursive: true });
      const problems = [
        ...(await checkPages(ctx, 'officer@demo.vn', [
          '/officer',
          '/officer/returnees',
          '/officer/returnees/new',
          `/officer/returnees/${returneeId}`,
          '/officer/referrals',
        ])),
        ...(await checkPages(ctx, 'employer@demo.vn', ['/employer', '/employer/jobs', '/employer/jobs/new', `/employer/jobs/${jobId}`])),
        ...(await checkPages(ctx, 'college@demo.vn', ['/college/courses', `/college/courses/${courseId}`])),
        ...(await checkPages(ctx, 'bank@demo.vn', ['/bank/applications'])),
        ...(await checkPages(ctx, 'admin@demo.vn', ['/admin/organisations', '/admin/users', '/admin/audit'])),
      ];
      writeFileSync(REPORT, problems.length ? `${problems.join('\n')}\n` : 'no problems\n');
      // one line: the runner shows the first lines of an error
      if (problems.length) throw new Error(`${problems.length} accessibility/phone problems (all in ${REPORT}): ${problems.join(' ¦ ')}`);
    },
  },
];
