import {
  defaultTemplate,
  type IncubationTemplate,
  MilestoneDone,
  type MilestoneView,
  milestoneViews,
  TemplateInput,
} from '@shegong/domain';
import { keys } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { Conflict, Invalid, NotFound, Stale } from '../refusals.ts';
import { openRecord } from './support.ts';

/**
 * A base's template (its milestone checklist and graduation criteria, one per base, versioned)
 * and the milestones done on each record. Both are the base's own, read and written by its staff
 * (INCUBATION_STAFF); a base that never saved a template follows the defaults (version 0).
 */

/** The base's template, or the defaults while it has none (version 0). */
export async function getIncubationTemplate(ctx: UseCaseContext): Promise<IncubationTemplate> {
  return (await ctx.repos.incubationSupport.template()) ?? defaultTemplate();
}

/**
 * Saves the base's template from the version read (0 for the defaults; 412 when it moved). Milestones
 * already marked on records keep their dates and notes; one the new checklist drops is no longer
 * listed or checked, and comes back with its evidence if the milestone is added again under its id.
 */
export async function saveIncubationTemplate(
  ctx: UseCaseContext,
  input: unknown,
  expectedVersion: number,
): Promise<IncubationTemplate> {
  const template = parsed(TemplateInput, input);
  const current = await getIncubationTemplate(ctx);
  if (current.version !== expectedVersion) throw new Stale('The template has changed since it was read; reload it');
  const mutation = ctx.repos.scope.mutation();
  const saved = ctx.repos.incubationSupport.stageTemplate(mutation, template, expectedVersion);
  await mutation.audited('incubation.template.save', 'IncubationTemplate', 'template', saved.version, saved).commit();
  return saved;
}

/** One record's checklist: the template's milestones, each done (day, evidence) or not, and what the stored facts say. */
export interface RecordMilestones {
  organisationId: string;
  milestones: MilestoneView[];
  /** The version of the record's milestones (If-Match to mark or undo). */
  version: number;
}

export async function recordMilestones(ctx: UseCaseContext, organisationId: string): Promise<RecordMilestones> {
  const [record, template, states] = await Promise.all([
    ctx.repos.incubations.incubation(organisationId),
    getIncubationTemplate(ctx),
    ctx.repos.incubationSupport.milestones(organisationId),
  ]);
  return { organisationId, milestones: milestoneViews(template, states, record), version: states.version };
}

/** The milestone of the template by id (NotFound otherwise), the record still open, the version the caller read. */
async function milestoneChange(ctx: UseCaseContext, organisationId: string, milestoneId: string, expected: number) {
  const record = await openRecord(ctx, organisationId);
  const template = await getIncubationTemplate(ctx);
  if (!template.milestones.some((m) => m.id === milestoneId))
    throw new NotFound('The base’s checklist has no such milestone');
  const states = await ctx.repos.incubationSupport.milestones(organisationId);
  if (states.version !== expected) throw new Stale('The record’s milestones have changed since they were read');
  return { record, template, states };
}

/**
 * Marks a milestone done (its day and the base's evidence note), or records new evidence for one
 * already done. Audited; from the version of the record's milestones the caller read (412
 * otherwise); 409 when the incubation has ended.
 */
export async function markMilestone(
  ctx: UseCaseContext,
  organisationId: string,
  milestoneId: string,
  input: unknown,
  expectedVersion: number,
): Promise<RecordMilestones> {
  const done = parsed(MilestoneDone, input);
  if (done.on > ctx.clock.today())
    throw new Invalid('The day is in the future; nothing was saved', {
      fields: [{ path: '/on', message: `must be today (${ctx.clock.today()}) or earlier`, code: 'inFuture' }],
    });
  const { record, template, states } = await milestoneChange(ctx, organisationId, milestoneId, expectedVersion);
  const mutation = ctx.repos.scope.mutation();
  const next = ctx.repos.incubationSupport.stageMilestones(mutation, states, {
    ...states.done,
    [milestoneId]: { ...done, at: new Date().toISOString(), by: { userId: ctx.actor.userId } },
  });
  mutation.unchanged('Incubation', keys.incubation(ctx.tenant.id, organisationId), record.version);
  await mutation
    .audited('incubation.milestone.done', 'IncubationMilestones', organisationId, next.version, {
      milestoneId,
      ...done,
    })
    .commit();
  return { organisationId, milestones: milestoneViews(template, next, record), version: next.version };
}

/** Undoes a milestone marked done by mistake (409 when it is not done). Audited, like marking it. */
export async function undoMilestone(
  ctx: UseCaseContext,
  organisationId: string,
  milestoneId: string,
  expectedVersion: number,
): Promise<RecordMilestones> {
  const { record, template, states } = await milestoneChange(ctx, organisationId, milestoneId, expectedVersion);
  const { [milestoneId]: undone, ...rest } = states.done;
  if (!undone) throw new Conflict('This milestone is not marked done', { reason: 'notDone' });
  const mutation = ctx.repos.scope.mutation();
  const next = ctx.repos.incubationSupport.stageMilestones(mutation, states, rest);
  mutation.unchanged('Incubation', keys.incubation(ctx.tenant.id, organisationId), record.version);
  await mutation
    .audited('incubation.milestone.undo', 'IncubationMilestones', organisationId, next.version, {
      milestoneId,
      undone,
    })
    .commit();
  return { organisationId, milestones: milestoneViews(template, next, record), version: next.version };
}
