import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { TenantScope } from '../scope.ts';
import { CROSS_TENANT_PATHS } from './cross-tenant.ts';

const packages = join(import.meta.dirname, '../../..');

/** Every `.across('…')` in the packages' sources (tests aside), by path name. */
function crossingsInSources(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\.(?:across|crossingInto)\(\s*'(\w+)'/g)) {
          found.add(match[1] as string);
        }
      }
    }
  };
  for (const pkg of readdirSync(packages)) walk(join(packages, pkg, 'src'));
  return found;
}

describe('the named cross-tenant paths', () => {
  it('lists exactly the paths the code takes, each with its reason', () => {
    expect([...crossingsInSources()].sort()).toEqual(Object.keys(CROSS_TENANT_PATHS).sort());
    for (const [path, { reason }] of Object.entries(CROSS_TENANT_PATHS))
      expect(reason.length, path).toBeGreaterThan(40);
  });

  it('keeps the tenant and actor and signs with the crossing’s client for its path and target only when crossing', () => {
    const confined = { name: 'confined' } as unknown as DynamoDBDocumentClient;
    const asked: string[] = [];
    const crossings = (path: string, target: string) => {
      asked.push(`${path}→${target}`);
      return { name: `${path}→${target}` } as unknown as DynamoDBDocumentClient;
    };
    const scope = new TenantScope(confined, 'table', 'bureau-1', 'user-1', crossings);
    const crossing = scope.across('reviewDecision', 'org-1');
    expect(scope.client).toBe(confined);
    expect(crossing.client).toEqual({ name: 'reviewDecision→org-1' });
    expect([crossing.tenantId, crossing.actorId, crossing.tableName]).toEqual(['bureau-1', 'user-1', 'table']);
    // Into the target's own repositories: its tenant id, the same actor, the same crossing.
    const into = scope.crossingInto('jurisdictionReads', 'org-2');
    expect([into.tenantId, into.actorId]).toEqual(['org-2', 'user-1']);
    expect(into.client).toEqual({ name: 'jurisdictionReads→org-2' });
    expect(asked).toEqual(['reviewDecision→org-1', 'jurisdictionReads→org-2']);
  });
});
