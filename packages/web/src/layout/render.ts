import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Sends a page. Pages show personal data, so no cache keeps them; the doctype goes first
 * because JSX cannot write it.
 */
export async function render(
  c: Context,
  page: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const html = await (await page).toString();
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${html}`, status);
}
