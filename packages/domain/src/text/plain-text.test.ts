import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hiddenCharacter, isHiddenCharacterIssue, plainLine, plainNotes } from './plain-text.ts';

const code = (c: number) => String.fromCodePoint(c);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every character the rule refuses in a line, by code point. */
const REFUSED_IN_A_LINE = [
  ...range(0x00, 0x1f),
  ...range(0x7f, 0x9f),
  0x061c,
  0x200e,
  0x200f,
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  0x2028,
  0x2029,
];
/** What a note keeps of those: tab, line feed, carriage return and the two separators. */
const KEPT_IN_NOTES = [0x09, 0x0a, 0x0d, 0x2028, 0x2029];

const refused = fc.constantFrom(...REFUSED_IN_A_LINE.map(code));
const plain = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => hiddenCharacter(s) === undefined);

describe('hiddenCharacter', () => {
  it('names the control and text-direction characters as U+XXXX', () => {
    expect(hiddenCharacter('合同\u202Etxt.exe')).toBe('U+202E');
    expect(hiddenCharacter('a\u0000b')).toBe('U+0000');
    expect(hiddenCharacter('王\u0085芳')).toBe('U+0085');
    expect(hiddenCharacter('\u2067x\u2069')).toBe('U+2067');
  });

  it('passes names with ordinary, no-break and ideographic spaces, and joined emoji', () => {
    for (const name of ['黄小梅', '阿依 古丽', 'Mary\u00A0Ann', '港口区　社区服务', 'O’Brien-Lee', '👩‍👩‍👧'])
      expect(hiddenCharacter(name)).toBeUndefined();
  });

  it('finds a refused character wherever it sits in otherwise plain text', () => {
    fc.assert(
      fc.property(plain, refused, plain, (before, bad, after) => {
        expect(hiddenCharacter(`${before}${bad}${after}`)).toBe(
          `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
        );
      }),
    );
  });

  it('passes any text without them, in any script', () => {
    fc.assert(
      fc.property(plain, (text) => {
        expect(hiddenCharacter(text)).toBeUndefined();
        expect(hiddenCharacter(text, 'notes')).toBeUndefined();
      }),
    );
  });

  it('keeps line breaks and tabs in notes, and refuses the rest there too', () => {
    for (const c of REFUSED_IN_A_LINE) {
      expect(hiddenCharacter(`第一行${code(c)}第二行`, 'notes')).toBe(
        KEPT_IN_NOTES.includes(c) ? undefined : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
      );
    }
  });
});

describe('plainLine and plainNotes', () => {
  const name = plainLine(z.string().trim().min(1).max(40));
  const notes = plainNotes(z.string().trim().max(2000));

  it('refuse with an issue a form can recognise, naming the character for the API', () => {
    const result = name.safeParse('李\u202E娜');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(isHiddenCharacterIssue(issue)).toBe(true);
    expect(issue.message).toBe('must not contain control or text-direction characters (found U+202E)');
  });

  it('check the text the schema keeps: a trailing newline that trim removes is no refusal', () => {
    expect(name.parse('李娜\n')).toBe('李娜');
    expect(notes.parse('第一行\r\n第二行\n')).toBe('第一行\r\n第二行');
  });

  it('keep the schema’s own checks and their issues apart from this one', () => {
    const issues = name.safeParse('').error!.issues;
    expect(issues.map(isHiddenCharacterIssue)).toEqual([false]);
  });
});
