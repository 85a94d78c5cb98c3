import {
  type Certificate,
  CheckedPersonInput,
  type ContinuingEducation,
  flagsOf,
  maskPersonalData,
  newCertificateProblems,
  type Person,
  type PersonInput,
  type PersonView,
  PROJECT_KINDS,
  type RuleSet,
  type StaffSummary,
  staffSummary,
} from '@shegong/domain';
import type { Page, PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Invalid, Stale } from '../refusals.ts';
import { type StaffListQuery, staffPage } from './staff-list.ts';

/**
 * The staff registry (P-R1): what it tells an organisation about each person under the rule set in
 * force today for its region, and keeping it. The API and the pages both come here, so they show
 * the same figures and refuse the same things.
 */

/** Org tenants only: a bureau reads contracts, never an organisation's staff. */
export const PEOPLE_READERS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr', 'finance', 'project_manager'] } as const;
/** Who keeps the registry. */
export const PEOPLE_KEEPERS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr'] } as const;

/** The rule set a registry's figures use: in force today for the organisation's region, if any. */
export interface RegistryRules {
  today: string;
  ruleSet?: RuleSet;
}

export async function registryRules(ctx: UseCaseContext): Promise<RegistryRules> {
  const today = ctx.clock.today();
  const ruleSet = await ctx.store.ruleSetInForce(ctx.tenant.region, today);
  return { today, ...(ruleSet ? { ruleSet } : {}) };
}

/**
 * One person's summary, or undefined when no rule set is in force. The P-A3 run counts periods
 * within the rule set's region: the jurisdiction whose rules (and awards) apply.
 */
export function summarise(person: PersonInput, rules: RegistryRules): StaffSummary | undefined {
  if (!rules.ruleSet) return undefined;
  return staffSummary(person, rules.ruleSet.parameters, rules.today, rules.ruleSet.region);
}

export function personView(ctx: UseCaseContext, person: Person, rules: RegistryRules): PersonView {
  const summary = summarise(person, rules);
  return {
    ...maskPersonalData(person, ctx.actor),
    ...(summary ? { summary: { ...summary, flags: flagsOf(summary) } } : {}),
  };
}

/**
 * The whole registry with every person's summary, by name. Counts and flag filters need every
 * summary; the registry is bounded by the organisation's size (tens to a few thousand people).
 */
export async function staffRegistry(ctx: UseCaseContext): Promise<{ rules: RegistryRules; people: PersonView[] }> {
  const [rules, people] = await Promise.all([registryRules(ctx), ctx.repos.people.listAll()]);
  const views = people.map((p) => personView(ctx, p, rules)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { rules, people: views };
}

/** A page of the staff list: with a flag, found by a search, sorted (staff-list.ts). */
export async function listPeople(
  ctx: UseCaseContext,
  query: PageRequest & StaffListQuery,
): Promise<{ rules: RegistryRules } & Page<PersonView>> {
  const { limit, cursor, ...list } = query;
  const [rules, people] = await Promise.all([registryRules(ctx), ctx.repos.people.listAll()]);
  const views = people.map((p) => personView(ctx, p, rules));
  return { rules, ...staffPage(views, list, { limit, ...(cursor ? { cursor } : {}) }) };
}

export async function getPerson(ctx: UseCaseContext, personId: string): Promise<PersonView> {
  const [person, rules] = await Promise.all([ctx.repos.people.get(personId), registryRules(ctx)]);
  return personView(ctx, person, rules);
}

/**
 * N-4: refuses certificates typed now whose registration the rules in force refuse (an expiry
 * that is not the term's, a registration before the certificate). Certificates already stored
 * as they are are not judged again, so a record kept from before a rule stays editable.
 */
export async function checkCertificates(ctx: UseCaseContext, input: PersonInput, stored: readonly Certificate[]) {
  const { ruleSet } = await registryRules(ctx);
  const problems = newCertificateProblems(input.certificates, stored, ruleSet?.parameters);
  if (problems.length)
    throw new Invalid('Some certificates’ registrations are not valid (N-4)', {
      fields: problems.map((p) => ({ ...p, ruleId: 'N-4' })),
    });
}

/** Adds a person (their ID-card number unique in the organisation, certificate numbers on the platform). */
export async function addPerson(ctx: UseCaseContext, input: PersonInput, key?: string) {
  await checkCertificates(ctx, input, []);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'person.create', input }, () => {
    const mutation = ctx.repos.scope.mutation();
    const person = ctx.repos.people.add(mutation, input);
    mutation.audited('person.create', 'Person', person.id, person.version, person);
    return { mutation, body: person };
  });
  return { person: maskPersonalData(body, ctx.actor), replayed };
}

