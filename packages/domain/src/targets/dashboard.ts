import { z } from 'zod';
import { baseCoverage, countiesOf, type IncubationBase } from '../bases/coverage.ts';
import { isoDate } from '../rules/rule-set.ts';
import { jurisdictionOf } from '../tenancy/jurisdiction.ts';
import { count } from '../units/units.ts';
import type { BureauMap, Community, Posting, TargetOrganisation, TargetStaff, Township } from './map.ts';
import {
  certifiedGoal,
  FANGCHENGGANG_TARGETS,
  TARGET_KEYS,
  TARGET_RULES,
  type TargetKey,
  type TargetParameters,
} from './parameters.ts';
import { certifiedCount, type PostedWorker, postedWorkers, staffInCounty } from './workers.ts';

/**
 * The bureau's targets dashboard (issue 13; POLICY.md P-T1..P-T7): per county and city-wide, each
 * target's value against its goal and deadline, its status, and the list behind the number.
 *
 * Status, as chosen here:
 * - met: value ≥ goal;
 * - not_met: below the goal, and the deadline year has not passed (or the target has none, P-T7);
 * - overdue: below the goal after 31 December of the deadline year (a 2025 target is overdue from
 *   2026-01-01; on 2025-12-31 it is still not_met);
 * - no_data: the map does not hold what the target is counted over (a county with no townships or
 *   communities imported, no P-T5 baseline), so "met" would be a vacuous truth. The brief names
 *   three statuses; this fourth keeps an empty import from showing green.
 */

