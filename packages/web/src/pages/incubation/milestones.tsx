/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  asRefusal,
  Conflict,
  GraduationRefused,
  graduationCheck,
  Invalid,
  markMilestone,
  NotFound,
  recordMilestones,
  Stale,
  transitionIncubation,
  undoMilestone,
} from '@shegong/core';
import { type CriterionResult, followsCurrentFigures, type Incubation, tenthsToHours } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { INCUBATED, incubatedPath, recordTabPath } from './paths.ts';
import { RecordTabs } from './record-tabs.tsx';
import { pathRecord } from './support.tsx';
import { milestoneLabel, TEMPLATE_PAGE } from './template.tsx';

const MILESTONE_ID = /^[a-z0-9_]{1,40}$/;

/** What a form post left to show again: the fields as typed, the errors, and a refused graduation's unmet criteria. */
interface MilestonesState {
  /** The milestone whose form was posted, or `graduate`. */
  form?: string;
  values?: Record<string, string>;
  errors?: FieldError[];
  unmet?: readonly CriterionResult[];
  notice?: string;
}

/** A criterion's result in the reader's words (the API's English message is for the API). */
export function criterionWords(c: Context<PageEnv>, r: CriterionResult): string {
  const t = c.var.m.incubationSupport.criterionText;
  const date = (d: string) => formatDate(d, c.var.lang);
  switch (r.criterion.type) {
    case 'milestone':
      return t.milestone(
        milestoneLabel(c, r.criterion.milestoneId, r.milestoneLabel ?? ''),
        r.on ? date(r.on) : undefined,
      );
    case 'midterm_review':
      return t.midtermReview(r.on ? date(r.on) : undefined);
    case 'min_months':
      return t.months(r.have ?? 0, r.need ?? 0);
    case 'min_training_hours':
      return t.hours(tenthsToHours(r.have ?? 0), tenthsToHours(r.need ?? 0));
    case 'registered':
      return t.registered(r.met);
  }
}

