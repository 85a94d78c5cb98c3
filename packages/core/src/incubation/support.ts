import {
  followsCurrentFigures,
  type Incubation,
  NewSupport,
  type SupportEntry,
  type SupportKind,
  type SupportTotals,
  supportedOrganisations,
  supportIncrement,
} from '@shegong/domain';
import { keys, type Page, type PageRequest, StoreError, timeOrderedId } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Invalid } from '../refusals.ts';

/**
 * The support a base gives the organisations it incubates (P-I1): trainings, mentoring, subsidies
 * and registration help, recorded on an organisation's incubation record by the base's staff
 * (INCUBATION_STAFF). Only on the records of the base (any other id answers NotFound) and only
 * while the incubation runs: a graduated or departed record keeps its history (Conflict).
 */

const CLOSED = 'The incubation has ended (graduated or left); its support history is kept but no more is recorded';

/** A record of this base that is still followed, or why not (NotFound for another base's, Conflict when closed). */
export async function openRecord(ctx: UseCaseContext, organisationId: string): Promise<Incubation> {
  const record = await ctx.repos.incubations.incubation(organisationId);
  if (!followsCurrentFigures(record)) throw new Conflict(CLOSED, { reason: 'closed' });
  return record;
}

/**
 * Records support given on `organisationId`'s record. A training names the other incubated
 * organisations that attended: each must be an open record of this base too (400 naming the
 * entry when it is not one of the base's, 409 naming it when its incubation has ended). One
 * transaction writes a row under each organisation, adds to each one's totals, checks that no
 * record moved meanwhile, and audits the entry. Created once per key.
 */
export async function recordSupport(
  ctx: UseCaseContext,
  organisationId: string,
  input: unknown,
  key?: string,
): Promise<{ entry: SupportEntry; replayed: boolean }> {
  const support = parsed(NewSupport, input);
  const own = await openRecord(ctx, organisationId);
  if (support.on > ctx.clock.today())
    throw new Invalid('The day is in the future; nothing was saved', {
      fields: [{ path: '/on', message: `must be today (${ctx.clock.today()}) or earlier`, code: 'inFuture' }],
    });
  const others = await Promise.all(
    supportedOrganisations(organisationId, support)
      .slice(1)
      .map((id) => attendee(ctx, support, id)),
  );
  const records = [own, ...others];
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'incubation.support.record', input: { organisationId, support } },
    () => {
      const { alsoAttended: _others, ...given } = support as NewSupport & { alsoAttended?: string[] };
      const entry: Omit<SupportEntry, 'organisationId'> = {
        id: timeOrderedId(),
        ...given,
        ...(support.kind === 'training'
          ? { attendees: records.map((r) => ({ organisationId: r.id, organisationName: r.organisationName })) }
          : {}),
        recordedAt: new Date().toISOString(),
        by: { userId: ctx.actor.userId },
      };
      const mutation = ctx.repos.scope.mutation();
      ctx.repos.incubationSupport.stageEntry(
        mutation,
        entry,
        records.map((r) => r.id),
        supportIncrement(support),
      );
      // None of the records may have ended (or moved) since they were read.
      for (const record of records)
        mutation.unchanged('Incubation', keys.incubation(ctx.tenant.id, record.id), record.version);
      mutation.audited(`incubation.support.${support.kind}`, 'IncubationSupport', entry.id, 1, entry);
      return { mutation, body: { ...entry, organisationId } };
    },
  );
  return { entry: body, replayed };
}

/** Another organisation named as attending a training: an open record of this base, else the field says why. */
async function attendee(ctx: UseCaseContext, support: NewSupport, id: string): Promise<Incubation> {
  const index = support.kind === 'training' ? (support.alsoAttended ?? []).indexOf(id) : -1;
  const path = `/alsoAttended/${index}`;
  const record = await ctx.repos.incubations.incubation(id).catch((error: unknown) => {
    if (error instanceof StoreError && error.code === 'not_found') return undefined;
    throw error;
  });
  if (!record)
    throw new Invalid('An attending organisation is not one the base incubates; nothing was saved', {
      fields: [{ path, message: 'is not an organisation this base incubates', code: 'notIncubated' }],
    });
  if (!followsCurrentFigures(record))
    throw new Conflict(CLOSED, {
      fields: [{ path, message: `${record.organisationName}: its incubation has ended`, code: 'closed' }],
      reason: 'closed',
    });
  return record;
}

/**
 * A page of one organisation's support of one kind, the latest day first; without a kind, every
 * kind, one kind after another (history of closed records too).
 */
export async function listSupport(
  ctx: UseCaseContext,
  organisationId: string,
  kind: SupportKind | undefined,
  page: PageRequest,
): Promise<Page<SupportEntry>> {
  await ctx.repos.incubations.incubation(organisationId);
  return ctx.repos.incubationSupport.entries(organisationId, kind, page);
}

/**
 * What one organisation of the base received, in sums: training hours (tenths) and trainings,
 * mentoring sessions and hours, subsidies and their fen, registration helps. NotFound for an
 * organisation that is not one of the base's records. The record page and the base's
 * consolidated figures read this.
 */
export async function supportTotals(ctx: UseCaseContext, organisationId: string): Promise<SupportTotals> {
  const [totals] = await Promise.all([
    ctx.repos.incubationSupport.totals(organisationId),
    ctx.repos.incubations.incubation(organisationId),
  ]);
  return totals;
}
