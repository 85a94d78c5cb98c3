import {
  AdmitApplication,
  type Application,
  type ApplicationNote,
  type ApplicationReceipt,
  type ApplicationStatus,
  agreementEnd,
  applyTransition,
  CreditCode,
  DeclineApplication,
  INCUBATION_STAGES,
  type Incubation,
  type IncubationStage,
  IncubationTransition,
  type Invitation,
  moveRefusal,
  NewApplication,
  NewApplicationNote,
  type SentInvitation,
  type TenantRecord,
  transitionProblems,
} from '@shegong/domain';
import { IdempotencyRecords, keys, type Page, type PageRequest, StoreError, timeOrderedId } from '@shegong/store';
import type { AccessPolicy, MemberPolicy } from '../access.ts';
import type { CoreDeps, UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { commitOnce } from '../once.ts';
import { everyItem } from '../paging.ts';
import { Conflict, Invalid, NotFound, Stale } from '../refusals.ts';
import { asInvitation, invitationLink, mailInvitation } from '../tenancy/invitations.ts';
import { graduationCleared } from './graduation.ts';

/**
 * An incubation base's intake and records (P-I1, P-T1): applications recorded by its operators or
 * submitted through its public link, reviewed with notes, admitted (which creates the
 * organisation's tenant, invites its first administrator and opens its incubation record, in one
 * transaction) or declined with a reason; then the record's stages. Everything is the base's own
 * record, in its partition; an id of another base's answers NotFound.
 */

/** Who runs a base's intake and records: its operators and its admin. */
export const INCUBATION_STAFF: MemberPolicy = { kinds: ['incubator'], roles: ['admin', 'operator'] };

/**
 * The public submission. An organisation applying has no account; the base shares a link naming
 * its id. What it submits only waits, as `applied`, for the operator's review, and the answer says
 * nothing of the base's records.
 */
export const PUBLIC_APPLICATION: AccessPolicy = {
  public: true,
  reason: 'an applying organisation has no account yet; the submission only waits for the base’s review',
};

/** Who records the credit code of an organisation admitted to be registered: its admin. */
export const CREDIT_CODE_RECORDERS: MemberPolicy = { kinds: ['org'], roles: ['admin'] };

/** The actor recorded for a submission through the public link (the base's trail says so). */
export const PUBLIC_SUBMITTER = 'public';

/** An application's code must not be a tenant's already (the directory's guard, read before writing). */
async function checkCreditCodeFree(ctx: Pick<UseCaseContext, 'repos'>, application: { uscc?: string | undefined }) {
  if (application.uscc && (await ctx.repos.incubations.creditCodeTaken(application.uscc)))
    throw new Conflict('An organisation with this unified social credit code is already on the platform', {
      fields: [{ path: '/uscc', message: 'is already held by an organisation on the platform', code: 'usccTaken' }],
      reason: 'usccTaken',
    });
}

function newApplication(
  incubatorId: string,
  input: NewApplication,
  source: Application['source'],
  userId: string,
): Application {
  return {
    id: timeOrderedId(),
    incubatorId,
    ...input,
    source,
    status: 'applied',
    submittedAt: new Date().toISOString(),
    recordedBy: { userId },
    version: 1,
  };
}

/** The operator records an application (created once per key). */
export async function recordApplication(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ application: Application; replayed: boolean }> {
  const application = parsed(NewApplication, input);
  await checkCreditCodeFree(ctx, application);
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'incubation.application.record', input: application },
    () => {
      const mutation = ctx.repos.scope.mutation();
      const stored = ctx.repos.incubations.stageApplication(
        mutation,
        newApplication(ctx.tenant.id, application, 'operator', ctx.actor.userId),
      );
      mutation.audited('incubation.application.record', 'IncubationApplication', stored.id, 1, stored);
      return { mutation, body: stored };
    },
  );
  return { application: body, replayed };
}

/**
 * An organisation submits an application through the link a base shares (no sign-in): stored in
 * that base's partition as `applied`, audited in its trail as the public's. A base id that is no
 * active base answers NotFound. Created once per key.
 */
