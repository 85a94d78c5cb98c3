import {
  type AmountKind,
  type AmountParse,
  type AmountProblem,
  hoursToTenths,
  percentToBp,
  yuanToFen,
} from '@shegong/domain';
import type { Messages } from '../i18n/index.ts';

/**
 * An amount, rate or hours typed into a form field, read by the domain's money module and held
 * to the field's own bound. The bound is read from the field's zod schema (`maxValue`), so it is
 * never restated here and a form refuses what the API would, in words that name the field.
 */

const READERS: Record<AmountKind, (text: string) => AmountParse> = {
  yuan: yuanToFen,
  percent: percentToBp,
  hours: hoursToTenths,
};

/** A field's schema as far as its bound goes: `z.number().max(…)` has one, in the unit it keeps. */
export interface Bounded {
  readonly maxValue: number | null;
}

/** Why a typed amount was refused, before it is put into words. */
export type AmountRefusal = { problem: AmountProblem } | { above: number };

export type AmountRead = { ok: true; value: number } | { ok: false; refusal: AmountRefusal };

/** Reads a field's text as fen, basis points or tenths; above `bound`'s maximum it is refused. */
export function readAmount(kind: AmountKind, text: string, bound?: Bounded): AmountRead {
  const parsed = READERS[kind](text);
  if (!parsed.ok) return { ok: false, refusal: { problem: parsed.problem } };
  const max = bound?.maxValue;
  return max != null && parsed.value > max ? { ok: false, refusal: { above: max } } : parsed;
}

/** A refusal in the page's language, after the field's label. */
export function amountMessage(m: Messages, kind: AmountKind, label: string, refusal: AmountRefusal): string {
  return 'above' in refusal
    ? m.errors.amountAbove(label, kind, refusal.above)
    : m.errors.amount(label, kind, refusal.problem);
}

/** Reads a field and words a refusal at once: what most forms want. */
export function amountField(
  m: Messages,
  kind: AmountKind,
  text: string,
  field: { label: string; bound?: Bounded },
): { ok: true; value: number } | { ok: false; message: string } {
  const read = readAmount(kind, text, field.bound);
  return read.ok ? read : { ok: false, message: amountMessage(m, kind, field.label, read.refusal) };
}
