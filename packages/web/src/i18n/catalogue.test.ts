import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** Key paths of a catalogue, with the kind of each leaf (text, list or sentence function). */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}:fn${value.length}`];
  if (Array.isArray(value)) return [`${prefix}:list${value.length}`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix}:text`];
}

describe('message catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    expect(shape(en).sort()).toEqual(shape(zhCN).sort());
  });

  it('have no empty message', () => {
    for (const catalogue of [zhCN, en]) {
      const empty = shape(catalogue).filter((entry) => {
        const path = entry.split(':')[0] as string;
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue);
        return typeof value === 'string' && value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('name every role and kind the domain knows', async () => {
    const { ALL_ROLES, TENANT_KINDS } = await import('@shegong/domain');
    for (const catalogue of [zhCN, en]) {
      for (const role of ALL_ROLES) expect(catalogue.roles[role]).toBeTruthy();
      for (const kind of TENANT_KINDS) expect(catalogue.kinds[kind]).toBeTruthy();
    }
  });

  it("explain every rule id a badge can show: the rule set's parameters and every finding's", async () => {
    const { FINDING_RULE_IDS, RULE_SET_FIELDS } = await import('@shegong/domain');
    const ids = new Set([...RULE_SET_FIELDS.map((f) => f.rule), ...FINDING_RULE_IDS]);
    for (const catalogue of [zhCN, en]) {
      const unexplained = [...ids].filter((id) => !Object.hasOwn(catalogue.policyRules, id));
      expect(unexplained).toEqual([]);
    }
  });
});
