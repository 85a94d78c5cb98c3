/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { examCostPeople, examCostReportOf, recordExamCost } from '@shegong/core';
import { CERTIFICATE_LEVELS, type ExamCostRecord } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { amountField } from '../../forms/amount.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
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
 * 考试费用报销 (P-A1): the organisation's report of reimbursed exam costs by year and person, its
 * xlsx, and the form hr, finance or admin record one with. An exam before the first year is
 * refused beside the exam date with P-A1.
 */

const HERE = orgAwardTabPath('examCosts');
export const EXAM_COSTS_PAGE = HERE;
export const EXAM_COSTS_XLSX = `${HERE}.xlsx`;
const FIELDS = ['personId', 'examDate', 'level', 'registrationFee', 'textbooks', 'travel'] as const;

const yearOf = (c: Context<PageEnv>) => {
  const year = c.req.query('year') ?? '';
  return /^\d{4}$/.test(year) ? Number(year) : undefined;
};

async function examCostsPage(
  c: Context<PageEnv>,
  values: Record<string, string> = {},
  errors: FieldError[] = [],
  status: 200 | 400 | 409 | 422 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const e = m.incentivesExtra.exam;
  const year = yearOf(c);
  const [people, { report }, all] = await Promise.all([
    examCostPeople(c.var.ctx),
    examCostReportOf(c.var.ctx, year),
    examCostReportOf(c.var.ctx),
  ]);
  const years = all.report.years.map((y) => y.year);
  const rule = <RuleBadge rule="P-A1" rules={m.policyRules} />;
  const text = (name: (typeof FIELDS)[number], label: string, hint?: string) => (
    <TextField
      m={m}
      id={name}
      name={name}
      label={label}
      hint={hint}
      value={values[name]}
      error={errorFor(errors, name)}
      inputmode="decimal"
      width="medium"
    />
  );
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={e.title}
      lead={e.lead}
      crumbs={[{ label: m.nav.awards, href: ORG_AWARDS }]}
      here={HERE}
    >
      <OrgAwardTabs c={c} active="examCosts" />
      <ErrorSummary m={m} errors={errors} />
      {c.req.query('recorded') === '1' ? <Notice tone="success">{e.recorded}</Notice> : null}
      <Card
        title={e.reportTitle}
        id="report"
        extra={
          <a class="btn" href={`${EXAM_COSTS_XLSX}${year ? `?year=${year}` : ''}`}>
            {e.export}
          </a>
        }
      >
        <form class="filters" method="get" action={HERE}>
          <SelectField
            m={m}
            id="year"
            name="year"
            label={e.year}
            placeholder={e.allYears}
            value={year ? String(year) : ''}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <button type="submit" class="btn">
            {e.filter}
          </button>
        </form>
        <Table
          caption={e.reportTitle}
          columns={[e.year, e.person, e.exams, e.total]}
          empty={report.years.length ? undefined : e.empty}
        >
          {report.years.flatMap((y) => [
            ...y.people.map((p) => (
              <tr>
                <td data-label={e.year}>{y.year}</td>
                <td data-label={e.person}>{p.personName}</td>
                <td data-label={e.exams}>{p.exams}</td>
                <td data-label={e.total} class="num">
                  {formatMoney(p.total)}
                </td>
              </tr>
            )),
            <tr class="row-total">
              <td data-label={e.year}>{y.year}</td>
              <td data-label={e.person}>{e.yearTotal(y.year)}</td>
              <td data-label={e.exams}>{y.people.reduce((s, p) => s + p.exams, 0)}</td>
              <td data-label={e.total} class="num">
                {formatMoney(y.total)} {rule}
              </td>
            </tr>,
          ])}
        </Table>
        {report.years.length ? (
          <p class="figure-total">
            {e.grandTotal}：<strong>{formatMoney(report.total)}</strong> {rule}
          </p>
        ) : null}
      </Card>
      <Card title={e.recordTitle} id="record">
        {people.length ? (
          <form method="post" action={HERE} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="_key" value={randomToken()} />
            <SelectField
              m={m}
              id="personId"
              name="personId"
              label={e.person}
              placeholder={e.choosePerson}
              value={values.personId}
              error={errorFor(errors, 'personId')}
              options={people.map((p) => ({ value: p.id, label: p.name }))}
            />
            <TextField
              m={m}
              id="examDate"
              name="examDate"
              type="date"
              width="medium"
              label={e.examDate}
              value={values.examDate}
              error={errorFor(errors, 'examDate')}
            />
            <SelectField
              m={m}
              id="level"
              name="level"
              label={e.level}
              placeholder={e.chooseLevel}
              value={values.level}
              error={errorFor(errors, 'level')}
              options={CERTIFICATE_LEVELS.map((l) => ({ value: l, label: m.incentivesExtra.levels[l] }))}
            />
            {text('registrationFee', e.registrationFee)}
            {text('textbooks', e.textbooks)}
            {text('travel', e.travel, e.travelHint)}
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {m.incentivesExtra.save}
              </button>
            </div>
          </form>
        ) : (
          <p class="empty">{e.noPeople}</p>
        )}
      </Card>
    </Shell>,
    status,
  );
}

