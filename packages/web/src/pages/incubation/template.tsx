/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { asRefusal, getIncubationTemplate, Invalid, Stale, saveIncubationTemplate } from '@shegong/core';
import {
  DEFAULT_TEMPLATE,
  type GraduationCriterion,
  type IncubationTemplate,
  MAX_MILESTONES,
  tenthsToHours,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { amountField } from '../../forms/amount.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import {
  Card,
  Checkbox,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  TextField,
} from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, signedIn } from '../../layout/shell.tsx';

/** The base's template: its milestone checklist and graduation criteria. */
export const TEMPLATE_PAGE = '/incubator/template';
/** Empty rows the form offers for new milestones. */
const NEW_ROWS = 3;

/**
 * A milestone's name for the reader: the base's own words, except a default milestone still named
 * as the defaults name it, which each language says in its own words.
 */
export function milestoneLabel(c: Context<PageEnv>, id: string, label: string): string {
  const byDefault = DEFAULT_TEMPLATE.milestones.find((m) => m.id === id)?.label === label;
  return byDefault ? (c.var.m.incubationSupport.defaultLabels[id] ?? label) : label;
}

/** The form as typed: one row per milestone (id hidden, blank for a new one), and the other criteria. */
interface TemplateForm {
  rows: { id: string; label: string; required: boolean }[];
  midtermReview: boolean;
  registered: boolean;
  minMonths: string;
  minTrainingHours: string;
}

function formOf(c: Context<PageEnv>, template: IncubationTemplate): TemplateForm {
  const required = new Set(template.criteria.flatMap((x) => (x.type === 'milestone' ? [x.milestoneId] : [])));
  const find = <T extends GraduationCriterion['type']>(type: T) =>
    template.criteria.find((x): x is Extract<GraduationCriterion, { type: T }> => x.type === type);
  return {
    rows: template.milestones.map((ms) => ({
      id: ms.id,
      label: milestoneLabel(c, ms.id, ms.label),
      required: required.has(ms.id),
    })),
    midtermReview: !!find('midterm_review'),
    registered: !!find('registered'),
    minMonths: String(find('min_months')?.months ?? ''),
    minTrainingHours: (() => {
      const hours = find('min_training_hours');
      return hours ? tenthsToHours(hours.tenthHours) : '';
    })(),
  };
}

async function templatePage(
  c: Context<PageEnv>,
  template: IncubationTemplate,
  form: TemplateForm,
  errors: FieldError[] = [],
  status: 200 | 400 | 412 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.incubationSupport;
  const rows = [
    ...form.rows,
    ...Array.from({ length: Math.max(0, Math.min(NEW_ROWS, MAX_MILESTONES - form.rows.length)) }, () => ({
      id: '',
      label: '',
      required: false,
    })),
  ];
  return render(
    c,
    <Shell c={c} who={who} title={k.templateTitle} lead={k.templateLead} here={TEMPLATE_PAGE}>
      <ErrorSummary m={m} errors={errors} />
      {c.req.query('saved') === '1' ? <Notice tone="success">{k.saved}</Notice> : null}
      {template.isDefault ? <Notice tone="info">{k.usingDefault}</Notice> : null}
      <form method="post" action={TEMPLATE_PAGE} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="version" value={String(template.version)} />
        <input type="hidden" name="rows" value={String(rows.length)} />
        <Card title={k.milestonesLegend} id="milestones">
          <p class="hint">{k.milestonesHint}</p>
          {errorFor(errors, 'milestones') ? <p class="field-error">{errorFor(errors, 'milestones')}</p> : null}
          {rows.map((row, i) => (
            <div class="template-row">
              <input type="hidden" name={`milestone-${i}-id`} value={row.id} />
              <TextField
                m={m}
                id={`milestone-${i}-label`}
                name={`milestone-${i}-label`}
                label={k.milestoneLabel(i + 1)}
                value={row.label}
                error={errorFor(errors, `milestone-${i}-label`)}
                maxlength={100}
              />
              <Checkbox id={`milestone-${i}-required`} label={k.required} checked={row.required} />
            </div>
          ))}
        </Card>
        <Card title={k.criteriaLegend} id="criteria">
          <Checkbox id="midtermReview" label={k.midtermRequired} checked={form.midtermReview} />
          <Checkbox id="registered" label={k.registeredRequired} checked={form.registered} />
          <TextField
            m={m}
            id="minMonths"
            name="minMonths"
            label={k.minMonths}
            hint={k.minMonthsHint}
            value={form.minMonths}
            error={errorFor(errors, 'minMonths')}
            inputmode="numeric"
            width="short"
          />
          <TextField
            m={m}
            id="minTrainingHours"
            name="minTrainingHours"
            label={k.minTrainingHours}
            hint={k.minTrainingHoursHint}
            value={form.minTrainingHours}
            error={errorFor(errors, 'minTrainingHours')}
            inputmode="decimal"
            width="short"
          />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {k.saveTemplate}
            </button>
          </div>
        </Card>
      </form>
    </Shell>,
    status,
  );
}

