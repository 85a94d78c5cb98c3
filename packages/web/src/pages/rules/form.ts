import {
  type AmountRefusal,
  type Bounded,
  bpToPercent,
  fenToYuan,
  isHiddenCharacterIssue,
  NewRuleSet,
  type ParameterField,
  parameterAt,
  RULE_SET_FIELDS,
  RuleSetParameters,
  readAmount,
  withParameterDefaults,
} from '@shegong/domain';

/**
 * The publish form speaks yuan and percent; the rule set stores fen and basis points. The money
 * module converts them exactly (no floating point): '3200.50' yuan is 320050 fen, '6.8' % is 680 bp.
 */

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
  const { parameters } = withParameterDefaults(input);
  for (const field of RULE_SET_FIELDS) values[field.path] = display(field, parameters);
  return { values, illustrative: [...input.illustrative] };
}

function display(field: ParameterField, parameters: RuleSetParameters): string {
  const value = parameterAt(parameters, field.path);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return field.unit === 'fen' ? fenToYuan(value) : field.unit === 'bp' ? bpToPercent(value) : String(value);
}

/** A value that could not be read as its unit: the money module's refusal, or not a whole number. */
export type Unreadable =
  | { field: string; kind: 'yuan' | 'percent'; refusal: AmountRefusal }
  | { field: string; kind: 'whole' };

/** The fields of an object schema, through an optional wrapper (P-A8's and P-A9's amounts). */
function shapeOf(node: unknown): Record<string, unknown> | undefined {
  const n = node as { shape?: Record<string, unknown>; unwrap?: () => unknown } | undefined;
  return n?.shape ?? (n?.unwrap ? shapeOf(n.unwrap()) : undefined);
}

/** A parameter's own schema, by its dotted path: it holds the parameter's bound. */
function schemaAt(path: string): Bounded | undefined {
  let node: unknown = RuleSetParameters;
  for (const key of path.split('.')) node = shapeOf(node)?.[key];
  return node as Bounded | undefined;
}

/**
 * Reads the form into a NewRuleSet. Values that are not numbers of their unit, or above their
 * parameter's bound, are reported by field name before the schema sees them; the schema's own
 * issues come back with their paths.
 */
export function readRuleSetForm(
  form: RuleSetForm,
):
  | { ok: true; input: NewRuleSet }
  | { ok: false; unreadable: Unreadable[]; issues: { field: string; message: string; hidden: boolean }[] } {
  const unreadable: Unreadable[] = [];
  const parameters: Record<string, unknown> = {};
  for (const field of RULE_SET_FIELDS) {
    const text = (form.values[field.path] ?? '').trim();
    // An optional parameter left empty stays absent: its reader takes the default (or, for P-A9's
    // rates, none published).
    if (field.optional && !text) continue;
    if (field.unit === 'boolean') {
      setAt(parameters, field.path, text === 'yes');
    } else if (field.unit === 'region') {
      // Left empty, the rule set takes the default (the city of its region); the schema checks a code.
      if (text) setAt(parameters, field.path, text);
    } else if (field.unit === 'fen' || field.unit === 'bp') {
      const kind = field.unit === 'fen' ? 'yuan' : 'percent';
      const read = readAmount(kind, text, schemaAt(field.path));
      if (read.ok) setAt(parameters, field.path, read.value);
      else unreadable.push({ field: field.path, kind, refusal: read.refusal });
    } else if (WHOLE.test(text)) {
      setAt(parameters, field.path, Number(text));
    } else {
      unreadable.push({ field: field.path, kind: 'whole' });
    }
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
        .map((i) => ({ field: i.path.map(String).join('.'), message: i.message, hidden: isHiddenCharacterIssue(i) }))
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
