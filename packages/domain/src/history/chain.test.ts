import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from './canonical.ts';
import {
  CHAIN_EVENT_TYPES,
  type ChainEvent,
  type ChainTip,
  GENESIS_HASH,
  nextEvent,
  sealEvent,
  verifyChain,
} from './chain.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 'x'], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[2,"x"]},"b":1}',
    );
  });

  it('hashes equal content equally whatever order its keys were written in', () => {
    expect(canonicalHash({ a: 1, b: '港口区' })).toBe(canonicalHash({ b: '港口区', a: 1 }));
    expect(canonicalHash({ a: 1 })).not.toBe(canonicalHash({ a: '1' }));
  });

  it('is the SHA-256 of the UTF-8 text', () => {
    // sha256('{"a":"港"}'), worked out with `printf '{"a":"港"}' | sha256sum`.
    expect(canonicalHash({ a: '港' })).toBe('52ac5e04f89cd184da08197a74c4c9fcce69ccf9e78a2a1c158b08fb6072e244');
  });

  it('refuses what JSON cannot say exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: new Date(0) })).toThrow();
  });
});

const MUTABLE = ['type', 'at', 'actor', 'data', 'prevHash', 'hash'] as const;
type Mutable = (typeof MUTABLE)[number];

const actor = { tenantId: 'org-a', userId: 'u-1' };

function chainOf(length: number): { events: ChainEvent[]; tip: ChainTip | undefined } {
  const events: ChainEvent[] = [];
  let tip: ChainTip | undefined;
  for (let i = 0; i < length; i++) {
    const event = nextEvent(tip, {
      type: CHAIN_EVENT_TYPES[i % CHAIN_EVENT_TYPES.length] ?? 'contract.edited',
      at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      actor,
      data: { version: i + 1 },
    });
    events.push(event);
    tip = { seq: event.seq, hash: event.hash };
  }
  return { events, tip };
}

describe('a contract history chain', () => {
  it('starts from the genesis hash and verifies whole', () => {
    const { events, tip } = chainOf(3);
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(events, tip)).toEqual({ verified: true, length: 3 });
    expect(verifyChain([], undefined)).toEqual({ verified: true, length: 0 });
  });

  it('seals only the content: the hash does not depend on key order or extra attributes', () => {
    const [first] = chainOf(1).events;
    if (!first) throw new Error('no event');
    expect(sealEvent({ ...first, ...{ itemType: 'ChainEvent' } }).hash).toBe(first.hash);
  });

  it('names a changed event, a resealed one, a removed one and a removed last one', () => {
    const { events, tip } = chainOf(4);
    const changed = events.map((e) => (e.seq === 2 ? { ...e, data: { version: 9 } } : e));
    expect(verifyChain(changed, tip)).toMatchObject({ brokenAt: { seq: 2, what: 'content_changed' } });
    const resealed = events.map((e) => (e.seq === 2 ? sealEvent({ ...e, data: { version: 9 } }) : e));
    expect(verifyChain(resealed, tip)).toMatchObject({ brokenAt: { seq: 3, what: 'link_broken' } });
    expect(
      verifyChain(
        events.filter((e) => e.seq !== 3),
        tip,
      ),
    ).toMatchObject({
      brokenAt: { seq: 3, what: 'event_missing' },
    });
    expect(verifyChain(events.slice(0, 3), tip)).toMatchObject({ brokenAt: { seq: 4, what: 'event_missing' } });
    expect(verifyChain(events, undefined)).toMatchObject({ brokenAt: { seq: 4, what: 'link_broken' } });
  });

  it('detects any single modification or removal, at the first link it breaks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.oneof(
          fc.record({ kind: fc.constant('remove' as const) }),
          fc.record({
            kind: fc.constant('modify' as const),
            field: fc.constantFrom(...MUTABLE),
            value: fc.string({ minLength: 1, maxLength: 8 }),
            reseal: fc.boolean(),
          }),
        ),
        (length, pick, change) => {
          const { events, tip } = chainOf(length);
          const index = pick % length;
          const seq = index + 1;
          if (change.kind === 'remove') {
            const verdict = verifyChain(
              events.filter((_, i) => i !== index),
              tip,
            );
            expect(verdict).toMatchObject({ verified: false, brokenAt: { seq, what: 'event_missing' } });
            return;
          }
          const original = events[index] as ChainEvent;
          const altered = { ...original, [change.field]: alteredValue(original, change.field, change.value) };
          const stored = change.reseal && change.field !== 'hash' ? sealEvent(altered) : altered;
          const verdict = verifyChain(
            events.map((e, i) => (i === index ? stored : e)),
            tip,
          );
          const resealed = change.reseal && change.field !== 'hash';
          // A resealed event keeps its own hash right; then its link is broken (prevHash changed) or
          // the next event's link (or the tip) is.
          const expected = !resealed
            ? { seq, what: 'content_changed' }
            : change.field === 'prevHash'
              ? { seq, what: 'link_broken' }
              : { seq: Math.min(seq + 1, length), what: 'link_broken' };
          expect(verdict).toMatchObject({ verified: false, brokenAt: expected });
        },
      ),
    );
  });
});

/** A value for the field that differs from the original. */
function alteredValue(event: ChainEvent, field: Mutable, text: string) {
  switch (field) {
    case 'actor':
      return { ...event.actor, userId: `${event.actor.userId}${text}` };
    case 'data':
      return { ...event.data, note: text };
    default:
      return `${event[field]}${text}`;
  }
}
