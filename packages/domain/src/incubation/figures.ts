import { z } from 'zod';
import { IncubationBase } from '../bases/coverage.ts';
import { CONTRACT_STATUSES, type ContractStatus } from '../contracts/contract.ts';
import { count, date, fen } from '../units/units.ts';
import {
  FINAL_STAGES,
  followsCurrentFigures,
  INCUBATION_MODES,
  INCUBATION_STAGES,
  type Incubation,
  type IncubationStage,
  type IncubationStep,
} from './incubation.ts';
import { monthsThrough } from './template.ts';

/**
 * What an incubation base sees of an organisation it incubates (issue 12, the consolidated view):
 * aggregates only — counts, a total and flags, never a name, pay or id of a person or contract.
 * The organisation sees exactly the same object about itself.
 */

/**
 * The contracts that count as won: the bureau approved them, or they are signed, running or
 * closed. A draft is not won, nor is one submitted and still waiting for the bureau's review.
 */
export const WON_CONTRACT_STATUSES: readonly ContractStatus[] = ['approved', 'signed', 'running', 'closed'];

export function isWon(status: ContractStatus): boolean {
  return WON_CONTRACT_STATUSES.includes(status);
}

/** The organisation's figures today, while the base follows it. */
export const CurrentFigures = z.object({
  asOf: date.describe('The day the figures were counted'),
  members: count.describe('Active users of the organisation’s account'),
  registryStaff: count.describe('People on its staff registry'),
  certifiedStaff: count.describe('People on the registry holding a social-work certificate today'),
  contractsWon: z.object({
    count: count,
    value: fen.describe('Their total value, fen'),
    statuses: z.array(z.enum(CONTRACT_STATUSES)).describe('The statuses counted as won'),
  }),
  ruleBreach: z
    .object({
      breaks: z.boolean().describe('Whether any won contract’s current version has an error finding'),
      contracts: count.describe('How many won contracts break a rule'),
      ruleIds: z.array(z.string()).describe('The rules broken (ids of the error findings), sorted'),
    })
    .describe('The contracts’ own costing and compliance findings (errors only)'),
});
export type CurrentFigures = z.infer<typeof CurrentFigures>;

/** Why a closed record has no current figures: the step that closed it, and the day. */
export const ClosedIncubation = z.object({
  stage: z.enum(FINAL_STAGES as ['graduated', 'left']),
  on: date,
  reason: z.literal('closed').describe('After graduation or exit the base keeps the history, not the figures'),
});

export const IncubatedFigures = z
  .object({
    organisationId: z.string(),
    stage: z.enum(INCUBATION_STAGES),
    toBeRegistered: z.boolean().describe('未登记'),
    monthsInIncubation: count.describe(
      'Whole months from the agreement’s start to today, or to the day the record closed',
    ),
    followsCurrentFigures: z
      .boolean()
      .describe('False once graduated or left: `closed` says when, and `current` is absent'),
    current: CurrentFigures.optional(),
    closed: ClosedIncubation.optional(),
  })
  .meta({ id: 'IncubatedFigures' });
export type IncubatedFigures = z.infer<typeof IncubatedFigures>;

/** The day a closed record closed (its graduation or leaving step), or undefined while open. */
export function closedOn(record: Pick<Incubation, 'stage' | 'steps'>): string | undefined {
  if (!FINAL_STAGES.includes(record.stage)) return undefined;
  return record.steps.findLast((s) => s.action === 'graduate' || s.action === 'leave')?.on;
}

/**
 * Months in incubation: agreement start through today, or through the day it closed, counted as
 * the graduation criteria count them (monthsThrough), so the register and the check agree.
 */
export function monthsInIncubation(record: Pick<Incubation, 'agreement' | 'stage' | 'steps'>, today: string): number {
  return monthsThrough(record.agreement.startDate, closedOn(record) ?? today);
}

/**
 * The figures object of a record: `current` only while the base follows the organisation (the
 * caller counts them only then; see followsCurrentFigures in incubation.ts).
 */
export function incubatedFigures(
  record: Pick<Incubation, 'id' | 'stage' | 'toBeRegistered' | 'agreement' | 'steps'>,
  today: string,
  current: CurrentFigures | undefined,
): IncubatedFigures {
  const closed = closedOn(record);
  const base = {
    organisationId: record.id,
    stage: record.stage,
    toBeRegistered: record.toBeRegistered,
    monthsInIncubation: monthsInIncubation(record, today),
  };
  if (!followsCurrentFigures(record))
    return {
      ...base,
      followsCurrentFigures: false,
      closed: { stage: record.stage as 'graduated' | 'left', on: closed ?? today, reason: 'closed' },
    };
  return { ...base, followsCurrentFigures: true, ...(current ? { current } : {}) };
}

/** One contract as the figures count it: its status, value and the rule ids of its errors. */
export interface CountedContract {
  status: ContractStatus;
  value: number;
  errorRuleIds: readonly string[];
}

/** Won contracts counted and totalled, and which break a rule. */
export function contractFigures(
  contracts: readonly CountedContract[],
): Pick<CurrentFigures, 'contractsWon' | 'ruleBreach'> {
  const won = contracts.filter((c) => isWon(c.status));
  const breaking = won.filter((c) => c.errorRuleIds.length > 0);
  return {
    contractsWon: {
      count: won.length,
      value: won.reduce((sum, c) => sum + c.value, 0),
      statuses: [...WON_CONTRACT_STATUSES],
    },
    ruleBreach: {
      breaks: breaking.length > 0,
      contracts: breaking.length,
      ruleIds: [...new Set(breaking.flatMap((c) => c.errorRuleIds))].sort(),
    },
  };
}

