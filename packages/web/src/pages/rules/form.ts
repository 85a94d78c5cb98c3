import { NewRuleSet, type ParameterField, parameterAt, RULE_SET_FIELDS, type RuleSetParameters } from '@shegong/domain';

/**
 * The publish form speaks yuan and percent; the rule set stores fen and basis points. The
 * conversion parses the decimal text itself (no floating point): '3200.50' yuan is 320050 fen,
 * '6.8' % is 680 bp, exactly.
 */

/** Yuan with at most two decimals → fen; undefined when it is not such a number. */
export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s¥￥]/g, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Percent with at most two decimals → basis points (1 % = 100 bp). */
export function percentToBp(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.replace(/[\s%％]/g, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** fen → '3200' or '3200.50' (what the form shows). */
export function fenToYuan(fen: number): string {
  const cents = fen % 100;
  return cents === 0 ? String(Math.floor(fen / 100)) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`;
}

/** bp → '6.8', '16', '0.45'. */
export function bpToPercent(bp: number): string {
  const hundredths = bp % 100;
  if (hundredths === 0) return String(Math.floor(bp / 100));
  return `${Math.floor(bp / 100)}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
}

const WHOLE = /^\d{1,9}$/;

/** The form field of a parameter: its name is the dotted path, its id safe for links and CSS. */
export const fieldId = (path: string) => `p-${path.replace(/\./g, '-')}`;

export interface RuleSetForm {
  values: Record<string, string>;
  illustrative: string[];
}

/** What the form shows for a rule set (the one in force prefills a new version). */
export function formOf(input: Pick<NewRuleSet, 'region' | 'parameters' | 'illustrative'>, today: string): RuleSetForm {
  const values: Record<string, string> = { region: input.region, effectiveFrom: today, title: '', notes: '' };
  for (const field of RULE_SET_FIELDS) values[field.path] = display(field, input.parameters);
  return { values, illustrative: [...input.illustrative] };
}

function display(field: ParameterField, parameters: RuleSetParameters): string {
  const value = parameterAt(parameters, field.path);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === undefined) return '';
  return field.unit === 'fen' ? fenToYuan(value) : field.unit === 'bp' ? bpToPercent(value) : String(value);
}

/** Why a value could not be read as its unit (the page turns it into a message). */
export type Unreadable = 'money' | 'percent' | 'whole';

/**
 * Reads the form into a NewRuleSet. Values that are not numbers of their unit are reported by
 * field name before the schema sees them; the schema's own issues come back with their paths.
 */
export function readRuleSetForm(
  form: RuleSetForm,
):
  | { ok: true; input: NewRuleSet }
  | { ok: false; unreadable: { field: string; why: Unreadable }[]; issues: { field: string; message: string }[] } {
  const unreadable: { field: string; why: Unreadable }[] = [];
  const parameters: Record<string, unknown> = {};
  for (const field of RULE_SET_FIELDS) {
    const text = (form.values[field.path] ?? '').trim();
    let value: number | boolean | undefined;
    if (field.unit === 'boolean') value = text === 'yes';
    else if (field.unit === 'fen') value = yuanToFen(text);
    else if (field.unit === 'bp') value = percentToBp(text);
    else value = WHOLE.test(text) ? Number(text) : undefined;
    if (value === undefined) {
      unreadable.push({
        field: field.path,
        why: field.unit === 'fen' ? 'money' : field.unit === 'bp' ? 'percent' : 'whole',
      });
      continue;
    }
    setAt(parameters, field.path, value);
  }
  const notes = (form.values.notes ?? '').trim();
  const parsed = NewRuleSet.safeParse({
    region: form.values.region ?? '',
    effectiveFrom: form.values.effectiveFrom ?? '',
    title: form.values.title ?? '',
    ...(notes ? { notes } : {}),
    illustrative: form.illustrative,
    parameters,
  });
  // Unreadable values leave holes the schema also reports: those issues are dropped, the
  // unreadable message says it better.
  const holes = new Set(unreadable.map((u) => `parameters.${u.field}`));
  const issues = parsed.success
    ? []
    : parsed.error.issues
        .map((i) => ({ field: i.path.map(String).join('.'), message: i.message }))
        .map((i) => ({
          ...i,
          field: i.field.startsWith('parameters.') ? i.field.slice('parameters.'.length) : i.field,
        }))
        .filter((i) => !holes.has(`parameters.${i.field}`));
  if (unreadable.length || !parsed.success) return { ok: false, unreadable, issues };
  return { ok: true, input: parsed.data };
}

function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}

/** The form a browser posts for a rule set (tests post it; the page renders the same names). */
export function ruleSetFormFields(
  input: NewRuleSet,
  extra: Record<string, string> = {},
): Record<string, string | string[]> {
  const { values, illustrative } = formOf(input, input.effectiveFrom);
  return {
    ...values,
    title: input.title,
    notes: input.notes ?? '',
    illustrative,
    ...extra,
  };
}
