import { allFamilies, dataAccessStatements, keyFamilies, keys, ruleSetKeyFamilies, ruleSetKeys } from '@shegong/store';
import { describe, expect, it } from 'vitest';
import { allowingStatement, stringLike } from '../support/iam.ts';

/**
 * Every key family of the table is classified for the data-access policy (store/access/families.ts),
 * and classified right: the partitions each member of keys.ts builds match its family's patterns.
 * A member added to keys.ts without a family fails here (and at compile time).
 */

const ARG = 'X1';
const TAGS = { tenant: ARG, region: ARG } as const;

/** What IAM sees of a member: the partitions (base `pk`, index `gsi*pk`) it builds, or the string it is. */
function partitionsOf(member: unknown): string[] {
  const value =
    typeof member === 'function' ? (member as (...a: unknown[]) => unknown)(ARG, ARG, ARG, ARG, ARG, ARG) : member;
  if (typeof value === 'string') return [value];
  return Object.entries(value as Record<string, string>)
    .filter(([name]) => /^(pk|gsi\dpk)$/.test(name))
    .map(([, partition]) => partition);
}

const substituted = (pattern: string, tags: Record<string, string>) =>
  pattern.replace(/\$\{aws:PrincipalTag\/(\w+)\}/g, (_, k: string) => tags[k] ?? '\u0000');

const families = { ...keyFamilies, ...ruleSetKeyFamilies } as Record<string, (typeof keyFamilies)['tenant']>;
const members = { ...keys, ...ruleSetKeys } as Record<string, unknown>;

describe('key families', () => {
  it('classifies every member of keys.ts and rule-sets.ts, and nothing that is not one', () => {
    expect(Object.keys(keyFamilies).sort()).toEqual(Object.keys(keys).sort());
    expect(Object.keys(ruleSetKeyFamilies).sort()).toEqual(Object.keys(ruleSetKeys).sort());
  });

  it.each(Object.keys(members))('%s builds partitions its family names', (name) => {
    const family = families[name]!;
    if (family.holder === 'sortKey') return;
    for (const partition of partitionsOf(members[name])) {
      expect(
        family.patterns.some((p) => stringLike(substituted(p, TAGS), partition)),
        partition,
      ).toBe(true);
      // The exact partitions a crossing's session policy names (cross-tenant.ts) match too.
      if (family.partitions) {
        expect(
          family.partitions.some((p) => stringLike(substituted(p, TAGS), partition)),
          `${name}: ${partition}`,
        ).toBe(true);
      }
    }
  });

  it('a tenant family matches its own tenant only', () => {
    for (const [name, family] of Object.entries(families).filter(([, f]) => f.holder === 'tenant')) {
      for (const partition of partitionsOf(members[name])) {
        const other = { tenant: 'X2', region: ARG };
        expect(
          family.patterns.some((p) => stringLike(substituted(p, other), partition)),
          `${name}: ${partition}`,
        ).toBe(false);
      }
    }
  });

  it('gives every family open beyond a tenant or a city its reason', () => {
    for (const family of allFamilies()) {
      if (family.holder === 'global' || family.holder === 'published' || family.holder === 'regionSum') {
        expect(family.reason, family.patterns.join()).toMatch(/.{20,}/);
      }
    }
  });

  it('every family’s partitions are allowed to some session by the generated policy', () => {
    const statements = dataAccessStatements({ table: 't', indexes: ['t/index/scope'] });
    const sessions = [
      { tenant: ARG, region: ARG, kind: 'org' },
      { tenant: ARG, region: ARG, kind: 'bureau' },
      { tenant: ARG, region: ARG, kind: 'platform' },
    ];
    for (const [name, family] of Object.entries(families)) {
      if (family.holder === 'sortKey') continue;
      for (const partition of partitionsOf(members[name])) {
        const reachable = sessions.some((tags) =>
          ['t', 't/index/scope'].some((resource) =>
            allowingStatement(
              statements,
              tags,
              {
                action: 'dynamodb:Query',
                ...(resource === 't' ? {} : { index: 'scope' }),
                leadingKeys: [partition],
              },
              { table: 't', indexes: ['t/index/scope'] },
            ),
          ),
        );
        expect(reachable, `${name}: ${partition}`).toBe(true);
      }
    }
  });
});
