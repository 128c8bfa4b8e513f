import { Router } from 'express';
import type { Verifier } from '@hoanhap/auth';
import { changeEnrolment } from '../domain/change-enrolment.use-case';
import type { CollegesContext } from '../domain/colleges.context';
import { attendanceDto } from '../domain/colleges.dto';
import type { EnrolmentChange } from '../domain/enrolment.rules';
import { getCertificate } from '../domain/read-courses.use-case';
import { enrolmentView, getEnrolment } from '../domain/read-enrolments.use-case';
import { listAttendance, recordAttendance } from '../domain/record-attendance.use-case';
import { allow, callerOf, causeOf, idOf } from './http';

export function enrolmentRoutes(ctx: CollegesContext, verify: Verifier): Router {
  const router = Router();
  router.get('/enrollments/:id', ...allow(verify, 'college', 'admin'), async (req, res) => {
    res.json(await getEnrolment(ctx, callerOf(req), idOf(req)));
  });
  router.patch('/enrollments/:id', ...allow(verify, 'college'), async (req, res) => {
    const changed = await changeEnrolment(ctx, callerOf(req), idOf(req), req.body as EnrolmentChange, causeOf(req));
    res.json(await enrolmentView(ctx, changed));
  });
  router.post('/enrollments/:id/attendance', ...allow(verify, 'college'), async (req, res) => {
    res.status(201).json(attendanceDto(await recordAttendance(ctx, callerOf(req), idOf(req), req.body as { date: string; present: boolean })));
  });
  router.get('/enrollments/:id/attendance', ...allow(verify, 'college', 'admin'), async (req, res) => {
    const { items, ...totals } = await listAttendance(ctx, callerOf(req), idOf(req));
    res.json({ items: items.map(attendanceDto), ...totals });
  });
  router.get('/certificates/:id', ...allow(verify, 'college', 'officer', 'admin', 'returnee'), async (req, res) => {
    res.json(await getCertificate(ctx, callerOf(req), idOf(req)));
  });
  return router;
}
