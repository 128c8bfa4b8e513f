/** What the load needs before it starts: consenting returnees and open course cohorts. */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { DEMO } from '@hoanhap/reference';
import { call } from './fault-client';
import type { Sessions } from './fault-load';

const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tuấn'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];

function returnee(i: number, run: number) {
  return {
    fullName: `${FAMILY[i % FAMILY.length]} Văn ${GIVEN[i % GIVEN.length]}`,
    dateOfBirth: `19${80 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: 'male',
    nationalId: `0${String(run % 1e7).padStart(7, '0')}${String(i).padStart(4, '0')}`,
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    address: { provinceCode: DEMO.provinceCode, communeCode: DEMO.communeCodes[i % DEMO.communeCodes.length] },
    releaseDate: '2025-09-01',
    releaseKind: 'completed',
    sentence: { kind: 'prison', months: 30 },
    offenceCategory: 'theft',
    skills: ['welding'],
    needs: ['job', 'training', 'loan'],
    consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
  };
}

async function inBatches<T>(count: number, batch: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch)
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, k) => fn(i + k)))));
  return out;
}

export async function prepare(gatewayUrl: string, sessions: Sessions, returnees: number, cohorts: number) {
  const run = Date.now() % 1e7;
  const returneeIds = await inBatches(returnees, 8, async (i) => {
    const answer = await call(gatewayUrl, sessions.officer, 'POST', '/api/cases/returnees', returnee(i, run));
    if (answer.status !== 201) throw new Error(`returnee ${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  });
  const course = await call(gatewayUrl, sessions.college, 'POST', '/api/colleges/courses', {
    title: 'Hàn điện cơ bản',
    occupationCode: '7212',
    skillsGranted: ['welding'],
    provinceCode: DEMO.provinceCode,
    startsAt: '2099-03-02',
    durationWeeks: 12,
    seats: 1000,
    tuitionVnd: 0,
  });
  if (course.status !== 201) throw new Error(`course: ${course.status} ${JSON.stringify(course.body)}`);
  for (let c = 1; c < cohorts; c++) {
    const cohort = await call(gatewayUrl, sessions.college, 'POST', `/api/colleges/courses/${course.body.id}/cohorts`, {
      startsOn: `2099-0${1 + c}-01`,
      seats: 1000,
      status: 'open',
    });
    if (cohort.status !== 201) throw new Error(`cohort: ${cohort.status} ${JSON.stringify(cohort.body)}`);
  }
  const listed = await call(gatewayUrl, sessions.college, 'GET', `/api/colleges/courses/${course.body.id}/cohorts`);
  const cohortIds = (listed.body.items as any[]).map((cohort) => cohort.id as string);
  return { returneeIds, cohortIds };
}
