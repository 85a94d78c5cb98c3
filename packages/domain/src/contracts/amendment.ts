import type { ContractDraft } from './contract.ts';

/**
 * What an amendment changed: every leaf of the draft whose value differs, as a JSON pointer with
 * the value before and after (an added or removed array entry shows as undefined on one side).
 */
export interface DraftChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

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
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

export function diffDrafts(before: ContractDraft, after: ContractDraft): DraftChange[] {
  const changes: DraftChange[] = [];
  walk(before, after, '', changes);
  return changes;
}
