import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessFetch } from './in-process-fetch.ts';

describe('inProcessFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers the issuer’s own URLs in-process and sends the rest out', async () => {
    const handled: string[] = [];
    const outside = vi.fn(async () => new Response('outside'));
    vi.stubGlobal('fetch', outside);
    const local = inProcessFetch('http://localhost:3000/local-idp', {
      fetch: (request) => {
        handled.push(`${request.method} ${request.url}`);
        return new Response('inside');
      },
    });
    const token = await local('http://localhost:3000/local-idp/token', { method: 'POST', body: 'a=b' });
    expect(await token.text()).toBe('inside');
    expect(await (await local(new URL('http://localhost:3000/local-idp/.well-known/jwks.json'))).text()).toBe('inside');
    // Only the issuer's path on its own origin: not a look-alike prefix, not another host.
    expect(await (await local('http://localhost:3000/local-idp-evil/token')).text()).toBe('outside');
    expect(await (await local('http://127.0.0.1:3000/local-idp/token')).text()).toBe('outside');
    expect(handled).toEqual([
      'POST http://localhost:3000/local-idp/token',
      'GET http://localhost:3000/local-idp/.well-known/jwks.json',
    ]);
    expect(outside).toHaveBeenCalledTimes(2);
  });
});