export async function submitApplication(
  deps: Pick<CoreDeps, 'store'>,
  incubatorId: string,
  input: unknown,
  key?: string,
): Promise<{ receipt: ApplicationReceipt; replayed: boolean }> {
  const repos = deps.store.tenant({ tenantId: incubatorId, userId: PUBLIC_SUBMITTER });
  const base = await repos.tenant.find();
  if (base?.kind !== 'incubator' || base.status !== 'active')
    throw new NotFound('There is no incubation base at this link');
  const application = parsed(NewApplication, input);
  await checkCreditCodeFree({ repos }, application);
  const { body, replayed } = await commitOnce(
    repos,
    key,
    { operation: 'incubation.application.submit', input: application },
    () => {
      const mutation = repos.scope.mutation();
      const stored = repos.incubations.stageApplication(
        mutation,
        newApplication(incubatorId, application, 'public', PUBLIC_SUBMITTER),
      );
      mutation.audited('incubation.application.submit', 'IncubationApplication', stored.id, 1, stored);
      const receipt: ApplicationReceipt = {
        id: stored.id,
        status: 'applied',
        submittedAt: stored.submittedAt,
        incubatorName: base.name,
      };
      return { mutation, body: receipt };
    },
  );
  return { receipt: body, replayed };
}

/** A page of the base's applications, newest first: all, or one status's. */
export function listApplications(
  ctx: UseCaseContext,
  filter: { status?: ApplicationStatus | undefined },
  page: PageRequest,
): Promise<Page<Application>> {
  return ctx.repos.incubations.applications(filter.status, page);
}

/** One application with its review notes, oldest first. */
export async function getApplication(
  ctx: UseCaseContext,
  applicationId: string,
): Promise<{ application: Application; notes: ApplicationNote[] }> {
  const application = await ctx.repos.incubations.application(applicationId);
  return { application, notes: await ctx.repos.incubations.notes(applicationId) };
}

/** A review note, appended (never edited), while the application waits for the decision. */
export async function addApplicationNote(
  ctx: UseCaseContext,
  applicationId: string,
  input: unknown,
  key?: string,
): Promise<{ note: ApplicationNote; replayed: boolean }> {
  const { text } = parsed(NewApplicationNote, input);
  const application = await ctx.repos.incubations.application(applicationId);
  if (application.status !== 'applied')
    throw new Conflict(`This application is ${application.status}; notes are for the review before the decision`, {
      reason: 'decided',
    });
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'incubation.application.note', input: { applicationId, text } },
    () => {
      const mutation = ctx.repos.scope.mutation();
      const note = ctx.repos.incubations.stageNote(mutation, {
        id: timeOrderedId(),
        applicationId,
        text,
        at: new Date().toISOString(),
        by: { userId: ctx.actor.userId },
      });
      // The application must still wait for its decision when the note lands.
      mutation.unchanged('IncubationApplication', keys.application(ctx.tenant.id, applicationId), application.version);
      mutation.audited('incubation.application.note', 'IncubationApplicationNote', note.id, 1, note);
      return { mutation, body: note };
    },
  );
  return { note: body, replayed };
}

/** The application the caller read, still waiting for the decision (412 stale; 409 decided). */
async function waitingApplication(ctx: UseCaseContext, applicationId: string, expectedVersion: number) {
  const application = await ctx.repos.incubations.application(applicationId);
  if (application.version !== expectedVersion)
    throw new Stale('The application has changed since it was read; reload it');
  if (application.status !== 'applied')
    throw new Conflict(`This application is already ${application.status}`, { reason: 'decided' });
  return application;
}

