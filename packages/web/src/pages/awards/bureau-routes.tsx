/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  AWARD_DECIDERS,
  AWARD_READERS,
  approveAwardClaim,
  asRefusal,
  awardClaimsFile,
  awardClaimsWaiting,
  awardTotals,
  bureauAwardClaim,
  bureauAwardQueue,
  Conflict,
  historicalAwards,
  Invalid,
  NotFound,
  permits,
  Refused,
  recordAwardPayment,
  recordHistoricalAward,
  refuseAwardClaim,
  Stale,
} from '@shegong/core';
import { BUREAU_CLAIM_STATUSES, type BureauClaimStatus, HistoricalAwardInput } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { amountField } from '../../forms/amount.ts';
import { failingFields, formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import type { FieldError } from '../../layout/components.tsx';
import { xlsxDownload } from '../../layout/download.ts';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import {
  BureauClaimPage,
  type BureauNotice,
  BureauQueuePage,
  type DecisionValues,
  HistoryPage,
  type HistoryValues,
  TotalsPage,
} from './bureau.tsx';
import { AWARD_HISTORY, AWARD_TOTALS, AWARD_TOTALS_XLSX } from './claim-paths.ts';
import { BUREAU_CLAIMS, bureauClaimPath } from './paths.ts';

/**
 * The bureau's 奖励申领审批 (claims), 历史发放记录 (history) and 统计与导出 (totals) tabs: the
 * jurisdiction's claims by state, the reviewer's approval, refusal and payment, awards paid before
 * the product, and the P-A7 totals with their xlsx.
 */

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES: readonly BureauNotice[] = ['approved', 'refused', 'paid'];
const BLANK: DecisionValues = { reason: '', date: '', reference: '' };
const BLANK_HISTORY: HistoryValues = { idCardNumber: '', name: '', date: '', level: '', amount: '', reference: '' };

function claimIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('claimId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

async function claimPage(
  c: Context<PageEnv>,
  claimId: string,
  extra: { values?: DecisionValues; errors?: FieldError[]; status?: 400 | 409 | 422 } = {},
) {
  const [who, view] = await Promise.all([signedIn(c), bureauAwardClaim(c.var.ctx, claimId)]);
  const notice = c.req.query('notice') as BureauNotice | undefined;
  return render(
    c,
    <BureauClaimPage
      c={c}
      who={who}
      view={view}
      mayAct={permits(AWARD_DECIDERS, c.var.principal)}
      values={extra.values ?? { ...BLANK, date: c.var.ctx.clock.today() }}
      errors={extra.errors ?? []}
      notice={notice && NOTICES.includes(notice) ? notice : undefined}
    />,
    extra.status ?? 200,
  );
}

/** Runs a decision; a refusal re-renders the claim with the field's message, nothing written. */
async function decide(
  c: Context<PageEnv>,
  notice: BureauNotice,
  run: (claimId: string, version: number, values: DecisionValues) => Promise<unknown>,
) {
  const claimId = claimIdOf(c);
  const a = c.var.m.awards;
  const form = await readForm(c);
  const values: DecisionValues = {
    reason: form.text('reason'),
    date: form.date('date'),
    reference: form.text('reference'),
  };
  const fail = (field: string, message: string, status: 400 | 409 | 422) =>
    claimPage(c, claimId, { values, errors: [{ field, message }], status });
  const version = formVersion(form.text('version'));
  if (version === undefined) return fail('approve', a.stale, 409);
  try {
    await run(claimId, version, values);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Stale) return fail('approve', a.stale, 409);
    if (refusal instanceof Conflict) return fail('approve', a.wrongState, 409);
    if (refusal instanceof Refused && refusal.reason === 'notEligible')
      return claimPage(c, claimId, {
        values,
        errors: refusal.fields.map((f) => ({ field: 'approve', message: `${f.ruleId ?? ''} · ${f.message}` })),
        status: 422,
      });
    if (refusal instanceof Invalid) {
      const errors = refusal.fields.map((f): FieldError => {
        if (f.path.startsWith('/reason')) return { field: 'reason', message: a.reasonRequired };
        if (f.path.startsWith('/reference')) return { field: 'reference', message: a.payReferenceRequired };
        return { field: 'date', message: a.payDateInvalid };
      });
      return claimPage(c, claimId, { values, errors, status: 400 });
    }
    throw error;
  }
  return c.redirect(`${bureauClaimPath(claimId)}?notice=${notice}`, 303);
}

async function historyPage(
  c: Context<PageEnv>,
  extra: { values?: HistoryValues; errors?: FieldError[]; formKey?: string; status?: 400 | 422; notice?: boolean } = {},
) {
  const cursor = c.req.query('cursor');
  const [who, page] = await Promise.all([
    signedIn(c),
    historicalAwards(c.var.ctx, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  ]);
  return render(
    c,
    <HistoryPage
      c={c}
      who={who}
      entries={page.items}
      mayRecord={permits(AWARD_DECIDERS, c.var.principal)}
      values={extra.values ?? BLANK_HISTORY}
      errors={extra.errors ?? []}
      formKey={extra.formKey ?? randomToken()}
      notice={extra.notice ?? c.req.query('notice') === 'history'}
      cursor={page.cursor}
      paged={Boolean(cursor)}
    />,
    extra.status ?? 200,
  );
}

/** The history form read into the use case's input; errors name each field in the page's words. */
function historyInput(c: Context<PageEnv>, values: HistoryValues) {
  const a = c.var.m.awards;
  const errors: FieldError[] = [];
  const amount = amountField(c.var.m, 'yuan', values.amount, { label: a.historyAmount });
  const input = {
    idCardNumber: values.idCardNumber,
    name: values.name,
    date: values.date,
    level: values.level,
    amount: amount.ok ? amount.value : 0,
    reference: values.reference,
  };
  const parsed = HistoricalAwardInput.safeParse(input);
  const failing = parsed.success ? [] : failingFields(parsed.error.issues);
  for (const field of ['idCardNumber', 'name', 'date', 'level', 'amount', 'reference'] as const) {
    if (field === 'amount' && !amount.ok) errors.push({ field, message: amount.message });
    else if (failing.includes(field)) errors.push({ field, message: a.historyErrors[field] });
  }
  return { input, errors };
}

export function bureauAwardRoutes(session: TokenSource) {
  const readers = pageAccess(AWARD_READERS, session);
  const deciders = pageAccess(AWARD_DECIDERS, session);
  return new Hono<PageEnv>()
    .get(BUREAU_CLAIMS, readers, async (c) => {
      const raw = c.req.query('status');
      const status = BUREAU_CLAIM_STATUSES.includes(raw as BureauClaimStatus) ? (raw as BureauClaimStatus) : 'endorsed';
      const cursor = c.req.query('cursor');
      const [who, page, waiting] = await Promise.all([
        signedIn(c),
        bureauAwardQueue(c.var.ctx, status, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        awardClaimsWaiting(c.var.ctx),
      ]);
      return render(
        c,
        <BureauQueuePage
          c={c}
          who={who}
          status={status}
          items={page.items}
          waiting={waiting}
          cursor={page.cursor}
          paged={Boolean(cursor)}
        />,
      );
    })
    .get(`${BUREAU_CLAIMS}/awards/:claimId`, readers, (c) => claimPage(c, claimIdOf(c)))
    .post(`${BUREAU_CLAIMS}/awards/:claimId/approve`, deciders, (c) =>
      decide(c, 'approved', (id, v) => approveAwardClaim(c.var.ctx, id, v)),
    )
    .post(`${BUREAU_CLAIMS}/awards/:claimId/refuse`, deciders, (c) =>
      decide(c, 'refused', (id, v, values) => refuseAwardClaim(c.var.ctx, id, { reason: values.reason }, v)),
    )
    .post(`${BUREAU_CLAIMS}/awards/:claimId/payment`, deciders, (c) =>
      decide(c, 'paid', (id, v, values) =>
        recordAwardPayment(c.var.ctx, id, { date: values.date, reference: values.reference }, v),
      ),
    )
    .get(AWARD_HISTORY, readers, (c) => historyPage(c))
    .post(AWARD_HISTORY, deciders, async (c) => {
      const form = await readForm(c);
      const values: HistoryValues = {
        idCardNumber: form.text('idCardNumber').toUpperCase(),
        name: form.text('name'),
        date: form.date('date'),
        level: form.text('level'),
        amount: form.text('amount'),
        reference: form.text('reference'),
      };
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const { input, errors } = historyInput(c, values);
      if (errors.length) return historyPage(c, { values, errors, formKey: key, status: 400 });
      try {
        await recordHistoricalAward(c.var.ctx, input, key);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Refused && refusal.reason === 'aboveCeiling')
          return historyPage(c, {
            values,
            errors: [{ field: 'amount', message: c.var.m.awards.historyErrors.aboveCeiling }],
            formKey: randomToken(),
            status: 422,
          });
        if (refusal instanceof Invalid)
          return historyPage(c, {
            values,
            errors: [{ field: 'date', message: c.var.m.awards.historyErrors.date }],
            formKey: randomToken(),
            status: 400,
          });
        throw error;
      }
      return c.redirect(`${AWARD_HISTORY}?notice=history`, 303);
    })
    .get(AWARD_TOTALS, readers, async (c) => {
      const [who, totals] = await Promise.all([signedIn(c), awardTotals(c.var.ctx)]);
      return render(c, <TotalsPage c={c} who={who} totals={totals} />);
    })
    .get(AWARD_TOTALS_XLSX, readers, async (c) => xlsxDownload(c, await awardClaimsFile(c.var.ctx, c.var.lang)));
}
