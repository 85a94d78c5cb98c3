import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidToken, type TokenVerifier } from './token.ts';
import { verifyRemembered } from './verified-tokens.ts';

/** A verifier that counts its calls and answers the given claims. */
function counting(claims: JWTPayload) {
  const calls: string[] = [];
  const verify: TokenVerifier = async (token) => {
    calls.push(token);
    return claims;
  };
  return { verify, calls };
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('verifyRemembered', () => {
  it('checks a token once while it lasts, and each other token on its own', async () => {
    const { verify, calls } = counting({ sub: 'u1', exp: inAnHour() });
    await verifyRemembered(verify, 'token-a');
    expect((await verifyRemembered(verify, 'token-a')).sub).toBe('u1');
    await verifyRemembered(verify, 'token-b');
    expect(calls).toEqual(['token-a', 'token-b']);
  });

  it('refuses a remembered token once it has expired (beyond the minute of skew)', async () => {
    const { verify } = counting({ sub: 'u1', exp: Math.floor(Date.now() / 1000) - 61 });
    await verifyRemembered(verify, 'old'); // the fake verifier accepts it; the cache must not
    await expect(verifyRemembered(verify, 'old')).rejects.toBeInstanceOf(InvalidToken);
  });

  it('remembers nothing a verifier refused', async () => {
    let refuse = true;
    const verify: TokenVerifier = async () => {
      if (refuse) throw new InvalidToken('token rejected');
      return { sub: 'u1', exp: inAnHour() };
    };
    await expect(verifyRemembered(verify, 't')).rejects.toBeInstanceOf(InvalidToken);
    refuse = false;
    expect((await verifyRemembered(verify, 't')).sub).toBe('u1');
  });

  it('keeps one verifier’s tokens apart from another’s', async () => {
    const first = counting({ sub: 'u1', exp: inAnHour() });
    const second = counting({ sub: 'u2', exp: inAnHour() });
    await verifyRemembered(first.verify, 'same');
    expect((await verifyRemembered(second.verify, 'same')).sub).toBe('u2');
  });
});
