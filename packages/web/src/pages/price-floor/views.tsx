/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CERT_LEVELS, POST_ROLES, type PriceFloorCalculation } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatPercent, type Messages } from '../../i18n/index.ts';
import {
  Card,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  optionsOf,
  SelectField,
  TextField,
} from '../../layout/components.tsx';
import { personOptions, regionOptions } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { MAX_ROWS, type PostRow, type PriceFloorForm } from './form.ts';
import { Result } from './result.tsx';

export const PRICE_FLOOR = '/org/price-floor';

/** One post's inputs; ids are `post-<i>-<field>`, as the error summary links. */
function PostFields(props: {
  m: Messages;
  row: PostRow;
  index: number;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
  removable: boolean;
}) {
  const { m, row, index: i, errors } = props;
  const p = m.priceFloor;
  const k = m.contracts;
  const id = (field: keyof PostRow) => `post-${i}-${field}`;
  const hasError = errors.some((e) => e.field.startsWith(`post-${i}-`));
  return (
    <fieldset class={`ladder-level${hasError ? ' ladder-level-error' : ''}`} id={`post-${i}`}>
      <legend class="ladder-level-title">{p.post(i + 1)}</legend>
      <div class="ladder-grid">
        <TextField
          m={m}
          id={id('title')}
          name={id('title')}
          label={p.postTitle}
          value={row.title}
          error={errorFor(errors, id('title'))}
          maxlength={60}
        />
        <SelectField
          m={m}
          id={id('role')}
          name={id('role')}
          label={p.role}
          placeholder={p.choose}
          options={optionsOf(POST_ROLES, (r) => k.roles[r])}
          value={row.role}
          error={errorFor(errors, id('role'))}
        />
        <SelectField
          m={m}
          id={id('level')}
          name={id('level')}
          label={p.level}
          placeholder={p.choose}
          options={optionsOf(CERT_LEVELS, (l) => k.certLevels[l])}
          value={row.level}
          error={errorFor(errors, id('level'))}
        />
        <TextField
          m={m}
          id={id('fte')}
          name={id('fte')}
          label={p.fte}
          value={row.fte}
          error={errorFor(errors, id('fte'))}
          width="short"
        />
        <TextField
          m={m}
          id={id('months')}
          name={id('months')}
          label={p.months}
          value={row.months}
          error={errorFor(errors, id('months'))}
          width="short"
        />
        <TextField
          m={m}
          id={id('pay')}
          name={id('pay')}
          label={p.pay}
          value={row.pay}
          error={errorFor(errors, id('pay'))}
          width="short"
        />
        {props.people.length ? (
          <SelectField
            m={m}
            id={id('person')}
            name={id('person')}
            label={p.person}
            placeholder={p.noPerson}
            options={personOptions(props.people)}
            value={row.person}
            error={errorFor(errors, id('person'))}
          />
        ) : (
          <input type="hidden" name={id('person')} value={row.person} />
        )}
      </div>
      {props.removable ? (
        <button type="submit" class="btn btn-small btn-link-danger" name="action" value={`remove-${i}`}>
          {p.removePost(i + 1)}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The calculator's form: a GET form (it writes nothing); "add a post" and "remove" re-render it. */
function CalculatorForm(props: {
  c: Context<PageEnv>;
  form: PriceFloorForm;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
  cap?: number | undefined;
}) {
  const { c, form, errors } = props;
  const m = c.var.m;
  const p = m.priceFloor;
  const lang = c.var.lang;
  return (
    <form class="form form-wide" method="get" action={`${PRICE_FLOOR}#result`} novalidate>
      {/* A GET form needs no CSRF token; the field is left out so it does not land in the address. */}
      <input type="hidden" name="rows" value={String(form.rows.length)} />
      {/* Enter in a field submits the form's first button: make that "calculate", not "remove post 1" (out of the tab order). */}
      <button type="submit" class="visually-hidden" name="action" value="calculate" tabindex={-1}>
        {p.calculate}
      </button>
      <h2 class="section-title">{p.sectionTerms}</h2>
      <div class="ladder-grid">
        <SelectField
          m={m}
          id="region"
          name="region"
          label={p.region}
          hint={p.regionHint}
          placeholder={p.regionChoose}
          options={regionOptions(lang)}
          value={form.region}
          error={errorFor(errors, 'region')}
        />
        <TextField
          m={m}
          id="startDate"
          name="startDate"
          label={p.startDate}
          hint={p.startDateHint}
          value={form.startDate}
          error={errorFor(errors, 'startDate')}
          width="medium"
          type="date"
        />
      </div>
      <h2 class="section-title">{p.sectionPosts}</h2>
      <p class="hint">{p.postsHint}</p>
      {form.rows.map((row, i) => (
        <PostFields m={m} row={row} index={i} errors={errors} people={props.people} removable />
      ))}
      <div class="actions-rows">
        <button type="submit" class="btn" name="action" value="add" disabled={form.rows.length >= MAX_ROWS}>
          {p.addPost}
        </button>
      </div>
      <h2 class="section-title">{p.sectionFixed}</h2>
      <div class="ladder-grid">
        {(['supervision', 'activities', 'other'] as const).map((field) => (
          <TextField
            m={m}
            id={field}
            name={field}
            label={p[field]}
            value={form[field]}
            error={errorFor(errors, field)}
            width="medium"
          />
        ))}
        <TextField
          m={m}
          id="managementShare"
          name="managementShare"
          label={p.managementShare}
          hint={props.cap === undefined ? p.managementHintNoRules : p.managementHint(formatPercent(props.cap))}
          value={form.managementShare}
          error={errorFor(errors, 'managementShare')}
          width="short"
        />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" name="action" value="calculate">
          {p.calculate}
        </button>
      </div>
    </form>
  );
}

/** 最低合同价测算: the result (when calculated) above the form that produced it. */
export function PriceFloorPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  form: PriceFloorForm;
  errors: readonly FieldError[];
  people: readonly { id: string; name: string }[];
  cap?: number | undefined;
  result?: PriceFloorCalculation | undefined;
  notice?: string | undefined;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const p = m.priceFloor;
  return (
    <Shell c={c} who={who} title={p.title} lead={p.lead}>
      {props.notice ? <Notice tone="info">{props.notice}</Notice> : null}
      <ErrorSummary m={m} errors={props.errors} />
      {props.result ? <Result c={c} result={props.result} /> : null}
      <Card>
        <CalculatorForm c={c} form={props.form} errors={props.errors} people={props.people} cap={props.cap} />
      </Card>
    </Shell>
  );
}
