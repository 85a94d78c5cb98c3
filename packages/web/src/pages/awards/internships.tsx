/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  addIntern,
  type InternshipClaimPreview,
  interns,
  internshipBase,
  ownInternshipClaims,
  previewInternshipClaim,
  saveInternshipBase,
  submitInternshipClaim,
} from '@shegong/core';
import type { InternMonth, InternshipClaim } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate, formatMoney, formatMonth, type Messages } from '../../i18n/index.ts';
import {
  Card,
  Checkbox,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { formErrors, required } from './form-errors.ts';
import { ORG_AWARDS, orgAwardTabPath } from './paths.ts';
import { OrgAwardTabs } from './tabs.tsx';

/**
 * 见习补贴 (P-A9), the organisation's side: its recognition as an internship base, its interns,
 * the claim form (a preview judges each month with its reason before anything is sent) and its
 * claims with their state.
 */

const HERE = orgAwardTabPath('internships');
export const INTERNSHIPS_PAGE = HERE;
export const INTERNSHIP_BASE_POST = `${HERE}/base`;
export const INTERN_POST = `${HERE}/interns`;
export const INTERNSHIP_CLAIM_POST = `${HERE}/claims`;

type Form = 'base' | 'intern' | 'claim';
interface PageState {
  form?: Form;
  values?: Record<string, string>;
  errors?: FieldError[];
  preview?: InternshipClaimPreview;
  status?: 200 | 400 | 409 | 422;
}

const STATUS_TONE = { submitted: 'amber', approved: 'blue', refused: 'red', paid: 'green' } as const;

export function ClaimStatus(props: { m: Messages; status: InternshipClaim['status'] }) {
  return <Tag tone={STATUS_TONE[props.status]}>{props.m.incentivesExtra.intern.statuses[props.status]}</Tag>;
}

/** Each month judged, with its reason and amounts, and the rule badge (the preview and a claim's detail). */
export function MonthsTable(props: { c: Context<PageEnv>; months: readonly InternMonth[]; total: number }) {
  const m = props.c.var.m;
  const k = m.incentivesExtra.intern;
  const lang = props.c.var.lang;
  return (
    <>
      <Table caption={k.previewTitle} columns={[k.month, k.eligible, k.reason, k.internship, k.insurance, k.amount]}>
        {props.months.map((mo) => (
          <tr>
            <td data-label={k.month}>{formatMonth(mo.month, lang)}</td>
            <td data-label={k.eligible}>
              <Tag tone={mo.eligible ? 'green' : 'red'}>
                {mo.eligible ? m.incentivesExtra.yes : m.incentivesExtra.no}
              </Tag>
            </td>
            <td data-label={k.reason}>
              {k.reasons[mo.reason] ?? mo.reason} <RuleBadge rule="P-A9" rules={m.policyRules} />
            </td>
            <td data-label={k.internship} class="num">
              {formatMoney(mo.internship)}
            </td>
            <td data-label={k.insurance} class="num">
              {formatMoney(mo.insurance)}
            </td>
            <td data-label={k.amount} class="num">
              {formatMoney(mo.total)}
            </td>
          </tr>
        ))}
      </Table>
      <p class="figure-total">
        {k.claimTotal}：<strong>{formatMoney(props.total)}</strong> <RuleBadge rule="P-A9" rules={m.policyRules} />
      </p>
    </>
  );
}

async function internshipsPage(c: Context<PageEnv>, state: PageState = {}) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.incentivesExtra.intern;
  const lang = c.var.lang;
  const [base, list, claims] = await Promise.all([
    internshipBase(c.var.ctx),
    interns(c.var.ctx),
    ownInternshipClaims(c.var.ctx),
  ]);
  const errors = state.errors ?? [];
  const value = (form: Form, name: string, fallback = '') =>
    state.form === form ? (state.values?.[name] ?? '') : fallback;
  const err = (form: Form, name: string) => (state.form === form ? errorFor(errors, name) : undefined);
  const notice = c.req.query('done');
  const notices: Record<string, string> = { base: k.baseSaved, intern: k.internAdded, claim: k.claimed };
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.title}
      lead={k.lead}
      crumbs={[{ label: m.nav.awards, href: ORG_AWARDS }]}
      here={HERE}
    >
      <OrgAwardTabs c={c} active="internships" />
      <ErrorSummary m={m} errors={errors} />
      {notice && notices[notice] ? <Notice tone="success">{notices[notice]}</Notice> : null}
      <Card title={k.baseTitle} id="base">
        {base ? (
          <DescriptionList
            items={[
              [k.baseName, base.name],
              [k.recognisedBy, base.recognisedBy],
              [k.recognisedOn, formatDate(base.recognisedOn, lang)],
              [k.reference, base.reference ?? '—'],
            ]}
          />
        ) : (
          <Notice tone="info">{k.baseMissing}</Notice>
        )}
        <details class="record-form" open={!base || state.form === 'base'}>
          <summary class="btn">{k.baseTitle}</summary>
          <form method="post" action={INTERNSHIP_BASE_POST} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(base?.version ?? 0)} />
            <TextField
              m={m}
              id="name"
              name="name"
              label={k.baseName}
              value={value('base', 'name', base?.name)}
              error={err('base', 'name')}
              maxlength={100}
            />
            <TextField
              m={m}
              id="recognisedBy"
              name="recognisedBy"
              label={k.recognisedBy}
              value={value('base', 'recognisedBy', base?.recognisedBy)}
              error={err('base', 'recognisedBy')}
              maxlength={100}
            />
            <TextField
              m={m}
              id="recognisedOn"
              name="recognisedOn"
              type="date"
              width="medium"
              label={k.recognisedOn}
              value={value('base', 'recognisedOn', base?.recognisedOn)}
              error={err('base', 'recognisedOn')}
            />
            <TextField
              m={m}
              id="reference"
              name="reference"
              label={k.reference}
              value={value('base', 'reference', base?.reference)}
              error={err('base', 'reference')}
              maxlength={100}
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {k.saveBase}
              </button>
            </div>
          </form>
        </details>
      </Card>
      <Card title={k.internsTitle} id="interns">
        <Table
          caption={k.internsTitle}
          columns={[k.internName, k.graduationDate, k.fullTime]}
          empty={list.length ? undefined : k.noInterns}
        >
          {list.map((i) => (
            <tr>
              <td data-label={k.internName}>{i.name}</td>
              <td data-label={k.graduationDate}>{formatDate(i.graduationDate, lang)}</td>
              <td data-label={k.fullTime}>{i.fullTimeStudent ? m.incentivesExtra.yes : m.incentivesExtra.no}</td>
            </tr>
          ))}
        </Table>
        <details class="record-form" open={state.form === 'intern'}>
          <summary class="btn">{k.addIntern}</summary>
          <form method="post" action={INTERN_POST} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="_key" value={randomToken()} />
            <TextField
              m={m}
              id="internName"
              name="internName"
              label={k.internName}
              value={value('intern', 'internName')}
              error={err('intern', 'internName')}
              maxlength={40}
            />
            <TextField
              m={m}
              id="graduationDate"
              name="graduationDate"
              type="date"
              width="medium"
              label={k.graduationDate}
              hint={k.graduationHint}
              value={value('intern', 'graduationDate')}
              error={err('intern', 'graduationDate')}
            />
            <Checkbox id="fullTimeStudent" label={k.fullTimeYes} checked={value('intern', 'fullTimeStudent') === '1'} />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {k.addIntern}
              </button>
            </div>
          </form>
        </details>
      </Card>
      {base && list.length ? (
        <Card title={k.claimTitle} id="claim">
          <form method="post" action={INTERNSHIP_CLAIM_POST} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="_key" value={randomToken()} />
            <SelectField
              m={m}
              id="internId"
              name="internId"
              label={k.claimIntern}
              placeholder={k.chooseIntern}
              value={value('claim', 'internId')}
              error={err('claim', 'internId')}
              options={list.map((i) => ({ value: i.id, label: `${i.name}（${formatDate(i.graduationDate, lang)}）` }))}
            />
            <div class={`field${err('claim', 'months') ? ' field-has-error' : ''}`}>
              <label class="label" for="months">
                {k.months}
              </label>
              <p class="hint" id="months-hint">
                {k.monthsHint}
              </p>
              {err('claim', 'months') ? <p class="field-error">{err('claim', 'months')}</p> : null}
              <textarea class="textarea" id="months" name="months" rows={3} aria-describedby="months-hint">
                {value('claim', 'months')}
              </textarea>
            </div>
            {state.preview ? <MonthsTable c={c} months={state.preview.months} total={state.preview.total} /> : null}
            <div class="actions">
              <button type="submit" name="action" value="preview" class="btn">
                {k.preview}
              </button>
              <button type="submit" name="action" value="submit" class="btn btn-primary">
                {k.submit}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
      <Card title={k.claimsTitle} id="claims">
        <Table
          caption={k.claimsTitle}
          columns={[k.submittedAt, k.claimIntern, k.months, k.claimTotal, k.status, k.bureau]}
          empty={claims.length ? undefined : k.noClaims}
        >
          {claims.map((cl) => (
            <tr>
              <td data-label={k.submittedAt}>{formatDate(cl.submittedAt.slice(0, 10), lang)}</td>
              <td data-label={k.claimIntern}>{cl.intern.name}</td>
              <td data-label={k.months}>{cl.months.map((mo) => formatMonth(mo.month, lang)).join('、')}</td>
              <td data-label={k.claimTotal} class="num">
                {formatMoney(cl.total)} <RuleBadge rule="P-A9" rules={m.policyRules} />
              </td>
              <td data-label={k.status}>
                <ClaimStatus m={m} status={cl.status} />
                {cl.decision?.reason ? <p class="hint">{`${k.decisionReason}：${cl.decision.reason}`}</p> : null}
                {cl.payment ? (
                  <p class="hint">{`${k.paidOn}：${formatDate(cl.payment.paidOn, lang)}　${k.paymentReference}：${cl.payment.reference}`}</p>
                ) : null}
              </td>
              <td data-label={k.bureau}>{cl.bureau.name}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </Shell>,
    state.status ?? 200,
  );
}

export const internshipsGet = (c: Context<PageEnv>) => internshipsPage(c);

export async function internshipBasePosted(c: Context<PageEnv>) {
  const k = c.var.m.incentivesExtra.intern;
  const posted = await readForm(c);
  const values = {
    name: posted.text('name'),
    recognisedBy: posted.text('recognisedBy'),
    recognisedOn: posted.date('recognisedOn'),
    reference: posted.text('reference'),
  };
  const errors: FieldError[] = [];
  required(values, errors, 'name', k.errors.name);
  required(values, errors, 'recognisedBy', k.errors.recognisedBy);
  required(values, errors, 'recognisedOn', k.errors.recognisedOn);
  if (errors.length) return internshipsPage(c, { form: 'base', values, errors, status: 400 });
  try {
    const { reference, ...rest } = values;
    await saveInternshipBase(
      c.var.ctx,
      { ...rest, ...(reference ? { reference } : {}) },
      formVersion(posted.text('version')) ?? 0,
    );
    return c.redirect(`${HERE}?done=base#base`, 303);
  } catch (error) {
    const shown = formErrors(error, (p) => (p.code === 'inFuture' ? k.errors.inFuture : undefined));
    if (shown) return internshipsPage(c, { form: 'base', values, errors: shown.errors, status: shown.status });
    throw error;
  }
}

export async function internPosted(c: Context<PageEnv>) {
  const k = c.var.m.incentivesExtra.intern;
  const posted = await readForm(c);
  const values = {
    internName: posted.text('internName'),
    graduationDate: posted.date('graduationDate'),
    fullTimeStudent: posted.text('fullTimeStudent') === '1' ? '1' : '',
  };
  const errors: FieldError[] = [];
  required(values, errors, 'internName', k.errors.name);
  required(values, errors, 'graduationDate', k.errors.graduationDate);
  if (errors.length) return internshipsPage(c, { form: 'intern', values, errors, status: 400 });
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  try {
    await addIntern(
      c.var.ctx,
      {
        name: values.internName,
        graduationDate: values.graduationDate,
        fullTimeStudent: values.fullTimeStudent === '1',
      },
      key,
    );
    return c.redirect(`${HERE}?done=intern#interns`, 303);
  } catch (error) {
    const shown = formErrors(error, (_p, field) => (field === 'name' ? k.errors.name : undefined));
    if (shown)
      return internshipsPage(c, {
        form: 'intern',
        values,
        errors: shown.errors.map((e) => (e.field === 'name' ? { ...e, field: 'internName' } : e)),
        status: shown.status,
      });
    throw error;
  }
}

/** Months typed one per line or separated by commas (or 、), as the use case takes them. */
const monthsOf = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export async function internshipClaimPosted(c: Context<PageEnv>) {
  const m = c.var.m;
  const k = m.incentivesExtra.intern;
  const posted = await readForm(c);
  const values = { internId: posted.text('internId'), months: posted.text('months') };
  const errors: FieldError[] = [];
  required(values, errors, 'internId', k.errors.internId);
  const months = monthsOf(values.months);
  if (!months.length) errors.push({ field: 'months', message: k.errors.months });
  else if (months.some((mo) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(mo)))
    errors.push({ field: 'months', message: k.errors.monthFormat });
  if (errors.length) return internshipsPage(c, { form: 'claim', values, errors, status: 400 });
  const input = { internId: values.internId, months };
  const words = (p: { code?: string; message: string; path: string }) => {
    const month = months[Number(p.path.split('/')[2])] ?? '';
    if (p.code === 'monthClaimed') return k.errors.monthClaimed(month);
    if (p.code && p.code in k.reasons) return k.errors.ineligible(month, k.reasons[p.code] ?? p.code);
    if (p.code === 'ratesNotPublished') return k.errors.ratesNotPublished;
    if (p.code === 'noBase') return k.errors.noBase;
    if (p.code === 'unknownIntern') return k.errors.internId;
    return undefined;
  };
  try {
    if (posted.text('action') === 'preview') {
      const preview = await previewInternshipClaim(c.var.ctx, input);
      return internshipsPage(c, { form: 'claim', values, preview });
    }
    const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
    await submitInternshipClaim(c.var.ctx, input, key);
    return c.redirect(`${HERE}?done=claim#claims`, 303);
  } catch (error) {
    const shown = formErrors(error, words);
    if (shown) {
      // Show the months judged beside the refusal where they can be (not for missing rates or base).
      const preview = await previewInternshipClaim(c.var.ctx, input).catch(() => undefined);
      return internshipsPage(c, {
        form: 'claim',
        values,
        errors: shown.errors,
        status: shown.status,
        ...(preview ? { preview } : {}),
      });
    }
    throw error;
  }
}
