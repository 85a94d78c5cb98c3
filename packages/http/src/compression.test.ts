import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { COMPRESSION_THRESHOLD, chosenEncoding, compression } from './compression.ts';

const page = `<!doctype html><html><body>${'<p>社会工作服务项目 social work</p>'.repeat(200)}</body></html>`;
const app = new Hono();
app.use(compression());
app.get('/page', (c) => c.html(page));
app.get('/small', (c) => c.json({ ok: true }));
app.get('/sheet', (c) =>
  c.body(new Uint8Array(4 * COMPRESSION_THRESHOLD), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
);

const get = (path: string, encoding?: string) =>
  app.request(path, { headers: encoding ? { 'Accept-Encoding': encoding } : {} });

describe('compression', () => {
  it('sends a page as brotli when accepted, else gzip, each decoding to the page', async () => {
    const br = await get('/page', 'gzip, deflate, br');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(page);
    const gz = await get('/page', 'gzip');
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gz.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);
  });

  it('leaves alone a client that accepts neither, a small body and a workbook', async () => {
    expect((await get('/page')).headers.get('Content-Encoding')).toBeNull();
    expect((await get('/page', 'identity')).headers.get('Content-Encoding')).toBeNull();
    expect((await get('/small', 'gzip, br')).headers.get('Content-Encoding')).toBeNull();
    const sheet = await get('/sheet', 'gzip, br');
    expect(sheet.headers.get('Content-Encoding')).toBeNull();
    expect((await sheet.arrayBuffer()).byteLength).toBe(4 * COMPRESSION_THRESHOLD);
  });

  it('reads q-values: a refused encoding is never chosen', () => {
    expect(chosenEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chosenEncoding('gzip;q=0.5, br;q=0.8')).toBe('br');
    expect(chosenEncoding('br;q=0.2, gzip;q=0.9')).toBe('gzip');
    expect(chosenEncoding('*')).toBe('br');
    expect(chosenEncoding('deflate')).toBeUndefined();
  });

  it('reaches API Gateway compressed: the Lambda handler base64-encodes the brotli body', async () => {
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/page',
      rawQueryString: '',
      headers: { host: 'api.example.cn', 'accept-encoding': 'gzip, deflate, br' },
      requestContext: {
        http: { method: 'GET', path: '/page', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
        domainName: 'api.example.cn',
        requestId: 'r1',
        routeKey: '$default',
        stage: '$default',
        time: '03/Dec/2026:00:00:00 +0000',
        timeEpoch: 0,
        accountId: '000000000000',
        apiId: 'api',
        domainPrefix: 'api',
      },
      isBase64Encoded: false,
    } as unknown as LambdaEvent;
    const result = (await handle(app)(event, {} as LambdaContext)) as {
      body: string;
      isBase64Encoded: boolean;
      headers: Record<string, string>;
    };
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(Buffer.from(result.body, 'base64')).toString()).toBe(page);
  });
});