export const TARGET_STATUSES = ['met', 'not_met', 'overdue', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_UNITS = ['counties', 'townships', 'communities', 'people', 'bases'] as const;

/** One line of the list behind a number: a place that lacks what the target asks for. */
export const TargetGap = z
  .object({
    ruleId: z.enum(['P-T1', 'P-T2', 'P-T3', 'P-T4', 'P-T5', 'P-T6', 'P-T7']),
    level: z.enum(['city', 'county', 'township', 'community']),
    code: z.string().describe('The place: a GB/T 2260 code, or a township/community code'),
    name: z.string().optional(),
    county: z.string().optional().describe('The county the place lies in (absent for the city)'),
    kind: z.string().optional().describe('township/street, urban/rural'),
    have: count,
    need: count.optional().describe('Absent where the map lacks the data to say'),
    message: z.string().describe('Why, in English (e.g. "urban community 港口社区 has 1 of 2 professionals")'),
  })
  .meta({ id: 'TargetGap' });
export type TargetGap = z.infer<typeof TargetGap>;

export const TargetFigure = z
  .object({
    key: z.enum(TARGET_KEYS),
    ruleId: z.enum(['P-T1', 'P-T2', 'P-T3', 'P-T4', 'P-T5', 'P-T6', 'P-T7']),
    value: count.describe('Places meeting the target, or people/bases counted (see unit)'),
    goal: count.nullable().describe('What the target asks for; null where the map lacks it (no baseline)'),
    unit: z.enum(TARGET_UNITS),
    deadlineYear: z
      .number()
      .int()
      .nullable()
      .describe('Due by 31 December of this year; null where the policy sets none'),
    status: z.enum(TARGET_STATUSES),
    gaps: z.array(TargetGap).describe('The places behind the shortfall'),
  })
  .meta({ id: 'TargetFigure' });
export type TargetFigure = z.infer<typeof TargetFigure>;

export const CountyTargets = z
  .object({
    county: z.string(),
    figures: z.array(TargetFigure).describe('P-T1..P-T5, P-T7 for this county (P-T6 is city-wide only)'),
  })
  .meta({ id: 'CountyTargets' });
export type CountyTargets = z.infer<typeof CountyTargets>;

export const TargetsDashboard = z
  .object({
    scope: z.string().describe('The region the view is of: the city, or one county'),
    today: isoDate,
    figures: z.array(TargetFigure).describe('The scope’s own figures: city-wide, or the county’s'),
    counties: z.array(CountyTargets).describe('Each county of the scope, in code order'),
  })
  .meta({ id: 'TargetsDashboard' });
export type TargetsDashboard = z.infer<typeof TargetsDashboard>;

/** What the registry holds for the dashboard (the map holds the rest). */
export interface TargetFacts {
  /** P-T1: the incubation bases of the city (bases/coverage.ts). */
  incubationBases: readonly IncubationBase[];
  /** P-T3, P-T5: social-work service organisations of the city, registered or not. */
  organisations: readonly TargetOrganisation[];
  /** P-T2, P-T5, P-T7: staff of those organisations. */
  staff: readonly TargetStaff[];
  /** P-T2, P-T7: who is posted where. */
  postings: readonly Posting[];
}

/** The status of a figure on `today` (see the module comment). */
export function targetStatus(
  value: number,
  goal: number | null,
  deadlineYear: number | null,
  today: string,
): TargetStatus {
  if (goal === null) return 'no_data';
  if (value >= goal) return 'met';
  return deadlineYear !== null && Number(today.slice(0, 4)) > deadlineYear ? 'overdue' : 'not_met';
}

function figure(
  key: TargetKey,
  value: number,
  goal: number | null,
  unit: TargetFigure['unit'],
  gaps: TargetGap[],
  today: string,
  params: TargetParameters,
  noData = false,
): TargetFigure {
  const deadlineYear = params.deadlines[key];
  const status = noData ? 'no_data' : targetStatus(value, goal, deadlineYear, today);
  return { key, ruleId: TARGET_RULES[key], value, goal, unit, deadlineYear, status, gaps };
}

const KIND_WORDS = { urban: 'urban community', rural: 'rural community', township: 'township', street: 'street' };

interface CountyPlaces {
  townships: Township[];
  communities: Community[];
}

function placesOf(map: BureauMap, county: string): CountyPlaces {
  const townships = map.townships.filter((t) => t.county === county).sort((a, b) => a.code.localeCompare(b.code));
  const codes = new Set(townships.map((t) => t.code));
  const communities = map.communities.filter((c) => codes.has(c.township)).sort((a, b) => a.code.localeCompare(b.code));
  return { townships, communities };
}

/**
 * The dashboard of a city bureau on `today`: every county of the city (countiesOf) and the city-wide
 * figures. A county bureau is shown countyView of it.
 */
export function targetsDashboard(
  map: BureauMap,
  facts: TargetFacts,
  today: string,
  params: TargetParameters = FANGCHENGGANG_TARGETS,
): TargetsDashboard {
  const jurisdiction = jurisdictionOf(map.city);
  const coverage = baseCoverage(jurisdiction, facts.incubationBases);
  const workers = postedWorkers(facts.postings, facts.staff, today);
  const byCommunity = new Map<string, PostedWorker[]>();
  for (const w of workers) byCommunity.set(w.community, [...(byCommunity.get(w.community) ?? []), w]);
  const ctx: Ctx = { map, facts, today, params, byCommunity };

  const counties = countiesOf(jurisdiction).map((county) => {
    const covered = coverage.counties.find((c) => c.region === county);
    return { county, figures: countyFigures(ctx, county, covered?.bases.length ?? 0) };
  });
  return { scope: map.city, today, figures: cityFigures(ctx, counties), counties };
}

interface Ctx {
  map: BureauMap;
  facts: TargetFacts;
  today: string;
  params: TargetParameters;
  byCommunity: Map<string, PostedWorker[]>;
}

function countyFigures(ctx: Ctx, county: string, incubationBases: number): TargetFigure[] {
  const { map, facts, today, params, byCommunity } = ctx;
  const { townships, communities } = placesOf(map, county);
  const gap = (g: Omit<TargetGap, 'county'>): TargetGap => ({ ...g, county });
  const noPlaces = (key: TargetKey, what: 'townships' | 'communities') => {
    const ruleId = TARGET_RULES[key];
    return figure(
      key,
      0,
      0,
      what,
      [gap({ ruleId, level: 'county', code: county, have: 0, message: `no ${what} of county ${county} in the map` })],
      today,
      params,
      true,
    );
  };
  const townshipName = new Map(townships.map((t) => [t.code, t]));

  // P-T1: at least one incubation base in the county (bases/coverage.ts decides what counts).
  const t1 = figure(
    'incubationBases',
    incubationBases > 0 ? 1 : 0,
    1,
    'counties',
    incubationBases > 0
      ? []
      : [
          gap({
            ruleId: 'P-T1',
            level: 'county',
            code: county,
            have: 0,
            need: 1,
            message: `county ${county} has no incubation base`,
          }),
        ],
    today,
    params,
  );

  // P-T2: professionals posted in each community, 2 for an urban one, 1 for a rural one (parameters).
  const t2 = (() => {
    if (communities.length === 0) return noPlaces('professionals', 'communities');
    const gaps: TargetGap[] = [];
    let met = 0;
    for (const c of communities) {
      const have = (byCommunity.get(c.code) ?? []).filter((w) => w.professional).length;
      const need = c.kind === 'urban' ? params.urbanProfessionals : params.ruralProfessionals;
      if (have >= need) met += 1;
      else
        gaps.push(
          gap({
            ruleId: 'P-T2',
            level: 'community',
            code: c.code,
            name: c.name,
            kind: c.kind,
            have,
            need,
            message: `${KIND_WORDS[c.kind]} ${c.name} has ${have} of ${need} professionals`,
          }),
        );
    }
    return figure('professionals', met, communities.length, 'communities', gaps, today, params);
  })();

  // P-T3: registered social-work service organisations in the county; 未登记 ones do not count. As
  // for bases (P-T1), an organisation registered at city level lies in no county and covers none;
  // a county counts as met with organisationsPerCounty of them, so its value is 1 or 0 (summable).
  const t3 = (() => {
    const here = facts.organisations.filter((o) => o.region === county);
    const registered = here.filter((o) => o.registered).length;
    const need = params.organisationsPerCounty;
    const unregistered = here.length - registered;
    const note = unregistered > 0 ? ` (${unregistered} not registered, not counted)` : '';
    return figure(
      'registeredOrganisations',
      registered >= need ? 1 : 0,
      1,
      'counties',
      registered >= need
        ? []
        : [
            gap({
              ruleId: 'P-T3',
              level: 'county',
              code: county,
              have: registered,
              need,
              message: `county ${county} has ${registered} of ${need} registered social-work service organisations${note}`,
            }),
          ],
      today,
      params,
    );
  })();

  // P-T4: a station open on the day in each township/street.
  const t4 = (() => {
    if (townships.length === 0) return noPlaces('stations', 'townships');
    const open = new Set(
      map.stations.filter((s) => s.openedOn === undefined || s.openedOn <= today).map((s) => s.township),
    );
    const lacking = townships.filter((t) => !open.has(t.code));
    return figure(
      'stations',
      townships.length - lacking.length,
      townships.length,
      'townships',
      lacking.map((t) =>
        gap({
          ruleId: 'P-T4',
          level: 'township',
          code: t.code,
          name: t.name,
          kind: t.kind,
          have: 0,
          need: 1,
          message: `${KIND_WORDS[t.kind]} ${t.name} has no social-work station`,
        }),
      ),
      today,
      params,
    );
  })();

  // P-T5: the county is judged only where the map has its own baseline.
  const t5 = (() => {
    const value = certifiedCount(staffInCounty(facts.staff, facts.organisations, county), today);
    const base = map.baseline?.counties?.[county];
    if (base === undefined)
      return figure(
        'certified',
        value,
        null,
        'people',
        [
          gap({
            ruleId: 'P-T5',
            level: 'county',
            code: county,
            have: value,
            message: `no ${params.certifiedBaseYear} baseline for county ${county}`,
          }),
        ],
        today,
        params,
      );
    const goal = certifiedGoal(base, params);
    return figure(
      'certified',
      value,
      goal,
      'people',
      value >= goal
        ? []
        : [
            gap({
              ruleId: 'P-T5',
              level: 'county',
              code: county,
              have: value,
              need: goal,
              message: `county ${county} has ${value} certified social workers of ${goal} (${map.baseline?.year ?? params.certifiedBaseYear}: ${base})`,
            }),
          ],
      today,
      params,
    );
  })();

  // P-T7: at least one posting held by a worker certified on the day, in each community.
  const t7 = (() => {
    if (communities.length === 0) return noPlaces('certifiedPosts', 'communities');
    const need = params.certifiedPostsPerCommunity;
    const gaps: TargetGap[] = [];
    let met = 0;
    for (const c of communities) {
      const have = (byCommunity.get(c.code) ?? []).filter((w) => w.certified).length;
      if (have >= need) met += 1;
      else
        gaps.push(
          gap({
            ruleId: 'P-T7',
            level: 'community',
            code: c.code,
            name: c.name,
            kind: c.kind,
            have,
            need,
            message: `${KIND_WORDS[c.kind]} ${c.name} (${townshipName.get(c.township)?.name ?? c.township}) has ${have} of ${need} posts held by a certified social worker`,
          }),
        );
    }
    return figure('certifiedPosts', met, communities.length, 'communities', gaps, today, params);
  })();

  return [t1, t2, t3, t4, t5, t7];
}

/**
 * City-wide figures. For the targets counted per place (P-T1..P-T4, P-T7) the city's value and goal
 * are the sums over its counties, and its list is theirs; the city is no_data while any county is
 * (half a map imported is not a met target). P-T5 counts every certified person of the city's
 * organisations, city-level ones included, against twice the city baseline; P-T6 is city-wide only.
 */
function cityFigures(ctx: Ctx, counties: CountyTargets[]): TargetFigure[] {
  const { map, facts, today, params } = ctx;
  const summed = (key: TargetKey): TargetFigure => {
    const parts = counties.map((c) => c.figures.find((f) => f.key === key) as TargetFigure);
    const value = parts.reduce((s, f) => s + f.value, 0);
    const goal = parts.reduce((s, f) => s + (f.goal ?? 0), 0);
    const noData = parts.length === 0 || parts.some((f) => f.status === 'no_data');
    return figure(
      key,
      value,
      goal,
      parts[0]?.unit ?? 'counties',
      parts.flatMap((f) => f.gaps),
      today,
      params,
      noData,
    );
  };

  const certified = (() => {
    const value = certifiedCount(facts.staff, today);
    const baseline = map.baseline;
    const cityGap = (have: number, need: number | undefined, message: string): TargetGap => ({
      ruleId: 'P-T5',
      level: 'city',
      code: map.city,
      have,
      ...(need === undefined ? {} : { need }),
      message,
    });
    if (!baseline)
      return figure(
        'certified',
        value,
        null,
        'people',
        [cityGap(value, undefined, `no ${params.certifiedBaseYear} baseline recorded`)],
        today,
        params,
      );
    const goal = certifiedGoal(baseline.city, params);
    const gaps =
      value >= goal
        ? []
        : [cityGap(value, goal, `${value} certified social workers of ${goal} (${baseline.year}: ${baseline.city})`)];
    return figure('certified', value, goal, 'people', gaps, today, params);
  })();

  const bases = (key: 'talentBases' | 'internshipBases', kind: 'talent' | 'internship', need: number) => {
    const have = map.bases.filter(
      (b) => b.kind === kind && (b.recognisedOn === undefined || b.recognisedOn <= today),
    ).length;
    const words = kind === 'talent' ? 'talent cultivation bases' : 'internship bases';
    const gaps: TargetGap[] =
      have >= need
        ? []
        : [
            {
              ruleId: 'P-T6',
              level: 'city',
              code: map.city,
              have,
              need,
              message: `${have} of ${need} ${words} city-wide`,
            },
          ];
    return figure(key, have, need, 'bases', gaps, today, params);
  };

  return [
    summed('incubationBases'),
    summed('professionals'),
    summed('registeredOrganisations'),
    summed('stations'),
    certified,
    bases('talentBases', 'talent', params.talentBases),
    bases('internshipBases', 'internship', params.internshipBases),
    summed('certifiedPosts'),
  ];
}

/**
 * A county bureau's view (P-U1: it sees only its own county): the county's figures, as its own and
 * as its one county. P-T6 is a city-wide target and is not in it. Undefined for a county outside
 * the dashboard's city.
 */
export function countyView(dashboard: TargetsDashboard, county: string): TargetsDashboard | undefined {
  const own = dashboard.counties.find((c) => c.county === county);
  if (!own) return undefined;
  return { scope: county, today: dashboard.today, figures: own.figures, counties: [own] };
}

/** The view a bureau of `region` is shown: the whole dashboard for its city, its county's for a county. */
export function targetsView(dashboard: TargetsDashboard, region: string): TargetsDashboard | undefined {
  if (region === dashboard.scope) return dashboard;
  return countyView(dashboard, region);
}

/** One figure of a list by its key (each key appears once in a scope's figures). */
export function targetFigure(figures: readonly TargetFigure[], key: TargetKey): TargetFigure | undefined {
  return figures.find((f) => f.key === key);
}
