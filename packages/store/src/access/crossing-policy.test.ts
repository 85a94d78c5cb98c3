import { describe, expect, it } from 'vitest';
import { CROSS_TENANT_PATHS, type CrossingDeclaration, type CrossTenantPath } from './cross-tenant.ts';
import { CrossingCredentials } from './crossing-credentials.ts';
import { crossingRoleStatements, crossingSessionPolicy, crossingStatements, TARGET } from './crossing-policy.ts';
import { keyFamilies, TENANT } from './families.ts';

const paths = Object.keys(CROSS_TENANT_PATHS) as CrossTenantPath[];
const CALLER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const TARGET_ID = '0190a1b2-c3d4-7e5f-8a9b-9c8d7e6f5a4b';
const keysOf = (statement: { Condition: Record<string, Record<string, string | string[]>> }) =>
  statement.Condition['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[];

describe('the crossings’ IAM, generated from their declarations', () => {
  it('declares tenant families on the two sides and value-keyed families as shared', () => {
    for (const path of paths) {
      const declared: CrossingDeclaration = CROSS_TENANT_PATHS[path];
      for (const side of [declared.caller, declared.target]) {
        for (const name of [...(side?.read ?? []), ...(side?.write ?? [])]) {
          expect(keyFamilies[name].holder, `${path}: ${name}`).toBe('tenant');
        }
      }
      for (const name of [...(declared.shared?.read ?? []), ...(declared.shared?.write ?? [])]) {
        expect(['global', 'regionSum'], `${path}: ${name}`).toContain(keyFamilies[name].holder);
      }
    }
  });

  it.each(paths)('%s: its session policy names its two tenants only and fits in STS’s 2 048 characters', (path) => {
    const policy = crossingSessionPolicy(path, CALLER, TARGET_ID);
    expect(policy.length).toBeLessThanOrEqual(2048);
    for (const statement of crossingStatements(path, CALLER, TARGET_ID)) {
      expect(statement.Action).not.toContain('dynamodb:Scan');
      for (const pattern of keysOf(statement).filter((p) => p.startsWith('T#'))) {
        expect([`T#${CALLER}`, `T#${TARGET_ID}`], pattern).toContain(/^T#[^#]+/.exec(pattern)![0]);
        // No tenant-wide wildcard: a collection is named exactly (a `*` only after its name).
        expect(pattern, pattern).not.toMatch(/^T#[^#]+#\*$/);
      }
    }
  });

  it('opens what a path declares, read or written as declared', () => {
    const decision = crossingStatements('reviewDecision', CALLER, TARGET_ID);
    const write = keysOf(decision.find((s) => s.Sid === 'CrossingWrite')!);
    expect(write).toEqual(
      expect.arrayContaining([`T#${TARGET_ID}`, `T#${TARGET_ID}#AUDIT`, `T#${CALLER}`, 'R#*#REGSUM']),
    );
    expect(write).not.toContain(`T#${TARGET_ID}#IDCARD`);
    // A read-only path has no write statement at all, and reads the target alone.
    const reads = crossingStatements('jurisdictionReads', CALLER, TARGET_ID);
    expect(reads.map((s) => s.Sid)).toEqual(['CrossingRead']);
    expect(keysOf(reads[0]!).every((p) => p.startsWith(`T#${TARGET_ID}`))).toBe(true);
  });

  it('gives the crossing role the union of the paths, under the caller’s and the target’s tags', () => {
    const [read, write] = crossingRoleStatements({ table: 'TABLE', indexes: ['INDEX'] });
    expect(read!.Resource).toEqual(['TABLE', 'INDEX']);
    expect(write!.Resource).toEqual(['TABLE']);
    const tenants = new Set(
      keysOf(read!)
        .map((p) => /^T#([^#]+)/.exec(p)?.[1])
        .filter(Boolean),
    );
    expect([...tenants].sort()).toEqual([TENANT, TARGET].map((t) => t).sort());
    expect(keysOf(write!)).toContain(`T#${TARGET}#AUDIT`);
    expect(keysOf(write!)).not.toContain(`T#${TARGET}#IDCARD`);
  });
});

describe('crossing credentials', () => {
  it('keeps one client per path, caller and target, the most recently used, up to its bound (no AWS call until used)', () => {
    const credentials = new CrossingCredentials({
      roleArn: 'arn:aws:iam::111122223333:role/crossing',
      region: 'ap-southeast-1',
      maxCrossings: 2,
    });
    const review = credentials.clientFor('reviewDecision', 'bureau', 'org-1');
    expect(credentials.clientFor('reviewDecision', 'bureau', 'org-1')).toBe(review);
    // Another target or another path is another session (its own tags and session policy).
    const other = credentials.clientFor('reviewDecision', 'bureau', 'org-2');
    expect(other).not.toBe(review);
    credentials.clientFor('reviewDecision', 'bureau', 'org-1');
    const reads = credentials.clientFor('jurisdictionReads', 'bureau', 'org-1');
    expect(reads).not.toBe(review);
    // org-1's review was used after org-2's, so org-2's is the one dropped.
    expect(credentials.clientFor('reviewDecision', 'bureau', 'org-1')).toBe(review);
    expect(credentials.clientFor('reviewDecision', 'bureau', 'org-2')).not.toBe(other);
  });
});
