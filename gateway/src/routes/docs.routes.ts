import { dirname } from 'node:path';
import { Router } from 'express';
import type { OpenApiDocument } from '@hoanhap/kit';

const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
// Only the files the page needs: the package also ships a demo page that points at a remote API.
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE = `<!DOCTYPE html>
<html lang="vi">
  <head>
    <meta charset="utf-8">
    <title>Hòa Nhập API</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

// A file, not an inline script, so the page runs under helmet's script-src 'self'.
// validatorUrl null: Swagger UI would otherwise send the document to an online validator.
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, showExtensions: true,
    persistAuthorization: true, validatorUrl: null, layout: 'BaseLayout',
  });
});
`;

/** `/openapi.json` (the merged document) and `/docs` (Swagger UI from npm, served locally: no CDN). */
export function docsRoutes(document: OpenApiDocument): Router {
  const router = Router();
  const json = JSON.stringify(document);
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('text/javascript').send(INIT);
  });
  router.get('/docs/assets/:file', (req, res, next) => {
    if (!ASSETS.has(req.params.file)) return next();
    res.sendFile(req.params.file, { root: SWAGGER_UI_DIR, maxAge: '1d' });
  });
  return router;
}