/** The base declines an application, saying why. Nothing else is written (no tenant). */
export async function declineApplication(
  ctx: UseCaseContext,
  applicationId: string,
  input: unknown,
  expectedVersion: number,
): Promise<Application> {
  const { reason } = parsed(DeclineApplication, input);
  const application = await waitingApplication(ctx, applicationId, expectedVersion);
  const mutation = ctx.repos.scope.mutation();
  const declined = ctx.repos.incubations.replaceApplication(mutation, application, {
    ...application,
    status: 'declined',
    decision: { at: new Date().toISOString(), by: { userId: ctx.actor.userId }, reason },
  });
  await mutation
    .audited('incubation.application.decline', 'IncubationApplication', applicationId, declined.version, declined)
    .commit();
  return declined;
}

/** What admission answers: the decided application, the new tenant, its record and its admin's link. */
export interface Admission {
  application: Application;
  incubation: Incubation;
  tenant: TenantRecord;
  invitation: Invitation;
  adminInvitationLink: string;
  mailed: boolean;
}

/**
 * The base admits an application: ONE transaction creates the organisation as a tenant (kind org,
 * in the base's region, naming the base; marked 未登记 when it has no credit code yet, and the
 * code's platform-wide guard when it has), invites its first administrator (the application's
 * contact e-mail), opens its incubation record at `incubating` under the signed agreement, and
 * marks the application admitted — with one audit event in the base's trail. No platform admin
 * is involved. Created once per key; the application's version is checked (If-Match).
 */
export async function admitApplication(
  ctx: UseCaseContext,
  deps: Pick<CoreDeps, 'publicBaseUrl' | 'mailer'>,
  applicationId: string,
  input: unknown,
  expectedVersion: number,
  key?: string,
): Promise<Admission & { replayed: boolean }> {
  const { agreement } = parsed(AdmitApplication, input);
  const operation = { operation: 'incubation.application.admit', input: { applicationId, agreement } };
  // A retry after the admission committed finds the application decided: answer it as the first.
  const hash = IdempotencyRecords.requestHash('USE', operation.operation, operation.input);
  const earlier = key ? await ctx.repos.idempotency.replay(key, hash) : undefined;
  if (earlier) return { ...(earlier.body as Admission), replayed: true };
  const application = await waitingApplication(ctx, applicationId, expectedVersion);
  await checkCreditCodeFree(ctx, application);
  const { body, replayed } = await commitOnce(ctx.repos, key, operation, () => {
    // The organisation's tenant, guards and invitation are in its partitions: a named crossing.
    const organisationId = timeOrderedId();
    const mutation = ctx.repos.scope.across('admitOrganisation', organisationId).mutation();
    const by = { userId: ctx.actor.userId };
    const now = new Date().toISOString();
    const tenant = ctx.store
      .admissions({ tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind })
      .create(
        mutation,
        {
          kind: 'org',
          name: application.name,
          region: ctx.tenant.region,
          ...(application.uscc ? { uscc: application.uscc } : {}),
          ...(application.toBeRegistered ? { toBeRegistered: true } : {}),
          incubatorId: ctx.tenant.id,
        },
        organisationId,
      );
    const inTenant = ctx.store.across('admitOrganisation', ctx.actor, organisationId);
    const { invitation, token } = inTenant.invitations.create(mutation, {
      email: application.contact.email,
      roles: ['admin'],
    });
    const incubation = ctx.repos.incubations.stageIncubation(mutation, {
      id: organisationId,
      incubatorId: ctx.tenant.id,
      organisationName: application.name,
      applicationId,
      ...(application.uscc ? { uscc: application.uscc } : {}),
      toBeRegistered: application.toBeRegistered,
      agreement,
      endDate: agreementEnd(agreement),
      stage: 'incubating',
      steps: [{ action: 'admitted', on: agreement.startDate, at: now, by }],
      version: 1,
    });
    const admitted = ctx.repos.incubations.replaceApplication(mutation, application, {
      ...application,
      status: 'admitted',
      decision: { at: now, by, organisationId },
    });
    mutation.audited('incubation.admit', 'Incubation', organisationId, 1, {
      application: admitted,
      incubation,
      tenant,
    });
    const admission: Admission = {
      application: admitted,
      incubation,
      tenant,
      invitation: asInvitation(invitation),
      adminInvitationLink: invitationLink(deps, token),
      mailed: false,
    };
    return { mutation, body: admission };
  });
  if (replayed) return { ...body, replayed };
  const mailed = await mailInvitation(deps, body.tenant, {
    invitation: body.invitation,
    link: body.adminInvitationLink,
  });
  return { ...body, mailed, replayed };
}

