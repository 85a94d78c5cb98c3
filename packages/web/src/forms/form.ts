import { Invalid } from '@shegong/core';
import { isHiddenCharacterIssue } from '@shegong/domain';
import type { Context } from 'hono';
import { formDate } from './dates.ts';

/**
 * A form post whose body cannot be read (a multipart body without the boundary its Content-Type
 * names, or none): bad input from the client, answered with a 400 page, and nothing was written.
 */
export class UnreadableForm extends Invalid {
  constructor() {
    super('The form could not be read: its body is not the form its Content-Type says', { reason: 'unreadableForm' });
  }
}

/**
 * The body of a form post, every value of each field (a list where the field repeats). Hono caches
 * the parsed body, so the CSRF check that reads it first and the handler share one parse; a body
 * that is not the form its Content-Type says (a multipart body without its boundary) is the
 * client's error, UnreadableForm (400), wherever it is read first.
 */
export async function formBody(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    throw new UnreadableForm();
  }
}

/** A posted form's text fields, trimmed. */
/** A posted form's fields: text trimmed, every value of a repeated field, a date read as typed or picked (formDate). */
export interface PostedFields {
  text(name: string): string;
  list(name: string): string[];
  date(name: string): string;
}

export async function readForm(c: Context): Promise<PostedFields> {
  const body = await formBody(c);
  const values = (name: string): string[] => {
    const value = body[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return all.filter((v): v is string => typeof v === 'string');
  };
  const text = (name: string) => values(name)[0]?.trim() ?? '';
  return {
    text,
    date: (name) => formDate(text(name)),
    list: (name) =>
      values(name)
        .map((v) => v.trim())
        .filter(Boolean),
  };
}

/**
 * The fields (the first segment of each path) whose text the plain-text rule refused: control or
 * text-direction characters (domain text/plain-text.ts). A form says so in its own words, naming
 * the field, rather than its usual message for the field (which would send the user looking for a
 * mistake they cannot see).
 */
export function hiddenCharacterFields(
  issues: readonly { path: readonly PropertyKey[]; code?: string; params?: unknown }[],
): Set<string> {
  return new Set(issues.filter(isHiddenCharacterIssue).map((i) => String(i.path[0] ?? '')));
}

/** The field paths zod names as failing (the first segment), in the order they failed. */
export function failingFields(issues: readonly { path: readonly PropertyKey[] }[]): string[] {
  return [...new Set(issues.map((i) => String(i.path[0] ?? '')))];
}

/** The version a form carries as a hidden field (optimistic concurrency, like If-Match). */
export function formVersion(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
