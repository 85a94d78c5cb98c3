import { z } from 'zod';
import { addDays, addMonths } from '../people/dates.ts';
import { isoDate } from '../rules/rule-set.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { count, instant } from '../units/units.ts';
import type { Incubation } from './incubation.ts';

/**
 * A base's incubation template (one per base, versioned): the milestone checklist every record of
 * the base follows, and the criteria graduation (出壳) is checked against. A base that has not
 * written one follows the defaults below; its first save stores its own.
 */

export const MAX_MILESTONES = 30;
export const MAX_CRITERIA = 20;

const milestoneId = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, 'must be 1–40 lower-case letters, digits or _')
  .describe('A stable id the records refer to (`registered`, `governance`…)');

export const TemplateMilestone = z.strictObject({
  id: milestoneId,
  label: plainLine(z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters')),
});
export type TemplateMilestone = z.infer<typeof TemplateMilestone>;

export const CRITERION_TYPES = [
  'milestone',
  'midterm_review',
  'min_months',
  'min_training_hours',
  'registered',
] as const;
export type CriterionType = (typeof CRITERION_TYPES)[number];

export const GraduationCriterion = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('milestone'), milestoneId: milestoneId.describe('That milestone is done') }),
    z.strictObject({ type: z.literal('midterm_review') }).describe('The mid-term review is passed'),
    z.strictObject({
      type: z.literal('min_months'),
      months: z
        .number({ error: 'must be a number of months' })
        .int('must be whole months')
        .min(1, 'must be at least 1 month')
        .max(60, 'must be at most 60 months')
        .describe('Months incubated, from the agreement’s start to the graduation day'),
    }),
    z.strictObject({
      type: z.literal('min_training_hours'),
      tenthHours: z
        .number({ error: 'must be a number of tenths of an hour' })
        .int('must be whole tenths of an hour')
        .min(1, 'must be at least 0.1 hour (1)')
        .max(20_000, 'must be at most 2000 hours (20000)')
        .describe('Training hours attended, in tenths'),
    }),
    z.strictObject({ type: z.literal('registered') }).describe('The credit code is recorded (no longer 未登记)'),
  ],
  { error: 'must be milestone, midterm_review, min_months, min_training_hours or registered' },
);
export type GraduationCriterion = z.infer<typeof GraduationCriterion>;

/** A template as the base writes it: the milestones, and criteria that name only those milestones. */
export const TemplateInput = z
  .strictObject({
    milestones: z
      .array(TemplateMilestone)
      .min(1, 'name at least one milestone')
      .max(MAX_MILESTONES, `name at most ${MAX_MILESTONES} milestones`),
    criteria: z.array(GraduationCriterion).max(MAX_CRITERIA, `name at most ${MAX_CRITERIA} criteria`),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.milestones.forEach((m, i) => {
      if (ids.has(m.id))
        ctx.addIssue({ code: 'custom', path: ['milestones', i, 'id'], message: 'names a milestone id twice' });
      ids.add(m.id);
    });
    const seen = new Set<string>();
    t.criteria.forEach((c, i) => {
      const key = c.type === 'milestone' ? `milestone:${c.milestoneId}` : c.type;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['criteria', i], message: 'names a criterion twice' });
      seen.add(key);
      if (c.type === 'milestone' && !ids.has(c.milestoneId))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'milestoneId'],
          message: 'must be a milestone of the checklist',
        });
    });
  });
export type TemplateInput = z.infer<typeof TemplateInput>;

export const IncubationTemplate = z
  .object({
    milestones: z.array(z.object({ id: z.string(), label: z.string() })),
    criteria: z.array(GraduationCriterion),
    isDefault: z.boolean().describe('The defaults: the base has not saved a template of its own yet'),
    version: count.describe('Send back as If-Match to save (0 while the defaults stand)'),
  })
  .meta({ id: 'IncubationTemplate' });
export type IncubationTemplate = z.infer<typeof IncubationTemplate>;

/** The milestone ids of the default checklist (a page names them in its own language while unchanged). */
export const DEFAULT_MILESTONE_IDS = [
  'registered',
  'governance',
  'first_certified',
  'first_contract',
  'financial_system',
] as const;

/**
 * The checklist and criteria of a base that has not written its own. The criteria are the
 * practice of the bases the issue names: registered, the mid-term review passed, a year in
 * incubation, 8 hours of training, and governance and financial rules in place.
 */
export const DEFAULT_TEMPLATE: TemplateInput = {
  milestones: [
    { id: 'registered', label: '完成登记注册' },
    { id: 'governance', label: '章程与治理制度' },
    { id: 'first_certified', label: '首名持证社工' },
    { id: 'first_contract', label: '首个政府购买服务项目' },
    { id: 'financial_system', label: '财务制度' },
  ],
  criteria: [
    { type: 'registered' },
    { type: 'midterm_review' },
    { type: 'min_months', months: 12 },
    { type: 'min_training_hours', tenthHours: 80 },
    { type: 'milestone', milestoneId: 'governance' },
    { type: 'milestone', milestoneId: 'financial_system' },
  ],
};

export function defaultTemplate(): IncubationTemplate {
  return { ...structuredClone(DEFAULT_TEMPLATE), isDefault: true, version: 0 };
}

/** Marking a milestone done: the day, and the base's evidence note. */
export const MilestoneDone = z.strictObject({
  on: isoDate.describe('The day it was done (YYYY-MM-DD)'),
  evidence: plainNotes(z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters')).describe(
    'What shows it (a document, a registration certificate number…)',
  ),
});
export type MilestoneDone = z.infer<typeof MilestoneDone>;

