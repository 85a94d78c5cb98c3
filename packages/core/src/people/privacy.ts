import {
  CLOSED_CLAIM_STATUSES,
  type Lang,
  type PayMonth,
  type Person,
  PROJECT_KINDS,
  payMonthsOf,
  seesPersonalData,
} from '@shegong/domain';
import { ERASURE_BATCH, type Mutation, PersonData, type PersonItems, type PersonRecords } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { everyItem } from '../paging.ts';
import { Conflict, NotFound, Stale } from '../refusals.ts';
import { MY_RECORD_USERS } from './my-record.ts';
import { PEOPLE_KEEPERS } from './registry.ts';

/**
 * A person's rights under the Personal Information Protection Law (PIPL): a copy of everything the
 * product holds about them (art. 45), and the erasure of their personal data (art. 47) that keeps
 * what other laws require to be kept — the financial records of contracts and of the award ledger
 * (会计档案: amounts, dates, contract and claim links stay; names and numbers go).
 */

/** hr and admin export any person of their registry; the person themself exports their own (below). */
export const PERSONAL_DATA_EXPORTERS = PEOPLE_KEEPERS;
/** Every member exports their own record, if hr linked them to one. */
export const OWN_DATA_EXPORTERS = MY_RECORD_USERS;
/**
 * Erasure is the admin's alone (choice): it cannot be undone and disables the person's member
 * account, so it rests with whoever answers for the organisation; hr keeps the registry and
 * exports, and asks the admin to erase.
 */
export const PERSON_ERASERS = { kinds: PROJECT_KINDS, roles: ['admin'] } as const;

/** A contract post that names the person (the current version of each of the organisation's contracts). */
export interface NamedPost {
  contractId: string;
  contractNumber: string;
  contractTitle: string;
  status: string;
  title: string;
  role: string;
  /** Absent where the post takes the person's own pay. */
  monthlyPay?: number;
}

export type PersonDataExport = PersonRecords & {
  exportedAt: string;
  organisation: { id: string; name: string };
  payMonths: (PayMonth & { contractNumber: string })[];
  contractPosts: NamedPost[];
};

/** The organisation's contracts' posts that name the person (bounded by one organisation's contracts). */
async function postsNaming(ctx: UseCaseContext, personId: string): Promise<NamedPost[]> {
  const heads = await everyItem((page) => ctx.repos.contracts.list(page));
  const found: NamedPost[] = [];
  for (const head of heads) {
    const version = await ctx.repos.contracts.version(head.id, head.currentVersion);
    for (const post of version.draft.plan.posts)
      if (post.personId === personId)
        found.push({
          contractId: head.id,
          contractNumber: head.number,
          contractTitle: head.title,
          status: head.status,
          title: post.title,
          role: post.role,
          ...(post.monthlyPay !== undefined ? { monthlyPay: post.monthlyPay } : {}),
        });
  }
  return found;
}

async function payMonthsNaming(ctx: UseCaseContext, personId: string, posts: NamedPost[]) {
  const months = payMonthsOf(personId, await ctx.repos.actuals.everyMonth());
  const numbers = new Map(posts.map((p) => [p.contractId, p.contractNumber]));
  const missing = [...new Set(months.map((m) => m.contractId))].filter((id) => !numbers.has(id));
  for (const id of missing) {
    const head = await ctx.repos.contracts.get(id).catch(() => undefined);
    if (head) numbers.set(id, head.number);
  }
  return months.map((m) => ({ ...m, contractNumber: numbers.get(m.contractId) ?? '' }));
}

/** The person's items, or NotFound (another organisation's person answers the same: ids cannot be probed). */
async function itemsOf(ctx: UseCaseContext, personId: string): Promise<{ data: PersonData; items: PersonItems }> {
  const data = new PersonData(ctx.repos.scope);
  const items = await data.items(personId);
  if (!items) throw new NotFound('There is no such person in your organisation');
  return { data, items };
}

/**
 * Everything held about one person, in full (no masking: it is for hr/admin or the person). hr and
 * admin may ask for anyone of the registry; any other member only for the person they are linked to
 * (anyone else answers NotFound, as for a person that does not exist).
 */
