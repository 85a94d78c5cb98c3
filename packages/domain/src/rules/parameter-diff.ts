import { type ParameterField, parameterAt, RULE_SET_FIELDS } from './parameter-rules.ts';
import { type RuleSet, RuleSetParameters } from './rule-set.ts';

/**
 * What a new version of a rule set changes against the version in force, parameter by parameter,
 * so a bureau sees what it is about to publish for good (a published version is never edited).
 * It walks RULE_SET_FIELDS, so a parameter added there is compared without a change here.
 */

/**
 * The national defaults a bureau may change (N-1 … N-6), kept apart from its local parameters on
 * every page. They are the schema's `national` parameters. N-7's management-share cap is not among
 * them: POLICY.md gives it as Guangdong practice, not a national regulation, and it sits with the
 * local budget shares it is checked with.
 */
export const isNationalParameter = (field: Pick<ParameterField, 'path'>): boolean => field.path.startsWith('national.');

export type ParameterValue = number | boolean | string | undefined;

/** One parameter whose value, or whose illustrative mark, differs. `before` is undefined with nothing to compare. */
export interface ParameterChange {
  field: ParameterField;
  before: ParameterValue;
  after: ParameterValue;
  illustrative: { before: boolean; after: boolean };
}

export interface ParameterDiff {
  /** In the order of RULE_SET_FIELDS. */
  changed: ParameterChange[];
  unchanged: ParameterField[];
}

type Compared = Pick<RuleSet, 'parameters' | 'illustrative'>;

/**
 * A stored version's parameters as they read today: a version published before a parameter with a
 * default existed means that default (the schema fills it in), so it is not shown as a change.
 */
function parsedParameters(parameters: RuleSetParameters): RuleSetParameters {
  const read = RuleSetParameters.safeParse(parameters);
  return read.success ? read.data : parameters;
}

/** The parameters `after` changes against `before` (the version in force; undefined when none is). */
export function diffParameters(before: Compared | undefined, after: Compared): ParameterDiff {
  const old = before ? parsedParameters(before.parameters) : undefined;
  const next = parsedParameters(after.parameters);
  const markedBefore = new Set(before?.illustrative ?? []);
  const markedAfter = new Set(after.illustrative);
  const diff: ParameterDiff = { changed: [], unchanged: [] };
  for (const field of RULE_SET_FIELDS) {
    const change: ParameterChange = {
      field,
      before: old ? parameterAt(old, field.path) : undefined,
      after: parameterAt(next, field.path),
      illustrative: { before: markedBefore.has(field.path), after: markedAfter.has(field.path) },
    };
    const same =
      old !== undefined && change.before === change.after && change.illustrative.before === change.illustrative.after;
    if (same) diff.unchanged.push(field);
    else diff.changed.push(change);
  }
  return diff;
}
