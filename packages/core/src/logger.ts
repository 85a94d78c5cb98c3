import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Lines are JSON with the request id and tenant; tokens, e-mail addresses,
 * phone and ID-card numbers are never passed to it (paths are logged as route patterns).
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'shegong',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? (process.env.VITEST ? 'ERROR' : 'INFO'),
});
