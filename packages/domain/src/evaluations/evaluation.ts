import { z } from 'zod';
import type { RuleSetParameters } from '../rules/rule-set.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { count, date, instant } from '../units/units.ts';

/**
 * N-6: a bureau evaluates a contract (评估) from a template of weighted indicators it keeps, and
 * grades the total with the rule set's thresholds (default ≥ 90 优秀, 80–89 良好, 60–79 合格,
 * < 60 不合格). An evaluation is a spot check (the contract was drawn in the year's sample) or the
 * final evaluation, due in the contract's last month.
 */

const name = (max: number) =>
  plainLine(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));

export const Indicator = z.strictObject({
  name: name(60),
  /** Its share of the total of 100. */
  weight: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100),
  /** The most an evaluator can give it. */
  maxScore: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000),
});
export type Indicator = z.infer<typeof Indicator>;

/** What a bureau sends to keep a template: the weights add up to 100, no indicator twice. */
export const EvaluationTemplateInput = z
  .strictObject({
    name: name(80),
    indicators: z.array(Indicator).min(1, 'name at least one indicator').max(30, 'at most 30 indicators'),
  })
  .superRefine((t, ctx) => {
    const sum = t.indicators.reduce((s, i) => s + (Number.isInteger(i.weight) ? i.weight : 0), 0);
    if (sum !== 100)
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: `the weights must add up to 100, not ${sum}` });
    const seen = new Set<string>();
    t.indicators.forEach((i, n) => {
      if (seen.has(i.name))
        ctx.addIssue({ code: 'custom', path: ['indicators', n, 'name'], message: 'names an indicator twice' });
      seen.add(i.name);
    });
  })
  .meta({ id: 'EvaluationTemplateInput', description: 'Indicators with weights adding up to 100 (N-6)' });
export type EvaluationTemplateInput = z.infer<typeof EvaluationTemplateInput>;

export const EvaluationTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    indicators: z.array(Indicator),
    builtIn: z.boolean().describe('The default template that ships: read only'),
    version: count.describe('The ETag’s number: send it back in If-Match'),
    updatedAt: instant.optional(),
  })
  .meta({ id: 'EvaluationTemplate' });
export type EvaluationTemplate = z.infer<typeof EvaluationTemplate>;

/**
 * The template every bureau has without keeping one: the four areas evaluation schemes in
 * Guangdong practice score (project management, service outcomes, professional practice, finance),
 * one point per score point. Illustrative: a bureau keeps its own.
 */
export const DEFAULT_EVALUATION_TEMPLATE: EvaluationTemplate = {
  id: 'default',
  name: '默认评估模板（示例）',
  indicators: [
    { name: '项目管理', weight: 20, maxScore: 20 },
    { name: '服务成效', weight: 40, maxScore: 40 },
    { name: '专业规范', weight: 20, maxScore: 20 },
    { name: '财务管理', weight: 20, maxScore: 20 },
  ],
  builtIn: true,
  version: 1,
};

export const EVALUATION_KINDS = ['spot_check', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** What an evaluator sends: one score per indicator of the template, in its order. */
export const NewEvaluation = z.strictObject({
  kind: z.enum(EVALUATION_KINDS, { error: `must be one of ${EVALUATION_KINDS.join(', ')}` }),
  templateId: z.string().min(1).max(40),
  /** The year of the spot check the contract was drawn in (a spot check only). */
  spotCheckYear: z.number().int().min(2000).max(2100).optional(),
  scores: z
    .array(z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'cannot be negative'))
    .max(30),
  evaluatedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-01')
    .optional(),
  notes: plainNotes(z.string().trim().max(2000, 'must be at most 2000 characters')).optional(),
});
export type NewEvaluation = z.infer<typeof NewEvaluation>;

export const ScoredIndicator = Indicator.extend({
  score: count,
  points: count.describe('Its share of the total, hundredths of a point: round(score × weight × 100 / maxScore)'),
});
export type ScoredIndicator = z.infer<typeof ScoredIndicator>;

