import {
  type LadderInput,
  type LadderLevel,
  ladderStanding,
  type Person,
  type RuleSet,
  type SavedLadder,
  validateLadder,
} from '@shegong/domain';
import type { Store, TenantRepositories } from '@shegong/store';
import { DEMO_TENANTS, type DemoTenant } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'ladders-v1' (after 'people-v1'): each demo organisation's career ladder (P-C2) of six
 * levels, its staff placed on it, and a couple of recorded promotions. Bands sit above the
 * illustrative floors of the rule set in force (Fangchenggang 2023: ¥2,400 / ¥3,200 / ¥3,800 /
 * ¥4,600; Dongxing 2026 raises the assistant floor to ¥3,500), so each ladder validates cleanly.
 * Placement: everyone at the highest level they qualify for, except every fifth person, left one
 * level lower (so the page has people to promote), and a few whose step up is recorded as a
 * promotion on 2026-09-01.
 */

const PROMOTION_DATE = '2026-09-01';
/** Where people were placed before this year's promotions. */
const PLACED_ON = '2026-01-01';

const level = (
  id: string,
  name: string,
  postClass: LadderLevel['postClass'],
  minCertificate: LadderLevel['requirements']['minCertificate'],
  minYearsPractice: number,
  minEducation: LadderLevel['requirements']['minEducation'],
  yuan: [number, number],
): LadderLevel => ({
  id,
  name,
  postClass,
  requirements: {
    minCertificate,
    minYearsPractice,
    minEducation,
    continuingEducationUpToDate: minCertificate !== 'none',
  },
  payBand: { min: yuan[0] * 100, max: yuan[1] * 100 },
});

/** 阳光 (港口区, under the city's floors). */
const YANGGUANG: LadderInput = {
  levels: [
    level('trainee', '社工助理', 'none', 'none', 0, 'secondary', [2_600, 3_400]),
    level('assistant', '助理社工师', 'junior', 'assistant', 1, 'vocational', [3_400, 4_400]),
    level('assistant-lead', '资深助理社工师', 'junior', 'assistant', 3, 'associate', [3_900, 4_900]),
    level('social-worker', '社工师', 'intermediate', 'social_worker', 3, 'associate', [4_200, 5_600]),
    level('supervisor', '中级督导', 'intermediate', 'social_worker', 6, 'bachelor', [5_200, 6_800]),
    level('senior', '高级社工师', 'senior', 'senior', 8, 'bachelor', [6_000, 9_000]),
  ],
};

/** 同心 (东兴市: Dongxing's own assistant floor of ¥3,500 from 2026). */
const TONGXIN: LadderInput = {
  levels: [
    level('trainee', '社工助理', 'none', 'none', 0, 'secondary', [2_600, 3_300]),
    level('assistant', '助理社工师', 'junior', 'assistant', 0, 'vocational', [3_600, 4_500]),
    level('assistant-lead', '资深助理社工师', 'junior', 'assistant', 3, 'associate', [4_000, 5_000]),
    level('social-worker', '社工师', 'intermediate', 'social_worker', 3, 'associate', [4_200, 5_800]),
    level('project-lead', '项目主管', 'intermediate', 'social_worker', 5, 'bachelor', [5_000, 6_800]),
    level('senior', '高级社工师', 'senior', 'senior', 8, 'bachelor', [6_000, 9_000]),
  ],
};

const LADDERS: readonly { domain: string; ladder: LadderInput }[] = [
  { domain: 'yangguang.demo', ladder: YANGGUANG },
  { domain: 'tongxin.demo', ladder: TONGXIN },
];

function tenantOf(domain: string): DemoTenant {
  const tenant = DEMO_TENANTS.find((t) => t.domain === domain);
  if (!tenant) throw new Error(`no demo tenant ${domain}`);
  return tenant;
}

