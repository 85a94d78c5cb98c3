import { z } from 'zod';
import type { ContractDraft } from './contract.ts';

/** A leaf of a draft: what a change can hold on either side. */
const DraftValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * What an amendment changed: every leaf of the draft whose value differs, as a JSON pointer with
 * the value before and after (an added or removed array entry has no value on one side).
 */
export const DraftChange = z
  .object({
    path: z.string().describe('JSON pointer into the draft'),
    before: DraftValue.optional(),
    after: DraftValue.optional(),
  })
  .meta({ id: 'DraftChange' });
export type DraftChange = z.infer<typeof DraftChange>;

/** Why and from when a version was made by amendment, and what it changed. */
export const AmendmentRecord = z.object({
  reason: z.string(),
  effectiveDate: z.string(),
  changes: z.array(DraftChange),
});
export type AmendmentRecord = z.infer<typeof AmendmentRecord>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A draft parsed from JSON holds only JSON's scalars at its leaves; anything else is a bug upstream. */
function leaf(value: unknown): z.infer<typeof DraftValue> {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  throw new TypeError(`a draft holds a ${typeof value} at a leaf, not a JSON value`);
}

function walk(before: unknown, after: unknown, path: string, out: DraftChange[]): void {
  if (Array.isArray(before) || Array.isArray(after)) {
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}/${i}`, out);
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      walk(before[key], after[key], `${path}/${key}`, out);
    return;
  }
  if (before === after) return;
  if (isObject(before) || isObject(after)) {
    // An object appeared or went: list its leaves against nothing.
    walk(isObject(before) ? before : {}, isObject(after) ? after : {}, path, out);
    return;
  }
  out.push({
    path,
    ...(before === undefined ? {} : { before: leaf(before) }),
    ...(after === undefined ? {} : { after: leaf(after) }),
  });
}

export function diffDrafts(before: ContractDraft, after: ContractDraft): DraftChange[] {
  const changes: DraftChange[] = [];
  walk(before, after, '', changes);
  return changes;
}
