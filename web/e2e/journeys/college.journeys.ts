import { eventually, expectText, fillDate, followNotice, GATEWAY, pick, screenshot, signIn, type Journey } from '../helpers';
import { referOnce } from './employer.journeys';
import { returneeName } from './officer.journeys';

export const courseTitle = (stamp: string) => `Điện dân dụng ${stamp}`;
const today = () => new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }); // dd/MM/yyyy

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
      await expectText(page.locator('table').first(), 'Đang tuyển');
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
      await page.close();
    },
  },
  {
    name: 'college enrols the referred person, records attendance, marks completion and sees the certificate',
    async run(ctx) {
      if (!ctx.state.courseId) throw new Error('needs the course journey');
      const page = await signIn(ctx, 'college@demo.vn');
      // the referral arrives as a notice in the bell, which leads to the course
      await followNotice(page, `Học viên mới được giới thiệu: ${courseTitle(ctx.stamp)}`);
      await page.waitForURL(`**/college/courses/${ctx.state.courseId}`, { timeout: 60_000 });
      const givenName = returneeName(ctx.stamp).split(' ').pop()!;
      await eventually(page, givenName, { tries: 15 });
      const enrolments = page.locator('.ant-card', { hasText: 'Học viên đăng ký' });
      const row = enrolments.locator('tr', { hasText: givenName });
      await expectText(row, 'Mới');
      if (
        await page
          .getByText('Phạm Văn')
          .isVisible()
          .catch(() => false)
      )
        throw new Error('the college sees the full name');
      await row.getByRole('button', { name: 'Nhận vào học' }).click();
      await expectText(row, 'Đã nhập học');
      await page.locator('table').first().locator('tbody tr.ant-table-row').first().getByRole('button', { name: 'Bắt đầu học' }).click();
      await expectText(page.locator('table').first(), 'Đang học');
      await row.getByRole('button', { name: 'Điểm danh' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Có mặt' }).click();
      await expectText(dialog, 'Có mặt 1/1 buổi đã ghi');
      await screenshot(page, 'college-attendance');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await row.getByRole('button', { name: 'Ghi nhận hoàn thành' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await expectText(page, 'Đã ghi nhận hoàn thành và cấp chứng chỉ');
      await expectText(row, 'Hoàn thành');
      await screenshot(page, 'college-enrolments');
      await row.getByRole('button', { name: 'Xem chứng chỉ' }).click();
      await expectText(page.getByRole('dialog'), 'Số chứng chỉ');
      await expectText(page.getByRole('dialog'), 'Lắp đặt điện dân dụng và công nghiệp');
      await screenshot(page, 'college-certificate');
      await page.close();
    },
  },
];
