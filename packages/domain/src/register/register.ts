import { z } from 'zod';
import type { ContractStatus } from '../contracts/contract.ts';
import { CONTRACT_STATUSES } from '../contracts/contract.ts';
import type { CostedDraft, StoredContract } from '../contracts/records.ts';
import type { Finding } from '../findings/finding.ts';
import { LIST_ORDERS } from '../lists/lists.ts';
import { bp, count, date, fen } from '../units/units.ts';

/**
 * The register (台账) of a bureau's jurisdiction (P-U1): one row per contract with the figures a
 * bureau files and the rules each breaks. A row is kept beside the contract's head, written in the
 * same transaction as the head (and as each month of actuals), and aggregated per organisation ×
 * region × year × status so totals never read every contract.
 */

/**
 * The rules a register filters by. Two come from the costing of the current version (P-W2); one
 * from the actuals: a month in which someone was paid below the guideline (P-W3, the actuals'
 * `payBelowFloor` finding).
 */
export const REGISTER_FINDING_KINDS = ['belowPriceFloor', 'labourShareBelowMin', 'paidBelowGuideline'] as const;
export type RegisterFindingKind = (typeof REGISTER_FINDING_KINDS)[number];

/** The rule each kind applies (POLICY.md). */
export const REGISTER_FINDING_RULE_IDS = {
  belowPriceFloor: 'P-W2',
  labourShareBelowMin: 'P-W2',
  paidBelowGuideline: 'P-W3',
} as const satisfies Record<RegisterFindingKind, string>;

/**
 * The year a contract counts in: the year its term starts. Chosen over "every year the term
 * overlaps" so each contract counts in exactly one year, and a year's totals add up to the whole.
 */
export const registerYear = (startDate: string): number => Number(startDate.slice(0, 4));

/** What a version's costing says for the register: the personnel line's share and the P-W2 flags. */
export interface CostingFacts {
  /** The personnel line's share of the value, bp, rounded down (as the P-W2 finding shows it). */
  labourShareBp: number;
  kinds: Exclude<RegisterFindingKind, 'paidBelowGuideline'>[];
}

export function costingFacts(costed: Pick<CostedDraft, 'draft' | 'assessment'>): CostingFacts {
  const { value } = costed.draft.terms;
  const personnel = costed.draft.plan.lines.personnel;
  const found = new Set(costed.assessment.findings.map((f) => f.kind));
  return {
    labourShareBp: value > 0 ? Math.floor((personnel * 10_000) / value) : 0,
    kinds: (['belowPriceFloor', 'labourShareBelowMin'] as const).filter((k) => found.has(k)),
  };
}

/** Whether a month of actuals paid someone below the guideline (P-W3). */
export const paysBelowGuideline = (findings: readonly Pick<Finding, 'kind'>[]): boolean =>
  findings.some((f) => f.kind === 'payBelowFloor');

/** A register row as the API answers it. */
export const RegisterRow = z
  .object({
    organisationId: z.string(),
    organisationName: z.string().describe('The organisation’s registered name ("" if it could not be read)'),
    contractId: z.string(),
    county: z.string().describe('The purchaser’s region code (a county, or the city itself)'),
    number: z.string(),
    title: z.string(),
    purchaser: z.string().describe('The purchaser’s name'),
    startDate: date,
    endDate: date,
    year: count.describe('The year the term starts: the year the contract counts in'),
    value: fen,
    status: z.enum(CONTRACT_STATUSES),
    labourCost: fen.describe('L of the current version, fen (P-W2)'),
    labourShareBp: bp.describe('The personnel line’s share of the value, bp, rounded down (P-W2)'),
    priceFloor: fen.optional().describe('The current version’s price floor, fen; absent when none is feasible (P-W2)'),
    findings: z
      .array(z.object({ kind: z.enum(REGISTER_FINDING_KINDS), ruleId: z.string() }))
      .describe('The rules the contract breaks that a register filters by, each with its rule id'),
    ruleIds: z
      .object({ labourCost: z.literal('P-W2'), labourShare: z.literal('P-W2'), priceFloor: z.literal('P-W2') })
      .describe('The rule each figure applies'),
  })
  .meta({ id: 'RegisterRow' });
export type RegisterRow = z.infer<typeof RegisterRow>;

/** What a register row stores (the API row without the organisation's name, read when listed). */
export type RegisterEntry = Omit<RegisterRow, 'organisationName'>;

