import { canonicalHash } from './canonical.ts';

/**
 * A contract's tamper-evident history: every event that changed the contract or was decided about
 * it, in order, each sealed with the SHA-256 of its content, and its content includes the hash of
 * the event before. Changing an event without resealing it breaks its own hash; resealing it breaks
 * the next event's link (or the tip's); removing one leaves a gap in the sequence. The tip (the
 * last seq and hash, stored beside the events) catches the removal of the last events.
 */

/** What happened. A contract created before the chain existed starts with `history.started`. */
export const CHAIN_EVENT_TYPES = [
  'history.started',
  'contract.created',
  'contract.edited',
  'contract.recosted',
  'contract.amended',
  'contract.submitted',
  'contract.withdrawn',
  'contract.signed',
  'contract.running',
  'contract.closed',
  'actuals.recorded',
  'review.approved',
  'review.returned',
  'finding.raised',
  'finding.answered',
  'finding.accepted',
  'finding.reopened',
  'evaluation.filed',
] as const;
export type ChainEventType = (typeof CHAIN_EVENT_TYPES)[number];

/** The link before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event says: sealed by its hash. `seq` counts from 1 without gaps. */
export interface ChainEventContent {
  seq: number;
  type: ChainEventType;
  /** When it was recorded (ISO 8601). */
  at: string;
  /** Who did it, in which tenant (an organisation's member, or a bureau's for its decisions). */
  actor: { tenantId: string; userId: string };
  /** What it concerns: small values only (a version number, a month, a finding id, state hashes). */
  data: Record<string, string | number | boolean>;
  /** The hash of the event before (GENESIS_HASH for the first). */
  prevHash: string;
}

export interface ChainEvent extends ChainEventContent {
  /** SHA-256 of the canonical JSON of the content above. */
  hash: string;
}

/** The last event's seq and hash, kept beside the chain. */
export interface ChainTip {
  seq: number;
  hash: string;
}

export type ChainBreak = 'content_changed' | 'link_broken' | 'event_missing';

export type ChainVerdict =
  | { verified: true; length: number }
  | { verified: false; length: number; brokenAt: { seq: number; what: ChainBreak } };

/** Seals an event: its hash over exactly the content fields (nothing else an item may carry). */
export function sealEvent(content: ChainEventContent): ChainEvent {
  const { seq, type, at, actor, data, prevHash } = content;
  const sealed = { seq, type, at, actor: { tenantId: actor.tenantId, userId: actor.userId }, data, prevHash };
  return { ...sealed, hash: canonicalHash(sealed) };
}

/** The next event after `tip` (or the first). */
export function nextEvent(tip: ChainTip | undefined, event: Omit<ChainEventContent, 'seq' | 'prevHash'>): ChainEvent {
  return sealEvent({ ...event, seq: (tip?.seq ?? 0) + 1, prevHash: tip?.hash ?? GENESIS_HASH });
}

/**
 * Verifies a chain as stored: `events` in the order of their keys (each `seq` taken from its key),
 * and the tip. Answers the first link that breaks: a gap in the sequence is an event missing; an
 * event whose hash is not its content's has had its content changed; an event whose `prevHash` is
 * not the hash before it (or a tip that is not the last event) is a broken link. No tip and no
 * events is a contract without history yet (verified, length 0).
 */
export function verifyChain(events: readonly ChainEvent[], tip: ChainTip | undefined): ChainVerdict {
  let previous = GENESIS_HASH;
  let expected = 1;
  const broken = (seq: number, what: ChainBreak): ChainVerdict => ({
    verified: false,
    length: events.length,
    brokenAt: { seq, what },
  });
  for (const event of events) {
    if (event.seq !== expected) return broken(expected, 'event_missing');
    if (sealEvent(event).hash !== event.hash) return broken(event.seq, 'content_changed');
    if (event.prevHash !== previous) return broken(event.seq, 'link_broken');
    previous = event.hash;
    expected += 1;
  }
  const last = expected - 1;
  if (!tip) return last === 0 ? { verified: true, length: 0 } : broken(last, 'link_broken');
  if (tip.seq > last) return broken(expected, 'event_missing');
  // Events past the tip, or a tip naming another hash: the tip no longer closes the chain.
  if (tip.seq < last || tip.hash !== previous) return broken(tip.seq < last ? tip.seq + 1 : last, 'link_broken');
  return { verified: true, length: last };
}
