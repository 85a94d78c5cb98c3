import { HistoricalAwardInput, type LedgerEntryRecord, ledgerTotal, levelAward, maskIdCard } from '@shegong/domain';
import {
  idCardHash,
  type Page,
  type PageRequest,
  readLedger,
  StoreError,
  stageLedgerEntry,
  timeOrderedId,
} from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { jurisdiction } from '../jurisdiction/jurisdiction.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Invalid, Refused } from '../refusals.ts';
import { awardParametersIn } from './assess.ts';
import { jurisdictionAwards } from './bureau.ts';

/**
 * Awards paid before the product was used (P-A2, P-A5): a bureau records them into the person's
 * platform-wide ledger, naming the person by their ID-card number (a bureau has no registry: the
 * name is stored as given, the number only as its hash for the key and masked for the list), so
 * a later claim pays only the difference.
 *
 * Choice (the brief leaves the ceiling of a historical entry open): the ledger may not exceed the
 * award of the level the historical entry was paid for, at the amounts of the rule set in force for
 * the bureau's region today: the bureau knows nothing of the person's other certificates, and
 * P-A5's "nobody receives more than the award of their highest level" bounds what it may record
 * for that level. An older, higher amount paid under another system must be entered as what
 * fits (the rest noted in the reference), or not at all.
 */

export interface HistoricalRecorded {
  entry: LedgerEntryRecord;
  /** The person's ledger total after it, fen. */
  ledgerTotal: number;
}

/** Records one historical award into the person's ledger (created once per Idempotency-Key). */
export async function recordHistoricalAward(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ recorded: HistoricalRecorded; replayed: boolean }> {
  const award = parsed(HistoricalAwardInput, input);
  const today = ctx.clock.today();
  if (award.date > today)
    throw new Invalid('An award paid before the product cannot be dated in the future', {
      fields: [{ path: '/date', message: 'must not be after today', code: 'future' }],
    });
  const scope = jurisdiction(ctx);
  const params = await awardParametersIn(ctx, ctx.tenant.region, today);
  const ceiling = levelAward(award.level, params.levelAmounts);
  const idHash = idCardHash(award.idCardNumber);
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'awards.history.record', input: { ...award, idCardNumber: idHash } },
    async () => stageHistorical(ctx, award, idHash, ceiling, scope.city),
  ).catch((error: unknown) => {
    // Another payment or historical entry for the person landed between the read and the write:
    // the ledger's head moved (its version, or its creation). Nothing was written; try again.
    if (error instanceof StoreError && (error.code === 'stale_version' || error.code === 'conflict'))
      throw new Conflict('The person’s award ledger changed meanwhile; nothing was recorded, try again', {
        reason: 'ledgerMoved',
      });
    throw error;
  });
  return { recorded: body, replayed };
}

/** Reads the person's ledger, checks the ceiling (P-A5) and stages the entry with its audit event. */
async function stageHistorical(
  ctx: UseCaseContext,
  award: HistoricalAwardInput,
  idHash: string,
  ceiling: number,
  city: string,
) {
  // The ledger is a global guard family (keyed by an ID-card hash): the bureau's own session reads it.
  const ledger = await readLedger(ctx.repos.scope, idHash);
  const paid = ledger.head?.total ?? ledgerTotal(ledger.entries);
  if (paid + award.amount > ceiling)
    throw new Refused(
      `P-A5: the ledger would total ${paid + award.amount} fen, above the award of this level (${ceiling} fen); nothing was recorded`,
      {
        reason: 'aboveCeiling',
        fields: [
          {
            path: '/amount',
            message: 'would take the person’s awards above the award of this level',
            code: 'aboveCeiling',
            ruleId: 'P-A5',
            amounts: { ceiling, paidSoFar: paid, amount: award.amount },
          },
        ],
      },
    );
  const entry: LedgerEntryRecord = {
    id: timeOrderedId(),
    date: award.date,
    level: award.level,
    amount: award.amount,
    reference: award.reference,
    source: 'historical',
    name: award.name,
    idCardMasked: maskIdCard(award.idCardNumber),
    recordedBy: { bureauId: ctx.tenant.id, bureau: ctx.tenant.name, userId: ctx.actor.userId },
    recordedAt: new Date().toISOString(),
  };
  const mutation = ctx.repos.scope.mutation();
  const head = stageLedgerEntry(mutation, idHash, ledger.head, entry, { city, bureauRegion: ctx.tenant.region });
  mutation.audited('award.history.record', 'AwardLedgerEntry', entry.id, 1, entry);
  return { mutation, body: { entry, ledgerTotal: head.total } };
}

/** The historical awards recorded in the jurisdiction, newest first. */
export function historicalAwards(ctx: UseCaseContext, page: PageRequest): Promise<Page<LedgerEntryRecord>> {
  return jurisdictionAwards(ctx).history(page);
}