/** The columns a register sorts by; `register` is the index order (county, organisation, contract). */
export const REGISTER_SORTS = [
  'register',
  'number',
  'organisation',
  'startDate',
  'value',
  'labourCost',
  'labourShare',
] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export const RegisterFilter = z.strictObject({
  county: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit region code')
    .optional(),
  organisationId: z.string().max(64).optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  finding: z.enum(REGISTER_FINDING_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(REGISTER_SORTS).optional(),
  order: z.enum(LIST_ORDERS).optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilter>;

/** Whether a row passes the filter's fields (the search aside: it needs organisation names). */
export function inRegisterFilter(row: RegisterEntry, filter: RegisterFilter): boolean {
  return (
    (!filter.county || row.county === filter.county) &&
    (!filter.organisationId || row.organisationId === filter.organisationId) &&
    (!filter.status || row.status === filter.status) &&
    (!filter.finding || row.findings.some((f) => f.kind === filter.finding)) &&
    (filter.year === undefined || row.year === filter.year)
  );
}

export const RegisterTotals = z
  .object({
    count: count,
    value: fen.describe('The contracts’ values, summed, fen'),
    labourCost: fen.describe('Their labour costs, summed, fen (P-W2)'),
  })
  .meta({ id: 'RegisterTotals' });
export type RegisterTotals = z.infer<typeof RegisterTotals>;

export const NO_TOTALS: RegisterTotals = { count: 0, value: 0, labourCost: 0 };

export const addTotals = (a: RegisterTotals, b: RegisterTotals): RegisterTotals => ({
  count: a.count + b.count,
  value: a.value + b.value,
  labourCost: a.labourCost + b.labourCost,
});

/**
 * An aggregate: the totals of one organisation's contracts in one region, year and status, and of
 * those among them that break each rule. A register's totals for a filter without a search are
 * the sum of the aggregates it matches.
 */
export interface RegisterAggregate {
  organisationId: string;
  county: string;
  year: number;
  status: ContractStatus;
  all: RegisterTotals;
  byFinding: Record<RegisterFindingKind, RegisterTotals>;
}

/** The totals of the aggregates a filter (without a search) matches. */
export function totalsOf(aggregates: readonly RegisterAggregate[], filter: RegisterFilter): RegisterTotals {
  return aggregates
    .filter(
      (a) =>
        (!filter.county || a.county === filter.county) &&
        (!filter.organisationId || a.organisationId === filter.organisationId) &&
        (!filter.status || a.status === filter.status) &&
        (filter.year === undefined || a.year === filter.year),
    )
    .map((a) => (filter.finding ? a.byFinding[filter.finding] : a.all))
    .reduce(addTotals, NO_TOTALS);
}

/** A row's own totals: what it adds to its aggregate. */
export const rowTotals = (row: Pick<RegisterEntry, 'value' | 'labourCost'>): RegisterTotals => ({
  count: 1,
  value: row.value,
  labourCost: row.labourCost,
});

/** A head's register row: its figures, the costing's facts and whether actuals paid below the guideline. */
export function registerEntry(
  organisationId: string,
  head: Pick<
    StoredContract,
    'id' | 'number' | 'title' | 'purchaser' | 'startDate' | 'endDate' | 'value' | 'status' | 'labourCost' | 'priceFloor'
  >,
  facts: CostingFacts,
  paidBelowGuideline: boolean,
): RegisterEntry {
  const kinds: RegisterFindingKind[] = [...facts.kinds, ...(paidBelowGuideline ? ['paidBelowGuideline' as const] : [])];
  return {
    organisationId,
    contractId: head.id,
    county: head.purchaser.region,
    number: head.number,
    title: head.title,
    purchaser: head.purchaser.name,
    startDate: head.startDate,
    endDate: head.endDate,
    year: registerYear(head.startDate),
    value: head.value,
    status: head.status,
    labourCost: head.labourCost,
    labourShareBp: facts.labourShareBp,
    ...(head.priceFloor === undefined ? {} : { priceFloor: head.priceFloor }),
    findings: kinds.map((kind) => ({ kind, ruleId: REGISTER_FINDING_RULE_IDS[kind] })),
    ruleIds: { labourCost: 'P-W2', labourShare: 'P-W2', priceFloor: 'P-W2' },
  };
}
