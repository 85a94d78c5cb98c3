/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  bureauInternshipClaim,
  bureauInternshipClaims,
  decideInternshipClaim,
  jurisdictionInternshipBases,
  NotFound,
  recordInternshipPayment,
  Stale,
} from '@shegong/core';
import type { InternshipClaim } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { formatDate, formatMoney, formatMonth } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { formErrors, required } from './form-errors.ts';
import { ClaimStatus, MonthsTable } from './internships.tsx';
import { BUREAU_CLAIMS, bureauClaimTabPath } from './paths.ts';
import { BureauClaimTabs } from './tabs.tsx';

/**
 * 见习补贴审批 (P-A9), the bureau's side: the claims it decides (waiting, approved to pay, closed),
 * the internship bases of its jurisdiction, and one claim's page with its months judged, the
 * decision form and the payment form.
 */

const HERE = bureauClaimTabPath('internships');
export const BUREAU_INTERNSHIPS_PAGE = HERE;
export const bureauInternshipClaimPath = (organisationId: string, claimId: string) =>
  `${HERE}/${encodeURIComponent(organisationId)}/${encodeURIComponent(claimId)}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ClaimsTable(props: { c: Context<PageEnv>; claims: readonly InternshipClaim[]; title: string; empty: string }) {
  const m = props.c.var.m;
  const k = m.incentivesExtra.bureauIntern;
  const i = m.incentivesExtra.intern;
  const lang = props.c.var.lang;
  return (
    <Table
      caption={props.title}
      columns={[i.submittedAt, k.organisation, k.intern, k.months, i.claimTotal, i.status, '']}
      empty={props.claims.length ? undefined : props.empty}
    >
      {props.claims.map((cl) => (
        <tr>
          <td data-label={i.submittedAt}>{formatDate(cl.submittedAt.slice(0, 10), lang)}</td>
          <td data-label={k.organisation}>{cl.organisationName}</td>
          <td data-label={k.intern}>{cl.intern.name}</td>
          <td data-label={k.months}>{cl.months.map((mo) => formatMonth(mo.month, lang)).join('、')}</td>
          <td data-label={i.claimTotal} class="num">
            {formatMoney(cl.total)} <RuleBadge rule="P-A9" rules={m.policyRules} />
          </td>
          <td data-label={i.status}>
            <ClaimStatus m={m} status={cl.status} />
          </td>
          <td>
            <a href={bureauInternshipClaimPath(cl.organisationId, cl.id)}>{k.open}</a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

export async function bureauInternshipsGet(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.incentivesExtra.bureauIntern;
  const i = m.incentivesExtra.intern;
  const [claims, bases] = await Promise.all([
    bureauInternshipClaims(c.var.ctx),
    jurisdictionInternshipBases(c.var.ctx),
  ]);
  const of = (...statuses: InternshipClaim['status'][]) => claims.filter((cl) => statuses.includes(cl.status));
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.title}
      lead={k.lead}
      crumbs={[{ label: m.nav.claims, href: BUREAU_CLAIMS }]}
      here={HERE}
    >
      <BureauClaimTabs c={c} active="internships" />
      <Card title={k.queueTitle} id="queue">
        <ClaimsTable c={c} claims={of('submitted')} title={k.queueTitle} empty={k.emptyQueue} />
      </Card>
      <Card title={k.approvedTitle} id="approved">
        <ClaimsTable c={c} claims={of('approved')} title={k.approvedTitle} empty={k.emptyApproved} />
      </Card>
      <Card title={k.doneTitle} id="done">
        <ClaimsTable c={c} claims={of('paid', 'refused').reverse()} title={k.doneTitle} empty={k.emptyDone} />
      </Card>
      <Card title={k.basesTitle} id="bases">
        <Table
          caption={k.basesTitle}
          columns={[k.organisation, i.baseName, i.recognisedBy, i.recognisedOn]}
          empty={bases.length ? undefined : k.basesEmpty}
        >
          {bases.map((b) => (
            <tr>
              <td data-label={k.organisation}>{b.organisationName}</td>
              <td data-label={i.baseName}>{b.name}</td>
              <td data-label={i.recognisedBy}>{b.recognisedBy}</td>
              <td data-label={i.recognisedOn}>{formatDate(b.recognisedOn, c.var.lang)}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </Shell>,
  );
}

/** The claim the path names, if it is this bureau's to decide (anything else: not found). */
async function pathClaim(c: Context<PageEnv>): Promise<InternshipClaim> {
  const organisationId = c.req.param('organisationId') ?? '';
  const claimId = c.req.param('claimId') ?? '';
  if (!UUID.test(organisationId) || !UUID.test(claimId)) throw new NotFound('There is nothing at this address');
  return bureauInternshipClaim(c.var.ctx, organisationId, claimId);
}

async function claimPage(
  c: Context<PageEnv>,
  claim: InternshipClaim,
  form?: { which: 'decision' | 'payment'; values: Record<string, string>; errors: FieldError[] },
  status: 200 | 400 | 409 | 412 | 422 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.incentivesExtra.bureauIntern;
  const i = m.incentivesExtra.intern;
  const lang = c.var.lang;
  const here = bureauInternshipClaimPath(claim.organisationId, claim.id);
  const errors = form?.errors ?? [];
  const value = (name: string) => form?.values[name] ?? '';
  const done = c.req.query('done');
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.claimTitle(claim.organisationName, claim.intern.name)}
      crumbs={[
        { label: m.nav.claims, href: BUREAU_CLAIMS },
        { label: k.title, href: HERE },
      ]}
      here={here}
    >
      <ErrorSummary m={m} errors={errors} />
      {done === 'decision' ? <Notice tone="success">{k.decided}</Notice> : null}
      {done === 'payment' ? <Notice tone="success">{k.paid}</Notice> : null}
      <Card title={k.title} id="claim">
        <DescriptionList
          items={[
            [k.organisation, claim.organisationName],
            [k.intern, `${claim.intern.name}（${i.graduationDate}：${formatDate(claim.intern.graduationDate, lang)}）`],
            [i.fullTime, claim.intern.fullTimeStudent ? m.incentivesExtra.yes : m.incentivesExtra.no],
            [i.submittedAt, formatDate(claim.submittedAt.slice(0, 10), lang)],
            [i.status, <ClaimStatus m={m} status={claim.status} />],
            ...(claim.decision?.reason ? [[i.decisionReason, claim.decision.reason] as [string, string]] : []),
            ...(claim.payment
              ? [
                  [i.paidOn, formatDate(claim.payment.paidOn, lang)] as [string, string],
                  [i.paymentReference, claim.payment.reference] as [string, string],
                ]
              : []),
          ]}
        />
        <MonthsTable c={c} months={claim.months} total={claim.total} />
      </Card>
      {claim.status === 'submitted' ? (
        <Card title={k.decisionTitle} id="decision">
          <form method="post" action={`${here}/decision`} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(claim.version)} />
            <Choices
              m={m}
              type="radio"
              name="approved"
              legend={k.decision}
              error={errorFor(errors, 'approved')}
              choices={[
                { value: 'yes', label: k.approve },
                { value: 'no', label: k.refuse },
              ]}
              selected={[value('approved')]}
              inline
            />
            <TextField
              m={m}
              id="reason"
              name="reason"
              label={k.reason}
              value={value('reason')}
              error={errorFor(errors, 'reason')}
              maxlength={300}
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {k.decide}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
      {claim.status === 'approved' ? (
        <Card title={k.paymentTitle} id="payment">
          <form method="post" action={`${here}/payment`} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(claim.version)} />
            <TextField
              m={m}
              id="paidOn"
              name="paidOn"
              type="date"
              width="medium"
              label={k.paidOn}
              value={value('paidOn')}
              error={errorFor(errors, 'paidOn')}
            />
            <TextField
              m={m}
              id="reference"
              name="reference"
              label={k.reference}
              value={value('reference')}
              error={errorFor(errors, 'reference')}
              maxlength={100}
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {k.recordPayment}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
    </Shell>,
    status,
  );
}

export async function bureauInternshipClaimGet(c: Context<PageEnv>) {
  return claimPage(c, await pathClaim(c));
}

/** A refusal of the decision or payment as the form's errors; a claim moved meanwhile says so. */
async function refused(
  c: Context<PageEnv>,
  error: unknown,
  which: 'decision' | 'payment',
  values: Record<string, string>,
) {
  const k = c.var.m.incentivesExtra.bureauIntern;
  if (error instanceof Stale)
    return claimPage(
      c,
      await pathClaim(c),
      { which, values, errors: [{ field: which === 'decision' ? 'approved' : 'paidOn', message: k.errors.stale }] },
      412,
    );
  const shown = formErrors(error, (p, field) =>
    p.code === 'inFuture' ? k.errors.inFuture : field === 'reason' ? k.errors.reason : undefined,
  );
  if (shown) return claimPage(c, await pathClaim(c), { which, values, errors: shown.errors }, shown.status);
  throw error;
}

export async function bureauDecisionPosted(c: Context<PageEnv>) {
  const k = c.var.m.incentivesExtra.bureauIntern;
  const claim = await pathClaim(c);
  const posted = await readForm(c);
  const values = { approved: posted.text('approved'), reason: posted.text('reason') };
  const errors: FieldError[] = [];
  if (values.approved !== 'yes' && values.approved !== 'no')
    errors.push({ field: 'approved', message: k.errors.approved });
  else if (values.approved === 'no' && !values.reason) errors.push({ field: 'reason', message: k.errors.reason });
  if (errors.length) return claimPage(c, claim, { which: 'decision', values, errors }, 400);
  try {
    await decideInternshipClaim(
      c.var.ctx,
      claim.organisationId,
      claim.id,
      { approved: values.approved === 'yes', ...(values.reason ? { reason: values.reason } : {}) },
      formVersion(posted.text('version')) ?? claim.version,
    );
    return c.redirect(`${bureauInternshipClaimPath(claim.organisationId, claim.id)}?done=decision`, 303);
  } catch (error) {
    return refused(c, error, 'decision', values);
  }
}

export async function bureauPaymentPosted(c: Context<PageEnv>) {
  const k = c.var.m.incentivesExtra.bureauIntern;
  const claim = await pathClaim(c);
  const posted = await readForm(c);
  const values = { paidOn: posted.date('paidOn'), reference: posted.text('reference') };
  const errors: FieldError[] = [];
  required(values, errors, 'paidOn', k.errors.paidOn);
  required(values, errors, 'reference', k.errors.reference);
  if (errors.length) return claimPage(c, claim, { which: 'payment', values, errors }, 400);
  try {
    await recordInternshipPayment(
      c.var.ctx,
      claim.organisationId,
      claim.id,
      values,
      formVersion(posted.text('version')) ?? claim.version,
    );
    return c.redirect(`${bureauInternshipClaimPath(claim.organisationId, claim.id)}?done=payment`, 303);
  } catch (error) {
    return refused(c, error, 'payment', values);
  }
}
