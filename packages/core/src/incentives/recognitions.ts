import {
  assessRecognitionAward,
  isWithin,
  OrganisationRecognition,
  PROJECT_KINDS,
  RecognitionInput,
  type RecognitionRecord,
} from '@shegong/domain';
import { organisationListing, RECOGNITION_TAKEN, Recognitions, StoreError, timeOrderedId } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { JURISDICTION_READERS, jurisdiction } from '../jurisdiction/jurisdiction.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Invalid, NotFound } from '../refusals.ts';
import { awardParametersInForce } from './parameters.ts';

/**
 * P-A8 organisation awards: a bureau records a national or regional recognition of an
 * organisation of its jurisdiction (advanced unit, or talent training base) and the one-off award
 * it brings, at the amounts of the rule set in force for the organisation's region. The same
 * recognition (recognitionKey) is recorded once platform-wide: a guard in the same transaction,
 * so two bureaus (a county's and its city's) or two requests racing record one award.
 */

/** Who records a recognition: the bureau's admin and reviewers (auditors read). */
export const RECOGNITION_RECORDERS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'reviewer'] };
/** Every member of a bureau reads what it recorded. */
export const RECOGNITION_READERS = JURISDICTION_READERS;
/** Every member of an organisation sees its own recognitions (read only). */
export const OWN_RECOGNITION_READERS: MemberPolicy = { kinds: PROJECT_KINDS, roles: 'any' };

/**
 * Records a recognition of `organisationId`: NotFound (404) for an organisation outside the
 * bureau's jurisdiction (or none), so ids cannot be probed.
 */
export async function recordRecognition(
  ctx: UseCaseContext,
  organisationId: string,
  input: unknown,
  key?: string,
): Promise<{ recognition: RecognitionRecord; replayed: boolean }> {
  const area = jurisdiction(ctx);
  const organisation = await organisationListing(
    ctx.repos.scope.across('jurisdictionReads', organisationId),
    organisationId,
  );
  if (organisation?.kind !== 'org' || !isWithin(organisation.region, area.county ?? area.city))
    throw new NotFound('Organisation not found');
  const recognition = parsed(OrganisationRecognition, { organisationId, ...parsed(RecognitionInput, input) });
  if (recognition.year > Number(ctx.clock.today().slice(0, 4)))
    throw new Invalid('The year is in the future; nothing was saved', {
      fields: [{ path: '/year', message: 'must be this year or earlier', code: 'inFuture' }],
    });
  const params = await awardParametersInForce(ctx, 'P-A8', organisation.region);
  const assessment = assessRecognitionAward(recognition, [], params);
  try {
    const { body, replayed } = await commitOnce(
      ctx.repos,
      key,
      { operation: 'recognition.record', input: recognition },
      () => {
        const record: RecognitionRecord = {
          id: timeOrderedId(),
          ...recognition,
          organisationName: organisation.name,
          region: organisation.region,
          key: assessment.key,
          ruleId: 'P-A8',
          amount: assessment.amount,
          bureau: { id: ctx.tenant.id, name: ctx.tenant.name },
          recordedAt: new Date().toISOString(),
          by: { userId: ctx.actor.userId },
        };
        // Audited in the organisation's trail too: a named crossing.
        const mutation = ctx.repos.scope.across('recordRecognition', record.organisationId).mutation();
        ctx.repos.recognitions.stage(mutation, record);
        mutation
          .audited('recognition.record', 'Recognition', record.id, 1, record)
          .auditedIn(record.organisationId, 'recognition.record', 'Recognition', record.id, 1, record);
        return { mutation, body: record };
      },
    );
    return { recognition: body, replayed };
  } catch (error) {
    if (error instanceof StoreError && error.message === RECOGNITION_TAKEN)
      throw new Conflict('This recognition was already recorded and paid once (P-A8); nothing was saved', {
        reason: 'alreadyRecorded',
        fields: [
          {
            path: '/year',
            message: `the ${recognition.authority} ${recognition.kind} recognition of ${recognition.year} is already recorded (P-A8)`,
            code: 'alreadyRecorded',
            ruleId: 'P-A8',
          },
        ],
      });
    throw error;
  }
}

/** What the signed-in bureau recorded, the newest first, with the total awarded (fen). */
export async function bureauRecognitions(
  ctx: UseCaseContext,
): Promise<{ recognitions: RecognitionRecord[]; total: number }> {
  jurisdiction(ctx);
  const recognitions = await ctx.repos.recognitions.recorded();
  return { recognitions, total: recognitions.reduce((s, r) => s + r.amount, 0) };
}

/** The signed-in organisation's recognitions (read only), with the total awarded (fen). */
export async function ownRecognitions(
  ctx: UseCaseContext,
): Promise<{ recognitions: RecognitionRecord[]; total: number }> {
  const recognitions = await Recognitions.ofOrganisation(ctx.repos.scope);
  return { recognitions, total: recognitions.reduce((s, r) => s + r.amount, 0) };
}

/** The organisations a bureau can name (those with contracts in its jurisdiction), with their names. */
export async function recognisableOrganisations(ctx: UseCaseContext): Promise<{ id: string; name: string }[]> {
  const register = ctx.store.register(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    jurisdiction(ctx),
  );
  const ids = await register.organisations();
  const names = await register.organisationNames(ids);
  return ids.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
