import { describe, expect, it } from 'vitest';
import { idCardCheckCharacter, isValidIdCardNumber, maskIdCard, maskPhone } from './id-card.ts';

/*
 * Check characters worked by hand with the GB 11643 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
 * and the table sum mod 11 → '10X98765432':
 *
 * 45060219900101123?  (Gangkou District, born 1990-01-01):
 *   4×7 + 5×9 + 0×10 + 6×5 + 0×8 + 2×4 + 1×2 + 9×1 + 9×6 + 0×3 + 0×7 + 1×9 + 0×10 + 1×5 + 1×8
 *   + 2×4 + 3×2 = 28+45+0+30+0+8+2+9+54+0+0+9+0+5+8+8+6 = 212;  212 mod 11 = 3  →  '9'.
 * 45068119851231002?  (Dongxing, born 1985-12-31): sum 309, mod 11 = 1 → '0'.
 * 11010519491231002?  (the standard's own example, Beijing 1949-12-31): sum 167, mod 11 = 2 → 'X'.
 * 45060220000229123?  (born on leap day 2000-02-29): sum 220, mod 11 = 0 → '1'.
 */
const TODAY = '2026-03-01';

describe('citizen ID numbers (GB 11643-1999)', () => {
  it('computes the check character from the first 17 digits', () => {
    expect(idCardCheckCharacter('45060219900101123')).toBe('9');
    expect(idCardCheckCharacter('45068119851231002')).toBe('0');
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(idCardCheckCharacter('4506021990010112')).toBeUndefined();
  });

  it.each(['450602199001011239', '450681198512310020', '11010519491231002X', '450602200002291231'])(
    'accepts %s, whose check character is right',
    (n) => {
      expect(isValidIdCardNumber(n, TODAY)).toBe(true);
    },
  );

  it('refuses a wrong check character, as when one digit is mistyped', () => {
    expect(isValidIdCardNumber('450602199001011238', TODAY)).toBe(false);
    expect(isValidIdCardNumber('450602199001011230', TODAY)).toBe(false);
    expect(isValidIdCardNumber('450602199001011339', TODAY)).toBe(false); // 123 → 133 in the sequence
    expect(isValidIdCardNumber('110105194912310029', TODAY)).toBe(false); // X written as 9
  });

  it('accepts a lower-case x as the check character (the schema stores it upper-cased)', () => {
    expect(isValidIdCardNumber('11010519491231002x', TODAY)).toBe(true);
  });

  it('refuses a birth date that is not a real day, or is in the future', () => {
    // 1990-02-30 with its own correct check character: sum 4×7+5×9+6×5+2×4+1×2+9×1+9×6+2×9+3×10+1×8+2×4+3×2
    // = 246, mod 11 = 4 → '8'. The check is right; the date is not.
    expect(idCardCheckCharacter('45060219900230123')).toBe('8');
    expect(isValidIdCardNumber('450602199002301238', TODAY)).toBe(false);
    // Born 2026-03-02, the day after TODAY, with a right check character.
    const tomorrow = `45060220260302123${idCardCheckCharacter('45060220260302123')}`;
    expect(isValidIdCardNumber(tomorrow, TODAY)).toBe(false);
    expect(isValidIdCardNumber(tomorrow, '2026-03-02')).toBe(true);
  });

  it('refuses anything that is not 17 digits and a check character', () => {
    expect(isValidIdCardNumber('45060219900101123', TODAY)).toBe(false); // 17 characters
    expect(isValidIdCardNumber('4506021990010112399', TODAY)).toBe(false);
    expect(isValidIdCardNumber('450602900101123', TODAY)).toBe(false); // the old 15-digit form
    expect(isValidIdCardNumber('45060219900101123Y', TODAY)).toBe(false);
    expect(isValidIdCardNumber('4506021990010112 9', TODAY)).toBe(false);
    expect(isValidIdCardNumber('', TODAY)).toBe(false);
  });

  it('masks all but the region and the last four', () => {
    expect(maskIdCard('450602199001011239')).toBe('450602********1239');
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X');
  });

  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('never shows a short value whole', () => {
    expect(maskIdCard('12345')).toBe('*2345');
    expect(maskPhone('1234')).toBe('*234');
    expect(maskPhone('')).toBe('');
  });
});