/** The index of the highest level a person qualifies for under a rule set on a date (-1: none). */
function qualifiedIndex(person: Person, ladder: LadderInput, rules: RuleSet, date: string): number {
  const { ladderLevelId: _, ...unplaced } = person;
  const standing = ladderStanding(unplaced, ladder, rules.parameters, date);
  return ladder.levels.findIndex((l) => l.id === standing.qualifiesFor);
}

async function rulesOn(store: Store, tenant: DemoTenant, date: string): Promise<RuleSet> {
  const rules = await store.ruleSetInForce(tenant.region, date);
  if (!rules) throw new Error(`no rule set in force for ${tenant.region} on ${date}: seed 'rule-sets-v1' first`);
  return rules;
}

/** Where a person starts on the ladder and the level they hold after this year's promotions. */
interface Placement {
  person: Person;
  placedAt: number;
  held: number;
}

function placementOf(
  n: number,
  person: Person,
  ladder: LadderInput,
  rules: Record<'now' | 'earlier', RuleSet>,
): Placement | undefined {
  if (person.ladderLevelId) return undefined;
  const now = qualifiedIndex(person, ladder, rules.now, PROMOTION_DATE);
  if (now < 0) return undefined;
  const earlier = qualifiedIndex(person, ladder, rules.earlier, PLACED_ON);
  const held = n % 5 === 1 && now > 0 ? now - 1 : now;
  const placedAt = n % 5 === 2 && earlier >= 0 && earlier < held ? earlier : held;
  return { person, placedAt, held };
}

async function seedLadder(store: Store, tenant: DemoTenant, input: LadderInput): Promise<void> {
  const repos: TenantRepositories = store.tenant({ tenantId: tenant.id, userId: 'seed' });
  // The demo ladders pass cleanly: no error and no warning.
  const errors = validateLadder(input, (await rulesOn(store, tenant, '2026-11-25')).parameters);
  if (errors.length)
    throw new Error(`the demo ladder of ${tenant.name} breaks ${errors.map((e) => e.ruleId).join(', ')}`);
  const ladder = (await repos.ladders.find()) ?? (await repos.ladders.save(input, { firstSave: true }));
  const rules = { now: await rulesOn(store, tenant, PROMOTION_DATE), earlier: await rulesOn(store, tenant, PLACED_ON) };

  const people = (await repos.people.listAll()).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const placements = people.flatMap((person, n) => placementOf(n, person, ladder, rules) ?? []);
  // Placements side by side (one person's items each); promotions after, one at a time, as each
  // checks the ladder's version in its transaction.
  const placed = await Promise.all(
    placements.map(async ({ person, placedAt, held }) => {
      const mutation = repos.scope.mutation();
      const record = repos.people.stageLevelChange(mutation, person, ladder.levels[placedAt]!.id);
      await mutation.audited('ladder.place', 'Person', person.id, record.version, record).commit();
      return { person: record, placedAt, held };
    }),
  );
  for (const { person, placedAt, held } of placed) if (placedAt < held) await promote(repos, ladder, person, held);
}

/** The step up is a recorded promotion under the ladder version it was decided by. */
async function promote(repos: TenantRepositories, ladder: SavedLadder, person: Person, held: number) {
  const mutation = repos.scope.mutation();
  const promotion = repos.ladders.stagePromotion(mutation, {
    personId: person.id,
    fromLevelId: person.ladderLevelId,
    toLevelId: ladder.levels[held]!.id,
    date: PROMOTION_DATE,
    ladderVersion: ladder.version,
  });
  const promoted = repos.people.stageLevelChange(mutation, person, promotion.toLevelId);
  await mutation
    .audited('ladder.promote', 'Person', person.id, promoted.version, { promotion, person: promoted })
    .commit();
}

SEED_PARTS.push({
  name: 'ladders-v1',
  async run(store: Store) {
    for (const { domain, ladder } of LADDERS) await seedLadder(store, tenantOf(domain), ladder);
  },
});

export { TONGXIN as TONGXIN_LADDER, YANGGUANG as YANGGUANG_LADDER };
