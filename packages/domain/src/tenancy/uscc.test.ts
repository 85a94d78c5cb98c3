import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckCharacter } from './uscc.ts';

/*
 * Check characters computed by hand with the GB 32100 weights 3^i mod 31
 * (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28) and the alphabet
 * 0-9 = 0..9, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24 R=25
 * T=26 U=27 W=28 X=29 Y=30.
 *
 * 91350100M000100Y4?  (the code printed on the standard's sample licence):
 *   9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0×16 + 0×17 + M(21)×20 + 0×29 + 0×25 + 0×13 + 1×8
 *   + 0×24 + 0×10 + Y(30)×30 + 4×28 = 1640;  1640 mod 31 = 28;  31 − 28 = 3  →  '3'.
 * 52450681MJ4H2K7P3?  (a 民办非企业单位 in Dongxing): sum 3062, mod 31 = 24, 31 − 24 = 7 → '7'.
 * 91450600MA5KB2X10?  (a company in Fangchenggang): sum 1877, mod 31 = 17, 31 − 17 = 14 → 'E'.
 * 12450600498507123?  (a public institution): sum 1262, mod 31 = 22, 31 − 22 = 9 → '9'.
 */
const VALID = ['91350100M000100Y43', '52450681MJ4H2K7P37', '91450600MA5KB2X10E', '124506004985071239'];

describe('isValidUscc', () => {
  it.each(VALID)('accepts %s, whose check character is right', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('refuses a code whose check character is wrong', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('52450681MJ4H2K7P38')).toBe(false);
    expect(isValidUscc('91450600MA5KB2X10F')).toBe(false);
  });

  it('refuses a single mistyped character in the body (the check character catches it)', () => {
    expect(isValidUscc('91350100M000200Y43')).toBe(false);
  });

  it('refuses lower case, even where the upper-case code is valid', () => {
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(isValidUscc('91450600ma5kb2x10e')).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the forbidden letter %s', (letter) => {
    // Put the letter in the body and in the check position: neither is allowed.
    expect(isValidUscc(`91350100${letter}000100Y43`)).toBe(false);
    expect(isValidUscc(`91350100M000100Y4${letter}`)).toBe(false);
  });

  it('refuses the wrong length', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false); // 17
    expect(isValidUscc('91350100M000100Y433')).toBe(false); // 19
    expect(isValidUscc(' 91350100M000100Y43')).toBe(false);
  });
});

describe('usccCheckCharacter', () => {
  it('computes the check character of a 17-character prefix', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('52450681MJ4H2K7P3')).toBe('7');
    expect(usccCheckCharacter('91450600MA5KB2X10')).toBe('E');
    expect(usccCheckCharacter('12450600498507123')).toBe('9');
  });

  it('gives 0 (not 31) when the sum is a multiple of 31', () => {
    // 1×1 (1st character) + 1×30 (16th character) = 31; 31 mod 31 = 0; (31 − 0) mod 31 = 0 → '0'.
    expect(usccCheckCharacter('10000000000000010')).toBe('0');
  });

  it('gives nothing for a prefix of the wrong length or with a character outside the alphabet', () => {
    expect(usccCheckCharacter('91350100M000100Y')).toBeUndefined();
    expect(usccCheckCharacter('91350100M000100Y43')).toBeUndefined();
    expect(usccCheckCharacter('91350100O000100Y4')).toBeUndefined();
    expect(usccCheckCharacter('91350100m000100Y4')).toBeUndefined();
  });
});
