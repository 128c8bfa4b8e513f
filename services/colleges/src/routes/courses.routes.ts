import { Router } from 'express';
import type { Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import type { CollegesContext } from '../domain/colleges.context';
import { courseDto } from '../domain/colleges.dto';
import type { CohortInput } from '../domain/cohort-factory';
import type { CourseInput, FirstCohortInput } from '../domain/course-input';
import { createCourse } from '../domain/create-course.use-case';
import { createCohort, listCourseCohorts } from '../domain/manage-cohorts.use-case';
import { getCourse, listCourses } from '../domain/read-courses.use-case';
import { type EnrolmentQuery, listCourseEnrolments } from '../domain/read-enrolments.use-case';
import { updateCourse } from '../domain/update-course.use-case';
import { allow, callerOf, causeOf, idOf } from './http';

export function courseRoutes(ctx: CollegesContext, verify: Verifier): Router {
  const router = Router();
  router.post('/courses', ...allow(verify, 'college'), async (req, res) => {
    const result = await createCourse(ctx, callerOf(req), idempotencyKeyOf(req), req.body as CourseInput & FirstCohortInput, causeOf(req));
    res.setHeader('Location', `/courses/${result.id}`);
    sendCreated(res, result);
  });
  router.get('/courses', ...allow(verify, 'college', 'officer', 'admin'), async (req, res) => {
    res.json(await listCourses(ctx, callerOf(req), req.query as { collegeOrgId?: string; limit?: number; cursor?: string }));
  });
  router.get('/courses/:id', ...allow(verify, 'college', 'officer', 'admin', 'returnee'), async (req, res) => {
    res.json(await getCourse(ctx, idOf(req)));
  });
  router.patch('/courses/:id', ...allow(verify, 'college'), async (req, res) => {
    res.json(courseDto(await updateCourse(ctx, callerOf(req), idOf(req), req.body as Partial<CourseInput>, causeOf(req)), ctx.settings));
  });
  router.post('/courses/:id/cohorts', ...allow(verify, 'college'), async (req, res) => {
    const result = await createCohort(ctx, callerOf(req), idOf(req), idempotencyKeyOf(req), req.body as CohortInput, causeOf(req));
    res.setHeader('Location', `/cohorts/${result.id}`);
    sendCreated(res, result);
  });
  router.get('/courses/:id/cohorts', ...allow(verify, 'college', 'officer', 'admin'), async (req, res) => {
    res.json(await listCourseCohorts(ctx, idOf(req), req.query as { limit?: number; cursor?: string }));
  });
  router.get('/courses/:id/enrollments', ...allow(verify, 'college', 'admin'), async (req, res) => {
    res.json(await listCourseEnrolments(ctx, callerOf(req), idOf(req), req.query as EnrolmentQuery));
  });
  return router;
}
