/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { AwardClaimView, AwardPreview } from '@shegong/core';
import { AWARD_CLAIM_STATUSES, type AwardClaim, type AwardClaimStatus } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterRow,
  Notice,
  Pager,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { AssessmentCard, ClaimFacts, ClaimStatusTag, StepsCard } from './assessment.tsx';
import { AWARD_CLAIM_PREVIEW, AWARD_CLAIMS_POST, NEW_AWARD_CLAIM } from './claim-paths.ts';
import { awardClaimPath, ORG_AWARDS } from './paths.ts';
import { OrgAwardTabs } from './tabs.tsx';

export type OrgNotice = 'created' | 'endorsed' | 'withdrawn';

/** 水平提升奖励: the claims (all for hr/admin, filtered by status; one's own for anyone else). */
export function OrgClaimsPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  claims: readonly AwardClaim[];
  keeper: boolean;
  status?: AwardClaimStatus | undefined;
  cursor?: string | undefined;
  paged: boolean;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const a = m.awards;
  const lang = c.var.lang;
  const here = (status?: string, cursor?: string) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (cursor) q.set('cursor', cursor);
    const s = q.toString();
    return s ? `${ORG_AWARDS}?${s}` : ORG_AWARDS;
  };
  return (
    <Shell
      c={c}
      who={who}
      title={a.orgTitle}
      lead={a.orgLead}
      actions={
        <a class="btn btn-primary" href={NEW_AWARD_CLAIM}>
          {a.newClaim}
        </a>
      }
    >
      <OrgAwardTabs c={c} active="claims" />
      {props.keeper ? (
        <FilterRow
          label={a.filterLabel}
          filters={[
            { label: a.all, href: here(), active: !props.status },
            ...AWARD_CLAIM_STATUSES.map((s) => ({ label: a.statuses[s], href: here(s), active: props.status === s })),
          ]}
        />
      ) : null}
      <Card id="claims">
        <Table
          caption={a.orgTitle}
          columns={[a.colPerson, a.colLevel, a.colDate, a.colAmount, a.colStatus]}
          empty={props.claims.length ? undefined : props.keeper ? a.empty : a.emptyMine}
        >
          {props.claims.map((claim) => (
            <tr>
              <td data-label={a.colPerson}>
                <a href={awardClaimPath(claim.id)}>{claim.personName}</a>
              </td>
              <td data-label={a.colLevel}>{m.staff.certLevels[claim.level]}</td>
              <td data-label={a.colDate}>{formatDate(claim.claimDate, lang)}</td>
              <td data-label={a.colAmount} class="num">
                {formatMoney(claim.amount)}
              </td>
              <td data-label={a.colStatus}>
                <ClaimStatusTag c={c} status={claim.status} />
              </td>
            </tr>
          ))}
        </Table>
        <Pager
          m={m}
          label={a.pagerLabel}
          first={props.paged ? here(props.status) : undefined}
          next={props.cursor ? here(props.status, props.cursor) : undefined}
        />
      </Card>
    </Shell>
  );
}

export interface ClaimFormValues {
  personId: string;
  certificateNumber: string;
}

/**
 * 新建申领: whom (hr/admin choose; anyone else claims for themself), an optional certificate, the
 * claim date (today). 预览 shows the assessment before anything is sent; 提交 sends what was previewed.
 */
export function NewClaimPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  people: readonly { id: string; name: string }[];
  values: ClaimFormValues;
  errors: readonly FieldError[];
  today: string;
  formKey: string;
  preview?: AwardPreview | undefined;
}) {
  const { c, who, values, errors } = props;
  const m = c.var.m;
  const a = m.awards;
  return (
    <Shell
      c={c}
      who={who}
      title={a.formTitle}
      crumbs={[{ label: a.orgTitle, href: ORG_AWARDS }]}
      here={NEW_AWARD_CLAIM}
    >
      <ErrorSummary m={m} errors={errors} />
      <Card id="claim-form">
        <form method="post" action={AWARD_CLAIM_PREVIEW} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={props.formKey} />
          {props.people.length ? (
            <SelectField
              m={m}
              id="personId"
              name="personId"
              label={a.person}
              hint={a.personHint}
              placeholder={a.personPlaceholder}
              options={props.people.map((p) => ({ value: p.id, label: p.name }))}
              value={values.personId}
              error={errorFor(errors, 'personId')}
            />
          ) : null}
          <TextField
            m={m}
            id="certificateNumber"
            name="certificateNumber"
            label={`${a.certificate}${m.common.optional}`}
            hint={a.certificateHint}
            value={values.certificateNumber}
            error={errorFor(errors, 'certificateNumber')}
            width="medium"
            maxlength={40}
          />
          <p>
            {a.claimDate}
            {m.common.colon}
            {formatDate(props.today, c.var.lang)}
          </p>
          <button type="submit" class="btn">
            {a.preview}
          </button>
        </form>
      </Card>
      {props.preview ? (
        <>
          <p class="lead">
            {props.preview.person.name} · {a.previewLead}
          </p>
          <AssessmentCard c={c} assessment={props.preview.assessment} title={a.previewTitle} />
          {props.preview.assessment.eligible ? (
            <form method="post" action={AWARD_CLAIMS_POST} class="actions-row">
              <CsrfInput token={c.var.csrfToken} />
              <input type="hidden" name="_key" value={props.formKey} />
              <input type="hidden" name="personId" value={values.personId} />
              <input type="hidden" name="certificateNumber" value={values.certificateNumber} />
              <button type="submit" class="btn btn-primary" id="send">
                {a.send}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
    </Shell>
  );
}

/** One claim: its facts, the assessment with its reasons, its steps, and what the member may do. */
export function OrgClaimPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  view: AwardClaimView;
  notice?: OrgNotice | undefined;
  error?: string | undefined;
}) {
  const { c, who, view } = props;
  const a = c.var.m.awards;
  const claim = view.claim;
  const action = (verb: 'endorse' | 'withdraw', label: string, primary: boolean) => (
    <form method="post" action={`${awardClaimPath(claim.id)}/${verb}`}>
      <CsrfInput token={c.var.csrfToken} />
      <input type="hidden" name="version" value={String(claim.version)} />
      <button type="submit" class={primary ? 'btn btn-primary' : 'btn'} id={verb}>
        {label}
      </button>
    </form>
  );
  return (
    <Shell
      c={c}
      who={who}
      title={a.detailTitle(claim.personName)}
      crumbs={[{ label: a.orgTitle, href: ORG_AWARDS }]}
      here={awardClaimPath(claim.id)}
      actions={
        view.canEndorse || view.canWithdraw ? (
          <>
            {view.canEndorse ? action('endorse', a.endorse, true) : null}
            {view.canWithdraw ? action('withdraw', a.withdraw, false) : null}
          </>
        ) : undefined
      }
    >
      {props.notice ? <Notice tone="success">{a.notices[props.notice]}</Notice> : null}
      {props.error ? <Notice tone="error">{props.error}</Notice> : null}
      {/* hr and the admin open the person's record from here (to add a certificate, say). */}
      <ClaimFacts
        c={c}
        claim={claim}
        personHref={
          who.principal.roles.some((r) => r === 'admin' || r === 'hr') ? `/org/staff/${claim.personId}` : undefined
        }
      />
      <AssessmentCard c={c} assessment={claim.assessment} title={a.assessment} />
      <StepsCard c={c} claim={claim} />
    </Shell>
  );
}
