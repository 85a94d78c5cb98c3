import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthorizationCodes, isAllowedRedirect, parseAuthorization, verifierMatches } from './authorization.ts';

const base = 'http://localhost:3000';
const expected = { clientId: 'shegong-local', baseUrl: base };
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const challenge = createHash('sha256').update(verifier).digest('base64url');
const valid = {
  client_id: 'shegong-local',
  redirect_uri: `${base}/auth/callback`,
  response_type: 'code',
  scope: 'openid email profile',
  state: 's1',
  nonce: 'n1',
  code_challenge: challenge,
  code_challenge_method: 'S256',
};

describe('redirect addresses', () => {
  it.each([
    [`${base}/auth/callback`, true],
    ['http://127.0.0.1:41234/auth/callback', true],
    ['http://localhost:5173/auth/callback', true],
    ['https://evil.example/auth/callback', false],
    [`${base}/elsewhere`, false],
    [`${base}/auth/callback#x`, false],
    ['http://user:pw@localhost:3000/auth/callback', false],
    ['not a url', false],
  ])('%s → %s', (uri, allowed) => expect(isAllowedRedirect(uri, base)).toBe(allowed));
});

describe('authorization requests', () => {
  it('accepts a PKCE code request', () => {
    const parsed = parseAuthorization(valid, expected);
    expect(parsed).toMatchObject({ ok: true, request: { state: 's1', nonce: 'n1', codeChallenge: challenge } });
  });

  it('shows an unknown client or return address on its own page, never redirecting', () => {
    expect(parseAuthorization({ ...valid, client_id: 'other' }, expected)).toMatchObject({ ok: false, page: {} });
    expect(
      parseAuthorization({ ...valid, redirect_uri: 'https://evil.example/auth/callback' }, expected),
    ).toMatchObject({
      ok: false,
      page: {},
    });
  });

  it('sends other errors back to the client with its state', () => {
    const parsed = parseAuthorization({ ...valid, code_challenge_method: 'plain' }, expected);
    expect(parsed.ok).toBe(false);
    const url = new URL((parsed as { redirect: string }).redirect);
    expect(url.searchParams.get('error')).toBe('invalid_request');
    expect(url.searchParams.get('state')).toBe('s1');
  });
});

describe('codes', () => {
  it('are single-use and expire after 60 s', () => {
    let now = 0;
    const codes = new AuthorizationCodes(() => now);
    const grant = {
      request: { clientId: 'c', redirectUri: 'r', scope: 'openid', codeChallenge: challenge },
      email: 'a@b.c',
      authTime: 0,
    };
    const first = codes.issue(grant);
    expect(codes.redeem(first)).toEqual(grant);
    expect(codes.redeem(first)).toBeUndefined();
    const second = codes.issue(grant);
    now = 60_000;
    expect(codes.redeem(second)).toBeUndefined();
  });

  it('check the PKCE verifier', () => {
    expect(verifierMatches(verifier, challenge)).toBe(true);
    expect(verifierMatches(`${verifier}x`, challenge)).toBe(false);
    expect(verifierMatches(undefined, challenge)).toBe(false);
  });
});