/** A page of the base's incubation records, newest admission first: all, or one stage's. */
export function listIncubations(
  ctx: UseCaseContext,
  filter: { stage?: IncubationStage | undefined },
  page: PageRequest,
): Promise<Page<Incubation>> {
  return ctx.repos.incubations.incubations(filter.stage, page);
}

/** The incubation record of one organisation the base admitted. */
export function getIncubation(ctx: UseCaseContext, organisationId: string): Promise<Incubation> {
  return ctx.repos.incubations.incubation(organisationId);
}

const MOVE_REFUSALS = {
  closed: 'The incubation has ended (graduated or left); its record is kept as history',
  alreadyReviewed: 'The mid-term review is already recorded',
  notReviewed: 'Graduation needs the mid-term review first',
} as const;

/**
 * A transition of the record (mid-term review, extension, graduation, leaving), dated, by the
 * caller, from the version they read (412 otherwise); 409 when the stage does not allow it; 400
 * naming the field when its dates are out of order.
 */
export async function transitionIncubation(
  ctx: UseCaseContext,
  organisationId: string,
  input: unknown,
  expectedVersion: number,
): Promise<Incubation> {
  const transition = parsed(IncubationTransition, input);
  const record = await ctx.repos.incubations.incubation(organisationId);
  if (record.version !== expectedVersion) throw new Stale('The incubation record has changed since it was read');
  const refusal = moveRefusal(record, transition.move);
  if (refusal) throw new Conflict(MOVE_REFUSALS[refusal], { reason: refusal });
  const problems = transitionProblems(record, transition, ctx.clock.today());
  if (problems.length) throw new Invalid('The dates are not in order; nothing was saved', { fields: problems });
  // Graduation meets the base's criteria (its template) on the graduation day, or is refused listing the unmet.
  const cleared = transition.move === 'graduate' ? await graduationCleared(ctx, record, transition.on) : undefined;
  const next = applyTransition(record, transition, { at: new Date().toISOString(), by: { userId: ctx.actor.userId } });
  const mutation = ctx.repos.scope.mutation();
  cleared?.hold(mutation);
  const stored = ctx.repos.incubations.replaceIncubation(mutation, record, next);
  await mutation
    .audited(`incubation.${transition.move}`, 'Incubation', organisationId, stored.version, stored)
    .commit();
  return stored;
}

/**
 * The administrator invitations of an organisation the base admitted (pending, expired, accepted or
 * revoked, newest first), so the base knows which to reissue. Its other invitations stay its own.
 */
export async function admissionInvitations(ctx: UseCaseContext, organisationId: string): Promise<Invitation[]> {
  await ctx.repos.incubations.incubation(organisationId);
  const organisation = ctx.store.across('admitOrganisation', ctx.actor, organisationId);
  // Bounded: an organisation's invitations are its few members' (the list has no index by role).
  const invitations = (await everyItem((page) => organisation.invitations.list(page)))
    .filter((i) => i.roles.includes('admin'))
    .map(asInvitation);
  return invitations.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * Reissues the first administrator's invitation of an organisation the base admitted (lost, or
 * expired before anyone accepted it), as the platform does for its tenants: the old link is
 * revoked and a new one made for the same address, in one transaction audited in the base's
 * trail. Only the admin invitation of an organisation of this base's records; any other id 404.
 */
