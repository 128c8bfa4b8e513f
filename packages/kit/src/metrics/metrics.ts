import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** A metrics registry for one app, with the process's default metrics unless told otherwise. */
export function createMetricsRegistry(options: { defaultMetrics?: boolean; prefix?: string } = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: options.prefix });
  return registry;
}

// An unmatched path would create one series per probe; label it as such instead.
function routeLabel(req: Request, res: Response): string {
  const template = res.locals.routeTemplate as string | undefined;
  if (template) return template;
  const routePath = (req.route as { path?: string } | undefined)?.path;
  return typeof routePath === 'string' ? `${req.baseUrl}${routePath}` : 'unmatched';
}

/** Times every request into `http_request_duration_seconds{route,method,status}`. */
export function metricsMiddleware(registry: Registry) {
  const histogram = requestDurations(registry);
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = histogram.startTimer();
    res.on('finish', () => stop({ route: routeLabel(req, res), method: req.method, status: String(res.statusCode) }));
    next();
  };
}

/** The registry's `http_request_duration_seconds` histogram, made on first use. */
export function requestDurations(registry: Registry): Histogram<'route' | 'method' | 'status'> {
  return (
    (registry.getSingleMetric('http_request_duration_seconds') as Histogram<'route' | 'method' | 'status'> | undefined) ??
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route template, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    })
  );
}

/** Serves the registry in Prometheus' text format. */
export function metricsHandler(registry: Registry) {
  return async (_req: Request, res: Response) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
}
