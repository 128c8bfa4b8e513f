import type { Request } from 'playwright-core';
import { card, clickSending, eventually, expectText, fillDate, followNotice, GATEWAY, pick, saveDialog, screenshot, signIn, today, type Journey } from '../helpers';
import { referOnce } from './employer.journeys';
import { returneeName } from './officer.journeys';

export const courseTitle = (stamp: string) => `Điện dân dụng ${stamp}`;

export const collegeJourneys: Journey[] = [
  {
    name: 'college creates a course with its first cohort and lists it',
    async run(ctx) {
      const page = await signIn(ctx, 'college@demo.vn');
      await expectText(page, 'Khóa học và lớp');
      await page.getByRole('button', { name: 'Thêm khóa học' }).click();
      await page.getByLabel('Tên khóa học').fill(courseTitle(ctx.stamp));
      await pick(page, 'Nghề (VSCO 2020)', '7411', true);
      await pick(page, 'Kỹ năng được cấp khi hoàn thành', 'Lắp đặt điện dân dụng', true);
      await page.keyboard.press('Escape');
      await fillDate(page, 'Khai giảng lớp đầu tiên', today());
      await screenshot(page, 'college-course-form');
      await page.getByRole('button', { name: 'Tạo khóa học' }).click();
      await page.waitForURL(/\/college\/courses\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      ctx.state.courseId = page.url().split('/').pop()!;
      await expectText(page, courseTitle(ctx.stamp));
      await expectText(page, 'Thợ điện công trình');
      // the cohorts' card: the course's Descriptions above it is the page's first <table>
      await expectText(card(page, 'Các lớp'), 'Đang tuyển');
      await screenshot(page, 'college-course');
      await page.goto(`${GATEWAY}/college/courses`);
      await expectText(page, courseTitle(ctx.stamp));
      await screenshot(page, 'college-courses');
      await page.close();
    },
  },
  {
    name: 'officer refers the returnee to the cohort from the course matches',
    async run(ctx) {
      if (!ctx.state.returneeId || !ctx.state.courseId) throw new Error('needs the registration and course journeys');
      const page = await signIn(ctx, 'officer@demo.vn');
      await page.goto(`${GATEWAY}/officer/returnees/${ctx.state.returneeId}`);
      const openCourses = () => page.getByRole('tab', { name: /Khóa học/ }).click();
      await openCourses();
      // the cohort reaches matching through events: wait for it
      await eventually(page, courseTitle(ctx.stamp), { tries: 15, before: openCourses });
      const item = page.locator('.ant-list-item', { hasText: courseTitle(ctx.stamp) });
      await expectText(item, /Điểm phù hợp: [\d,]+\/100/);
      await screenshot(page, 'officer-course-matches');
      await referOnce(item);
      await expectText(page.locator('table'), courseTitle(ctx.stamp));
      ctx.state.referredToCohort = 'yes';
      await page.close();
    },
  },
  {
    name: 'college follows the notice to the referred person, starts the cohort, records attendance, marks completion, sees the certificate and opens another cohort',
    async run(ctx) {
      if (!ctx.state.referredToCohort) throw new Error('needs the cohort referral journey');
      const page = await signIn(ctx, 'college@demo.vn');
      // the referral arrives as a notice in the bell, which leads to the course
      await followNotice(page, `Học viên mới được giới thiệu: ${courseTitle(ctx.stamp)}`);
      await page.waitForURL(`**/college/courses/${ctx.state.courseId}`, { timeout: 60_000 });
      const givenName = returneeName(ctx.stamp).split(' ').pop()!;
      await eventually(page, givenName, { tries: 15 });
      const enrolments = card(page, 'Học viên đăng ký');
      const row = enrolments.locator('tr', { hasText: givenName });
      // the first cohort is open with free seats: colleges enrol a referral at once (services/colleges README, Statuses)
      await expectText(row, 'Đã nhập học');
      await expectText(row, 'Cán bộ giới thiệu');
      if (
        await page
          .getByText('Phạm Văn')
          .isVisible()
          .catch(() => false)
      )
        throw new Error('the college sees the full name');
      const cohorts = card(page, 'Các lớp');
      const firstCohort = cohorts.locator('tbody tr.ant-table-row', { hasText: today() });
      await firstCohort.getByRole('button', { name: 'Bắt đầu học' }).click();
      await expectText(firstCohort, 'Đang học');
      await row.getByRole('button', { name: 'Điểm danh' }).click();
      const dialog = page.getByRole('dialog');
      // recording a day again replaces it (services/colleges), so a second click is safe
      const attendance = (request: Request) => request.method() === 'POST' && request.url().endsWith('/attendance');
      await clickSending(page, dialog.getByRole('button', { name: 'Có mặt' }), attendance, 'attendance "Có mặt"');
      await expectText(dialog, 'Có mặt 1/1 buổi đã ghi');
      await screenshot(page, 'college-attendance');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await row.getByRole('button', { name: 'Ghi nhận hoàn thành' }).click();
      await saveDialog(page);
      await expectText(page, 'Đã ghi nhận hoàn thành và cấp chứng chỉ');
      await expectText(row, 'Hoàn thành');
      await screenshot(page, 'college-enrolments');
      await row.getByRole('button', { name: 'Xem chứng chỉ' }).click();
      await expectText(page.getByRole('dialog'), 'Số chứng chỉ');
      await expectText(page.getByRole('dialog'), 'Lắp đặt điện dân dụng và công nghiệp');
      await screenshot(page, 'college-certificate');
      await page.getByRole('dialog').locator('.ant-modal-close').click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      // another cohort of the course (the form proposes a week ahead and 20 seats), open for enrolment at once
      await cohorts.getByRole('button', { name: 'Mở lớp mới' }).click();
      await saveDialog(page);
      await expectText(page, 'Đã mở lớp mới');
      const second = cohorts.locator('tbody tr.ant-table-row', { hasNotText: today() });
      await expectText(second, 'Đang tuyển');
      await expectText(second, '20/20');
      await screenshot(page, 'college-cohorts');
      await page.close();
    },
  },
];
