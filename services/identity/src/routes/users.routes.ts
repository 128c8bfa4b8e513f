import { Router } from 'express';
import { authenticate, authOf, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import { createUser, type NewUser } from '../domain/create-user.use-case';
import { disableUser } from '../domain/disable-user.use-case';
import type { IdentityContext } from '../domain/identity.context';
import { pageDto, userDto } from '../domain/identity.dto';
import { listUsers, type UserQuery } from '../domain/list-users.use-case';

/** Admin-only user management (the gateway serves it under /api/identity). */
export function userRoutes(ctx: IdentityContext, verify: Verifier): Router {
  const router = Router();
  const admin = [authenticate(verify), requireRole('admin')];

  router.post('/users', ...admin, async (req, res) => {
    const result = await createUser(ctx, { userId: authOf(req).sub }, idempotencyKeyOf(req), req.body as NewUser);
    res.setHeader('Location', `/users/${result.id}`);
    sendCreated(res, result);
  });

  router.get('/users', ...admin, async (req, res) => {
    res.json(pageDto(await listUsers(ctx, req.query as UserQuery), userDto));
  });

  router.post('/users/:id/disable', ...admin, async (req, res) => {
    res.json(userDto(await disableUser(ctx, { userId: authOf(req).sub }, req.params.id as string)));
  });
  return router;
}
