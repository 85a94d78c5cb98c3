import { type CriterionResult, closedOn, evaluateCriteria, type Incubation } from '@shegong/domain';
import { keys, type Mutation } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { Conflict } from '../refusals.ts';
import { getIncubationTemplate } from './template.ts';

/**
 * Graduation (出壳) is checked against the base's criteria (its template): the milestones done,
 * the mid-term review, the months incubated up to the graduation day, the training hours attended
 * and the credit code recorded.
 */

export interface GraduationCheck {
  organisationId: string;
  /** The day the months are counted to. */
  on: string;
  met: boolean;
  criteria: CriterionResult[];
}

/** The facts a check read, at their versions, so the graduation that follows can hold them still. */
interface Checked extends GraduationCheck {
  templateVersion: number;
  milestonesVersion: number;
}

async function check(ctx: UseCaseContext, record: Incubation, on: string): Promise<Checked> {
  const [template, states, totals] = await Promise.all([
    getIncubationTemplate(ctx),
    ctx.repos.incubationSupport.milestones(record.id),
    ctx.repos.incubationSupport.totals(record.id),
  ]);
  const criteria = evaluateCriteria(template, {
    record,
    done: states.done,
    trainingTenthHours: totals.trainingTenthHours,
    on,
  });
  return {
    organisationId: record.id,
    on,
    met: criteria.every((c) => c.met),
    criteria,
    templateVersion: template.version,
    milestonesVersion: states.version,
  };
}

/**
 * Each criterion of the base met or not for one of its records, and why, as of `on`: by default
 * today, or for a record that graduated or left, the day it closed (its months stopped then).
 */
export async function graduationCheck(
  ctx: UseCaseContext,
  organisationId: string,
  on?: string,
): Promise<GraduationCheck> {
  const record = await ctx.repos.incubations.incubation(organisationId);
  const day = on ?? closedOn(record) ?? ctx.clock.today();
  const { templateVersion: _t, milestonesVersion: _m, ...result } = await check(ctx, record, day);
  return result;
}

/** Graduation refused: the criteria unmet, each as a field problem too (`/criteria/<index in the template>`). */
export class GraduationRefused extends Conflict {
  readonly unmet: readonly CriterionResult[];

  constructor(criteria: readonly CriterionResult[]) {
    const unmet = criteria.filter((c) => !c.met);
    super(`Graduation needs every criterion of the base; unmet: ${unmet.map((c) => c.message).join('; ')}`, {
      reason: 'criteriaUnmet',
      fields: criteria.flatMap((c, i) =>
        c.met ? [] : [{ path: `/criteria/${i}`, message: c.message, code: `unmet_${c.criterion.type}` }],
      ),
    });
    this.unmet = unmet;
  }
}

/**
 * Refuses graduating `record` on `on` unless every criterion is met (GraduationRefused, nothing
 * written); when all are, gives the checks the graduation's transaction adds so that the template
 * and the milestones it was checked against have not changed when it commits.
 */
export async function graduationCleared(
  ctx: UseCaseContext,
  record: Incubation,
  on: string,
): Promise<{ hold(mutation: Mutation): void }> {
  const checked = await check(ctx, record, on);
  if (!checked.met) throw new GraduationRefused(checked.criteria);
  return {
    hold(mutation) {
      // Version 0 is the defaults / nothing marked: no item to hold (a first save meanwhile is not caught).
      if (checked.templateVersion > 0)
        mutation.unchanged('IncubationTemplate', keys.incubationTemplate(ctx.tenant.id), checked.templateVersion);
      if (checked.milestonesVersion > 0)
        mutation.unchanged(
          'IncubationMilestones',
          keys.incubationMilestones(ctx.tenant.id, record.id),
          checked.milestonesVersion,
        );
    },
  };
}
