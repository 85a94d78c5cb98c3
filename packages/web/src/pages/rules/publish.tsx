/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { isWithin, knownRegions, type ParameterField } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import type { Lang, Messages } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  SelectField,
  TextField,
} from '../../layout/components.tsx';
import { regionOptions } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { fieldId, type RuleSetForm } from './form.ts';
import { BUREAU_RULES } from './paths.ts';
import { fieldLabel, type ParameterGroup, parameterGroups, SCOPES, ScopeSection } from './views.tsx';

/**
 * 发布参数: the version's region, date, title and notes, then every parameter by group, each with its
 * rule, the local ones first and the national ones apart. Publishing it shows the confirmation first.
 */

interface FormProps {
  m: Messages;
  form: RuleSetForm;
  errors: readonly FieldError[];
}

/** Notes run to sentences: a textarea rather than a TextField. */
function NotesField(props: FormProps) {
  const { form, errors } = props;
  const f = props.m.ruleSets.form;
  const error = errorFor(errors, 'notes');
  return (
    <div class={`field${error ? ' field-has-error' : ''}`}>
      <label class="label" for="notes">
        {f.notes}
      </label>
      <p class="hint" id="notes-hint">
        {f.notesHint}
      </p>
      {error ? (
        <p class="field-error" id="notes-error">
          {error}
        </p>
      ) : null}
      <textarea class="textarea" id="notes" name="notes" rows={3} aria-describedby="notes-hint">
        {form.values.notes}
      </textarea>
    </div>
  );
}

/** Where and from when the version holds (only regions within the bureau's own), its title and notes. */
function GeneralSection(props: FormProps & { c: Context<PageEnv>; who: SignedIn }) {
  const { m, form, errors } = props;
  const f = m.ruleSets.form;
  const lang = props.c.var.lang;
  const regions = knownRegions().filter((region) => isWithin(region.code, props.who.principal.region));
  return (
    <Card title={f.general} id="general">
      <SelectField
        m={m}
        id="region"
        name="region"
        label={f.region}
        hint={f.regionHint}
        placeholder={f.regionChoose}
        value={form.values.region}
        error={errorFor(errors, 'region')}
        options={regionOptions(lang, regions)}
      />
      <TextField
        m={m}
        id="effectiveFrom"
        name="effectiveFrom"
        label={f.effectiveFrom}
        hint={f.effectiveFromHint}
        value={form.values.effectiveFrom}
        error={errorFor(errors, 'effectiveFrom')}
        width="short"
        type="date"
        autocomplete="off"
      />
      <TextField
        m={m}
        id="title"
        name="title"
        label={f.titleField}
        value={form.values.title}
        error={errorFor(errors, 'title')}
        maxlength={120}
      />
      <NotesField {...props} />
    </Card>
  );
}

/** A yes/no parameter: one box, ticked for yes. */
function BooleanParameter(props: FormProps & { field: ParameterField }) {
  const { m, field } = props;
  return (
    <div class="rule-field">
      <Choices
        m={m}
        type="checkbox"
        name={field.path}
        legend={fieldLabel(m, field.path)}
        error={errorFor(props.errors, field.path)}
        choices={[{ value: 'yes', label: m.ruleSets.yes }]}
        selected={[props.form.values[field.path] ?? '']}
      />
      <RuleBadge rule={field.rule} rules={m.policyRules} />
    </div>
  );
}

/**
 * An amount or a count, in yuan or percent as people write them, with its rule and a box to mark
 * it illustrative (not taken from a published document).
 */
function AmountParameter(props: FormProps & { field: ParameterField; illustrative: ReadonlySet<string> }) {
  const { m, field } = props;
  const f = m.ruleSets.form;
  const id = fieldId(field.path);
  const error = errorFor(props.errors, field.path);
  const unit = field.unit === 'fen' ? f.yuan : field.unit === 'bp' ? f.percent : '';
  return (
    <div class={`rule-field field${error ? ' field-has-error' : ''}`}>
      <label class="label" for={id}>
        {fieldLabel(m, field.path)} {unit ? <span class="muted">({unit})</span> : null}{' '}
        <RuleBadge rule={field.rule} rules={m.policyRules} />
      </label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{m.errors.prefix}</span>
          {error}
        </p>
      ) : null}
      <input
        class="input input-short"
        id={id}
        name={field.path}
        type="text"
        inputmode="decimal"
        value={props.form.values[field.path]}
        autocomplete="off"
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
      <label class="rule-illustrative">
        <input type="checkbox" name="illustrative" value={field.path} checked={props.illustrative.has(field.path)} />{' '}
        {f.illustrative}
      </label>
    </div>
  );
}

/** A region parameter (P-A3's area): a choice of the regions Shegong knows, empty for the default. */
function RegionParameter(props: FormProps & { field: ParameterField; lang: Lang }) {
  const { m, field } = props;
  return (
    <div class="rule-field">
      <SelectField
        m={m}
        id={fieldId(field.path)}
        name={field.path}
        label={fieldLabel(m, field.path)}
        hint={m.ruleSets.form.regionDefaultHint}
        placeholder={m.ruleSets.form.regionDefault}
        value={props.form.values[field.path]}
        error={errorFor(props.errors, field.path)}
        options={regionOptions(props.lang)}
      />
      <RuleBadge rule={field.rule} rules={m.policyRules} />
    </div>
  );
}

function ParameterCard(props: FormProps & { group: ParameterGroup; lang: Lang }) {
  const illustrative = new Set(props.form.illustrative);
  return (
    <Card title={props.group.title} id={`form-${props.group.key}`}>
      <div class="rule-fields">
        {props.group.fields.map((field) =>
          field.unit === 'boolean' ? (
            <BooleanParameter {...props} field={field} />
          ) : field.unit === 'region' ? (
            <RegionParameter {...props} field={field} />
          ) : (
            <AmountParameter {...props} field={field} illustrative={illustrative} />
          ),
        )}
      </div>
    </Card>
  );
}

export function PublishPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  form: RuleSetForm;
  errors: readonly FieldError[];
  formKey: string;
}) {
  const { c, who, errors } = props;
  const m = c.var.m;
  const r = m.ruleSets;
  const f = r.form;
  const fields = { m, form: props.form, errors };
  return (
    <Shell
      c={c}
      who={who}
      title={f.title}
      lead={f.lead}
      crumbs={[{ label: r.bureauTitle, href: BUREAU_RULES }]}
      here={`${BUREAU_RULES}/new`}
    >
      <ErrorSummary m={m} errors={errors} />
      <form class="form" method="post" action={`${BUREAU_RULES}/new`} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="_key" value={props.formKey} />
        <GeneralSection {...fields} c={c} who={who} />
        {SCOPES.map((scope) => (
          <ScopeSection m={m} scope={scope} id={`form-scope-${scope}`}>
            {parameterGroups(m, scope).map((group) => (
              <ParameterCard {...fields} group={group} lang={c.var.lang} />
            ))}
          </ScopeSection>
        ))}
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {f.submit}
          </button>
          <a class="btn" href={BUREAU_RULES}>
            {f.cancel}
          </a>
        </div>
      </form>
    </Shell>
  );
}
