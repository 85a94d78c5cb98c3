import { isValidUscc, usccCheckCharacter } from '@shegong/domain';
import { decodeCursor, encodeCursor, StoreError } from '@shegong/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Properties of the USCC check and the cursor codec, over many generated inputs (fast-check). */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccChar = fc.constantFrom(...ALPHABET.split(''));
const validUscc = fc
  .array(usccChar, { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => `${first17}${usccCheckCharacter(first17)}`);

describe('the unified social credit code (GB 32100)', () => {
  it('accepts published codes', () => {
    for (const code of ['91350100M000100Y43', '91110108551385082Q', '91440300708461136T'])
      expect(isValidUscc(code)).toBe(true);
  });

  it('accepts every code whose check character is computed from the first 17', () => {
    fc.assert(fc.property(validUscc, (code) => isValidUscc(code)));
  });

  it('rejects a valid code with any single character changed', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), fc.integer({ min: 1, max: ALPHABET.length - 1 }), (code, at, shift) => {
        const replaced = ALPHABET[(ALPHABET.indexOf(code[at]!) + shift) % ALPHABET.length]!;
        const changed = `${code.slice(0, at)}${replaced}${code.slice(at + 1)}`;
        expect(changed).not.toBe(code);
        expect(isValidUscc(changed)).toBe(false);
      }),
    );
  });

  it('rejects a character outside the alphabet anywhere (I, O, S, V, Z, lower case…)', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), fc.constantFrom('I', 'O', 'S', 'V', 'Z', 'a', '-', ' '), (code, at, bad) => {
        expect(isValidUscc(`${code.slice(0, at)}${bad}${code.slice(at + 1)}`)).toBe(false);
      }),
    );
  });

  it('rejects every length but 18', () => {
    fc.assert(
      fc.property(
        fc.array(usccChar, { maxLength: 30 }).filter((a) => a.length !== 18),
        (chars) => !isValidUscc(chars.join('')),
      ),
    );
  });
});

describe('the cursor codec', () => {
  const partition = fc.uuid().map((id) => `T#${id}`);
  const lastKey = (pk: fc.Arbitrary<string>) =>
    fc.record({ pk, sk: fc.string({ unit: 'binary', maxLength: 200 }) }, { requiredKeys: ['pk', 'sk'] });

  it('decodes what it encoded, for keys of the partition being read', () => {
    fc.assert(
      fc.property(
        partition.chain((pk) =>
          fc.tuple(
            fc.constant(pk),
            lastKey(fc.constant(pk)),
            fc.dictionary(fc.constantFrom('gsi1pk', 'gsi1sk'), fc.string()),
          ),
        ),
        ([pk, key, extra]) => {
          const full = { ...extra, ...key };
          const cursor = encodeCursor(full)!;
          expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
          expect(decodeCursor(cursor, { attribute: 'pk', value: pk })).toEqual(full);
        },
      ),
    );
  });

  it('refuses a cursor of another partition', () => {
    fc.assert(
      fc.property(partition, partition, fc.string(), (mine, theirs, sk) => {
        fc.pre(mine !== theirs);
        const cursor = encodeCursor({ pk: theirs, sk })!;
        expect(() => decodeCursor(cursor, { attribute: 'pk', value: mine })).toThrow(StoreError);
      }),
    );
  });

  it('never decodes a random string into another partition', () => {
    const mine = 'T#6b1f0c52-2f5e-4b8a-9d1c-0e3f4a5b6c7d';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.base64String({ maxLength: 400 }),
          fc.json().map((j) => Buffer.from(j).toString('base64url')),
        ),
        (text) => {
          let decoded: Record<string, string> | undefined;
          try {
            decoded = decodeCursor(text, { attribute: 'pk', value: mine });
          } catch (error) {
            expect(error).toBeInstanceOf(StoreError);
            expect((error as StoreError).code).toBe('bad_cursor');
            return;
          }
          // Only the empty cursor means "from the start"; anything else must name my partition.
          if (decoded !== undefined) expect(decoded.pk).toBe(mine);
          else expect(text).toBe('');
          if (decoded) expect(Object.values(decoded).every((v) => typeof v === 'string')).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
