import {
  type BureauMap,
  type Community,
  cityOf,
  EndPosting,
  NewPosting,
  type PostingView,
  type Township,
} from '@shegong/domain';
import { bureauMapOf, type PostingRecord, timeOrderedId } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { commitOnce } from '../once.ts';
import { Invalid, Stale } from '../refusals.ts';

/**
 * Postings (issue 13): an organisation posts a staff member to a community of its city's map,
 * where they serve, from a day and maybe until one. The targets P-T2 and P-T7 count who serves
 * where from these and the registry (domain workers.ts). Choices:
 * - organisations only (kind `org`): P-T2/P-T7 count social-work service organisations' staff; an
 *   incubation base's own project staff are not on the city's list of organisations;
 * - the organisation's admin and hr post and end postings (they keep the registry); whoever reads
 *   the registry reads them;
 * - the community must be on the map of the organisation's city when posted (400 naming
 *   `/community` otherwise), checked again in the posting's transaction (a community changed or
 *   removed meanwhile fails it);
 * - postings may overlap (a move recorded before the old one is ended): the dashboard counts a
 *   person where their latest posting is (workers.ts).
 */

export const POSTING_READERS: MemberPolicy = { kinds: ['org'], roles: ['admin', 'hr', 'finance', 'project_manager'] };
export const POSTING_WRITERS: MemberPolicy = { kinds: ['org'], roles: ['admin', 'hr'] };

/** The organisation's city (its region's), whose map it posts to. */
function ownCity(ctx: UseCaseContext): string {
  return cityOf(ctx.tenant.region) ?? ctx.tenant.region;
}

function places(ctx: UseCaseContext) {
  return ctx.store.cityPlaces(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    ownCity(ctx),
  );
}

/** The city's map as an organisation reads it: for the picker (county → township → community). */
export async function postingPlaces(
  ctx: UseCaseContext,
): Promise<Pick<BureauMap, 'city' | 'townships' | 'communities'>> {
  const map = bureauMapOf(await places(ctx).read());
  return { city: map.city, townships: map.townships, communities: map.communities };
}

function viewOf(
  posting: PostingRecord,
  communities: Map<string, Community>,
  townships: Map<string, Township>,
): PostingView {
  const community = communities.get(posting.community);
  const township = community ? townships.get(community.township) : undefined;
  return {
    ...posting,
    ...(community ? { communityName: community.name } : {}),
    ...(township ? { townshipName: township.name, county: township.county } : {}),
  };
}

async function named(ctx: UseCaseContext, postings: PostingRecord[]): Promise<PostingView[]> {
  if (postings.length === 0) return [];
  const map = await postingPlaces(ctx);
  const communities = new Map(map.communities.map((c) => [c.code, c]));
  const townships = new Map(map.townships.map((t) => [t.code, t]));
  return postings.map((p) => viewOf(p, communities, townships));
}

/** A person's postings, the latest first (404 for a person not on the organisation's registry). */
export async function personPostings(ctx: UseCaseContext, personId: string): Promise<PostingView[]> {
  await ctx.repos.people.get(personId);
  const postings = await ctx.repos.postings.ofPerson(personId);
  return named(
    ctx,
    postings.sort((a, b) => b.from.localeCompare(a.from) || b.id.localeCompare(a.id)),
  );
}

/** Posts a person to a community of the city's map. Created once per key. */
export async function postStaff(
  ctx: UseCaseContext,
  personId: string,
  input: unknown,
  key?: string,
): Promise<{ posting: PostingView; replayed: boolean }> {
  const fields = parsed(NewPosting, input);
  const person = await ctx.repos.people.get(personId);
  const map = places(ctx);
  const community = await map.community(fields.community);
  if (!community)
    throw new Invalid('The community is not on the city’s map; nothing was saved', {
      fields: [
        {
          path: '/community',
          message: `${fields.community} is not a community of the map of ${ownCity(ctx)}`,
          code: 'unknownCommunity',
        },
      ],
    });
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'posting.add', input: { personId, ...fields } },
    () => {
      const mutation = ctx.repos.scope.mutation();
      map.checkCommunity(mutation, community.code, community.version);
      const posting = ctx.repos.postings.stage(mutation, {
        id: timeOrderedId(),
        personId: person.id,
        organisationId: ctx.tenant.id,
        ...fields,
        createdAt: new Date().toISOString(),
      });
      mutation.audited('posting.add', 'Posting', posting.id, posting.version, posting);
      return { body: posting, mutation };
    },
  );
  return { posting: (await named(ctx, [body]))[0]!, replayed };
}

/** Ends (or corrects the end of) a posting read at `expectedVersion`; the last day is on or after the first. */
export async function endPosting(
  ctx: UseCaseContext,
  personId: string,
  postingId: string,
  input: unknown,
  expectedVersion: number,
): Promise<PostingView> {
  const { until } = parsed(EndPosting, input);
  const current = await ctx.repos.postings.get(personId, postingId);
  if (until < current.from)
    throw new Invalid('The last day is before the first; nothing was saved', {
      fields: [{ path: '/until', message: `must be on or after ${current.from}`, code: 'beforeStart' }],
    });
  if (current.version !== expectedVersion) throw new Stale('The posting has changed since it was read; reload it');
  const mutation = ctx.repos.scope.mutation();
  const next = ctx.repos.postings.replace(mutation, current, { ...current, until, version: current.version + 1 });
  await mutation.audited('posting.end', 'Posting', postingId, next.version, next).commit();
  return (await named(ctx, [next]))[0]!;
}
