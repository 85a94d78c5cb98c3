import { describe, expect, it } from 'vitest';
import { safeNext } from './next.ts';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/my/organisation')).toBe('/my/organisation');
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
    [''],
    [undefined],
  ])('sends %s home instead', (value) => {
    expect(safeNext(value)).toBe('/');
  });
});