const Done = z.object({ on: z.string(), evidence: z.string(), at: instant, by: z.object({ userId: z.string() }) });

/** The milestones done on one record (the base's; one item per record, versioned). */
export const MilestoneStates = z.object({
  organisationId: z.string(),
  done: z.record(z.string(), Done),
  version: count.describe('Send back as If-Match to mark or undo (0 while nothing was ever marked)'),
});
export type MilestoneStates = z.infer<typeof MilestoneStates>;

/** What the stored facts say of a milestone, where they can: registered is the record no longer 未登记. */
export type MilestoneFact = 'registered' | 'notRegistered';
export function milestoneFact(
  milestoneId: string,
  record: Pick<Incubation, 'toBeRegistered'>,
): MilestoneFact | undefined {
  if (milestoneId !== 'registered') return undefined;
  return record.toBeRegistered ? 'notRegistered' : 'registered';
}

export const MilestoneView = z
  .object({
    id: z.string(),
    label: z.string(),
    done: Done.optional(),
    fact: z
      .enum(['registered', 'notRegistered'])
      .optional()
      .describe(
        'What the stored facts say (registered: a credit code is recorded); the evidence note stays the base’s',
      ),
  })
  .meta({ id: 'IncubationMilestone' });
export type MilestoneView = z.infer<typeof MilestoneView>;

/** The checklist of a record: the template's milestones with what is done (done milestones the template dropped are kept out). */
export function milestoneViews(
  template: Pick<IncubationTemplate, 'milestones'>,
  states: Pick<MilestoneStates, 'done'>,
  record: Pick<Incubation, 'toBeRegistered'>,
): MilestoneView[] {
  return template.milestones.map((m) => {
    const fact = milestoneFact(m.id, record);
    const done = states.done[m.id];
    return { ...m, ...(done ? { done } : {}), ...(fact ? { fact } : {}) };
  });
}

/**
 * Whole months from `start` through `end`, both days included, as an agreement counts them (a
 * 12-month agreement from 2026-03-01 ends 2027-02-28, so that day completes 12 months).
 */
export function monthsThrough(start: string, end: string): number {
  if (end < start) return 0;
  let months =
    (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(end.slice(5, 7)) -
    Number(start.slice(5, 7)) +
    1;
  while (months > 0 && addDays(addMonths(start, months), -1) > end) months--;
  return months;
}

/** The facts graduation is checked against, on the day it is asked for. */
export interface GraduationFacts {
  record: Pick<Incubation, 'agreement' | 'midtermReviewedOn' | 'toBeRegistered'>;
  done: MilestoneStates['done'];
  trainingTenthHours: number;
  on: string;
}

export const CriterionResult = z
  .object({
    criterion: GraduationCriterion,
    met: z.boolean(),
    have: z.number().optional().describe('min_months: months incubated; min_training_hours: tenths attended'),
    need: z.number().optional().describe('min_months: months; min_training_hours: tenths'),
    milestoneLabel: z.string().optional(),
    on: z.string().optional().describe('milestone: the day it was done; midterm_review: the day it was passed'),
    message: z.string().describe('Why, in English (e.g. "3.5 of 8 training hours")'),
  })
  .meta({ id: 'GraduationCriterionResult' });
export type CriterionResult = z.infer<typeof CriterionResult>;

const hoursText = (tenths: number) => `${Math.floor(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''}`;

/** Each criterion of the template, met or not, and why, for one record on one day. */
export function evaluateCriteria(
  template: Pick<IncubationTemplate, 'milestones' | 'criteria'>,
  facts: GraduationFacts,
): CriterionResult[] {
  return template.criteria.map((criterion) => criterionResult(template, facts, criterion));
}

function criterionResult(
  template: Pick<IncubationTemplate, 'milestones'>,
  facts: GraduationFacts,
  criterion: GraduationCriterion,
): CriterionResult {
  switch (criterion.type) {
    case 'milestone': {
      const label = template.milestones.find((m) => m.id === criterion.milestoneId)?.label ?? criterion.milestoneId;
      const done = facts.done[criterion.milestoneId];
      return {
        criterion,
        met: done !== undefined,
        milestoneLabel: label,
        ...(done ? { on: done.on } : {}),
        message: done ? `milestone ${label} done on ${done.on}` : `milestone ${label} not done`,
      };
    }
    case 'midterm_review': {
      const on = facts.record.midtermReviewedOn;
      return {
        criterion,
        met: on !== undefined,
        ...(on ? { on } : {}),
        message: on ? `mid-term review passed on ${on}` : 'no mid-term review recorded',
      };
    }
    case 'min_months': {
      const have = monthsThrough(facts.record.agreement.startDate, facts.on);
      return {
        criterion,
        met: have >= criterion.months,
        have,
        need: criterion.months,
        message: `${have} of ${criterion.months} months incubated`,
      };
    }
    case 'min_training_hours': {
      const have = facts.trainingTenthHours;
      return {
        criterion,
        met: have >= criterion.tenthHours,
        have,
        need: criterion.tenthHours,
        message: `${hoursText(have)} of ${hoursText(criterion.tenthHours)} training hours`,
      };
    }
    case 'registered':
      return {
        criterion,
        met: !facts.record.toBeRegistered,
        message: facts.record.toBeRegistered ? 'not registered (未登记): no credit code recorded' : 'registered',
      };
  }
}
