import { asRefusal, type FieldProblem, type Refusal, Refused } from '@shegong/core';
import type { Finding } from '@shegong/domain';
import type { FieldError } from '../layout/components.tsx';

/**
 * Where a form shows what the core refused: the one place a page turns a refusal's field problems
 * and findings into its own field errors. Paths are JSON pointers into the use case's input (an
 * amendment's findings sit under `/draft`); each page says which of its fields a path is, and in
 * which words to say each problem (by its code) and each finding.
 */
export interface FormFields {
  field(path: string): string;
  href?(field: string): string;
  /** The page's words for a field problem; its English message when undefined. */
  problem?(problem: FieldProblem, field: string): string | undefined;
  /** The page's words for a finding that refuses the input. */
  finding?(finding: Finding, field: string): string;
}

export function refusalErrors(refusal: Refusal, form: FormFields): FieldError[] {
  const at = (path: string, message: (field: string) => string): FieldError => {
    const field = form.field(path);
    const href = form.href?.(field);
    return { field, message: message(field), ...(href ? { href } : {}) };
  };
  const problems = refusal.fields.map((p) => at(p.path, (field) => form.problem?.(p, field) ?? p.message));
  const findings =
    refusal instanceof Refused
      ? refusal.findings.map((f) =>
          at(`${refusal.at}${f.path}`, (field) => form.finding?.(f, field) ?? `${f.ruleId} · ${f.message}`),
        )
      : [];
  return [...problems, ...findings];
}

/**
 * The refusal an error stands for, when it is one a form shows as field errors: the rules refuse
 * the input, or its values contradict each other. (A form key reused for other input is refused
 * too, but names no field: each page says that in its own way.)
 */
export function refusedInput(error: unknown): Refusal | undefined {
  const refusal = asRefusal(error);
  if (refusal?.reason === 'idempotency_mismatch') return undefined;
  return refusal?.kind === 'refused' || refusal?.kind === 'invalid' ? refusal : undefined;
}
