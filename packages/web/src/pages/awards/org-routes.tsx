/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  AWARD_CLAIMANTS,
  AWARD_ENDORSERS,
  asRefusal,
  awardClaimPeople,
  Conflict,
  createAwardClaim,
  endorseAwardClaim,
  Forbidden,
  getAwardClaim,
  isAwardKeeper,
  listAwardClaims,
  NotFound,
  previewAwardClaim,
  type Refusal,
  Refused,
  Stale,
  withdrawAwardClaim,
} from '@shegong/core';
import { AWARD_CLAIM_STATUSES, type AwardClaimStatus } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { AWARD_CLAIM_PREVIEW, AWARD_CLAIMS_POST, NEW_AWARD_CLAIM } from './claim-paths.ts';
import { type ClaimFormValues, NewClaimPage, OrgClaimPage, OrgClaimsPage, type OrgNotice } from './org.tsx';
import { awardClaimPath, ORG_AWARDS } from './paths.ts';

/**
 * The organisation's 水平提升奖励 tab (P-A2 … P-A6): the claims, a new claim previewed before it is
 * sent, one claim with its steps, the admin's endorsement and the claimant's withdrawal.
 */

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES: readonly OrgNotice[] = ['created', 'endorsed', 'withdrawn'];

function claimIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('claimId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

/** The claim the form describes, as the use case reads it (an empty field is left out). */
function claimInput(values: ClaimFormValues) {
  return {
    ...(values.personId ? { personId: values.personId } : {}),
    ...(values.certificateNumber ? { certificateNumber: values.certificateNumber } : {}),
  };
}

/** A refusal of a claim or its preview, as the form's field errors (the assessment says the rest). */
function claimErrors(c: Context<PageEnv>, refusal: Refusal): FieldError[] {
  const a = c.var.m.awards;
  const at = (field: string, message: string): FieldError[] => [{ field, message }];
  if (refusal instanceof Conflict) {
    if (refusal.reason === 'notLinked') return at('certificateNumber', a.notLinked);
    if (refusal.reason === 'openClaim') return at('personId', a.openClaim);
    if (refusal.reason === 'noReviewingBureau') return at('personId', a.noBureau);
  }
  if (refusal instanceof Forbidden) return at('personId', a.forbiddenPerson);
  if (refusal instanceof NotFound)
    return at('personId', refusal.reason === 'noRuleSet' ? a.noRuleSet : a.unknownPerson);
  if (refusal instanceof Refused && refusal.reason === 'notEligible')
    return refusal.fields.map((f) => ({
      field: f.path === '/certificateNumber' ? 'certificateNumber' : 'personId',
      message: `${f.ruleId ?? ''} · ${f.message}`,
    }));
  // The schema's own refusals: the field it names.
  return refusal.fields.map((f) =>
    f.path.startsWith('/certificateNumber')
      ? { field: 'certificateNumber', message: a.badCertificate }
      : { field: 'personId', message: a.unknownPerson },
  );
}

async function formPage(
  c: Context<PageEnv>,
  values: ClaimFormValues,
  extra: { errors?: FieldError[]; formKey?: string; status?: 200 | 400 | 409 | 422; preview?: boolean } = {},
) {
  const ctx = c.var.ctx;
  let errors = extra.errors ?? [];
  let preview: Awaited<ReturnType<typeof previewAwardClaim>> | undefined;
  if (extra.preview) {
    try {
      preview = await previewAwardClaim(ctx, claimInput(values));
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal || refusal.kind === 'unauthenticated') throw error;
      errors = [...errors, ...claimErrors(c, refusal)];
    }
  }
  const [who, people] = await Promise.all([signedIn(c), awardClaimPeople(ctx)]);
  return render(
    c,
    <NewClaimPage
      c={c}
      who={who}
      people={people}
      values={values}
      errors={errors}
      today={ctx.clock.today()}
      formKey={extra.formKey ?? randomToken()}
      preview={preview}
    />,
    errors.length && !preview ? (extra.status ?? 400) : (extra.status ?? 200),
  );
}

