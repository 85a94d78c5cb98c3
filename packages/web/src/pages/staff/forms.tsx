/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { Refusal } from '@shegong/core';
import {
  CERTIFICATE_LEVELS,
  Certificate,
  CheckedPersonInput,
  ContinuingEducation,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  fenToYuan,
  isHiddenCharacterIssue,
  type Person,
  PersonInput,
  readAmount,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { refusalErrors } from '../../forms/refusals.ts';
import type { Messages } from '../../i18n/index.ts';
import {
  Card,
  type Choice,
  Choices,
  CsrfInput,
  choiceId,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  optionsOf,
  SelectField,
  TextField,
} from '../../layout/components.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import type { StaffMessages } from './figures.tsx';
import { STAFF } from './views.tsx';

/**
 * The staff forms, GOV.UK style: the person's core details on one page, and each certificate,
 * employment period and continuing-education entry added with its own small form. Every form is
 * described by its fields, parsed into the domain's shape and checked by the same schema as the API.
 */

export type Values = Record<string, string>;

/** The fields of the staff forms that are dates (their specs say `kind: 'date'`), read through formDate. */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'employedSince',
  'obtainedOn',
  'registeredOn',
  'registrationExpiresOn',
  'start',
  'end',
  'date',
]);

interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  /** A date is a date picker (a typed 2024/06/23 is read too: formDate); money and hours get a decimal keypad. */
  kind: 'text' | 'date' | 'decimal' | 'radio' | 'select';
  choices?: readonly Choice[];
  width?: 'full' | 'medium' | 'short';
  autocomplete?: string;
}

/** Where an error summary link lands: the input, or for radios the first one. */
function anchor(spec: FieldSpec): string {
  return spec.kind === 'radio' && spec.choices?.[0] ? choiceId(spec.name, spec.choices[0].value) : spec.name;
}

export interface FormSpec {
  title: string;
  lead?: string;
  action: string;
  fields: readonly FieldSpec[];
}

