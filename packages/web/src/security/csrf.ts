import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/** A fresh random token (256 bits, base64url). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(value: string | undefined): value is string {
  return value !== undefined && TOKEN_SHAPE.test(value);
}

/** Equal strings, compared in time that does not depend on where they differ. */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Does this unsafe request come from one of our own pages? Browsers send Sec-Fetch-Site, which a
 * page cannot forge; where it is missing, Origin and then Referer must name an allowed origin.
 * The app's Referrer-Policy (no-referrer) makes browsers send `Origin: null` on form posts, so
 * Sec-Fetch-Site is the signal that usually decides. No signal at all is refused.
 */
export function fromSameOrigin(c: Context, allowedOrigins: readonly string[]): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('Origin');
  if (origin && origin !== 'null') return allowedOrigins.includes(origin);
  const referer = c.req.header('Referer');
  if (referer) {
    try {
      return allowedOrigins.includes(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return false;
}
