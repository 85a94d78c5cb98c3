import { type AmountKind, type Bounded, readAmount } from '@shegong/domain';
import type { Messages } from '../i18n/index.ts';

/**
 * An amount, rate or hours typed into a form field: read by the domain's money module and held
 * to the field's schema bound; a refusal is put in the page's language after the field's label.
 */
export function amountField(
  m: Messages,
  kind: AmountKind,
  text: string,
  field: { label: string; bound?: Bounded },
): { ok: true; value: number } | { ok: false; message: string } {
  const read = readAmount(kind, text, field.bound);
  return read.ok ? read : { ok: false, message: m.errors.amount(field.label, kind, read.refusal) };
}
