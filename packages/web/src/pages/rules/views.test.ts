import { isNationalParameter, RULE_SET_FIELDS } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { parameterGroups, SCOPES } from './views.tsx';

describe('the groups a rule set is shown and edited in', () => {
  it('hold every parameter exactly once, the national ones (N-1 … N-6) only in the national scope', () => {
    for (const m of [zhCN, en]) {
      const shown = SCOPES.flatMap((scope) =>
        parameterGroups(m, scope).flatMap((g) => g.fields.map((f) => [scope, f.path] as const)),
      );
      expect(shown.map(([, path]) => path).sort()).toEqual(RULE_SET_FIELDS.map((f) => f.path).sort());
      for (const [scope, path] of shown) expect(scope === 'national').toBe(isNationalParameter({ path }));
    }
  });

  it('name each group in both languages; national ones by the rule they serve, in rule order', () => {
    for (const m of [zhCN, en]) {
      for (const scope of SCOPES) for (const g of parameterGroups(m, scope)) expect(g.title).not.toBe(g.key);
      expect(parameterGroups(m, 'national').map((g) => g.key)).toEqual(['N-1', 'N-4', 'N-5', 'N-6']);
    }
    expect(
      parameterGroups(zhCN, 'local')
        .find((g) => g.key === 'actuals')
        ?.fields.map((f) => f.path),
    ).toEqual(['projectionTolerance.share', 'projectionTolerance.amount']);
  });
});
