import { CONTRACT_STATUSES, type ContractStatus, type StoredContract } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { listContracts } from './contracts.ts';
import { withEffect } from './guideline.ts';

/** The agreed contracts under a newer guideline whose effect the dashboard shows (one version read each). */
const EFFECTS_SHOWN = 5;

/** The dashboard reads at most this many contracts (newest first); an organisation has tens. */
const OVERVIEW_LIMIT = 200;

export interface ContractOverview {
  total: number;
  byStatus: Record<ContractStatus, number>;
  /** Contracts whose current version has errors. */
  withErrors: StoredContract[];
  /**
   * Agreed contracts (submitted, signed, running) a newer guideline applies to within their term: a
   * rule set published since they were agreed affects them. The first EFFECTS_SHOWN carry the
   * effect (what costing them with it would change), as the contract page shows it.
   */
  withNewerGuideline: StoredContract[];
  /** Drafts a bureau returned with reasons: to change and submit again. */
  returned: StoredContract[];
  /** Contracts the bureau approved: to record as signed. */
  approved: StoredContract[];
}

/** The organisation's contracts as its dashboard counts them, each under the rules in force. */
export async function contractOverview(ctx: UseCaseContext): Promise<ContractOverview> {
  const all: StoredContract[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContracts(ctx, { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor && all.length < OVERVIEW_LIMIT);
  const byStatus = Object.fromEntries(
    CONTRACT_STATUSES.map((s) => [s, all.filter((x) => x.status === s).length]),
  ) as Record<ContractStatus, number>;
  const newer = all.filter((x) => x.newerGuideline && x.status !== 'draft');
  const shown = await Promise.all(
    newer
      .slice(0, EFFECTS_SHOWN)
      .map(async (x) => withEffect(ctx, x, await ctx.repos.contracts.version(x.id, x.currentVersion))),
  );
  return {
    total: all.length,
    byStatus,
    withErrors: all.filter((x) => x.findingCounts.errors > 0),
    withNewerGuideline: [...shown, ...newer.slice(EFFECTS_SHOWN)],
    returned: all.filter((x) => x.status === 'draft' && x.review?.state === 'returned'),
    approved: all.filter((x) => x.status === 'approved'),
  };
}
