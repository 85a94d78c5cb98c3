/**
 * An API Gateway HTTP API (payload 2.0) request as Lambda hands it to a function, for tests that
 * call a function's handler directly: the one shape the deployed entry receives.
 */
export function apiGatewayEvent(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const method = options.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'function.test', ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '1',
      apiId: 'test',
      domainName: 'function.test',
      domainPrefix: 'function',
      requestId: 'function-test',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
  };
}

/** The Lambda context a handler reads: its request id and the time it has left. */
export const lambdaContext = { awsRequestId: 'function-test', getRemainingTimeInMillis: () => 29_000 };
