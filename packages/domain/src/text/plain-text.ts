import type { z } from 'zod';

/**
 * What a typed name, title or note may not hold: characters that change how the text around them
 * reads without being seen. Names and titles are shown to other people (a bureau reads an
 * organisation's contract titles; a colleague's name sits in every list and sheet), so text that
 * reads as something other than what it is misleads them ("Trojan Source": U+202E shows
 * `合同‮txt.exe` as `合同exe.txt`).
 *
 * Refused everywhere:
 * - C0 controls U+0000–U+001F and DEL U+007F, and C1 controls U+0080–U+009F;
 * - the bidirectional embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO), the
 *   isolates U+2066–U+2069 (LRI, RLI, FSI, PDI) and the marks U+200E, U+200F (LRM, RLM) and
 *   U+061C (ALM): nobody types these into a Chinese or English name, and each reorders or
 *   hides what follows;
 * - in one line of text, the line and paragraph separators U+2028, U+2029 too.
 *
 * Allowed: every ordinary space, the ideographic space U+3000 and no-break space included (a
 * space is part of many names), and the zero-width joiners U+200C, U+200D (they join letters and
 * emoji; they reorder nothing). Notes written in a text box keep their line breaks and tabs
 * (U+000A, U+000D, U+0009) and the two separators; every other character above is refused in them too.
 */
const DEL_AND_C1 = '\\u007F-\\u009F';
const DIRECTION_MARKS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const IN_A_LINE = new RegExp(`[\\u0000-\\u001F${DEL_AND_C1}${DIRECTION_MARKS}\\u2028\\u2029]`, 'u');
/** The C0 controls but tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
const IN_NOTES = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F${DEL_AND_C1}${DIRECTION_MARKS}]`, 'u');

/** The stable name of the refusal (a zod issue's `params.reason`), for a page's own words. */
export const HIDDEN_CHARACTERS = 'hiddenCharacters';

/** The first character the rule refuses, as `U+202E`, or undefined when the text is plain. */
export function hiddenCharacter(text: string, kind: 'line' | 'notes' = 'line'): string | undefined {
  const found = (kind === 'line' ? IN_A_LINE : IN_NOTES).exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

function refuseHidden<S extends z.ZodString>(schema: S, kind: 'line' | 'notes'): S {
  return schema.superRefine((text, ctx) => {
    const found = hiddenCharacter(text, kind);
    if (found)
      ctx.addIssue({
        code: 'custom',
        message: `must not contain control or text-direction characters (found ${found})`,
        params: { reason: HIDDEN_CHARACTERS, character: found },
      });
  });
}

/** A name, title or other one-line text: the rule above, after the schema's own checks. */
export const plainLine = <S extends z.ZodString>(schema: S): S => refuseHidden(schema, 'line');

/** A note of several lines: line breaks and tabs kept, the rest of the rule as for a line. */
export const plainNotes = <S extends z.ZodString>(schema: S): S => refuseHidden(schema, 'notes');

/** Whether a zod issue is this rule's refusal (so a form can say it in its own words). */
export function isHiddenCharacterIssue(issue: { code?: string; params?: unknown }): boolean {
  return issue.code === 'custom' && (issue.params as { reason?: unknown } | undefined)?.reason === HIDDEN_CHARACTERS;
}
