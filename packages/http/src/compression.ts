import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/**
 * Below this a response goes as it is: the encoding's own overhead and the CPU are not worth the
 * few hundred bytes a small JSON answer or a 204 could save.
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Text compresses (pages, JSON and problems, CSS, JS, CSV, SVG); workbooks, zips and images are
 * compressed already, and anything else is left alone rather than guessed at.
 */
const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|javascript|xml)|image\/svg\+xml)/i;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Compresses text responses with brotli or gzip, whichever the client accepts (brotli first: it
 * makes pages about a fifth smaller than gzip does). Behind API Gateway's HTTP API, which does not
 * compress, this is what compresses the Lambda's answers: hono/aws-lambda sends a body with a
 * Content-Encoding base64-encoded, and API Gateway decodes it to the bytes the client receives.
 * Hono's own `compress` knows only gzip and deflate and compresses a small body it cannot measure.
 *
 * The body is buffered (responses here are whole pages and JSON, a few hundred KB at most; streams
 * of workbooks are not text). An ETag is kept as it is: here it names the item's version for
 * If-Match, which the encoding does not change.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD' || !compressible(c.res)) return;
    // Whether compressed or not, this answer depends on Accept-Encoding: a cache must know.
    c.res.headers.append('Vary', 'Accept-Encoding');
    const encoding = chosenEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    if (body.byteLength < COMPRESSION_THRESHOLD) return;
    const compressed =
      encoding === 'br'
        ? await brotli(body, {
            params: {
              // Quality 5: most of brotli's gain at a few milliseconds for a large page (11 takes tens).
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            },
          })
        : await gzipped(body);
    const headers = new Headers(c.res.headers);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.byteLength));
    c.res = new Response(compressed, { status: c.res.status, statusText: c.res.statusText, headers });
  };
}

function compressible(response: Response): boolean {
  if (!response.body || response.status === 204 || response.status === 206 || response.status === 304) return false;
  if (response.headers.has('Content-Encoding')) return false;
  // A stream of events is answered as it goes: buffering it would hold it back.
  if (/^text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) return false;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(response.headers.get('Cache-Control') ?? '')) return false;
  return COMPRESSIBLE.test(response.headers.get('Content-Type') ?? '');
}

/** `br` or `gzip` if the client accepts it (a q of 0 refuses); undefined for neither. */
export function chosenEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (quality('br') > 0 && quality('br') >= quality('gzip')) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return undefined;
}