export const EvaluationScore = z.object({
  indicators: z.array(ScoredIndicator),
  total: count.describe('Out of 100, in hundredths of a point (8950 is 89.50)'),
  grade: z.enum(GRADES),
  thresholds: z.object({ excellent: count, good: count, pass: count }).describe('The grade thresholds applied'),
  ruleId: z.literal('N-6'),
});
export type EvaluationScore = z.infer<typeof EvaluationScore>;

/** A score out of range for its indicator, by index. */
export function scoreProblems(indicators: readonly Indicator[], scores: readonly number[]) {
  const problems: { path: string; message: string }[] = [];
  if (scores.length !== indicators.length)
    problems.push({ path: '/scores', message: `must give ${indicators.length} scores, one per indicator` });
  scores.forEach((s, i) => {
    const indicator = indicators[i];
    if (indicator && s > indicator.maxScore)
      problems.push({ path: `/scores/${i}`, message: `cannot exceed ${indicator.maxScore} (${indicator.name})` });
  });
  return problems;
}

/** N-6: the grade of a total (hundredths of a point) by the rule set's thresholds (whole points). */
export function gradeOf(total: number, thresholds: RuleSetParameters['national']['evaluationGrades']): Grade {
  if (total >= thresholds.excellent * 100) return 'excellent';
  if (total >= thresholds.good * 100) return 'good';
  if (total >= thresholds.pass * 100) return 'pass';
  return 'fail';
}

/**
 * Scores an evaluation: each indicator contributes score / maxScore of its weight, kept in
 * hundredths of a point and rounded half-up per indicator (integer arithmetic, so the same scores
 * always give the same total); the total is graded (N-6). The scores must fit the template
 * (scoreProblems).
 */
export function scoreEvaluation(
  indicators: readonly Indicator[],
  scores: readonly number[],
  thresholds: RuleSetParameters['national']['evaluationGrades'],
): EvaluationScore {
  const scored = indicators.map((indicator, i) => {
    const score = scores[i] ?? 0;
    const points = Math.floor((2 * score * indicator.weight * 100 + indicator.maxScore) / (2 * indicator.maxScore));
    return { ...indicator, score, points };
  });
  const total = scored.reduce((s, i) => s + i.points, 0);
  return {
    indicators: scored,
    total,
    grade: gradeOf(total, thresholds),
    thresholds: { ...thresholds },
    ruleId: 'N-6',
  };
}

/** N-6: the final evaluation falls in the contract's last month: from its first day on. */
export const finalEvaluationOpens = (endDate: string) => `${endDate.slice(0, 7)}-01`;

/** Overdue: the contract's last month has passed (today is in a later month) and no final is filed. */
export function finalEvaluationOverdue(endDate: string, today: string, filed: boolean): boolean {
  return !filed && today.slice(0, 7) > endDate.slice(0, 7);
}

/** An evaluation as filed, in the bureau's partition and projected for the organisation. */
export const Evaluation = z
  .object({
    id: z.string(),
    bureauId: z.string(),
    bureauName: z.string(),
    organisationId: z.string(),
    contractId: z.string(),
    contractNumber: z.string(),
    contractTitle: z.string(),
    contractVersion: count.describe('The version of the contract evaluated'),
    county: z.string().describe('The purchaser’s region code'),
    kind: z.enum(EVALUATION_KINDS),
    spotCheckYear: count.optional(),
    template: z.object({ id: z.string(), name: z.string() }),
    ...EvaluationScore.shape,
    ruleSet: z.object({ id: z.string(), title: z.string() }).describe('The rule set whose thresholds graded it'),
    evaluatedOn: date,
    evaluator: z.object({ userId: z.string(), name: z.string() }),
    notes: z.string().optional(),
    filedAt: instant,
  })
  .meta({ id: 'Evaluation', description: 'A filed evaluation of one contract (N-6)' });
export type Evaluation = z.infer<typeof Evaluation>;