async function postedValues(c: Context<PageEnv>) {
  const form = await readForm(c);
  const values: ClaimFormValues = {
    personId: form.text('personId'),
    certificateNumber: form.text('certificateNumber'),
  };
  const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
  return { values, key };
}

async function claimPage(c: Context<PageEnv>, claimId: string, extra: { error?: string; status?: 409 } = {}) {
  const [who, view] = await Promise.all([signedIn(c), getAwardClaim(c.var.ctx, claimId)]);
  const notice = c.req.query('notice') as OrgNotice | undefined;
  return render(
    c,
    <OrgClaimPage
      c={c}
      who={who}
      view={view}
      notice={notice && NOTICES.includes(notice) ? notice : undefined}
      error={extra.error}
    />,
    extra.status ?? 200,
  );
}

/** Endorse or withdraw: the version the page showed; a stale or decided claim re-renders with why. */
async function move(
  c: Context<PageEnv>,
  verb: 'endorse' | 'withdraw',
  run: (claimId: string, version: number) => Promise<unknown>,
) {
  const claimId = claimIdOf(c);
  const a = c.var.m.awards;
  const version = formVersion((await readForm(c)).text('version'));
  if (version === undefined) return claimPage(c, claimId, { error: a.stale, status: 409 });
  try {
    await run(claimId, version);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Stale) return claimPage(c, claimId, { error: a.stale, status: 409 });
    if (refusal instanceof Conflict) return claimPage(c, claimId, { error: a.wrongState, status: 409 });
    throw error;
  }
  return c.redirect(`${awardClaimPath(claimId)}?notice=${verb === 'endorse' ? 'endorsed' : 'withdrawn'}`, 303);
}

export function orgAwardRoutes(session: TokenSource) {
  const claimants = pageAccess(AWARD_CLAIMANTS, session);
  const endorsers = pageAccess(AWARD_ENDORSERS, session);
  return new Hono<PageEnv>()
    .get(ORG_AWARDS, claimants, async (c) => {
      const raw = c.req.query('status');
      const status = AWARD_CLAIM_STATUSES.includes(raw as AwardClaimStatus) ? (raw as AwardClaimStatus) : undefined;
      const cursor = c.req.query('cursor');
      const [who, page] = await Promise.all([
        signedIn(c),
        listAwardClaims(c.var.ctx, { status }, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
      ]);
      return render(
        c,
        <OrgClaimsPage
          c={c}
          who={who}
          claims={page.items}
          keeper={isAwardKeeper(c.var.ctx)}
          status={status}
          cursor={page.cursor}
          paged={Boolean(cursor)}
        />,
      );
    })
    .get(NEW_AWARD_CLAIM, claimants, (c) => formPage(c, { personId: '', certificateNumber: '' }))
    .post(AWARD_CLAIM_PREVIEW, claimants, async (c) => {
      const { values, key } = await postedValues(c);
      return formPage(c, values, { formKey: key, preview: true });
    })
    .post(AWARD_CLAIMS_POST, claimants, async (c) => {
      const { values, key } = await postedValues(c);
      try {
        const { claim } = await createAwardClaim(c.var.ctx, claimInput(values), key);
        return c.redirect(`${awardClaimPath(claim.id)}?notice=created`, 303);
      } catch (error) {
        const refusal = asRefusal(error);
        if (!refusal || refusal.kind === 'unauthenticated' || refusal.reason === 'idempotency_mismatch') throw error;
        const status = refusal instanceof Conflict ? 409 : refusal instanceof Refused ? 422 : 400;
        return formPage(c, values, { errors: claimErrors(c, refusal), formKey: randomToken(), status, preview: true });
      }
    })
    .get(`${ORG_AWARDS}/claims/:claimId`, claimants, (c) => claimPage(c, claimIdOf(c)))
    .post(`${ORG_AWARDS}/claims/:claimId/endorse`, endorsers, (c) =>
      move(c, 'endorse', (id, v) => endorseAwardClaim(c.var.ctx, id, v)),
    )
    .post(`${ORG_AWARDS}/claims/:claimId/withdraw`, claimants, (c) =>
      move(c, 'withdraw', (id, v) => withdrawAwardClaim(c.var.ctx, id, v)),
    );
}
