import { Router } from 'express';
import type { Verifier } from '@hoanhap/auth';
import { type CollegeProfileInput, getCollegeProfile, saveCollegeProfile } from '../domain/college-profile.use-case';
import type { CollegesContext } from '../domain/colleges.context';
import { collegeDto } from '../domain/colleges.dto';
import { allow, callerOf } from './http';

/** The college's own profile: its id is the caller's organisation (JWT orgId). */
export function organisationRoutes(ctx: CollegesContext, verify: Verifier): Router {
  const router = Router();
  router.get('/organisations/me', ...allow(verify, 'college'), async (req, res) => {
    res.json(collegeDto(await getCollegeProfile(ctx, callerOf(req))));
  });
  router.put('/organisations/me', ...allow(verify, 'college'), async (req, res) => {
    res.json(collegeDto(await saveCollegeProfile(ctx, callerOf(req), req.body as CollegeProfileInput)));
  });
  return router;
}
