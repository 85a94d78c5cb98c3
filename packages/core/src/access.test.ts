import { describe, expect, it } from 'vitest';
import { accessPolicyOf, checkAccess, markAccess, permits } from './access.ts';
import { Forbidden } from './refusals.ts';

const WRITERS = { kinds: ['org'], roles: ['admin', 'finance'] } as const;

describe('access policies', () => {
  it('admit a member of an admitted kind holding one of the roles', () => {
    expect(permits(WRITERS, { kind: 'org', roles: ['staff', 'finance'] })).toBe(true);
    expect(permits(WRITERS, { kind: 'org', roles: ['staff'] })).toBe(false);
    expect(permits(WRITERS, { kind: 'bureau', roles: ['admin'] })).toBe(false);
    expect(permits({ kinds: ['bureau'], roles: 'any' }, { kind: 'bureau', roles: [] })).toBe(true);
    expect(permits({ public: true, reason: 'a landing page' }, { kind: 'org', roles: [] })).toBe(true);
  });

  it('refuse the others as Forbidden, saying what is missing', () => {
    expect(() => checkAccess(WRITERS, { kind: 'bureau', roles: ['admin'] })).toThrow(
      new Forbidden('This is not available to your kind of organisation'),
    );
    expect(() => checkAccess(WRITERS, { kind: 'org', roles: ['staff'] })).toThrow(/admin, finance/);
  });

  it('let the admitted through without a word, and anyone through a public policy', () => {
    expect(() => checkAccess(WRITERS, { kind: 'org', roles: ['finance'] })).not.toThrow();
    expect(() =>
      checkAccess({ public: true, reason: 'the sign-in page' }, { kind: 'bureau', roles: [] }),
    ).not.toThrow();
    // The kind is checked first: a bureau's admin is told about the kind, not about roles.
    expect(() => checkAccess(WRITERS, { kind: 'bureau', roles: [] })).toThrow(/kind of organisation/);
  });

  it('mark a route so the isolation matrix finds its policy', () => {
    const handler = markAccess(() => undefined, WRITERS);
    expect(accessPolicyOf(handler)).toBe(WRITERS);
    expect(accessPolicyOf(() => undefined)).toBeUndefined();
  });
});
