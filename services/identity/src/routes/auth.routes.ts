import { Router } from 'express';
import { authenticate, authOf, type Verifier } from '@hoanhap/auth';
import { changePassword } from '../domain/change-password.use-case';
import { currentUser } from '../domain/current-user.use-case';
import type { IdentityContext } from '../domain/identity.context';
import { userDto } from '../domain/identity.dto';
import { login } from '../domain/login.use-case';
import { logout } from '../domain/logout.use-case';
import { markNoticesRead, noticeReads } from '../domain/notice-reads.use-case';
import { refreshSession } from '../domain/refresh-session.use-case';

interface Body {
  email: string;
  password: string;
  refreshToken: string;
  currentPassword: string;
  newPassword: string;
}

/** /auth/*: bodies are already checked against openapi.yaml by the kit. */
export function authRoutes(ctx: IdentityContext, verify: Verifier, jwks: () => object): Router {
  const router = Router();
  // Tokens must never be cached by a proxy or the browser.
  const noStore = (_req: unknown, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };

  router.post('/auth/login', noStore, async (req, res) => {
    const { email, password } = req.body as Body;
    res.json(await login(ctx, { email, password }));
  });

  router.post('/auth/refresh', noStore, async (req, res) => {
    res.json(await refreshSession(ctx, (req.body as Body).refreshToken));
  });

  router.post('/auth/logout', async (req, res) => {
    await logout(ctx, (req.body as Body).refreshToken);
    res.status(204).end();
  });

  router.get('/auth/me', authenticate(verify), noStore, async (req, res) => {
    res.json(userDto(await currentUser(ctx, authOf(req).sub)));
  });

  router.get('/auth/me/notice-reads', authenticate(verify), noStore, async (req, res) => {
    res.json(await noticeReads(ctx, authOf(req).sub));
  });

  // adds to a set: sent twice (a retry), the same marks; no Idempotency-Key needed
  router.post('/auth/me/notice-reads', authenticate(verify), noStore, async (req, res) => {
    res.json(await markNoticesRead(ctx, authOf(req).sub, (req.body as { marks: string[] }).marks));
  });

  router.post('/auth/password', authenticate(verify), async (req, res) => {
    const { currentPassword, newPassword } = req.body as Body;
    await changePassword(ctx, authOf(req).sub, { currentPassword, newPassword });
    res.status(204).end();
  });

  router.get('/auth/jwks.json', (_req, res) => {
    // verifiers refetch on an unknown kid anyway; a short cache keeps rotation quick
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(jwks());
  });
  return router;
}
