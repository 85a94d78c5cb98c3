// Runs in a fresh node process: import a Lambda bundle, answer one event, print the time from
// process start to the answer (performance.now() counts from process start). A path ('/v1/me')
// makes an API Gateway v2 request, with the headers of the optional third argument (JSON: a signed-in
// member's Authorization); `stream` makes an empty DynamoDB stream batch (the import worker).
const [bundle, path, extraHeaders] = process.argv.slice(2);
const { handler } = await import(bundle);
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 29000 };
const event =
  path === 'stream'
    ? { Records: [] }
    : {
        version: '2.0',
        routeKey: '$default',
        rawPath: path,
        rawQueryString: '',
        headers: {
          host: 'bench.local',
          accept: path.startsWith('/v1') ? 'application/json' : 'text/html',
          ...(extraHeaders ? JSON.parse(extraHeaders) : {}),
        },
        requestContext: {
          accountId: '1',
          apiId: 'bench',
          domainName: 'bench.local',
          domainPrefix: 'bench',
          requestId: 'bench',
          routeKey: '$default',
          stage: '$default',
          time: '',
          timeEpoch: 0,
          http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
        },
        isBase64Encoded: false,
      };
const response = await handler(event, context);
// CPU time too: on a busy machine it varies far less than the wall clock.
const { user, system } = process.cpuUsage();
process.stdout.write(
  JSON.stringify({ ms: performance.now(), cpuMs: (user + system) / 1000, status: response?.statusCode ?? null }),
);
