import {
  type CountedContract,
  type CurrentFigures,
  contractFigures,
  followsCurrentFigures,
  highestCertificate,
  type IncubatedFigures,
  type Incubation,
  incubatedFigures,
  isWon,
} from '@shegong/domain';
import type { TenantRepositories } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { everyItem } from '../paging.ts';

/**
 * The figures a base sees of an organisation it incubates, counted from the organisation's own
 * repositories inside core; only numbers and flags leave here (domain incubation/figures.ts).
 *
 * Computed when read, not kept as counters by the writes: a base has tens of records, and one
 * organisation's figures cost three Queries of its own partition — its users, its staff registry
 * (pages of 500), its contract heads — plus one read of the current version of each won contract
 * that has errors (to name the rules broken; the head counts errors but names the rule ids of all
 * its findings). Measured (test/integration/incubation-figures.test.ts): 3 Queries, no Scan, for an
 * organisation of a few members, people and contracts (a Query per page of each); a register page of
 * 20 rows is about 60 such Queries, run in parallel per row.
 * Counters would need every write of users, people, certificates and contracts (and the rule set
 * coming into force, which changes certification and findings by date) to touch the base's record.
 */

/** The rule ids of the error findings of a won contract's current version (read only when it has errors). */
async function countedContracts(repos: TenantRepositories): Promise<CountedContract[]> {
  const heads = await everyItem((page) => repos.contracts.list(page));
  return Promise.all(
    heads.map(async (head) => {
      if (!isWon(head.status) || head.findingCounts.errors === 0)
        return { status: head.status, value: head.value, errorRuleIds: [] };
      const version = await repos.contracts.version(head.id, head.currentVersion);
      const errorRuleIds = version.assessment.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
      return { status: head.status, value: head.value, errorRuleIds };
    }),
  );
}

/**
 * One organisation's current figures on `today`, read from its partition by the base that follows
 * it (the core has found the base's record of it first), through the named crossing.
 */
async function currentFigures(
  ctx: Pick<UseCaseContext, 'store' | 'actor'>,
  organisationId: string,
  today: string,
): Promise<CurrentFigures> {
  const repos = ctx.store.across('incubationFigures', ctx.actor, organisationId);
  const [users, people, contracts] = await Promise.all([
    everyItem((page) => repos.users.list(page)),
    repos.people.listAll(),
    countedContracts(repos),
  ]);
  return {
    asOf: today,
    members: users.filter((u) => u.status === 'active').length,
    registryStaff: people.length,
    certifiedStaff: people.filter((p) => highestCertificate(p, today) !== 'none').length,
    ...contractFigures(contracts),
  };
}

/**
 * The figures object of one record: the current figures only while the base follows the
 * organisation (after graduation or exit its data is not read at all).
 */
export async function figuresOf(ctx: Pick<UseCaseContext, 'store' | 'actor' | 'clock'>, record: Incubation) {
  const today = ctx.clock.today();
  const current = followsCurrentFigures(record) ? await currentFigures(ctx, record.id, today) : undefined;
  return incubatedFigures(record, today, current) satisfies IncubatedFigures;
}
