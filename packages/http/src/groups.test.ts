import { describe, expect, it } from 'vitest';
import { firstSegment, ROUTE_GROUPS } from './groups.ts';

describe('the route groups of /v1', () => {
  it('declare the first segment of every route they hold, so a request loads every group that may match it', async () => {
    const undeclared: string[] = [];
    for (const group of ROUTE_GROUPS) {
      for (const route of (await group.load()).routes) {
        const segment = firstSegment(`/v1${route.path}`);
        if (!segment || !group.segments.includes(segment)) undeclared.push(`${route.method} ${route.path}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('declare no segment none of their routes has: it would load a group for nothing', async () => {
    const unused: string[] = [];
    for (const group of ROUTE_GROUPS) {
      const routes = (await group.load()).routes.map((route) => firstSegment(`/v1${route.path}`));
      unused.push(...group.segments.filter((segment) => !routes.includes(segment)));
    }
    expect(unused).toEqual([]);
  });

  it('take the first segment of a path under /v1 only', () => {
    expect(firstSegment('/v1/contracts/c1/actuals')).toBe('contracts');
    expect(firstSegment('/v1/me')).toBe('me');
    expect(firstSegment('/v1')).toBeUndefined();
    expect(firstSegment('/v1me')).toBeUndefined();
    expect(firstSegment('/my/organisation')).toBeUndefined();
  });
});
