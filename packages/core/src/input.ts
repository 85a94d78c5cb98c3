import { Invalid } from './refusals.ts';

/** Reads input by its schema; a refusal names each field (JSON pointers), and nothing is written. */
export function parsed<T>(
  schema: {
    safeParse(
      input: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new Invalid('The input is not valid; nothing was saved', {
      fields: result.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message })),
    });
  return result.data;
}
