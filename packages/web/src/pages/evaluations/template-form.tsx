/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { asRefusal, createTemplate, Invalid } from '@shegong/core';
import { EvaluationTemplateInput } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formBody, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { CsrfInput, ErrorSummary, errorFor, type FieldError, TextField } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { BUREAU_EVALUATIONS } from './paths.ts';

/** A new template's form: a name and up to ROWS indicators (empty rows are left out). */
export const TEMPLATE_FORM = `${BUREAU_EVALUATIONS}/templates/new`;
const ROWS = 8;

interface TemplateForm {
  name: string;
  rows: { name: string; weight: string; maxScore: string }[];
}

const emptyForm = (): TemplateForm => ({
  name: '',
  rows: Array.from({ length: ROWS }, () => ({ name: '', weight: '', maxScore: '' })),
});

export async function templatePage(
  c: Context<PageEnv>,
  form = emptyForm(),
  errors: FieldError[] = [],
  status: 200 | 400 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.evaluations;
  const t = k.templateForm;
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={t.title}
      lead={t.lead}
      crumbs={[{ label: k.title, href: BUREAU_EVALUATIONS }]}
      here={TEMPLATE_FORM}
    >
      <ErrorSummary m={m} errors={errors} />
      <form method="post" action={TEMPLATE_FORM} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="_key" value={randomToken()} />
        <TextField m={m} id="name" name="name" label={t.name} value={form.name} error={errorFor(errors, 'name')} />
        <fieldset class="fieldset" id="indicators">
          <legend class="label">{t.indicators}</legend>
          <p class="hint">{t.indicatorsHint}</p>
          {errorFor(errors, 'indicators') ? <p class="field-error">{errorFor(errors, 'indicators')}</p> : null}
          {form.rows.map((row, i) => (
            <div class="indicator-row">
              <TextField
                m={m}
                id={`indicator-${i}-name`}
                name="indicatorName"
                label={t.indicatorName(i + 1)}
                value={row.name}
                error={errorFor(errors, `indicator-${i}-name`)}
              />
              <TextField
                m={m}
                id={`indicator-${i}-weight`}
                name="indicatorWeight"
                label={t.weight}
                value={row.weight}
                error={errorFor(errors, `indicator-${i}-weight`)}
                inputmode="numeric"
                width="short"
              />
              <TextField
                m={m}
                id={`indicator-${i}-maxScore`}
                name="indicatorMax"
                label={t.maxScore}
                value={row.maxScore}
                error={errorFor(errors, `indicator-${i}-maxScore`)}
                inputmode="numeric"
                width="short"
              />
            </div>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t.submit}
          </button>
        </div>
      </form>
    </Shell>,
    status,
  );
}

export async function templatePosted(c: Context<PageEnv>) {
  const t = c.var.m.evaluations.templateForm;
  const posted = await readForm(c);
  // The rows as posted, by position (readForm's lists drop empty values; a row left empty must stay
  // in its place, so that an error names the right row).
  const body = await formBody(c);
  const byPosition = (name: string): string[] => {
    const value = body[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return all.map((v) => (typeof v === 'string' ? v.trim() : ''));
  };
  const [names, weights, maxima] = ['indicatorName', 'indicatorWeight', 'indicatorMax'].map(byPosition);
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    name: names?.[i] ?? '',
    weight: weights?.[i] ?? '',
    maxScore: maxima?.[i] ?? '',
  }));
  const form: TemplateForm = { name: posted.text('name'), rows };
  const used = rows.map((r, i) => ({ ...r, i })).filter((r) => r.name || r.weight || r.maxScore);
  const whole = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : Number.NaN);
  const parsed = EvaluationTemplateInput.safeParse({
    name: form.name,
    indicators: used.map((r) => ({ name: r.name, weight: whole(r.weight), maxScore: whole(r.maxScore) })),
  });
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path;
      if (head === 'name') errors.push({ field: 'name', message: t.errors.name });
      else if (head === 'indicators' && index === undefined) {
        const sum = used.reduce((total, r) => total + (whole(r.weight) || 0), 0);
        const message = used.length ? t.errors.weights(sum) : t.errors.none;
        errors.push({ field: 'indicators', message, href: 'indicator-0-name' });
      } else if (head === 'indicators') {
        const row = used[Number(index)]?.i ?? 0;
        if (field === 'weight') errors.push({ field: `indicator-${row}-weight`, message: t.errors.weight(row + 1) });
        else if (field === 'maxScore')
          errors.push({ field: `indicator-${row}-maxScore`, message: t.errors.maxScore(row + 1) });
        else errors.push({ field: `indicator-${row}-name`, message: t.errors.rowName(row + 1) });
      }
    }
    return templatePage(c, form, errors, 400);
  }
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  try {
    await createTemplate(c.var.ctx, parsed.data, key);
  } catch (error) {
    if (asRefusal(error) instanceof Invalid)
      return templatePage(c, form, [{ field: 'name', message: t.errors.name }], 400);
    throw error;
  }
  return c.redirect(`${BUREAU_EVALUATIONS}#templates`, 303);
}