export async function reissueAdmissionInvitation(
  ctx: UseCaseContext,
  deps: Pick<CoreDeps, 'publicBaseUrl' | 'mailer'>,
  organisationId: string,
  invitationId: string,
): Promise<SentInvitation> {
  await ctx.repos.incubations.incubation(organisationId);
  const organisation = ctx.store.across('admitOrganisation', ctx.actor, organisationId);
  const old = await organisation.invitations.get(invitationId);
  if (!old.roles.includes('admin')) throw new NotFound('Invitation not found');
  if (old.status !== 'pending' && old.status !== 'expired')
    throw new Conflict(`This invitation is ${old.status}; only a pending or expired one can be reissued`, {
      reason: old.status,
    });
  // The invitation is in the admitted organisation's partition: a named crossing.
  const mutation = ctx.repos.scope.across('admitOrganisation', organisationId).mutation();
  const { invitation, token } = organisation.invitations.reissue(mutation, old);
  try {
    await mutation.audited('invitation.reissue', 'Invitation', invitation.id, invitation.version, invitation).commit();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'stale_version')
      throw new Conflict('This invitation was just used or changed; reload the organisation', { reason: 'justUsed' });
    throw error;
  }
  const tenant = await organisation.tenant.get();
  const sent = { invitation: asInvitation(invitation), link: invitationLink(deps, token) };
  return { ...sent, mailed: await mailInvitation(deps, tenant, sent) };
}

/**
 * The organisation's admin records its unified social credit code after registration: its tenant
 * loses the 未登记 mark, the code takes the platform-wide guard (409 naming `uscc` when another
 * tenant holds it), and the incubation record of the base that admitted it says so too — one
 * transaction, audited in both trails. Recording the code the tenant already has changes nothing;
 * another code for a registered organisation is refused.
 */
export async function recordCreditCode(
  ctx: UseCaseContext,
  input: unknown,
  expectedVersion: number,
): Promise<TenantRecord> {
  const { uscc } = parsed(CreditCode, input);
  const tenant = await ctx.repos.tenant.get();
  if (tenant.version !== expectedVersion) throw new Stale('The organisation has changed since it was read');
  if (tenant.uscc === uscc && !tenant.toBeRegistered) return tenant;
  if (!tenant.toBeRegistered)
    throw new Conflict('The organisation’s credit code is already recorded', {
      fields: [{ path: '/uscc', message: 'is already recorded; it does not change', code: 'alreadyRegistered' }],
      reason: 'alreadyRegistered',
    });
  // The base's incubation record follows in the same transaction: a named crossing.
  // An organisation the platform created has no base: its crossing names itself and reaches no one.
  const mutation = ctx.repos.scope.across('recordCreditCode', tenant.incubatorId ?? tenant.id).mutation();
  const next = ctx.repos.tenant.recordCreditCode(mutation, tenant, uscc);
  if (tenant.incubatorId) {
    const base = ctx.store.across('recordCreditCode', ctx.actor, tenant.incubatorId);
    const record = await base.incubations.incubation(tenant.id).catch((error: unknown) => {
      if (error instanceof StoreError && error.code === 'not_found') return undefined;
      throw error;
    });
    if (record) {
      const updated = base.incubations.replaceIncubation(mutation, record, { ...record, uscc, toBeRegistered: false });
      mutation.auditedIn(
        tenant.incubatorId,
        'incubation.creditCode',
        'Incubation',
        record.id,
        updated.version,
        updated,
      );
    }
  }
  await mutation.audited('tenant.creditCode', 'Tenant', tenant.id, next.version, next).commit();
  return next;
}

/** What the base's dashboard shows: applications waiting for a decision, and its records by stage. */
export interface IncubationOverview {
  applicationsWaiting: number;
  byStage: Record<IncubationStage, number>;
}

/** Counts only (COUNT Queries of the status index): no record is read to be counted. */
export async function incubationOverview(ctx: UseCaseContext): Promise<IncubationOverview> {
  const [applicationsWaiting, ...stages] = await Promise.all([
    ctx.repos.incubations.waitingCount(),
    ...INCUBATION_STAGES.map((stage) => ctx.repos.incubations.stageCount(stage)),
  ]);
  return {
    applicationsWaiting,
    byStage: Object.fromEntries(INCUBATION_STAGES.map((stage, i) => [stage, stages[i] ?? 0])) as Record<
      IncubationStage,
      number
    >,
  };
}