export function FormPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  spec: FormSpec;
  values: Values;
  errors: readonly { field: string; message: string }[];
  crumbs: readonly { label: string; href: string }[];
  cancel: string;
  hidden: Values;
  stale?: boolean;
  /** The submit button's words (保存 by default). */
  submitLabel?: string;
}) {
  const { c, who, spec, values } = props;
  const m = c.var.m;
  const s = m.staff;
  const errors: FieldError[] = props.errors.map((e) => {
    const field = spec.fields.find((f) => f.name === e.field);
    return { ...e, href: field ? anchor(field) : e.field };
  });
  return (
    <Shell c={c} who={who} title={spec.title} crumbs={props.crumbs} lead={spec.lead} here={spec.action}>
      {props.stale ? <Notice tone="error">{s.notices.stale}</Notice> : null}
      <Card>
        <ErrorSummary m={m} errors={errors} />
        <form class="form" method="post" action={spec.action} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          {Object.entries(props.hidden).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          {spec.fields.map((field) =>
            field.kind === 'radio' ? (
              <Choices
                m={m}
                type="radio"
                name={field.name}
                legend={field.label}
                hint={field.hint}
                error={errorFor(errors, field.name)}
                choices={field.choices ?? []}
                selected={values[field.name] ? [values[field.name] as string] : []}
                inline={(field.choices?.length ?? 0) <= 2}
              />
            ) : field.kind === 'select' ? (
              <SelectField
                m={m}
                id={field.name}
                name={field.name}
                label={field.label}
                hint={field.hint}
                error={errorFor(errors, field.name)}
                placeholder={s.form.choose}
                options={field.choices ?? []}
                value={values[field.name]}
              />
            ) : (
              <TextField
                m={m}
                id={field.name}
                name={field.name}
                label={field.label}
                hint={field.hint}
                error={errorFor(errors, field.name)}
                value={values[field.name]}
                width={field.width ?? 'medium'}
                {...(field.kind === 'date' ? { type: 'date' as const } : {})}
                {...(field.kind === 'decimal' ? { inputmode: 'decimal' as const } : {})}
                {...(field.autocomplete ? { autocomplete: field.autocomplete } : {})}
              />
            ),
          )}
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {props.submitLabel ?? s.form.save}
            </button>
            <a class="btn" href={props.cancel}>
              {s.form.cancel}
            </a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

const yesNo = (s: StaffMessages): Choice[] => [
  { value: 'yes', label: s.form.yes },
  { value: 'no', label: s.form.no },
];

/**
 * The fields typed as amounts: what the money module reads them as, their label and the schema
 * that bounds them. A form builds the person with -1 (which no schema takes) where the module
 * refuses the text, and checkPerson then says why in the module's words.
 */
const AMOUNT_FIELDS = {
  monthlyPay: { kind: 'yuan', label: (s: StaffMessages) => s.form.pay, bound: PersonInput.shape.monthlyPay },
  tenthHours: {
    kind: 'hours',
    label: (s: StaffMessages) => s.form.ceHours,
    bound: ContinuingEducation.shape.tenthHours,
  },
} as const;
type AmountFieldName = keyof typeof AMOUNT_FIELDS;

const isAmountField = (field: string): field is AmountFieldName => Object.hasOwn(AMOUNT_FIELDS, field);

/** An amount field's text as the number the person holds, or -1 when it is refused. */
function typedAmount(field: AmountFieldName, text = ''): number {
  const { kind, bound } = AMOUNT_FIELDS[field];
  const read = readAmount(kind, text, bound);
  return read.ok ? read.value : -1;
}

const boolOf = (value: string | undefined) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/**
 * The core details of a person. Adding one also asks when they started here (point 7 of issue
 * 10): the period with this organisation, in its region, that P-A3's run and the years of
 * practice count from. The import asks the same in 本单位入职日期.
 */
export function personForm(
  s: StaffMessages,
  action: string,
  title: string,
  levels: readonly Choice[],
  adding = false,
): FormSpec {
  return {
    title,
    action,
    fields: [
      { name: 'name', label: s.form.name, kind: 'text', autocomplete: 'off' },
      { name: 'idCardNumber', label: s.form.idCard, hint: s.form.idCardHint, kind: 'text', autocomplete: 'off' },
      { name: 'phone', label: s.form.phone, hint: s.form.phoneHint, kind: 'text', width: 'short', autocomplete: 'off' },
      {
        name: 'educationLevel',
        label: s.form.educationLevel,
        kind: 'select',
        choices: optionsOf(EDUCATION_LEVELS, (l) => s.education[l]),
      },
      { name: 'socialWorkMajor', label: s.form.major, kind: 'radio', choices: yesNo(s) },
      {
        name: 'employmentType',
        label: s.form.employmentType,
        kind: 'radio',
        choices: optionsOf(EMPLOYMENT_TYPES, (t) => s.employmentTypes[t]),
      },
      { name: 'ftePercent', label: s.form.ftePercent, hint: s.form.ftePercentHint, kind: 'decimal', width: 'short' },
      { name: 'monthlyPay', label: s.form.pay, hint: s.form.payHint, kind: 'decimal', width: 'short' },
      ...(adding
        ? [
            {
              name: 'employedSince',
              label: s.form.employedSince,
              hint: s.form.employedSinceHint,
              kind: 'date' as const,
              width: 'short' as const,
            },
          ]
        : []),
      ...(levels.length
        ? [{ name: 'ladderLevelId', label: s.form.ladderLevel, kind: 'select' as const, choices: levels }]
        : []),
    ],
  };
}

export const PERSON_FIELDS = [
  'name',
  'idCardNumber',
  'phone',
  'educationLevel',
  'socialWorkMajor',
  'employmentType',
  'ftePercent',
  'monthlyPay',
  'ladderLevelId',
] as const;

/** The add form's fields: the core ones and the start of employment here. */
export const NEW_PERSON_FIELDS = [...PERSON_FIELDS, 'employedSince'] as const;

export function personValues(person: Person): Values {
  return {
    name: person.name,
    idCardNumber: person.idCardNumber,
    phone: person.phone,
    educationLevel: person.education.level,
    socialWorkMajor: person.education.socialWorkMajor ? 'yes' : 'no',
    employmentType: person.employmentType,
    ftePercent: person.ftePercent === undefined ? '' : String(person.ftePercent),
    monthlyPay: fenToYuan(person.monthlyPay),
    ladderLevelId: person.ladderLevelId ?? '',
  };
}

/** A whole percent as typed, or -1 (which the schema refuses) when it is not one. */
const typedPercent = (text = '') => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : -1);

/** This organisation, for the period of employment a new person starts here. */
export interface Employer {
  name: string;
  region: string;
}

/**
 * A person's input from the core form, keeping what the form does not hold (the lists). A new
 * person (`employer` given) starts with one period: social work here from `employedSince`, as the
 * import's 本单位入职日期 says it.
 */
export function personFromForm(values: Values, current?: Person, employer?: Employer): unknown {
  const hired = employer
    ? [{ employer: employer.name, region: employer.region, start: values.employedSince ?? '', socialWork: true }]
    : undefined;
  return {
    name: values.name,
    idCardNumber: values.idCardNumber,
    phone: values.phone,
    education: { level: values.educationLevel || undefined, socialWorkMajor: boolOf(values.socialWorkMajor) },
    employmentType: values.employmentType || undefined,
    ...(values.ftePercent?.trim() ? { ftePercent: typedPercent(values.ftePercent) } : {}),
    monthlyPay: typedAmount('monthlyPay', values.monthlyPay),
    employment: hired ?? current?.employment ?? [],
    certificates: current?.certificates ?? [],
    continuingEducation: current?.continuingEducation ?? [],
    ...(values.ladderLevelId ? { ladderLevelId: values.ladderLevelId } : {}),
  };
}

/** What each small form adds to a person, and where its fields sit in the person. */
export interface ListForm {
  /** The path segment: /org/staff/<id>/<segment>/new. */
  segment: 'certificates' | 'employment' | 'continuing-education';
  list: 'certificates' | 'employment' | 'continuingEducation';
  fields: readonly string[];
  spec(s: StaffMessages, action: string): FormSpec;
  build(values: Values): unknown;
  audit: string;
}

export const LIST_FORMS: readonly ListForm[] = [
  {
    segment: 'certificates',
    list: 'certificates',
    fields: ['level', 'number', 'obtainedOn', 'registeredOn', 'registrationExpiresOn'],
    spec: (s, action) => ({
      title: s.form.certTitle,
      action,
      fields: [
        {
          name: 'level',
          label: s.form.certLevel,
          kind: 'radio',
          choices: optionsOf(CERTIFICATE_LEVELS, (l) => s.certLevels[l]),
        },
        { name: 'number', label: s.form.certNumber, kind: 'text', autocomplete: 'off' },
        { name: 'obtainedOn', label: s.form.obtainedOn, hint: s.form.dateHint, kind: 'date', width: 'short' },
        { name: 'registeredOn', label: s.form.registeredOn, hint: s.form.dateHint, kind: 'date', width: 'short' },
        {
          name: 'registrationExpiresOn',
          label: s.form.registrationExpiresOn,
          hint: s.form.dateHint,
          kind: 'date',
          width: 'short',
        },
      ],
    }),
    build: (v) => ({
      level: v.level || undefined,
      number: v.number,
      obtainedOn: v.obtainedOn,
      ...(v.registeredOn ? { registeredOn: v.registeredOn } : {}),
      ...(v.registrationExpiresOn ? { registrationExpiresOn: v.registrationExpiresOn } : {}),
    }),
    audit: 'person.certificate.add',
  },
  {
    segment: 'employment',
    list: 'employment',
    fields: ['employer', 'region', 'start', 'end', 'socialWork'],
    spec: (s, action) => ({
      title: s.form.employmentTitle,
      action,
      fields: [
        { name: 'employer', label: s.form.employer, kind: 'text' },
        { name: 'region', label: s.form.region, hint: s.form.regionHint, kind: 'text', width: 'short' },
        { name: 'start', label: s.form.start, hint: s.form.dateHint, kind: 'date', width: 'short' },
        { name: 'end', label: s.form.end, hint: s.form.dateHint, kind: 'date', width: 'short' },
        { name: 'socialWork', label: s.form.socialWork, kind: 'radio', choices: yesNo(s) },
      ],
    }),
    build: (v) => ({
      employer: v.employer,
      region: v.region,
      start: v.start,
      ...(v.end ? { end: v.end } : {}),
      socialWork: boolOf(v.socialWork),
    }),
    audit: 'person.employment.add',
  },
  {
    segment: 'continuing-education',
    list: 'continuingEducation',
    fields: ['date', 'tenthHours', 'provider', 'topic'],
    spec: (s, action) => ({
      title: s.form.ceTitle,
      action,
      fields: [
        { name: 'date', label: s.form.ceDate, hint: s.form.dateHint, kind: 'date', width: 'short' },
        { name: 'tenthHours', label: s.form.ceHours, hint: s.form.ceHoursHint, kind: 'decimal', width: 'short' },
        { name: 'provider', label: s.form.provider, kind: 'text' },
        { name: 'topic', label: s.form.topic, kind: 'text' },
      ],
    }),
    build: (v) => ({
      date: v.date,
      tenthHours: typedAmount('tenthHours', v.tenthHours),
      provider: v.provider,
      topic: v.topic,
    }),
    audit: 'person.ce.add',
  },
];

/** Messages for the fields a form names; an unknown field falls back to the first field of the form. */
function messageFor(s: StaffMessages, field: string): string {
  return (s.errors as Record<string, string | undefined>)[field] ?? s.errors.tooMany;
}

/** Why a field failed: for an amount the money module refused, its words; else the field's message. */
function fieldMessage(m: Messages, field: string, values: Values): string {
  if (isAmountField(field)) {
    const { kind, label, bound } = AMOUNT_FIELDS[field];
    const read = readAmount(kind, values[field] ?? '', bound);
    if (!read.ok) return m.errors.amount(label(m.staff), kind, read.refusal);
  }
  return messageFor(m.staff, field);
}

/** The labels of the typed text fields the plain-text rule checks (names, numbers, places, topics). */
const TEXT_LABELS: Record<string, (s: StaffMessages) => string> = {
  name: (s) => s.form.name,
  number: (s) => s.form.certNumber,
  employer: (s) => s.form.employer,
  provider: (s) => s.form.provider,
  topic: (s) => s.form.topic,
};

/**
 * Checks a whole person (the same schema as the API, ID-card check included) and names the
 * failing fields of the form that changed it (`values`, as typed): the core form's fields, or
 * those of one list entry.
 */
export function checkPerson(
  m: Messages,
  candidate: unknown,
  form: { fields: readonly string[]; values: Values; list?: ListForm['list']; index?: number },
): { input: PersonInput } | { errors: { field: string; message: string }[] } {
  const s = m.staff;
  const parsed = CheckedPersonInput.safeParse(candidate);
  if (parsed.success) return { input: parsed.data };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    let field: string;
    if (form.list) {
      field = path[0] === form.list && path[1] === String(form.index) && path[2] ? path[2] : (form.fields[0] as string);
      if (path[0] === form.list && path.length === 1) errors.set(form.fields[0] as string, s.errors.tooMany);
    } else if (path[0] === 'education') field = path[1] === 'level' ? 'educationLevel' : 'socialWorkMajor';
    else if (path[0] === 'employment') field = 'employedSince';
    else field = path[0] ?? (form.fields[0] as string);
    if (!form.fields.includes(field)) field = form.fields[0] as string;
    // Characters nobody can see: said as such (before the field's usual words), naming the field.
    const label = path.at(-1) === field ? TEXT_LABELS[field] : undefined;
    if (label && isHiddenCharacterIssue(issue)) errors.set(field, m.errors.hiddenCharacters(label(s)));
    else if (!errors.has(field)) errors.set(field, fieldMessage(m, field, form.values));
  }
  // In the order of the form, as the summary should read.
  return {
    errors: form.fields.filter((f) => errors.has(f)).map((f) => ({ field: f, message: errors.get(f) as string })),
  };
}

/**
 * What the registry refused in an entry a small form added (N-4: a certificate's registration), as
 * that form's field errors in the page's words: the path's last segment is the field.
 */
export function listFormRefusal(m: Messages, refusal: Refusal, form: { fields: readonly string[] }): FieldError[] {
  const codes = m.staff.refusals;
  return refusalErrors(refusal, {
    field: (path) => {
      const field = path.split('/').at(-1) ?? '';
      return form.fields.includes(field) ? field : (form.fields[0] as string);
    },
    problem: (problem, field) => {
      const a = problem.amounts ?? {};
      if (problem.code === 'registrationTermMismatch')
        return codes.registrationTerm(String(a.expected), Number(a.years));
      if (problem.code === 'registeredBeforeObtained')
        return field === 'registeredOn'
          ? codes.registeredBeforeObtained(String(a.obtainedOn))
          : codes.expiryBeforeObtained(String(a.registeredOn), String(a.obtainedOn));
      return undefined;
    },
  });
}

export const personCrumbs = (s: StaffMessages, person?: Person) => [
  { label: s.title, href: STAFF },
  ...(person ? [{ label: person.name, href: `${STAFF}/${person.id}` }] : []),
];

/**
 * One entry of a person's list checked alone (a member's submission, where the rest of the record
 * is not the page's to send): the same schema and the same words as checkPerson's for the entry.
 */
export function checkListEntry(
  m: Messages,
  list: ListForm,
  values: Values,
): { entry: unknown } | { errors: { field: string; message: string }[] } {
  const schema = list.list === 'certificates' ? Certificate : ContinuingEducation;
  const parsed = schema.safeParse(list.build(values));
  if (parsed.success) return { entry: parsed.data };
  const fields = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    fields.add(list.fields.includes(field) ? field : (list.fields[0] as string));
  }
  return {
    errors: list.fields.filter((f) => fields.has(f)).map((f) => ({ field: f, message: fieldMessage(m, f, values) })),
  };
}
