import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * The app's own CloudWatch metrics, written as EMF lines into the function's log (no API call on the
 * request path). Infra sets POWERTOOLS_METRICS_NAMESPACE to `Shegong/<stage>` so that two stages in one
 * account never mix; the alarms in infra/lib/observability.ts read that namespace.
 */
export const METRICS_NAMESPACE = 'Shegong';

/** The per-request metric names the alarms and the dashboard are built on. */
export const REQUEST_METRICS = { requests: 'requests', errors: 'errors', latency: 'latency' } as const;

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];

/**
 * EMF lines mean something only where CloudWatch Logs reads them: in Lambda. Elsewhere (the local
 * server, tests, the bench) they would bury the request log, so they are off unless
 * POWERTOOLS_METRICS_DISABLED is set, which wins either way (`false` turns them on anywhere).
 */
export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const disabled = env.POWERTOOLS_METRICS_DISABLED;
  if (disabled !== undefined) return !TRUE_WORDS.includes(disabled.trim().toLowerCase());
  return Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
}

function newMetrics(): Metrics {
  return new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
    serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'shegong',
  });
}

/** One request as the metrics see it: the route pattern, never the URL (ids and tokens stay out). */
export interface RequestFigures {
  /** `METHOD /pattern`, e.g. `GET /v1/people/:personId`. */
  readonly route: string;
  readonly status: number;
  readonly ms: number;
  readonly requestId: string;
  readonly tenant?: string | undefined;
}

/**
 * Publishes one request's figures as one EMF line: `requests` (1), `errors` (1 for a 5xx, else 0, so
 * the Average is the 5xx rate) and `latency`, dimensioned by service and route only. The tenant is a
 * property, not a dimension: a dimension per tenant would be a custom metric per tenant and route
 * (billed each), while a property is still searchable in Logs Insights for cost and usage per tenant.
 * A fresh buffer per request, because the local server runs requests concurrently.
 */
export function publishRequestMetrics(figures: RequestFigures): void {
  if (!metricsEnabled()) return;
  const metrics = newMetrics();
  metrics.addDimension('route', figures.route);
  metrics.addMetric(REQUEST_METRICS.requests, MetricUnit.Count, 1);
  metrics.addMetric(REQUEST_METRICS.errors, MetricUnit.Count, figures.status >= 500 ? 1 : 0);
  metrics.addMetric(REQUEST_METRICS.latency, MetricUnit.Milliseconds, figures.ms);
  metrics.addMetadata('status', String(figures.status));
  metrics.addMetadata('requestId', figures.requestId);
  if (figures.tenant) metrics.addMetadata('tenant', figures.tenant);
  metrics.publishStoredMetrics();
}

let coldStartMetrics: Metrics | undefined;

/** A `ColdStart` count on a container's first invocation (Powertools remembers it was called). */
export function publishColdStart(): void {
  if (!metricsEnabled()) return;
  coldStartMetrics ??= newMetrics();
  coldStartMetrics.captureColdStartMetric();
}
