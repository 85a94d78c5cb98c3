import type { ChainEvent, ChainVerdict } from '@shegong/domain';
import type { PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { CONTRACT_READERS } from '../contracts/policies.ts';
import { jurisdictionContracts } from '../jurisdiction/jurisdiction.ts';
import { NotFound } from '../refusals.ts';

/** A contract's history: who reads a contract reads its history (the org's readers; a bureau's members). */
export const HISTORY_READERS = CONTRACT_READERS;

export interface ContractHistoryPage {
  verification: ChainVerdict;
  items: ChainEvent[];
  cursor?: string;
}

/**
 * A page of the organisation's own contract's history, with the verdict on the whole chain (every
 * page says it: the chain is verified end to end on each read, not only the page shown).
 */
export async function contractHistory(
  ctx: UseCaseContext,
  contractId: string,
  page: PageRequest,
): Promise<ContractHistoryPage> {
  // Another organisation's contract answers 404 (the head is read in the caller's partition).
  await ctx.repos.contracts.get(contractId);
  const [verification, events] = await Promise.all([
    ctx.repos.history.verify(contractId),
    ctx.repos.history.events(contractId, page),
  ]);
  return { verification, ...events };
}

/** The same for a contract in the bureau's jurisdiction; NotFound (404) when absent or outside it. */
export async function jurisdictionContractHistory(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
  page: PageRequest,
): Promise<ContractHistoryPage> {
  const history = await jurisdictionContracts(ctx).history(organisationId, contractId);
  if (!history) throw new NotFound('Contract not found');
  const [verification, events] = await Promise.all([history.verify(contractId), history.events(contractId, page)]);
  return { verification, ...events };
}
