// Runs in a fresh node process: import a Lambda bundle, answer one request, print the time
// from process start to the first response (performance.now() counts from process start).
const [bundle, path] = process.argv.slice(2);
const { handler } = await import(bundle);
const event = {
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'bench.local', accept: 'application/json' },
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
const response = await handler(event, { awsRequestId: 'bench', getRemainingTimeInMillis: () => 29000 });
process.stdout.write(JSON.stringify({ ms: performance.now(), status: response.statusCode }));
