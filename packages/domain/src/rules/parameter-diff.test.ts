import { describe, expect, it } from 'vitest';
import { FANGCHENGGANG_2023 } from './fangchenggang.ts';
import { diffParameters, isNationalParameter } from './parameter-diff.ts';
import { RULE_SET_FIELDS } from './parameter-rules.ts';
import type { RuleSetParameters } from './rule-set.ts';

const IN_FORCE = { parameters: FANGCHENGGANG_2023.parameters, illustrative: FANGCHENGGANG_2023.illustrative };

/** The rule set in force with some parameters set anew (a deep copy: the original stays as it was). */
function changed(edit: (p: RuleSetParameters) => void, illustrative = IN_FORCE.illustrative) {
  const parameters = structuredClone(FANGCHENGGANG_2023.parameters);
  edit(parameters);
  return { parameters, illustrative };
}

describe('the parameters a new version changes against the one in force', () => {
  it('lists nothing as changed and every parameter as unchanged when the values are the same', () => {
    const diff = diffParameters(
      IN_FORCE,
      changed(() => {}),
    );
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toEqual(RULE_SET_FIELDS);
  });

  it('lists each changed value with its rule and unit, before and after, in the order of RULE_SET_FIELDS', () => {
    const diff = diffParameters(
      IN_FORCE,
      changed((p) => {
        p.national.maxContractMonths = 24;
        p.payFloor.assistant = 3_300_50;
        p.socialInsurance.medical = 700;
        p.awards.excludeCivilServants = false;
      }),
    );
    expect(diff.changed).toEqual([
      {
        field: { path: 'payFloor.assistant', rule: 'P-W3', unit: 'fen' },
        before: 3_200_00,
        after: 3_300_50,
        illustrative: { before: true, after: true },
      },
      {
        field: { path: 'socialInsurance.medical', rule: 'P-W1', unit: 'bp' },
        before: 680,
        after: 700,
        illustrative: { before: true, after: true },
      },
      {
        field: { path: 'awards.excludeCivilServants', rule: 'P-A6', unit: 'boolean' },
        before: true,
        after: false,
        illustrative: { before: false, after: false },
      },
      {
        field: { path: 'national.maxContractMonths', rule: 'N-1', unit: 'months' },
        before: 12,
        after: 24,
        illustrative: { before: false, after: false },
      },
    ]);
    expect(diff.unchanged).toHaveLength(RULE_SET_FIELDS.length - 4);
    expect(diff.unchanged.map((f) => f.path)).not.toContain('payFloor.assistant');
  });

  it('counts a value newly marked illustrative, or no longer, as a change though the number stays', () => {
    const diff = diffParameters(
      IN_FORCE,
      changed(() => {}, [...IN_FORCE.illustrative.filter((p) => p !== 'taxRate'), 'awards.continuityYears']),
    );
    expect(diff.changed.map((c) => [c.field.path, c.before, c.after, c.illustrative])).toEqual([
      ['taxRate', 300, 300, { before: true, after: false }],
      ['awards.continuityYears', 2, 2, { before: false, after: true }],
    ]);
  });

  it('reads a version published before a defaulted parameter existed as its default, not as a change', () => {
    // Stored before projectionTolerance was a parameter: the schema's default is what it means.
    const { projectionTolerance: _absent, ...older } = FANGCHENGGANG_2023.parameters;
    const stored = { parameters: older as RuleSetParameters, illustrative: IN_FORCE.illustrative };
    expect(diffParameters(stored, IN_FORCE).changed).toEqual([]);
    const raised = diffParameters(
      stored,
      changed((p) => {
        p.projectionTolerance = { share: 200, amount: 100_00 };
      }),
    );
    expect(raised.changed.map((c) => [c.field.path, c.before, c.after])).toEqual([
      ['projectionTolerance.share', 100, 200],
    ]);
  });

  it('with no version in force, lists every parameter as new (nothing before) and none unchanged', () => {
    const diff = diffParameters(undefined, IN_FORCE);
    expect(diff.unchanged).toEqual([]);
    expect(diff.changed.map((c) => c.field)).toEqual(RULE_SET_FIELDS);
    expect(diff.changed.every((c) => c.before === undefined && !c.illustrative.before)).toBe(true);
    expect(diff.changed[0]).toMatchObject({ after: 2_400_00, illustrative: { after: true } });
  });

  it('covers every field of RULE_SET_FIELDS, whatever it holds: each one changed shows up once', () => {
    // Every number +1 and every yes/no flipped, walking the list itself: a parameter added to it is covered.
    const everything = changed((p) => {
      for (const field of RULE_SET_FIELDS) {
        const keys = field.path.split('.');
        const parent = keys.slice(0, -1).reduce<Record<string, unknown>>(
          // An optional group the version lacks (P-A9's rates) is created, its leaves from 0.
          (node, key) => {
            node[key] ??= {};
            return node[key] as Record<string, unknown>;
          },
          p as unknown as Record<string, unknown>,
        );
        const leaf = keys.at(-1) as string;
        parent[leaf] =
          typeof parent[leaf] === 'boolean' ? !parent[leaf] : ((parent[leaf] as number | undefined) ?? 0) + 1;
      }
    });
    const diff = diffParameters(IN_FORCE, everything);
    expect(diff.changed.map((c) => c.field.path)).toEqual(RULE_SET_FIELDS.map((f) => f.path));
    expect(diff.unchanged).toEqual([]);
  });
});

describe('national parameters (N-1 … N-6) apart from the local ones', () => {
  it('are the `national` parameters, each serving a rule N-1 … N-6; no local parameter serves one', () => {
    const national = RULE_SET_FIELDS.filter(isNationalParameter);
    expect(national.map((f) => f.path)).toEqual(
      RULE_SET_FIELDS.filter((f) => f.path.startsWith('national.')).map((f) => f.path),
    );
    expect(national.every((f) => /^N-[1-6]$/.test(f.rule))).toBe(true);
    expect(RULE_SET_FIELDS.filter((f) => !isNationalParameter(f)).some((f) => /^N-[1-6]$/.test(f.rule))).toBe(false);
  });

  it('leaves the management-share cap (N-7, Guangdong practice, not a national regulation) among the local ones', () => {
    const cap = RULE_SET_FIELDS.find((f) => f.path === 'maxManagementShare');
    expect(cap?.rule).toBe('N-7');
    expect(cap && isNationalParameter(cap)).toBe(false);
  });
});
