import type { Context } from 'hono';

/** A posted form, read once (Hono caches the parsed body, so the CSRF check and the handler share it). */
export async function readForm(c: Context): Promise<{ text(name: string): string; list(name: string): string[] }> {
  const body = await c.req.parseBody({ all: true });
  const values = (name: string): string[] => {
    const value = body[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return all.filter((v): v is string => typeof v === 'string');
  };
  return {
    text: (name) => values(name)[0]?.trim() ?? '',
    list: (name) =>
      values(name)
        .map((v) => v.trim())
        .filter(Boolean),
  };
}

/** The field paths zod names as failing (the first segment), in the order they failed. */
export function failingFields(issues: readonly { path: readonly PropertyKey[] }[]): string[] {
  return [...new Set(issues.map((i) => String(i.path[0] ?? '')))];
}

/** The version a form carries as a hidden field (optimistic concurrency, like If-Match). */
export function formVersion(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
