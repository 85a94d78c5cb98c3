import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './next.ts';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/my/organisation')).toBe('/my/organisation');
    expect(safeNext('/org/../my/organisation')).toBe('/my/organisation');
    expect(safeNext('/platform/tenants?cursor=abc')).toBe('/platform/tenants?cursor=abc');
  });

  it.each([
    ['https://evil.example/'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['/ok\r\nSet-Cookie: x=1'],
    ['/auth/login?next=/auth/login'],
    ['/lang/en'],
    // Paths that only become another origin, or a sign-in path, once normalised.
    ['/..//evil.example'],
    ['/.//evil.example/x'],
    ['/a/..//evil.example'],
    ['/%2e%2e//evil.example'],
    ['/a/../auth/login'],
    ['/x/..//\\evil.example'],
    [''],
    [undefined],
  ])('sends %s home instead', (value) => {
    expect(safeNext(value)).toBe('/');
  });

  it('answers a path on this site for any value: never another origin, // or /\\ once normalised', () => {
    const base = 'https://shegong.invalid';
    const pieces = fc.constantFrom(
      '/',
      '//',
      '\\',
      '.',
      '..',
      '%2e',
      '%2E',
      '%2f',
      'evil.example',
      'a',
      ':',
      '@',
      '?',
      '#',
    );
    const values = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(values, (value) => {
        const next = safeNext(value);
        expect(next.startsWith('/')).toBe(true);
        expect(next.startsWith('//') || next.startsWith('/\\')).toBe(false);
        expect(new URL(next, base).origin).toBe(base);
        expect(safeNext(next)).toBe(next);
      }),
      { numRuns: 2000 },
    );
  });
});
