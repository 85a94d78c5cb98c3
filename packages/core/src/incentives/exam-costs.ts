import {
  assessExamCostClaim,
  ExamCostClaim,
  type ExamCostRecord,
  type ExamCostReport,
  examCostReport,
  type Lang,
  PROJECT_KINDS,
} from '@shegong/domain';
import { timeOrderedId } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { parsed } from '../input.ts';
import { commitOnce } from '../once.ts';
import { Invalid, Refused } from '../refusals.ts';
import { awardParametersInForce } from './parameters.ts';

/**
 * P-A1 exam costs: the employer records what it reimbursed a staff member for an exam (registration
 * fee, textbooks, round-trip travel as for a business trip). Shown on the person's record and in
 * the organisation's report by year and person.
 */

/** Who records and reads reimbursements: the employer's hr, finance and admin. */
export const EXAM_COST_KEEPERS: MemberPolicy = { kinds: PROJECT_KINDS, roles: ['admin', 'hr', 'finance'] };

/**
 * Records an exam's costs for a person of the registry (NotFound for another organisation's).
 * An exam before the rule set's first year is refused with P-A1 on the exam date, nothing stored.
 * Choice: the first year is the one of the rule set in force today (the reimbursement is decided
 * now, under the rules that apply now).
 */
export async function recordExamCost(
  ctx: UseCaseContext,
  personId: string,
  input: unknown,
  key?: string,
): Promise<{ record: ExamCostRecord; replayed: boolean }> {
  const claim = parsed(ExamCostClaim, input);
  const person = await ctx.repos.people.get(personId);
  if (claim.examDate > ctx.clock.today())
    throw new Invalid('The exam date is in the future; nothing was saved', {
      fields: [{ path: '/examDate', message: `must be today (${ctx.clock.today()}) or earlier`, code: 'inFuture' }],
    });
  const params = await awardParametersInForce(ctx, 'P-A1');
  const assessment = assessExamCostClaim(claim, params);
  if (!assessment.eligible)
    throw new Refused(`Exams before ${assessment.firstYear} are not reimbursed (P-A1); nothing was saved`, {
      reason: 'beforeFirstYear',
      fields: [
        {
          path: '/examDate',
          message: `is in ${assessment.examYear}: exam costs are reimbursed from ${assessment.firstYear} (P-A1)`,
          code: 'beforeFirstYear',
          ruleId: 'P-A1',
          amounts: { examYear: assessment.examYear, firstYear: assessment.firstYear },
        },
      ],
    });
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'examCost.record', input: { personId, claim } },
    () => {
      const record: ExamCostRecord = {
        id: timeOrderedId(),
        personId,
        personName: person.name,
        ...claim,
        assessment,
        recordedAt: new Date().toISOString(),
        by: { userId: ctx.actor.userId },
      };
      const mutation = ctx.repos.scope.mutation();
      ctx.repos.examCosts.stage(mutation, record);
      mutation.audited('examCost.record', 'ExamCost', record.id, 1, record).concerning(record.personId);
      return { mutation, body: record };
    },
  );
  return { record: body, replayed };
}

/** One person's reimbursed exams, by exam day (NotFound for a person not on the registry). */
export async function examCostsOfPerson(ctx: UseCaseContext, personId: string): Promise<ExamCostRecord[]> {
  const [records] = await Promise.all([ctx.repos.examCosts.list(personId), ctx.repos.people.get(personId)]);
  return records;
}

/** The organisation's report (P-A1): by exam year and person, totals in fen; optionally one year. */
export async function examCostReportOf(
  ctx: UseCaseContext,
  year?: number,
): Promise<{ report: ExamCostReport; records: ExamCostRecord[] }> {
  const all = await ctx.repos.examCosts.list();
  const records = year ? all.filter((r) => r.assessment.examYear === year) : all;
  return { report: examCostReport(records), records };
}

/** The signed-in member's own reimbursed exams (我的档案), through the link hr set; none when unlinked. */
export async function myExamCosts(ctx: UseCaseContext): Promise<ExamCostRecord[]> {
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  return link ? ctx.repos.examCosts.list(link.personId) : [];
}

/** The report as xlsx (P-A1), one row per exam with year subtotals, in the reader's language. */
export async function examCostFile(ctx: UseCaseContext, lang: Lang, year?: number): Promise<XlsxFile> {
  const { report, records } = await examCostReportOf(ctx, year);
  const today = ctx.clock.today();
  const en = lang === 'en';
  const bytes = await (await loadWorkbooks()).examCostsWorkbook(
    {
      title: en
        ? `Exam costs reimbursed (P-A1) — ${ctx.tenant.nameEn ?? ctx.tenant.name}${year ? `, ${year}` : ''}`
        : `${ctx.tenant.name}考试费用报销（P-A1）${year ? `　${year}年` : ''}`,
      asOf: today,
      records,
      report,
    },
    lang,
  );
  return { bytes, fileName: `考试费用报销-${today}.xlsx` };
}

/** The people an exam cost can be recorded for (the registry), by name. */
export async function examCostPeople(ctx: UseCaseContext): Promise<{ id: string; name: string }[]> {
  const people = await ctx.repos.people.listAll();
  return people.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
