/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  CERT_LEVELS,
  type CertLevel,
  type FloorConditions,
  findingText,
  knownRegions,
  POST_ROLES,
  type PostRole,
  type PriceFloorCalculation,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatPercent, type Messages } from '../../i18n/index.ts';
import {
  Card,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { MAX_ROWS, type PostRow, type PriceFloorForm } from './form.ts';

export const PRICE_FLOOR = '/org/price-floor';

type P = Messages['priceFloor'];

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
          options={POST_ROLES.map((r) => ({ value: r, label: k.roles[r as PostRole] }))}
          value={row.role}
          error={errorFor(errors, id('role'))}
        />
        <SelectField
          m={m}
          id={id('level')}
          name={id('level')}
          label={p.level}
          placeholder={p.choose}
          options={CERT_LEVELS.map((l) => ({ value: l, label: k.certLevels[l as CertLevel] }))}
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
            options={props.people.map((x) => ({ value: x.id, label: x.name }))}
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
          options={knownRegions().map((r) => ({ value: r.code, label: `${lang === 'en' ? r.en : r.zh} (${r.code})` }))}
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

/** The two conditions at one value, each ✓ or ✗, in words. */
function ConditionList(props: { p: P; at: FloorConditions; labourCost: number }) {
  const { p, at } = props;
  const min = formatPercent(at.labourShare.minLabourShare);
  return (
    <ul class="findings">
      <li class={at.labourCost.holds ? '' : 'finding finding-error'}>
        {(at.labourCost.holds ? p.labourCostHolds : p.labourCostFails)(
          formatMoney(at.labourCost.personnel),
          formatMoney(props.labourCost),
        )}
      </li>
      <li class={at.labourShare.holds ? '' : 'finding finding-error'}>
        {(at.labourShare.holds ? p.shareHolds : p.shareFails)(
          formatMoney(at.labourShare.personnel),
          formatMoney(at.labourShare.required),
          min,
        )}
      </li>
    </ul>
  );
}

function bindingText(p: P, result: PriceFloorCalculation): string {
  const [first, second] = result.binding;
  if (second) return p.binding.both;
  if (first) return p.binding[first];
  return p.binding.zero;
}

/** The result: the floor, why it is the smallest, the budget at the floor, and the labour cost. */
function Result(props: { c: Context<PageEnv>; result: PriceFloorCalculation }) {
  const { c, result } = props;
  const m = c.var.m;
  const p = m.priceFloor;
  const k = m.contracts;
  const floor = result.priceFloor;
  const rules = result.rules;
  return (
    <Card title={p.result} id="result">
      <p class="muted">
        {p.ruleSet(result.ruleSet.title, result.ruleSet.id, formatDate(result.ruleSet.effectiveFrom, c.var.lang))}
      </p>
      {floor.feasible ? (
        <>
          <dl class="price-floor-figure">
            <dt>{p.floorLabel}</dt>
            <dd>
              <strong class="price-floor-value" id="price-floor-value">
                {formatMoney(floor.value)}
              </strong>{' '}
              <RuleBadge rule="P-W2" rules={m.policyRules} figure={p.floorLead} />
            </dd>
          </dl>
          <h3 class="price-floor-subtitle">{p.whyTitle}</h3>
          <p>{bindingText(p, result)}</p>
          {result.conditions ? (
            <div class="price-floor-why">
              <div>
                <p class="price-floor-at">{p.atFloor(formatMoney(result.conditions.atFloor.value))}</p>
                <ConditionList p={p} at={result.conditions.atFloor} labourCost={result.labourCost} />
              </div>
              {result.conditions.belowFloor ? (
                <div>
                  <p class="price-floor-at">{p.belowFloor(formatMoney(result.conditions.belowFloor.value))}</p>
                  <ConditionList p={p} at={result.conditions.belowFloor} labourCost={result.labourCost} />
                </div>
              ) : null}
            </div>
          ) : null}
          <h3 class="price-floor-subtitle">{p.linesTitle}</h3>
          <Table caption={p.linesTitle} columns={[p.colLine, p.colAmount, p.colBasis]}>
            {(['personnel', 'supervision', 'activities', 'management', 'tax', 'other'] as const).map((line) => (
              <tr id={`line-${line}`}>
                <td data-label={p.colLine}>{k.lines[line]}</td>
                <td data-label={p.colAmount} class="num">
                  {formatMoney(floor.lines[line])}
                </td>
                <td data-label={p.colBasis}>
                  <span class="figure">
                    {line === 'personnel'
                      ? p.basis.personnel
                      : line === 'tax'
                        ? p.basis.tax(formatPercent(rules.taxRate))
                        : line === 'management'
                          ? p.basis.management(formatPercent(result.managementShare))
                          : p.basis.fixed}
                    {line === 'personnel' ? <RuleBadge rule="P-W2" rules={m.policyRules} /> : null}
                    {line === 'management' ? <RuleBadge rule="N-7" rules={m.policyRules} /> : null}
                  </span>
                </td>
              </tr>
            ))}
            <tr class="row-total">
              <td data-label={p.colLine}>{p.total}</td>
              <td data-label={p.colAmount} class="num">
                {formatMoney(floor.value)}
              </td>
              <td data-label={p.colBasis}>{p.basis.total}</td>
            </tr>
          </Table>
        </>
      ) : (
        <Notice tone="error">
          <strong>{p.noValueTitle}</strong>{' '}
          {floor.reason === 'no_value'
            ? p.noValue(
                formatPercent(rules.taxRate),
                formatPercent(result.managementShare),
                formatPercent(rules.minLabourShare),
              )
            : p.noValueOther}{' '}
          <RuleBadge rule="P-W2" rules={m.policyRules} tone="red" />
        </Notice>
      )}
      <h3 class="price-floor-subtitle" id="labour">
        {p.labourTitle} {formatMoney(result.labourCost)}
      </h3>
      <p class="muted">{p.labourLead(formatMoney(result.labourCost))}</p>
      <Table
        caption={p.labourTitle}
        columns={[p.colPost, p.colLevel, p.colTime, p.colPay, p.colSi, p.colHf, p.colMonthly, p.colCost]}
        empty={result.posts.length ? undefined : p.noPostsYet}
      >
        {result.posts.map((post, i) => {
          const finding = result.findings.find((f) => f.path === `/posts/${i}/monthlyPay`);
          return (
            <tr id={`cost-${i}`}>
              <td data-label={p.colPost}>
                <span>
                  {post.title}
                  {post.personName ? <span class="muted"> · {post.personName}</span> : null}
                </span>
              </td>
              <td data-label={p.colLevel}>{k.certLevels[post.certLevel as CertLevel]}</td>
              <td data-label={p.colTime}>{p.time(post.ftePercent, post.months)}</td>
              <td data-label={p.colPay}>
                <span class="figure">
                  <span class="num">{formatMoney(post.pay)}</span>
                  {post.payFrom === 'floor' ? <span class="muted">{p.fromFloor}</span> : null}
                  <RuleBadge
                    rule="P-W3"
                    rules={m.policyRules}
                    tone={finding ? 'red' : 'grey'}
                    figure={finding ? findingText(finding, c.var.lang) : undefined}
                  />
                </span>
                {finding ? <p class="finding finding-error">{findingText(finding, c.var.lang)}</p> : null}
              </td>
              <td data-label={p.colSi}>
                <span class="figure">
                  <span class="num">{formatMoney(post.si)}</span>
                  <RuleBadge rule="P-W1" rules={m.policyRules} />
                </span>
              </td>
              <td data-label={p.colHf} class="num">
                {formatMoney(post.hf)}
              </td>
              <td data-label={p.colMonthly} class="num">
                {formatMoney(post.monthly)}
              </td>
              <td data-label={p.colCost} class="num">
                {formatMoney(post.cost)}
              </td>
            </tr>
          );
        })}
      </Table>
    </Card>
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
