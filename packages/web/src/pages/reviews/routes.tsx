/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  decideReview,
  JURISDICTION_READERS,
  jurisdictionContractView,
  NotFound,
  permits,
  REVIEWERS,
  reviewQueue,
  reviewsWaiting,
  Stale,
} from '@shegong/core';
import { ReviewDecision, type ReviewReason } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { BLANK_REASON_ROWS, BureauContractPage, MAX_REASON_ROWS, type ReasonRow, reasonFieldId } from './contract.tsx';
import { bureauContractHref, REVIEWS } from './paths.ts';
import { ReviewQueuePage } from './queue.tsx';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIDED = ['approve', 'return'] as const;

/** The organisation and contract a path names; anything that cannot be an id answers 404, as a foreign one does. */
function idsOf(c: Context<PageEnv>): { organisationId: string; contractId: string } {
  const organisationId = c.req.param('organisationId') ?? '';
  const contractId = c.req.param('contractId') ?? '';
  if (!UUID.test(organisationId) || !UUID.test(contractId)) throw new NotFound('There is nothing at this address');
  return { organisationId, contractId };
}

const blankRows = (n: number): ReasonRow[] => Array.from({ length: n }, () => ({ text: '', ruleId: '', field: '' }));

async function contractPage(
  c: Context<PageEnv>,
  ids: { organisationId: string; contractId: string },
  extra: { rows?: ReasonRow[]; errors?: FieldError[]; status?: 200 | 400 | 409; version?: number } = {},
) {
  const [who, view] = await Promise.all([
    signedIn(c),
    jurisdictionContractView(c.var.ctx, ids.organisationId, ids.contractId, extra.version),
  ]);
  const notice = c.req.query('notice') as (typeof DECIDED)[number] | undefined;
  return render(
    c,
    <BureauContractPage
      c={c}
      who={who}
      view={view}
      decides={view.decidable && permits(REVIEWERS, c.var.principal)}
      rows={extra.rows ?? blankRows(BLANK_REASON_ROWS)}
      errors={extra.errors ?? []}
      notice={notice && DECIDED.includes(notice) ? c.var.m.reviews.decided[notice] : undefined}
    />,
    extra.status ?? 200,
  );
}

/** The rows as posted: each row's fields are named by its index, so a blank one keeps its place. */
function postedRows(form: Awaited<ReturnType<typeof readForm>>): ReasonRow[] {
  const count = Number(form.text('reasonRows'));
  const n = Number.isInteger(count) ? Math.min(Math.max(count, BLANK_REASON_ROWS), MAX_REASON_ROWS) : BLANK_REASON_ROWS;
  return Array.from({ length: n }, (_, i) => ({
    text: form.text(reasonFieldId(i, 'text')),
    ruleId: form.text(reasonFieldId(i, 'ruleId')),
    field: form.text(reasonFieldId(i, 'field')),
  }));
}

/**
 * The decision a form holds, or its errors at the rows' fields. Rows left blank are not reasons;
 * each reason remembers its row, so an error lands beside what the reviewer typed.
 */
function decisionOf(
  c: Context<PageEnv>,
  decision: (typeof DECIDED)[number],
  rows: readonly ReasonRow[],
): { decision?: ReviewDecision; errors: FieldError[] } {
  const r = c.var.m.reviews;
  const filled = rows.flatMap((row, index) => (row.text || row.ruleId || row.field ? [{ row, index }] : []));
  const reasons: ReviewReason[] = filled.map(({ row }) => ({
    text: row.text,
    ...(row.ruleId ? { ruleId: row.ruleId } : {}),
    ...(row.field ? { field: row.field } : {}),
  }));
  // An approval carries no reasons: whatever the return rows hold is not part of it.
  const parsed = ReviewDecision.safeParse({ decision, reasons: decision === 'approve' ? [] : reasons });
  if (parsed.success) return { decision: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((issue): FieldError => {
    const [, at, part] = issue.path;
    if (typeof at !== 'number') return { field: reasonFieldId(0, 'text'), message: r.reasonRequired };
    const index = filled[at]?.index ?? 0;
    if (part === 'ruleId') return { field: reasonFieldId(index, 'ruleId'), message: r.ruleUnknown };
    if (part === 'field') return { field: reasonFieldId(index, 'field'), message: r.fieldTooLong };
    return {
      field: reasonFieldId(index, 'text'),
      message: issue.code === 'too_big' ? r.reasonTooLong : `${r.reasonText}${c.var.m.common.colon}${issue.message}`,
    };
  });
  return { errors };
}

/** 合同审核: a bureau's queue, its audit view of a contract, and its reviewer's decision. */
export function reviewRoutes(session: TokenSource) {
  const readers = pageAccess(JURISDICTION_READERS, session);
  const reviewers = pageAccess(REVIEWERS, session);
  return new Hono<PageEnv>()
    .get(REVIEWS, readers, async (c) => {
      const cursor = c.req.query('cursor');
      const [who, page, waiting] = await Promise.all([
        signedIn(c),
        reviewQueue(c.var.ctx, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        reviewsWaiting(c.var.ctx),
      ]);
      return render(
        c,
        <ReviewQueuePage
          c={c}
          who={who}
          items={page.items}
          waiting={waiting}
          cursor={page.cursor}
          paged={Boolean(cursor)}
        />,
      );
    })
    .get('/bureau/contracts/:organisationId/:contractId', readers, async (c) => {
      const raw = c.req.query('version');
      if (raw !== undefined && !/^[1-9]\d{0,3}$/.test(raw)) throw new NotFound('There is nothing at this address');
      return contractPage(c, idsOf(c), raw ? { version: Number(raw) } : {});
    })
    .post('/bureau/contracts/:organisationId/:contractId/decision', reviewers, async (c) => {
      const ids = idsOf(c);
      const r = c.var.m.reviews;
      const form = await readForm(c);
      const rows = postedRows(form);
      const choice = form.text('decision');
      if (choice === 'addRow')
        return contractPage(c, ids, { rows: rows.length < MAX_REASON_ROWS ? [...rows, ...blankRows(1)] : rows });
      if (!(DECIDED as readonly string[]).includes(choice)) throw new NotFound('There is nothing at this address');
      const { decision, errors } = decisionOf(c, choice as (typeof DECIDED)[number], rows);
      if (!decision) return contractPage(c, ids, { rows, errors, status: 400 });
      const version = formVersion(form.text('version'));
      const refused = (message: string) =>
        contractPage(c, ids, { rows, errors: [{ field: 'decision-approve', message }], status: 409 });
      if (version === undefined) return refused(r.stale);
      try {
        await decideReview(c.var.ctx, ids.organisationId, ids.contractId, decision, version);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Stale) return refused(r.stale);
        if (refusal instanceof Conflict) return refused(r.notWaiting);
        throw error;
      }
      return c.redirect(`${bureauContractHref(ids.organisationId, ids.contractId)}?notice=${decision.decision}`, 303);
    });
}
