/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { asRefusal, Conflict, type Refusal } from '@shegong/core';
import { ORGANISATION_KINDS, SERVICES } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import type { PostedFields } from '../../forms/form.ts';
import { refusalErrors, refusedInput } from '../../forms/refusals.ts';
import type { Messages } from '../../i18n/index.ts';
import {
  Choices,
  CsrfInput,
  choiceId,
  ErrorSummary,
  errorFor,
  type FieldError,
  optionsOf,
  TextField,
} from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/**
 * The application form (申请入驻), one component for the base's operator (录入申请) and for the
 * public link an organisation opens: the same questions, read the same way, checked once by the
 * core's NewApplication (its field paths, like /founders/0/name, come back as this form's errors).
 */

const REGISTRATIONS = ['registered', 'toBeRegistered'] as const;
/** Founder rows the form shows at least (more when more were posted), at most the schema's ten. */
const FOUNDER_ROWS = 3;
const MAX_FOUNDERS = 10;

export interface ApplicationValues {
  name: string;
  kind: string;
  founders: { name: string; role: string }[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  serviceArea: string;
  services: string[];
  registration: string;
  uscc: string;
}

export const EMPTY_APPLICATION: ApplicationValues = {
  name: '',
  kind: '',
  founders: [],
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  serviceArea: '',
  services: [],
  registration: '',
  uscc: '',
};

/** The honeypot: a field people never see (nor a screen reader hears); a bot that fills it is refused. */
export const HONEYPOT = 'website';

export function readApplication(form: PostedFields): ApplicationValues {
  const founders = Array.from({ length: MAX_FOUNDERS }, (_, i) => ({
    name: form.text(`founder-${i}-name`),
    role: form.text(`founder-${i}-role`),
  })).filter((f) => f.name || f.role);
  return {
    name: form.text('name'),
    kind: form.text('kind'),
    founders,
    contactName: form.text('contactName'),
    contactPhone: form.text('contactPhone'),
    contactEmail: form.text('contactEmail'),
    serviceArea: form.text('serviceArea'),
    services: form.list('services'),
    registration: form.text('registration'),
    uscc: form.text('uscc').toUpperCase(),
  };
}

/**
 * The use case's input. A credit code typed before switching to 拟登记 is left out (the choice
 * decides); no choice at all sends no `toBeRegistered`, which the schema names.
 */
export function applicationInput(v: ApplicationValues): unknown {
  const registration = (REGISTRATIONS as readonly string[]).includes(v.registration) ? v.registration : undefined;
  return {
    name: v.name,
    kind: v.kind || undefined,
    founders: v.founders.map((f) => ({ name: f.name, ...(f.role ? { role: f.role } : {}) })),
    contact: { name: v.contactName, phone: v.contactPhone, email: v.contactEmail },
    serviceArea: v.serviceArea,
    services: v.services,
    ...(registration === 'registered' && v.uscc ? { uscc: v.uscc } : {}),
    ...(registration ? { toBeRegistered: registration === 'toBeRegistered' } : {}),
  };
}

/** The form's fields that can fail (each has its words in m.incubationPages.errors). */
type Field =
  | 'name'
  | 'kind'
  | 'founders'
  | 'contactName'
  | 'contactPhone'
  | 'contactEmail'
  | 'serviceArea'
  | 'services'
  | 'registration'
  | 'uscc';

/** The form's fields in the order the summary lists them, with the input each error links to (a founder's: its row). */
const FIELDS: Record<Field, (row: number) => string> = {
  name: () => 'name',
  kind: () => choiceId('kind', ORGANISATION_KINDS[0]),
  founders: (row) => `founder-${row}-name`,
  contactName: () => 'contactName',
  contactPhone: () => 'contactPhone',
  contactEmail: () => 'contactEmail',
  serviceArea: () => 'serviceArea',
  services: () => choiceId('services', SERVICES[0]),
  registration: () => choiceId('registration', REGISTRATIONS[0]),
  uscc: () => 'uscc',
};
const CONTACT: Record<string, Field> = { name: 'contactName', phone: 'contactPhone', email: 'contactEmail' };
const isField = (name: string): name is Field => Object.hasOwn(FIELDS, name);

/** The form field a problem's path names (/contact/phone is contactPhone; /toBeRegistered the registration choice). */
function fieldOf(path: string): Field {
  const [first = '', second = ''] = path.split('/').slice(1);
  if (first === 'contact') return CONTACT[second] ?? 'contactName';
  if (first === 'toBeRegistered') return 'registration';
  return isField(first) ? first : 'name';
}

/**
 * What the core refused in an application (its schema's problems, or the credit code's
 * platform-wide guard), as this form's errors in the reader's words: one per field, in the form's
 * order, a founder's linking to the first row at fault (the form shows the founders it read from
 * the top row down, so the input's index is the row). Undefined for a refusal that is no fault of
 * the input.
 */
export function applicationErrors(m: Messages, error: unknown): FieldError[] | undefined {
  const e = m.incubationPages.errors;
  const refusal: Refusal | undefined =
    refusedInput(error) ?? (asRefusal(error) instanceof Conflict ? asRefusal(error) : undefined);
  if (!refusal?.fields.length) return undefined;
  const founderRow = Number(
    /^\/founders\/(\d+)/.exec(refusal.fields.find((f) => f.path.startsWith('/founders/'))?.path ?? '')?.[1] ?? 0,
  );
  const errors = refusalErrors(refusal, {
    field: fieldOf,
    problem: (problem, field) => (problem.code === 'usccTaken' ? e.usccTaken : isField(field) ? e[field] : undefined),
  });
  const byField = new Map<string, FieldError>();
  for (const error of errors) if (!byField.has(error.field)) byField.set(error.field, error);
  return (Object.keys(FIELDS) as Field[]).flatMap((field) => {
    const found = byField.get(field);
    return found ? [{ ...found, href: FIELDS[field](founderRow) }] : [];
  });
}

/** The form itself: the base's 录入申请 or the public page, posting to `action`. */
export function ApplicationForm(props: {
  c: Context<PageEnv>;
  action: string;
  values: ApplicationValues;
  errors: readonly FieldError[];
  formKey: string;
  submit: string;
  cancel?: string | undefined;
  /** The public form carries the honeypot. */
  honeypot?: boolean;
}) {
  const { c, values: v, errors } = props;
  const m = c.var.m;
  const f = m.incubationPages.form;
  const kinds = m.incubationPages.kinds;
  const rows = Math.min(MAX_FOUNDERS, Math.max(FOUNDER_ROWS, v.founders.length + 1));
  const foundersError = errorFor(errors, 'founders');
  return (
    <>
      <ErrorSummary m={m} errors={errors} />
      <form class="form" method="post" action={props.action} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="_key" value={props.formKey} />
        {props.honeypot ? (
          <div class="visually-hidden" aria-hidden="true">
            <label for={HONEYPOT}>{f.website}</label>
            <input id={HONEYPOT} name={HONEYPOT} type="text" tabindex={-1} autocomplete="off" value="" />
          </div>
        ) : null}
        <TextField
          m={m}
          id="name"
          name="name"
          label={f.name}
          hint={f.nameHint}
          value={v.name}
          error={errorFor(errors, 'name')}
          maxlength={100}
        />
        <Choices
          m={m}
          type="radio"
          name="kind"
          legend={f.kind}
          error={errorFor(errors, 'kind')}
          choices={optionsOf(ORGANISATION_KINDS, (k) => kinds[k])}
          selected={[v.kind]}
        />
        <div class={`field${foundersError ? ' field-has-error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={`founders-hint${foundersError ? ' founders-error' : ''}`}>
            <legend class="label">{f.founders}</legend>
            <p class="hint" id="founders-hint">
              {f.foundersHint}
            </p>
            {foundersError ? (
              <p class="field-error" id="founders-error">
                <span class="visually-hidden">{m.errors.prefix}</span>
                {foundersError}
              </p>
            ) : null}
            {Array.from({ length: rows }, (_, i) => (
              <div class="founder-row">
                <TextField
                  m={m}
                  id={`founder-${i}-name`}
                  name={`founder-${i}-name`}
                  label={f.founderName(i + 1)}
                  value={v.founders[i]?.name}
                  width="medium"
                  maxlength={40}
                />
                <TextField
                  m={m}
                  id={`founder-${i}-role`}
                  name={`founder-${i}-role`}
                  label={f.founderRole(i + 1)}
                  value={v.founders[i]?.role}
                  width="medium"
                  maxlength={40}
                />
              </div>
            ))}
          </fieldset>
        </div>
        <TextField
          m={m}
          id="contactName"
          name="contactName"
          label={f.contactName}
          value={v.contactName}
          error={errorFor(errors, 'contactName')}
          width="medium"
          autocomplete="off"
          maxlength={40}
        />
        <TextField
          m={m}
          id="contactPhone"
          name="contactPhone"
          label={f.contactPhone}
          hint={f.contactPhoneHint}
          value={v.contactPhone}
          error={errorFor(errors, 'contactPhone')}
          width="medium"
          inputmode="numeric"
          autocomplete="off"
          maxlength={11}
        />
        <TextField
          m={m}
          id="contactEmail"
          name="contactEmail"
          type="email"
          label={f.contactEmail}
          hint={f.contactEmailHint}
          value={v.contactEmail}
          error={errorFor(errors, 'contactEmail')}
          width="medium"
          autocomplete="off"
        />
        <TextField
          m={m}
          id="serviceArea"
          name="serviceArea"
          label={f.serviceArea}
          hint={f.serviceAreaHint}
          value={v.serviceArea}
          error={errorFor(errors, 'serviceArea')}
          maxlength={200}
        />
        <div class="badge-above">
          <RuleBadge rules={m.policyRules} rule="P-S1" />
        </div>
        <Choices
          m={m}
          type="checkbox"
          name="services"
          legend={f.services}
          hint={f.servicesHint}
          error={errorFor(errors, 'services')}
          choices={optionsOf(SERVICES, (s) => m.contracts.services[s])}
          selected={v.services}
        />
        <Choices
          m={m}
          type="radio"
          name="registration"
          legend={f.registration}
          error={errorFor(errors, 'registration')}
          choices={[
            { value: 'registered', label: f.registered },
            { value: 'toBeRegistered', label: f.toBeRegistered },
          ]}
          selected={[v.registration]}
        />
        <div data-show-when="registration=registered">
          <TextField
            m={m}
            id="uscc"
            name="uscc"
            label={f.uscc}
            hint={f.usccHint}
            value={v.uscc}
            error={errorFor(errors, 'uscc')}
            width="medium"
            maxlength={18}
            autocomplete="off"
          />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {props.submit}
          </button>
          {props.cancel ? (
            <a class="btn" href={props.cancel}>
              {f.cancel}
            </a>
          ) : null}
        </div>
      </form>
    </>
  );
}
