import {
  CheckedPersonInput,
  type LadderStanding,
  ladderStanding,
  type PayMonth,
  type Person,
  type PersonInput,
  type PersonView,
  PROJECT_KINDS,
  payMonthsOf,
  type Submission,
  type SubmissionInput,
} from '@shegong/domain';
import type { Page, PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { everyItem } from '../paging.ts';
import { Conflict, Invalid, NotFound } from '../refusals.ts';
import { checkCertificates, PEOPLE_KEEPERS, personView, registryRules } from './registry.ts';

/**
 * 我的档案 My record: a member of an organisation who is on its staff registry sees their own
 * record with the registry's figures (N-4, P-R2, N-5, P-W3, the ladder) and submits CE hours and
 * certificates for hr to confirm. Which person a member is comes from a link hr sets (one person
 * per member, one member per person), never from the request: the API and the pages take no
 * person id for a member's own record, so nobody can name another person's.
 */

/** Every member of an organisation opens their own record (those not on the registry are told so). */
export const MY_RECORD_USERS = { kinds: PROJECT_KINDS, roles: 'any' } as const;
/** Who links members and decides on submissions: the registry's keepers. */
export const SUBMISSION_REVIEWERS = PEOPLE_KEEPERS;

export type MyRecord =
  | { linked: false }
  | {
      linked: true;
      person: PersonView;
      /** Where the person stands on the current ladder (absent without a ladder or a rule set). */
      ladder?: { standing: LadderStanding; levels: { id: string; name: string }[] };
      submissions: Submission[];
      /** Pay month by month as the actuals record it, newest first, with each contract's number. */
      payMonths: (PayMonth & { contractNumber: string })[];
    };

/** The person the signed-in member is, or undefined when hr has not linked them (or they left). */
async function ownPerson(ctx: UseCaseContext): Promise<Person | undefined> {
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  return link ? ctx.repos.people.find(link.personId) : undefined;
}

/** The most recent submissions a record shows (older ones stay stored). */
const SUBMISSIONS_SHOWN = 50;

export async function myRecord(ctx: UseCaseContext): Promise<MyRecord> {
  const person = await ownPerson(ctx);
  if (!person) return { linked: false };
  const [rules, ladder, submissions, payMonths] = await Promise.all([
    registryRules(ctx),
    ctx.repos.ladders.find().catch(() => undefined),
    ctx.repos.memberRecords.ofPerson(person.id, { limit: SUBMISSIONS_SHOWN }),
    ownPayMonths(ctx, person.id),
  ]);
  const view = personView(ctx, person, rules);
  return {
    linked: true,
    person: view,
    ...(ladder && rules.ruleSet
      ? {
          ladder: {
            standing: ladderStanding(person, ladder, rules.ruleSet.parameters, rules.today),
            levels: ladder.levels.map((l) => ({ id: l.id, name: l.name })),
          },
        }
      : {}),
    submissions: submissions.items,
    payMonths,
  };
}

/** The person's months in the organisation's actuals, each with its contract's number. */
async function ownPayMonths(ctx: UseCaseContext, personId: string) {
  const months = payMonthsOf(personId, await ctx.repos.actuals.everyMonth());
  const ids = [...new Set(months.map((m) => m.contractId))];
  const contracts = await Promise.all(ids.map((id) => ctx.repos.contracts.get(id).catch(() => undefined)));
  const numbers = new Map(contracts.flatMap((c) => (c ? [[c.id, c.number] as const] : [])));
  return months.map((m) => ({ ...m, contractNumber: numbers.get(m.contractId) ?? '' }));
}

/** What the record would become with the submission in it, checked as hr's own forms check it. */
function withSubmission(person: Person, input: SubmissionInput): PersonInput {
  const { id: _id, createdAt: _c, version: _v, ...current } = person;
  const candidate =
    input.kind === 'certificate'
      ? { ...current, certificates: [...current.certificates, input.certificate] }
      : { ...current, continuingEducation: [...current.continuingEducation, input.entry] };
  const parsed = CheckedPersonInput.safeParse(candidate);
  if (!parsed.success)
    throw new Invalid('Some fields are not valid', {
      fields: parsed.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message })),
    });
  return parsed.data;
}

/**
 * Submits CE hours or a certificate for hr to confirm. It is checked now against the registry's
 * rules (N-4 for a certificate), so a member hears at once what hr would refuse anyway; it is
 * checked again when hr confirms it, against the record and the rules as they are then.
 */
export async function submitToRecord(
  ctx: UseCaseContext,
  input: SubmissionInput,
  key?: string,
): Promise<{ submission: Submission; replayed: boolean }> {
  const person = await ownPerson(ctx);
  if (!person) throw new NotFound('You are not on your organisation’s staff registry; ask hr to link you');
  const candidate = withSubmission(person, input);
  await checkCertificates(ctx, candidate, person.certificates);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'submission.create', input }, () => {
    const mutation = ctx.repos.scope.mutation();
    const submission = ctx.repos.memberRecords.stageSubmission(mutation, input, {
      personId: person.id,
      personName: person.name,
      submittedBy: ctx.actor.userId,
    });
    mutation.audited('submission.create', 'Submission', submission.id, 1, submission).concerning(person.id);
    return { mutation, body: submission };
  });
  return { submission: body, replayed };
}

