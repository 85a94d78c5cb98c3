import {
  type ActualMonthInput,
  type BudgetVsActual,
  budgetVsActual,
  costActualMonth,
  highestCertificate,
  monthFirstDay,
  monthInTerm,
  monthLastDay,
  type Person,
  STATE_PAID_EMPLOYMENT,
  takesActuals,
} from '@shegong/domain';
import {
  type ContractVersion,
  ruleSetRefOf,
  type StoredActualMonth,
  type StoredContract,
  StoreError,
  type TenantRepositories,
} from '@shegong/store';
import { CONTRACT_READERS } from '../contracts/operations.ts';
import type { AppDeps } from '../env.ts';
import { ProblemError } from '../problem/problem.ts';

/**
 * What the actuals API routes and pages share (issue 4, point 4): recording a month, reading the
 * months, and budget against actual. The pages call these directly, so a form and the API refuse
 * the same things with the same messages.
 */

/** Who reads a contract's actuals: the contract's readers (the payroll is each person's pay). */
export const ACTUALS_READERS = CONTRACT_READERS;
/** Who records them. */
export const ACTUALS_WRITERS = { kinds: ['org'], roles: ['admin', 'finance', 'project_manager'] } as const;

/** The months a contract takes actuals for: the calendar months its current term touches. */
function checkMonth(contract: StoredContract, month: string): void {
  if (!monthInTerm(month, contract.startDate, contract.endDate))
    throw new ProblemError(
      422,
      `${month} is outside the contract's term (${contract.startDate} to ${contract.endDate})`,
      [
        {
          path: 'month',
          message: `must be a month of the term, ${contract.startDate.slice(0, 7)} to ${contract.endDate.slice(0, 7)}`,
        },
      ],
    );
}

/** A 409 before any work when the contract takes no actuals yet (the store guards it again on write). */
function checkStatus(contract: StoredContract): void {
  if (!takesActuals(contract.status))
    throw new ProblemError(
      409,
      `This contract is ${contract.status}: actuals are recorded once it is signed (signed, running or closed)`,
    );
}

/**
 * Named people: their name and highest certificate on the month's last day come from the registry
 * (the pay recorded is the month's own); an id not in the registry is refused at its row. Returns
 * the people on establishment (P-W1), whose pay is not checked against the floor.
 */
async function resolvePeople(
  repos: TenantRepositories,
  month: string,
  input: ActualMonthInput,
): Promise<{ input: ActualMonthInput; exempt: Set<string> }> {
  const exempt = new Set<string>();
  if (!input.payroll.some((row) => row.personId)) return { input, exempt };
  // One Query of the registry, bounded by the organisation's size, instead of a read per row.
  const people = new Map<string, Person>((await repos.people.listAll()).map((p) => [p.id, p]));
  const unknown: { path: string; message: string }[] = [];
  const lastDay = monthLastDay(month);
  const payroll = input.payroll.map((row, i) => {
    if (!row.personId) return row;
    const person = people.get(row.personId);
    if (!person) {
      unknown.push({ path: `/payroll/${i}/personId`, message: 'is not a person in your staff registry' });
      return row;
    }
    if (STATE_PAID_EMPLOYMENT.includes(person.employmentType)) exempt.add(person.id);
    return { ...row, name: person.name, certLevel: highestCertificate(person, lastDay) };
  });
  if (unknown.length) throw new ProblemError(422, 'A payroll row names someone not in your staff registry', unknown);
  return { input: { ...input, payroll }, exempt };
}

/**
 * The rules a month is costed with: those in force for the purchaser's region on the month's first
 * day (a bureau's new guideline applies from the month it takes effect), else the rules the current
 * version was costed with.
 */
async function rulesForMonth(deps: AppDeps, repos: TenantRepositories, contract: StoredContract, month: string) {
  const inForce = await deps.store.ruleSetInForce(contract.purchaser.region, monthFirstDay(month));
  if (inForce) return { rules: inForce.parameters, ruleSet: ruleSetRefOf(inForce) };
  const version = await repos.contracts.version(contract.id, contract.currentVersion);
  return { rules: version.rules, ruleSet: version.ruleSet };
}

/**
 * Records (replaces) a month of a contract's actuals: PUT semantics. The same content again writes
 * nothing and answers the same revision; `expectedRevision` (If-Match) guards a change.
 */
export async function recordActualMonth(
  deps: AppDeps,
  repos: TenantRepositories,
  contractId: string,
  month: string,
  raw: ActualMonthInput,
  expectedRevision?: number,
): Promise<{ month: StoredActualMonth; changed: boolean }> {
  const contract = await repos.contracts.get(contractId);
  checkStatus(contract);
  checkMonth(contract, month);
  const { input, exempt } = await resolvePeople(repos, month, raw);
  const { rules, ruleSet } = await rulesForMonth(deps, repos, contract, month);
  const cost = costActualMonth(month, input, rules, exempt);
  return repos.actuals.record(contractId, month, { input, cost, ruleSet }, expectedRevision);
}

/** A month with its revisions, newest first (a month is rarely recorded more than a few times). */
export async function actualMonthView(repos: TenantRepositories, contractId: string, month: string) {
  await repos.contracts.get(contractId);
  const current = await repos.actuals.month(contractId, month);
  const history = await repos.actuals.history(contractId, month, { limit: 50 });
  return { month: current, history: history.items };
}

/** The month as last recorded, or undefined (a contract of this organisation must exist). */
export async function findActualMonth(
  repos: TenantRepositories,
  contractId: string,
  month: string,
): Promise<StoredActualMonth | undefined> {
  try {
    return await repos.actuals.month(contractId, month);
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
 * recorded month, as the API, the pages and the xlsx export show it. (`deps` is the signature the
 * other readers share; nothing here depends on today: the projection runs to the latest month recorded.)
 */
export async function budgetVsActualView(
  _deps: AppDeps,
  repos: TenantRepositories,
  contractId: string,
): Promise<BudgetVsActualView> {
  const contract = await repos.contracts.get(contractId);
  const [version, months] = await Promise.all([
    repos.contracts.version(contractId, contract.currentVersion),
    repos.actuals.months(contractId),
  ]);
  const { startDate, endDate } = version.draft.terms;
  return {
    contract,
    version,
    months,
    budgetVsActual: budgetVsActual({
      startDate,
      endDate,
      budget: version.draft.plan.lines,
      months: months.map((m) => m.cost),
    }),
  };
}
