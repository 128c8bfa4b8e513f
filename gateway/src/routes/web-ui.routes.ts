import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * The built web app (`web/dist`) at `/`, when it has been built; a browser
 * asking for any other page gets index.html (the app routes on the client).
 * Without a build this router does nothing.
 */
export function webUiRoutes(distDir: string): Router {
  const router = Router();
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return router;
  router.use(express.static(distDir, { index: 'index.html', maxAge: '1h' }));
  router.get(/^\/(?!api\/|auth\/|docs|openapi\.json|healthz|readyz|metrics).*/, (req, res, next) => {
    // only a browser navigation (which always asks for text/html); an API client's */* gets the 404 problem
    if (!req.headers.accept?.includes('text/html')) return next();
    res.sendFile(index);
  });
  return router;
}
