import { addWorkingDays, decisionClock, isWorkingDay, workingDaysBetween } from '../src/domain/calendar/working-days.rules';
import { VIETNAM_CALENDAR as VN } from '../src/domain/calendar/vietnam-holidays.data';
import { addMonths, vietnamDate } from '../src/domain/calendar/iso-date';

describe('the 3-working-day decision target (Decision 22/2023/QĐ-TTg; Labour Code 2019 Art. 112 holidays)', () => {
  it('when a file is complete on a Thursday, then the clock skips the weekend: due the next Tuesday', () => {
    expect(decisionClock('2026-03-05', '2026-03-09', 3, VN)).toEqual({ completeOn: '2026-03-05', ageWorkingDays: 2, dueOn: '2026-03-10', breached: false });
    expect(decisionClock('2026-03-05', '2026-03-11', 3, VN).breached).toBe(true);
  });

  it('when a file is complete on the Friday before Tết 2026 (14–22/2): then the holiday does not count, due Wed 25/2', () => {
    const clock = decisionClock('2026-02-13', '2026-02-22', 3, VN);
    expect(clock).toEqual({ completeOn: '2026-02-13', ageWorkingDays: 0, dueOn: '2026-02-25', breached: false });
    expect(workingDaysBetween('2026-02-13', '2026-02-24', VN)).toBe(2);
  });

  it('when a file is complete on Friday 28/8/2026, then 1/9 and 2/9 (National Day) do not count: due Fri 4/9', () => {
    expect(addWorkingDays('2026-08-28', 3, VN)).toBe('2026-09-04');
    // Mon 31/8 is the only working day up to 2/9
    expect(decisionClock('2026-08-28', '2026-09-02', 3, VN).ageWorkingDays).toBe(1);
    expect(decisionClock('2026-08-28', '2026-09-03', 3, VN).ageWorkingDays).toBe(2);
    expect(decisionClock('2026-08-28', '2026-09-07', 3, VN).breached).toBe(true);
  });

  it('when Hùng Kings Day falls on a Sunday (26/4/2026), then Monday 27/4 is off; 30/4 and 1/5 are off', () => {
    expect(['2026-04-27', '2026-04-30', '2026-05-01'].map((d) => isWorkingDay(d, VN))).toEqual([false, false, false]);
    expect(addWorkingDays('2026-04-24', 3, VN)).toBe('2026-05-04');
  });

  it('when a Saturday is a make-up working day (26/4/2025), then it counts; the swapped Friday 2/5/2025 does not', () => {
    expect(isWorkingDay('2025-04-26', VN)).toBe(true);
    expect(isWorkingDay('2025-05-02', VN)).toBe(false);
  });

  it('when Tết 2025 and New Year 2027 come, then they are off too', () => {
    expect(['2025-01-27', '2025-01-31', '2027-01-01'].every((d) => !isWorkingDay(d, VN))).toBe(true);
    expect(isWorkingDay('2025-02-03', VN)).toBe(true);
  });
});

describe('dates', () => {
  it('when it is 23:30 UTC, then it is already the next day in Vietnam (UTC+7)', () => {
    expect(vietnamDate(new Date('2026-02-12T23:30:00Z'))).toBe('2026-02-13');
    expect(vietnamDate(new Date('2026-02-12T16:59:59Z'))).toBe('2026-02-12');
  });
  it('when a month is added to 31 January, then the end of February comes (not March)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