export async function templateGet(c: Context<PageEnv>) {
  const template = await getIncubationTemplate(c.var.ctx);
  return templatePage(c, template, formOf(c, template));
}

/**
 * The template the form describes. A new row's id is made from its position and the time (the
 * base never types ids); a default milestone whose name the form shows in the reader's language
 * keeps the stored (Chinese) name unless the base changed it.
 */
export async function templatePosted(c: Context<PageEnv>) {
  const m = c.var.m;
  const k = m.incubationSupport;
  const posted = await readForm(c);
  const count = Math.min(Number(posted.text('rows')) || 0, MAX_MILESTONES + NEW_ROWS);
  const form: TemplateForm = {
    rows: Array.from({ length: count }, (_, i) => ({
      id: /^[a-z0-9_]{1,40}$/.test(posted.text(`milestone-${i}-id`)) ? posted.text(`milestone-${i}-id`) : '',
      label: posted.text(`milestone-${i}-label`),
      required: posted.text(`milestone-${i}-required`) === '1',
    })).filter((row) => row.label),
    midtermReview: posted.text('midtermReview') === '1',
    registered: posted.text('registered') === '1',
    minMonths: posted.text('minMonths'),
    minTrainingHours: posted.text('minTrainingHours'),
  };
  const stamp = Date.now().toString(36);
  const milestones = form.rows.map((row, i) => {
    const id = row.id || `m${stamp}_${i}`;
    const standard = DEFAULT_TEMPLATE.milestones.find((d) => d.id === id);
    const shown = standard ? k.defaultLabels[id] : undefined;
    return { id, label: standard && row.label === shown ? standard.label : row.label };
  });
  form.rows = form.rows.map((row, i) => ({ ...row, id: milestones[i]?.id ?? row.id }));
  const errors: FieldError[] = [];
  const criteria: GraduationCriterion[] = [
    ...(form.registered ? [{ type: 'registered' as const }] : []),
    ...(form.midtermReview ? [{ type: 'midterm_review' as const }] : []),
  ];
  if (form.minMonths) {
    const months = /^\d{1,2}$/.test(form.minMonths) ? Number(form.minMonths) : Number.NaN;
    if (months >= 1 && months <= 60) criteria.push({ type: 'min_months', months });
    else errors.push({ field: 'minMonths', message: k.errors.minMonths });
  }
  if (form.minTrainingHours) {
    const hours = amountField(m, 'hours', form.minTrainingHours, {
      label: k.minTrainingHours,
      bound: { maxValue: 20_000 },
    });
    if (hours.ok && hours.value > 0) criteria.push({ type: 'min_training_hours', tenthHours: hours.value });
    else
      errors.push({
        field: 'minTrainingHours',
        message: hours.ok ? m.errors.amount(k.minTrainingHours, 'hours', { problem: 'empty' }) : hours.message,
      });
  }
  form.rows.forEach((row, i) => {
    const id = milestones[i]?.id;
    if (row.required && id) criteria.push({ type: 'milestone', milestoneId: id });
  });
  const current = await getIncubationTemplate(c.var.ctx);
  if (!milestones.length)
    errors.push({ field: 'milestones', href: 'milestone-0-label', message: k.errors.milestonesRequired });
  if (errors.length) return templatePage(c, current, form, errors, 400);
  try {
    await saveIncubationTemplate(c.var.ctx, { milestones, criteria }, formVersion(posted.text('version')) ?? -1);
    return c.redirect(`${TEMPLATE_PAGE}?saved=1`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid) {
      const shown = refusal.fields.map((f) => {
        const row = /^\/milestones\/(\d+)/.exec(f.path)?.[1];
        if (row !== undefined) return { field: `milestone-${row}-label`, message: k.errors.milestoneLabel };
        return {
          field: 'milestones',
          href: 'milestone-0-label',
          message: f.path === '/milestones' ? k.errors.tooMany : k.errors.milestoneLabel,
        };
      });
      return templatePage(c, current, form, shown, 400);
    }
    if (refusal instanceof Stale)
      return templatePage(
        c,
        current,
        formOf(c, current),
        [{ field: 'milestones', href: 'milestone-0-label', message: m.errors.stale }],
        412,
      );
    throw error;
  }
}