/** Records per stage: the base's dashboard and the bureau's listing of the base. */
export const StageCounts = z
  .object(Object.fromEntries(INCUBATION_STAGES.map((s) => [s, count])) as Record<IncubationStage, typeof count>)
  .meta({ id: 'IncubationStageCounts' });
export type StageCounts = z.infer<typeof StageCounts>;

export function noStageCounts(): StageCounts {
  return Object.fromEntries(INCUBATION_STAGES.map((s) => [s, 0])) as StageCounts;
}

/** A calendar quarter, 'YYYY-Qn'. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

export interface QuarterCount {
  quarter: string;
  started: number;
  graduated: number;
}

/**
 * Incubations started (the agreement's start: the admission step's day) and graduated (the
 * graduation step's day) per quarter, every quarter from the first to the last that has either,
 * so a quiet quarter shows as zero rather than vanishing from the chart.
 */
export function incubationsByQuarter(records: readonly Pick<Incubation, 'steps'>[]): QuarterCount[] {
  const started = new Map<string, number>();
  const graduated = new Map<string, number>();
  const bump = (map: Map<string, number>, day: string) => map.set(quarterOf(day), (map.get(quarterOf(day)) ?? 0) + 1);
  for (const record of records)
    for (const step of record.steps) {
      if (step.action === 'admitted') bump(started, step.on);
      if (step.action === 'graduate') bump(graduated, step.on);
    }
  const quarters = [...started.keys(), ...graduated.keys()].sort();
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) return [];
  const counts: QuarterCount[] = [];
  for (let q = first; q <= last; q = nextQuarter(q))
    counts.push({ quarter: q, started: started.get(q) ?? 0, graduated: graduated.get(q) ?? 0 });
  return counts;
}

/**
 * A base as a bureau lists it, with its records counted per stage (kept on the base's listing by
 * the transactions that admit and move records): the bureau never reads the records themselves.
 */
export const IncubationBaseListing = IncubationBase.extend({
  byStage: StageCounts.describe('The base’s incubation records per stage'),
}).meta({ id: 'IncubationBaseListing' });
export type IncubationBaseListing = z.infer<typeof IncubationBaseListing>;

/** The dated history of a record, as the register and the organisation show it (no notes or reasons). */
export const IncubationHistory = z.object({
  admittedOn: date.describe('The agreement’s start'),
  endDate: date.describe('The agreement’s end, or the last extension’s'),
  midtermReviewedOn: date.optional(),
  extendedOn: date.optional().describe('The last extension'),
  graduatedOn: date.optional(),
  leftOn: date.optional(),
});
export type IncubationHistory = z.infer<typeof IncubationHistory>;

export function incubationHistory(record: Pick<Incubation, 'agreement' | 'endDate' | 'steps'>): IncubationHistory {
  const on = (action: IncubationStep['action']) => record.steps.findLast((s) => s.action === action)?.on;
  const dates = {
    midtermReviewedOn: on('midterm_review'),
    extendedOn: on('extend'),
    graduatedOn: on('graduate'),
    leftOn: on('leave'),
  };
  return {
    admittedOn: record.agreement.startDate,
    endDate: record.endDate,
    ...Object.fromEntries(Object.entries(dates).filter(([, d]) => d !== undefined)),
  };
}

/** One row of the base's register (在孵机构台账): its own record's facts and the organisation's figures. */
export const IncubationRegisterRow = z
  .object({
    organisationId: z.string(),
    organisationName: z.string(),
    stage: z.enum(INCUBATION_STAGES),
    toBeRegistered: z.boolean().describe('未登记'),
    mode: z.enum(INCUBATION_MODES),
    history: IncubationHistory,
    figures: IncubatedFigures,
  })
  .meta({ id: 'IncubationRegisterRow' });
export type IncubationRegisterRow = z.infer<typeof IncubationRegisterRow>;

/** The register's sorts: admission (`created`, newest first by default), name, months in incubation. */
export const INCUBATION_REGISTER_SORTS = ['created', 'name', 'months'] as const;
export type IncubationRegisterSort = (typeof INCUBATION_REGISTER_SORTS)[number];

/**
 * What an organisation sees of its own incubation: the base, its record's stage and dates (never
 * the base's notes or reasons), and exactly the figures object the base sees.
 */
export const OrganisationIncubation = z
  .object({
    incubatorId: z.string(),
    incubatorName: z.string(),
    stage: z.enum(INCUBATION_STAGES),
    toBeRegistered: z.boolean(),
    mode: z.enum(INCUBATION_MODES),
    periodMonths: count,
    history: IncubationHistory,
    figures: IncubatedFigures,
  })
  .meta({ id: 'OrganisationIncubation' });
export type OrganisationIncubation = z.infer<typeof OrganisationIncubation>;

/**
 * What GET /v1/organisation/incubation answers: the incubation, or for an organisation no base
 * admitted (the platform created it) that it is not incubated — a plain answer rather than a 404,
 * as the address is its own and exists for every organisation.
 */
export const OwnIncubation = z
  .discriminatedUnion('incubated', [
    z.object({ incubated: z.literal(false) }),
    OrganisationIncubation.extend({ incubated: z.literal(true) }),
  ])
  .meta({ id: 'OwnIncubation' });
export type OwnIncubation = z.infer<typeof OwnIncubation>;
