import { type NextFunction, type Request, Router, type Response } from 'express';
import { AppError } from '@hoanhap/kit';
import { communes, isProvinceCode, occupationGroups, occupations, province, provinces, skills } from '@hoanhap/reference';

// The data changes only with a deploy: let browsers and proxies keep it for an hour.
const cacheable = (res: Response) => res.setHeader('Cache-Control', 'public, max-age=3600');
// Reference lists are small and complete: one page, the list shape every service answers.
const list = (items: readonly unknown[]) => ({ items, nextCursor: null });

function queryString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw new AppError('REQUEST.VALIDATION_FAILED', 400, `${name} must be given once`, {
    errors: [{ field: name, in: 'query', rule: 'type', message: 'must be a string' }],
  });
}

// As kit's validator does in every service: an undeclared query parameter is a typo or a probe
// (`provinceCode[$gt]=`), never meaningful, so it is refused rather than ignored.
const DECLARED_QUERY: Record<string, string[]> = { '/api/reference/communes': ['provinceCode'] };

function refuseUndeclaredQuery(req: Request, _res: Response, next: NextFunction): void {
  const declared = DECLARED_QUERY[req.baseUrl + req.path] ?? [];
  const unknown = Object.keys(req.query as object).filter((name) => !declared.includes(name));
  if (unknown.length === 0) return next();
  throw new AppError('REQUEST.VALIDATION_FAILED', 400, `unknown query parameter ${unknown.join(', ')}`, {
    errors: unknown.map((field) => ({
      field,
      in: 'query' as const,
      rule: 'additionalProperties',
      message: 'is not a parameter of this operation',
    })),
  });
}

/**
 * `/api/reference/*`, served by the gateway itself from packages/reference:
 * read-only, public (x-roles [public] in gateway/openapi.yaml) because the
 * official lists are public information and the web app needs them before
 * anyone has logged in.
 */
export function referenceRoutes(): Router {
  const router = Router();
  router.use('/api/reference', refuseUndeclaredQuery);
  router.get('/api/reference/provinces', (_req, res) => {
    cacheable(res);
    res.json(list(provinces()));
  });
  router.get('/api/reference/provinces/:code', (req, res) => {
    const found = province(req.params.code);
    if (!found) throw new AppError('REFERENCE.PROVINCE_NOT_FOUND', 404, `no province with code ${req.params.code}`);
    cacheable(res);
    res.json(found);
  });
  router.get('/api/reference/communes', (req, res) => {
    const provinceCode = queryString(req.query.provinceCode, 'provinceCode');
    if (provinceCode !== undefined && !isProvinceCode(provinceCode)) {
      throw new AppError('REQUEST.VALIDATION_FAILED', 400, `no province with code ${provinceCode}`, {
        errors: [{ field: 'provinceCode', in: 'query', rule: 'enum', message: 'must be the code of a province in force ("01"…)' }],
      });
    }
    cacheable(res);
    res.json(list(communes(provinceCode)));
  });
  router.get('/api/reference/occupations', (_req, res) => {
    cacheable(res);
    res.json({ ...list(occupations()), groups: occupationGroups() });
  });
  router.get('/api/reference/skills', (_req, res) => {
    cacheable(res);
    res.json(list(skills()));
  });
  return router;
}
