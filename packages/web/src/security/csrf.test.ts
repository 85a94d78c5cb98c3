import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { fromSameOrigin, isTokenShaped, randomToken, sameSecret } from './csrf.ts';

describe('CSRF tokens', () => {
  it('are random and 43 base64url characters', () => {
    const a = randomToken();
    expect(isTokenShaped(a)).toBe(true);
    expect(a).not.toBe(randomToken());
  });

  it('compare equal only when identical', () => {
    const token = randomToken();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token, `${token.slice(0, -1)}x`)).toBe(token.endsWith('x'));
    expect(sameSecret(token, token.slice(1))).toBe(false);
    expect(sameSecret(token, undefined)).toBe(false);
    expect(sameSecret('', '')).toBe(false);
  });
});

describe('fromSameOrigin', () => {
  const app = new Hono().post('/', (c) => c.text(String(fromSameOrigin(c, ['https://shegong.example']))));
  const check = async (headers: Record<string, string>) =>
    (await app.request('https://shegong.example/', { method: 'POST', headers })).text();

  it('trusts Sec-Fetch-Site first', async () => {
    expect(await check({ 'Sec-Fetch-Site': 'same-origin', Origin: 'null' })).toBe('true');
    expect(await check({ 'Sec-Fetch-Site': 'cross-site', Origin: 'https://shegong.example' })).toBe('false');
    expect(await check({ 'Sec-Fetch-Site': 'same-site' })).toBe('false');
  });

  it('falls back to Origin, then Referer', async () => {
    expect(await check({ Origin: 'https://shegong.example' })).toBe('true');
    expect(await check({ Origin: 'https://evil.example' })).toBe('false');
    expect(await check({ Referer: 'https://shegong.example/my/organisation' })).toBe('true');
    expect(await check({ Origin: 'null', Referer: 'https://evil.example/' })).toBe('false');
  });

  it('refuses a request with no sign of where it came from', async () => {
    expect(await check({})).toBe('false');
  });
});