/** hr's queue: the submissions waiting for a decision. */
export function pendingSubmissions(ctx: UseCaseContext, page: PageRequest): Promise<Page<Submission>> {
  return ctx.repos.memberRecords.pending(page);
}

/** A submission still waiting for a decision (Conflict once decided). */
export async function submissionToDecide(
  ctx: UseCaseContext,
  personId: string,
  submissionId: string,
): Promise<Submission> {
  const submission = await ctx.repos.memberRecords.get(personId, submissionId);
  if (submission.status !== 'pending') throw new Conflict('This submission was decided already', { reason: 'decided' });
  return submission;
}

/**
 * Confirms a submission: the entry is written to the person's record under the same rules as hr
 * adding it (the schema, N-4 for certificates, a certificate number unique on the platform), and
 * the submission is marked confirmed, in one transaction with its audit event.
 */
export async function confirmSubmission(
  ctx: UseCaseContext,
  personId: string,
  submissionId: string,
): Promise<{ submission: Submission; person: Person }> {
  const [submission, person] = await Promise.all([
    submissionToDecide(ctx, personId, submissionId),
    ctx.repos.people.get(personId),
  ]);
  const candidate = withSubmission(person, submission);
  await checkCertificates(ctx, candidate, person.certificates);
  const mutation = ctx.repos.scope.mutation();
  const record = ctx.repos.people.stageReplace(mutation, person, person.version, candidate);
  const decided = ctx.repos.memberRecords.stageDecision(mutation, submission, {
    status: 'confirmed',
    decidedBy: ctx.actor.userId,
  });
  await mutation
    .audited('submission.confirm', 'Submission', submission.id, decided.version, {
      submission: decided,
      person: record,
    })
    .concerning(personId)
    .commit();
  return { submission: decided, person: record };
}

/** Refuses a submission with a reason the member sees; the record does not change. */
export async function refuseSubmission(
  ctx: UseCaseContext,
  personId: string,
  submissionId: string,
  reason: string,
): Promise<Submission> {
  const submission = await submissionToDecide(ctx, personId, submissionId);
  const mutation = ctx.repos.scope.mutation();
  const decided = ctx.repos.memberRecords.stageDecision(mutation, submission, {
    status: 'refused',
    decidedBy: ctx.actor.userId,
    reason,
  });
  await mutation
    .audited('submission.refuse', 'Submission', submission.id, decided.version, decided)
    .concerning(personId)
    .commit();
  return decided;
}

/**
 * Links a member of the organisation to a person on the registry (hr). The same link again changes
 * nothing; a member or a person linked elsewhere is refused (Conflict) by the link's guards.
 */
export async function linkMember(ctx: UseCaseContext, personId: string, userId: string): Promise<void> {
  const [person, user, current] = await Promise.all([
    ctx.repos.people.get(personId),
    ctx.repos.users.find(userId),
    ctx.repos.memberRecords.linkOf(userId),
  ]);
  if (!user) throw new NotFound('There is no such member in your organisation');
  if (current?.personId === person.id) return;
  const mutation = ctx.repos.scope.mutation();
  ctx.repos.memberRecords.stageLink(mutation, { userId, personId: person.id });
  await mutation.audited('person.member.link', 'Person', person.id, person.version, { personId, userId }).commit();
}

/** The member a person is linked to, if any, and the organisation's members to choose from (hr). */
export async function personMember(
  ctx: UseCaseContext,
  personId: string,
): Promise<{
  person: { id: string; name: string };
  linked?: string;
  members: { id: string; name: string; email: string }[];
}> {
  const [person, link] = await Promise.all([
    ctx.repos.people.get(personId),
    ctx.repos.memberRecords.memberOf(personId),
  ]);
  const members = (await everyItem((page) => ctx.repos.users.list(page))).map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
  }));
  return {
    person: { id: person.id, name: person.name },
    ...(link ? { linked: link.userId } : {}),
    members: members.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** Removes the link of a member to a person (hr): the member then sees that they are not linked. */
export async function unlinkMember(ctx: UseCaseContext, personId: string, userId: string): Promise<void> {
  const link = await ctx.repos.memberRecords.linkOf(userId);
  if (link?.personId !== personId) throw new NotFound('This member is not linked to this person');
  const mutation = ctx.repos.scope.mutation();
  ctx.repos.memberRecords.stageUnlink(mutation, link);
  await mutation.audited('person.member.unlink', 'Person', personId, 1, { personId, userId }).commit();
}
