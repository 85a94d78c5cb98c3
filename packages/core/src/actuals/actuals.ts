import {
  type ActualMonthInput,
  type BudgetVsActual,
  budgetVsActual,
  type ContractVersion,
  costActualMonth,
  highestCertificate,
  monthFirstDay,
  monthInTerm,
  monthLastDay,
  STATE_PAID_EMPLOYMENT,
  type StoredActualMonth,
  type StoredContract,
  takesActuals,
} from '@shegong/domain';
import { StoreError } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { costingContext } from '../contracts/costing-context.ts';
import { Conflict, Refused } from '../refusals.ts';

/**
 * A contract's actuals (issue 4, point 4): recording a month, reading the months, and budget
 * against actual. The API and the pages both come here, so a form and a request refuse the same
 * things with the same messages.
 */

/** The months a contract takes actuals for: the calendar months its current term touches. */
function checkMonth(contract: StoredContract, month: string): void {
  if (!monthInTerm(month, contract.startDate, contract.endDate))
    throw new Refused(`${month} is outside the contract's term (${contract.startDate} to ${contract.endDate})`, {
      reason: 'monthOutsideTerm',
      fields: [
        {
          path: 'month',
          message: `must be a month of the term, ${contract.startDate.slice(0, 7)} to ${contract.endDate.slice(0, 7)}`,
          code: 'monthOutsideTerm',
        },
      ],
    });
}

/** A Conflict before any work when the contract takes no actuals yet (the store guards it again on write). */
function checkStatus(contract: StoredContract): void {
  if (!takesActuals(contract.status))
    throw new Conflict(
      `This contract is ${contract.status}: actuals are recorded once it is signed (signed, running or closed)`,
      { reason: 'notSigned' },
    );
}

/**
 * Records (replaces) a month of a contract's actuals: PUT semantics. The month is costed with the
 * rules in force for the purchaser's region on its first day (a bureau's new guideline applies from
 * the month it takes effect), else those the current version was costed with. Named people's name
 * and highest certificate on the month's last day come from the registry (the pay recorded is the
 * month's own); people on establishment (P-W1) are not checked against the floor. The same content
 * again writes nothing and answers the same revision; `expectedRevision` guards a change.
 */
export async function recordActualMonth(
  ctx: UseCaseContext,
  contractId: string,
  month: string,
  raw: ActualMonthInput,
  expectedRevision?: number,
): Promise<{ month: StoredActualMonth; changed: boolean }> {
  const contract = await ctx.repos.contracts.get(contractId);
  checkStatus(contract);
  checkMonth(contract, month);
  const { ruleSet, rules, people } = await costingContext(ctx, {
    region: contract.purchaser.region,
    date: monthFirstDay(month),
    datePath: 'month',
    personIds: raw.payroll.map((row) => row.personId),
    personPath: (i) => `/payroll/${i}/personId`,
    otherwise: async () => {
      const version = await ctx.repos.contracts.version(contract.id, contract.currentVersion);
      return { ruleSet: version.ruleSet, rules: version.rules };
    },
  });
  const lastDay = monthLastDay(month);
  const exempt = new Set<string>();
  const payroll = raw.payroll.map((row) => {
    const person = row.personId ? people.get(row.personId) : undefined;
    if (!person) return row;
    if (STATE_PAID_EMPLOYMENT.includes(person.employmentType)) exempt.add(person.id);
    return { ...row, name: person.name, certLevel: highestCertificate(person, lastDay) };
  });
  const input = { ...raw, payroll };
  const cost = costActualMonth(month, input, rules, exempt);
  return ctx.repos.actuals.record(contractId, month, { input, cost, ruleSet }, expectedRevision);
}

/** A month with its revisions, newest first (a month is rarely recorded more than a few times). */
export async function actualMonthView(ctx: UseCaseContext, contractId: string, month: string) {
  await ctx.repos.contracts.get(contractId);
  const current = await ctx.repos.actuals.month(contractId, month);
  const history = await ctx.repos.actuals.history(contractId, month, { limit: 50 });
  return { month: current, history: history.items };
}

/** A month as last recorded (if it is) and every revision, newest first, for the month's page. */
export async function monthRecords(
  ctx: UseCaseContext,
  contractId: string,
  month: string,
): Promise<{ current?: StoredActualMonth; history: StoredActualMonth[] }> {
  const [current, history] = await Promise.all([
    findActualMonth(ctx, contractId, month),
    ctx.repos.actuals.history(contractId, month, { limit: 50 }),
  ]);
  return { ...(current ? { current } : {}), history: history.items };
}

/** The month as last recorded, or undefined (a contract of this organisation must exist). */
export async function findActualMonth(
  ctx: UseCaseContext,
  contractId: string,
  month: string,
): Promise<StoredActualMonth | undefined> {
  try {
    return await ctx.repos.actuals.month(contractId, month);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not_found') return undefined;
    throw error;
  }
}

export interface BudgetVsActualView {
  contract: StoredContract;
  /** The current version: its term and budget lines are what the actuals are set against. */
  version: ContractVersion;
  /** The recorded months, oldest first. */
  months: StoredActualMonth[];
  budgetVsActual: BudgetVsActual;
}

/**
 * Budget against actual for a contract: the current version's budget lines and term against every
 * recorded month, as the API, the pages and the xlsx export show it. Nothing here depends on today:
 * the projection runs to the latest month recorded.
 */
export async function budgetVsActualView(ctx: UseCaseContext, contractId: string): Promise<BudgetVsActualView> {
  const contract = await ctx.repos.contracts.get(contractId);
  const [version, months] = await Promise.all([
    ctx.repos.contracts.version(contractId, contract.currentVersion),
    ctx.repos.actuals.months(contractId),
  ]);
  return { contract, version, months, budgetVsActual: budgetAgainstActual(version, months) };
}

/**
 * The projection of a version's budget against the months recorded: one computation for the
 * organisation's view and a bureau's (reviews.ts jurisdictionBudgetVsActual).
 */
export function budgetAgainstActual(version: ContractVersion, months: readonly StoredActualMonth[]) {
  const { startDate, endDate } = version.draft.terms;
  return budgetVsActual({
    startDate,
    endDate,
    budget: version.draft.plan.lines,
    months: months.map((m) => m.cost),
    // Versions costed before the tolerance was a parameter carry rules without it: the default applies.
    tolerance: version.rules.projectionTolerance,
  });
}

/** The months recorded for a contract, oldest first (another organisation's contract answers NotFound). */
export async function actualMonths(ctx: UseCaseContext, contractId: string): Promise<StoredActualMonth[]> {
  await ctx.repos.contracts.get(contractId);
  return ctx.repos.actuals.months(contractId);
}
