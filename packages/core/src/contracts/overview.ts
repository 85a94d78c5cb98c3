import { CONTRACT_STATUSES, type ContractStatus, type StoredContract } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { listContracts } from './contracts.ts';

/** The dashboard reads at most this many contracts (newest first); an organisation has tens. */
const OVERVIEW_LIMIT = 200;

export interface ContractOverview {
  total: number;
  byStatus: Record<ContractStatus, number>;
  /** Contracts whose current version has errors. */
  withErrors: StoredContract[];
  /** Agreed contracts (submitted, signed, running) a newer guideline applies to within their term. */
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
  return {
    total: all.length,
    byStatus,
    withErrors: all.filter((x) => x.findingCounts.errors > 0),
    withNewerGuideline: all.filter((x) => x.newerGuideline && x.status !== 'draft'),
    returned: all.filter((x) => x.status === 'draft' && x.review?.state === 'returned'),
    approved: all.filter((x) => x.status === 'approved'),
  };
}
