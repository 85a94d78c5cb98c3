import { describe, expect, it } from 'vitest';
import { actuals } from './actuals/routes.ts';
import { contractExports } from './contracts/exports.ts';
import { contracts } from './contracts/routes.ts';
import { groupsFor, prefixesOf, prefixOfRoute, ROUTE_GROUPS } from './groups.ts';
import { history } from './history/routes.ts';
import { me } from './me/routes.ts';

describe('the route groups of /v1', () => {
  it('declare the prefix of every route they hold, so a request loads every group that may match it', async () => {
    const undeclared: string[] = [];
    for (const group of ROUTE_GROUPS) {
      for (const route of (await group.load()).routes) {
        if (!group.prefixes.includes(prefixOfRoute(route.path))) undeclared.push(`${route.method} ${route.path}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('declare no prefix none of their routes has: it would load a group for nothing', async () => {
    const unused: string[] = [];
    for (const group of ROUTE_GROUPS) {
      const routes = (await group.load()).routes.map((route) => prefixOfRoute(route.path));
      unused.push(...group.prefixes.filter((prefix) => !routes.includes(prefix)));
    }
    expect(unused).toEqual([]);
  });

  it('take the first two segments of a path under /v1, the second also as any parameter', () => {
    expect(prefixesOf('/v1/contracts/c1/actuals')).toEqual(['contracts/c1', 'contracts/*']);
    expect(prefixesOf('/v1/contracts/preview')).toEqual(['contracts/preview', 'contracts/*']);
    expect(prefixesOf('/v1/me')).toEqual(['me']);
    expect(prefixesOf('/v1')).toBeUndefined();
    expect(prefixesOf('/v1me')).toBeUndefined();
    expect(prefixesOf('/my/organisation')).toBeUndefined();
  });

  it('write a route parameter or wildcard in second place as *, and refuse one in first place', () => {
    expect(prefixOfRoute('/contracts/:contractId/actuals')).toBe('contracts/*');
    expect(prefixOfRoute('/contracts/preview')).toBe('contracts/preview');
    expect(prefixOfRoute('/contracts/*')).toBe('contracts/*');
    expect(prefixOfRoute('/me')).toBe('me');
    expect(() => prefixOfRoute('/:tenantId/users')).toThrow(/fixed first segment/);
  });

  it('load for GET /v1/me the group of /me alone, and for a contract every group of /contracts/{id}', async () => {
    const loaded = (path: string) => Promise.all(groupsFor(path).map((group) => group.load()));
    expect(await loaded('/v1/me')).toEqual([me]);
    expect(await loaded('/v1/contracts')).toEqual([contracts]);
    expect(await loaded('/v1/contracts/c1')).toEqual([contractExports, actuals, history, contracts]);
    expect(await loaded('/v1/nowhere')).toEqual([]);
  });
});