export const examCostsGet = (c: Context<PageEnv>) => examCostsPage(c);

export async function examCostsPosted(c: Context<PageEnv>) {
  const m = c.var.m;
  const e = m.incentivesExtra.exam;
  const posted = await readForm(c);
  const values = Object.fromEntries(
    FIELDS.map((f) => [f, f === 'examDate' ? posted.date(f) : posted.text(f)]),
  ) as Record<string, string>;
  const errors: FieldError[] = [];
  required(values, errors, 'personId', e.errors.person);
  required(values, errors, 'examDate', e.errors.examDate);
  required(values, errors, 'level', e.errors.level);
  const amounts: Record<string, number> = {};
  for (const [name, label] of [
    ['registrationFee', e.registrationFee],
    ['textbooks', e.textbooks],
    ['travel', e.travel],
  ] as const) {
    const read = amountField(m, 'yuan', values[name] || '0', { label });
    if (read.ok) amounts[name] = read.value;
    else errors.push({ field: name, message: read.message });
  }
  if (errors.length) return examCostsPage(c, values, errors, 400);
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  try {
    await recordExamCost(
      c.var.ctx,
      values.personId ?? '',
      { examDate: values.examDate, level: values.level, ...amounts },
      key,
    );
    return c.redirect(`${HERE}?recorded=1`, 303);
  } catch (error) {
    const shown = formErrors(error, (p) =>
      p.code === 'beforeFirstYear'
        ? e.errors.beforeFirstYear(p.amounts?.examYear ?? '', p.amounts?.firstYear ?? '')
        : p.code === 'inFuture'
          ? e.errors.inFuture
          : undefined,
    );
    if (shown) return examCostsPage(c, values, shown.errors, shown.status);
    throw error;
  }
}

/** A person's reimbursed exams, as the staff page and 我的档案 show them (a small section). */
export function ExamCostSection(props: { c: Context<PageEnv>; records: readonly ExamCostRecord[] }) {
  const m = props.c.var.m;
  const e = m.incentivesExtra.exam;
  return (
    <Card title={e.sectionTitle} id="exam-costs">
      <Table
        caption={e.sectionTitle}
        columns={[e.examDate, e.level, e.total]}
        empty={props.records.length ? undefined : e.sectionEmpty}
      >
        {props.records.map((r) => (
          <tr>
            <td data-label={e.examDate}>{formatDate(r.examDate, props.c.var.lang)}</td>
            <td data-label={e.level}>{m.incentivesExtra.levels[r.level]}</td>
            <td data-label={e.total} class="num">
              {formatMoney(r.assessment.total)} <RuleBadge rule="P-A1" rules={m.policyRules} />
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