async function milestonesPage(
  c: Context<PageEnv>,
  record: Incubation,
  state: MilestonesState = {},
  status: 200 | 400 | 409 | 412 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.incubationSupport;
  const ctx = c.var.ctx;
  const here = recordTabPath(record.id, 'milestones');
  const open = followsCurrentFigures(record);
  const [checklist, graduation] = await Promise.all([
    recordMilestones(ctx, record.id),
    graduationCheck(ctx, record.id),
  ]);
  const errors = state.errors ?? [];
  const unmet = graduation.criteria.filter((r) => !r.met).length;
  const value = (form: string, name: string, fallback = '') =>
    state.form === form ? (state.values?.[name] ?? fallback) : fallback;
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.milestonesTitle(record.organisationName)}
      lead={k.milestonesLead}
      crumbs={[{ label: m.nav.incubated, href: INCUBATED }]}
      here={here}
      actions={
        <a class="btn" href={TEMPLATE_PAGE}>
          {k.editTemplate}
        </a>
      }
    >
      <RecordTabs c={c} organisationId={record.id} active="milestones" />
      <ErrorSummary m={m} errors={errors} />
      {state.notice ? <Notice tone="success">{state.notice}</Notice> : null}
      {c.req.query('graduated') === '1' ? <Notice tone="success">{k.graduated}</Notice> : null}
      {open ? null : <Notice tone="info">{k.closed}</Notice>}
      <Card title={k.checklistTitle} id="checklist">
        <p class="hint">{k.factNote}</p>
        <Table caption={k.checklistTitle} columns={[k.milestone, k.status, k.evidence]}>
          {checklist.milestones.map((ms) => {
            const form = `m-${ms.id}`;
            return (
              <tr id={form}>
                <td data-label={k.milestone} class="cell-note">
                  {milestoneLabel(c, ms.id, ms.label)}
                  {ms.fact ? <p class="hint">{k.facts[ms.fact]}</p> : null}
                </td>
                <td data-label={k.status}>
                  {ms.done ? (
                    <Tag tone="green">{k.done(formatDate(ms.done.on, c.var.lang))}</Tag>
                  ) : (
                    <Tag tone="grey">{k.notDone}</Tag>
                  )}
                </td>
                <td data-label={k.evidence} class="cell-note">
                  {ms.done ? <p>{ms.done.evidence}</p> : null}
                  {open ? (
                    <details class="record-form" open={state.form === form}>
                      <summary class="btn">{ms.done ? k.updateEvidence : k.markDone}</summary>
                      <form method="post" action={`${here}/${ms.id}`} novalidate>
                        <CsrfInput token={c.var.csrfToken} />
                        <input type="hidden" name="version" value={String(checklist.version)} />
                        <TextField
                          m={m}
                          id={`${form}-on`}
                          name="on"
                          label={k.on}
                          hint={k.onHint}
                          type="date"
                          width="medium"
                          value={value(form, 'on', ms.done?.on ?? '')}
                          error={errorFor(errors, `${form}-on`)}
                        />
                        <div class={`field${errorFor(errors, `${form}-evidence`) ? ' field-has-error' : ''}`}>
                          <label class="label" for={`${form}-evidence`}>
                            {k.evidence}
                          </label>
                          {errorFor(errors, `${form}-evidence`) ? (
                            <p class="field-error">{errorFor(errors, `${form}-evidence`)}</p>
                          ) : null}
                          <textarea class="textarea" id={`${form}-evidence`} name="evidence" rows={3} maxlength={1000}>
                            {value(form, 'evidence', ms.done?.evidence ?? '')}
                          </textarea>
                        </div>
                        <div class="actions">
                          <button type="submit" class="btn btn-primary">
                            {k.save}
                          </button>
                        </div>
                      </form>
                    </details>
                  ) : null}
                  {open && ms.done ? (
                    <form method="post" action={`${here}/${ms.id}/undo`} class="inline-form">
                      <CsrfInput token={c.var.csrfToken} />
                      <input type="hidden" name="version" value={String(checklist.version)} />
                      <button type="submit" class="btn btn-link">
                        {k.undo}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
      </Card>
      <Card title={k.criteriaTitle} id="criteria">
        {open ? <p>{unmet ? k.someUnmet(unmet) : k.allMet}</p> : null}
        <Table caption={k.criteriaTitle} columns={[k.criteriaTitle, k.status]}>
          {graduation.criteria.map((r) => (
            <tr>
              <td data-label={k.criteriaTitle} class="cell-note">
                <strong>{k.criterionTypes[r.criterion.type]}</strong> · {criterionWords(c, r)}
              </td>
              <td data-label={k.status}>
                <Tag tone={r.met ? 'green' : 'red'}>{r.met ? k.met : k.unmet}</Tag>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      {open ? (
        <Card title={k.graduateTitle} id="graduate">
          <p class="hint">{k.graduateLead}</p>
          {state.unmet?.length ? (
            <div class="notice notice-error" role="alert" id="unmet">
              <p>{k.graduateRefused}</p>
              <ul>
                {state.unmet.map((r) => (
                  <li>{criterionWords(c, r)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <form method="post" action={`${incubatedPath(record.id)}/graduate`} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(record.version)} />
            <TextField
              m={m}
              id="graduate-on"
              name="on"
              label={k.graduateOn}
              hint={k.onHint}
              type="date"
              width="medium"
              value={value('graduate', 'on', ctx.clock.today())}
              error={errorFor(errors, 'graduate-on')}
            />
            <TextField
              m={m}
              id="graduate-note"
              name="note"
              label={k.note}
              value={value('graduate', 'note')}
              error={errorFor(errors, 'graduate-note')}
              maxlength={2000}
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {k.graduate}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
    </Shell>,
    status,
  );
}

export async function milestonesGet(c: Context<PageEnv>) {
  return milestonesPage(c, await pathRecord(c));
}

/** The milestone the path names (its form's id on the page); an id no checklist could hold is not there. */
function pathMilestone(c: Context<PageEnv>): string {
  const id = c.req.param('milestoneId') ?? '';
  if (!MILESTONE_ID.test(id)) throw new NotFound('There is no such milestone');
  return id;
}

export async function milestonePosted(c: Context<PageEnv>) {
  const record = await pathRecord(c);
  const milestoneId = pathMilestone(c);
  const k = c.var.m.incubationSupport;
  const posted = await readForm(c);
  const form = `m-${milestoneId}`;
  const values = { on: posted.date('on'), evidence: posted.text('evidence') };
  try {
    await markMilestone(c.var.ctx, record.id, milestoneId, values, formVersion(posted.text('version')) ?? -1);
    return c.redirect(`${recordTabPath(record.id, 'milestones')}#checklist`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid) {
      const errors = refusal.fields.map((f) => {
        const name = f.path === '/evidence' ? 'evidence' : 'on';
        const message =
          name === 'evidence' ? k.errors.evidence : f.code === 'inFuture' ? k.errors.inFuture : k.errors.on;
        return { field: `${form}-${name}`, message };
      });
      return milestonesPage(c, record, { form, values, errors }, 400);
    }
    if (refusal instanceof Stale)
      return milestonesPage(
        c,
        record,
        { form, values, errors: [{ field: `${form}-on`, message: c.var.m.errors.stale }] },
        412,
      );
    throw error;
  }
}

export async function undoPosted(c: Context<PageEnv>) {
  const record = await pathRecord(c);
  const milestoneId = pathMilestone(c);
  const posted = await readForm(c);
  try {
    await undoMilestone(c.var.ctx, record.id, milestoneId, formVersion(posted.text('version')) ?? -1);
  } catch (error) {
    const refusal = asRefusal(error);
    // Undone meanwhile, or changed: the checklist as it is now says which.
    if (!(refusal instanceof Stale || (refusal instanceof Conflict && refusal.reason === 'notDone'))) throw error;
  }
  return c.redirect(`${recordTabPath(record.id, 'milestones')}#checklist`, 303);
}

export async function graduatePosted(c: Context<PageEnv>) {
  const record = await pathRecord(c);
  const k = c.var.m.incubationSupport;
  const posted = await readForm(c);
  const values = { on: posted.date('on'), note: posted.text('note') };
  const state = { form: 'graduate', values };
  try {
    await transitionIncubation(
      c.var.ctx,
      record.id,
      { move: 'graduate', on: values.on, ...(values.note ? { note: values.note } : {}) },
      formVersion(posted.text('version')) ?? -1,
    );
    return c.redirect(`${recordTabPath(record.id, 'milestones')}?graduated=1`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof GraduationRefused)
      return milestonesPage(
        c,
        record,
        { ...state, unmet: refusal.unmet, errors: [{ field: 'unmet', message: k.graduateRefused }] },
        409,
      );
    if (refusal instanceof Conflict)
      return milestonesPage(
        c,
        record,
        {
          ...state,
          errors: [{ field: 'graduate-on', message: refusal.reason === 'notReviewed' ? k.notReviewed : k.notOpen }],
        },
        409,
      );
    if (refusal instanceof Invalid) {
      const errors = refusal.fields.map((f) =>
        f.path === '/note'
          ? { field: 'graduate-note', message: k.errors.note }
          : { field: 'graduate-on', message: f.code === 'inFuture' ? k.errors.inFuture : k.errors.on },
      );
      return milestonesPage(c, record, { ...state, errors }, 400);
    }
    if (refusal instanceof Stale)
      return milestonesPage(
        c,
        await pathRecord(c),
        { ...state, errors: [{ field: 'graduate-on', message: c.var.m.errors.stale }] },
        412,
      );
    throw error;
  }
}