/** Replaces a person's record; `current` is the record as read, when the caller has it already. */
export async function replacePerson(
  ctx: UseCaseContext,
  personId: string,
  expectedVersion: number,
  input: PersonInput,
  action?: string,
  current?: Person,
): Promise<Person> {
  const stored = current ?? (await ctx.repos.people.get(personId));
  // An erased person keeps only a pseudonym: nobody types personal data back into the record.
  if (stored.erasedAt) throw new Conflict('This person’s personal data was erased', { reason: 'erased' });
  await checkCertificates(ctx, input, stored.certificates);
  const person = await ctx.repos.people.replace(personId, expectedVersion, input, action);
  return maskPersonalData(person, ctx.actor);
}

/**
 * Removes a person from the registry (frees their ID-card and certificate numbers, and the link of
 * their member, who may then be linked to another person).
 */
export async function removePerson(ctx: UseCaseContext, personId: string, expectedVersion: number): Promise<void> {
  const link = await ctx.repos.memberRecords.memberOf(personId);
  return ctx.repos.people.remove(personId, expectedVersion, (mutation) => {
    if (link) ctx.repos.memberRecords.stageUnlink(mutation, link);
  });
}

function inputOf(person: Person): PersonInput {
  const { id: _id, createdAt: _c, version: _v, ...input } = person;
  return input;
}

/**
 * Adds to one part of a person: the version the member read must be current, and the whole person
 * is checked again before it is replaced (bounded lists, ordering rules).
 */
async function changePerson(
  ctx: UseCaseContext,
  personId: string,
  expectedVersion: number,
  action: string,
  change: (current: Person) => Partial<PersonInput>,
): Promise<Person> {
  const current = await ctx.repos.people.get(personId);
  if (current.erasedAt) throw new Conflict('This person’s personal data was erased', { reason: 'erased' });
  if (current.version !== expectedVersion) throw new Stale('Person was changed by someone else; reload it');
  const parsed = CheckedPersonInput.safeParse({ ...inputOf(current), ...change(current) });
  if (!parsed.success)
    throw new Invalid('Some fields are not valid', {
      fields: parsed.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message })),
    });
  return replacePerson(ctx, personId, expectedVersion, parsed.data, action, current);
}

/** Records a continuing-education entry (P-R2, N-5). */
export function addContinuingEducation(
  ctx: UseCaseContext,
  personId: string,
  expectedVersion: number,
  entry: ContinuingEducation,
) {
  return changePerson(ctx, personId, expectedVersion, 'person.ce.add', (current) => ({
    continuingEducation: [...current.continuingEducation, entry],
  }));
}

/** Adds a certificate (its number must be new on the platform). */
export function addCertificate(
  ctx: UseCaseContext,
  personId: string,
  expectedVersion: number,
  certificate: Certificate,
) {
  return changePerson(ctx, personId, expectedVersion, 'person.certificate.add', (current) => ({
    certificates: [...current.certificates, certificate],
  }));
}

/** One person's record as this member may see it (personal numbers masked unless hr or admin). */
export async function personRecord(ctx: UseCaseContext, personId: string): Promise<Person> {
  return maskPersonalData(await ctx.repos.people.get(personId), ctx.actor);
}

/** The registry as choices for a named person (a post, a payroll row): id and name, by name. */
export async function peopleChoices(ctx: UseCaseContext): Promise<{ id: string; name: string }[]> {
  const people = await ctx.repos.people.listAll();
  return people.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The names of the people with these ids who are in the registry, by id (one batch read). */
export async function personNames(ctx: UseCaseContext, ids: readonly string[]): Promise<Map<string, string>> {
  const found = ids.length ? await ctx.repos.people.findMany(ids) : new Map<string, Person>();
  return new Map([...found].map(([id, person]) => [id, person.name]));
}