export async function exportPersonData(ctx: UseCaseContext, personId: string): Promise<PersonDataExport> {
  if (!seesPersonalData(ctx.actor)) {
    const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
    if (link?.personId !== personId) throw new NotFound('There is no such person in your organisation');
  }
  const { data, items } = await itemsOf(ctx, personId);
  const link = await ctx.repos.memberRecords.memberOf(personId);
  const [auditEvents, member, contractPosts] = await Promise.all([
    data.auditEvents(personId),
    link ? ctx.repos.users.find(link.userId) : Promise.resolve(undefined),
    postsNaming(ctx, personId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    organisation: { id: ctx.tenant.id, name: ctx.tenant.name },
    ...data.records(items, auditEvents, member),
    contractPosts,
    payMonths: await payMonthsNaming(ctx, personId, contractPosts),
  };
}

/** The signed-in member's own export (NotFound while hr has not linked them to a person). */
export async function exportOwnData(ctx: UseCaseContext): Promise<PersonDataExport> {
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  if (!link) throw new NotFound('You are not on your organisation’s staff registry; ask hr to link you');
  return exportPersonData(ctx, link.personId);
}

/** The same export as a workbook, one sheet per kind of record. */
export async function personDataFile(ctx: UseCaseContext, personId: string | undefined, lang: Lang): Promise<XlsxFile> {
  const data = personId ? await exportPersonData(ctx, personId) : await exportOwnData(ctx);
  const bytes = await (await loadWorkbooks()).personDataWorkbook(data, lang);
  return { bytes, fileName: `个人信息-${data.exportedAt.slice(0, 10)}.xlsx` };
}

/** Sends the rewrites of the person's related items, ERASURE_BATCH to a transaction, each audited. */
async function eraseRelated(ctx: UseCaseContext, data: PersonData, items: PersonItems, person: Person, at: string) {
  const personId = person.id;
  const rewrites = data.relatedRewrites(items, person, at);
  for (let start = 0, part = 1; start < rewrites.length; start += ERASURE_BATCH, part++) {
    const mutation: Mutation = ctx.repos.scope.mutation();
    for (const rewrite of rewrites.slice(start, start + ERASURE_BATCH)) rewrite(mutation);
    await mutation
      .audited('person.erasure.part', 'Person', personId, Number(items.person.version), { personId, part })
      .commit();
  }
}

/**
 * Erases a person's personal data (PIPL art. 47). The related records (submissions, exam costs,
 * award claims, the award ledger) are pseudonymised first, in transactions of at most
 * ERASURE_BATCH items; then one transaction pseudonymises the person (name, ID-card number, phone,
 * certificate numbers), releases the guards of their numbers and their member's link, disables
 * their member account (its e-mail freed) and writes `person.erased` with who, when and why. Until
 * that last step the person is not marked erased, so an erasure cut short is simply run again (the
 * rewrites are idempotent). Amounts, dates, statuses, contract posts and payroll rows (which name
 * the person by id only) and the ledger's entries stay: they are the financial records that other
 * laws require kept. The ledger stays keyed by the hash of the ID-card number so P-A5's ceiling
 * still counts what was paid if the person is claimed for again (choice: the hash is kept, the
 * number goes).
 *
 * Refused (Conflict) while the person has an open award claim: a bureau is deciding on it with
 * their identity; it must be paid, refused or withdrawn first. A person on an active contract's
 * staffing is erased all the same (choice): the costing needs only their level and pay, which stay.
 */
export async function erasePerson(
  ctx: UseCaseContext,
  personId: string,
  reason: string,
  expectedVersion?: number,
): Promise<{ personId: string; erasedAt: string; version: number }> {
  const { data, items } = await itemsOf(ctx, personId);
  const { person, awardClaims } = data.records(items, []);
  if (person.erasedAt) throw new Conflict('This person’s personal data was erased already', { reason: 'erased' });
  if (expectedVersion !== undefined && person.version !== expectedVersion)
    throw new Stale('Person was changed by someone else; reload it');
  if (awardClaims.some((c) => !CLOSED_CLAIM_STATUSES.includes(c.status)))
    throw new Conflict('This person has an open award claim: it must be paid, refused or withdrawn first', {
      reason: 'openAwardClaim',
    });
  const link = await ctx.repos.memberRecords.memberOf(personId);
  const member = link ? await ctx.repos.users.find(link.userId) : undefined;
  if (member?.id === ctx.actor.userId)
    throw new Conflict('You cannot erase your own record while signed in as it; ask another admin', {
      reason: 'self',
    });
  const at = new Date().toISOString();
  await eraseRelated(ctx, data, items, person, at);
  const mutation = ctx.repos.scope.mutation();
  const erased = data.stagePerson(mutation, person, at);
  if (link) ctx.repos.memberRecords.stageUnlink(mutation, link);
  if (member) data.stageMember(mutation, member, personId);
  await mutation
    .audited('person.erased', 'Person', personId, erased.version, { erased: personId, at })
    .because(reason)
    .commit();
  return { personId, erasedAt: at, version: erased.version };
}
