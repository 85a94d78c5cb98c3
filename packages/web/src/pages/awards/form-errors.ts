import { asRefusal, type FieldProblem } from '@shegong/core';
import type { FieldError } from '../../layout/components.tsx';

/**
 * The field errors a form of the incentives' pages shows for a refusal that names its fields
 * (invalid input, the rules' refusal, a month or a recognition already taken), each in the page's
 * words where it has them; undefined for anything else, which the page's error handling answers.
 * A field is the first segment of the problem's path (`/months/1` is the months field).
 */
export function formErrors(
  error: unknown,
  words: (problem: FieldProblem, field: string) => string | undefined,
): { errors: FieldError[]; status: 400 | 409 | 422 } | undefined {
  const refusal = asRefusal(error);
  if (!refusal || !['invalid', 'refused', 'conflict'].includes(refusal.kind) || !refusal.fields.length)
    return undefined;
  const status = refusal.kind === 'conflict' ? 409 : refusal.kind === 'refused' ? 422 : 400;
  return {
    status,
    errors: refusal.fields.map((p) => {
      const field = p.path.split('/')[1] ?? '';
      return { field, message: words(p, field) ?? p.message };
    }),
  };
}

/** A form's text field that must hold a value: the message when it is empty. */
export function required(values: Record<string, string>, errors: FieldError[], field: string, message: string) {
  if (!values[field]) errors.push({ field, message });
}
