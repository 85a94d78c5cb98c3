/**
 * Where to go after signing in or switching language: only a path on this site. `//evil.example`,
 * `/\evil.example` and anything with a scheme or control characters would leave the site, so
 * they fall back to the home page. Sign-in paths fall back too, so nothing loops. The checks hold
 * for the value as sent and again for the path it normalises to (`/..//evil.example` becomes
 * `//evil.example`), since the normalised path is what the browser is sent to.
 */
export function safeNext(value: string | undefined | null, fallback = '/'): string {
  if (!value || value.length > 2000 || !isLocalPath(value)) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    // The URL parser is what the browser will use: the result must stay on the same origin.
    const base = 'https://shegong.invalid';
    const url = new URL(value, base);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return url.origin === base && isLocalPath(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

/** A path on this site that is not a sign-in or language switch (which would loop). */
function isLocalPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return false;
  return !(path === '/auth' || path.startsWith('/auth/') || path.startsWith('/lang/'));
}

/** The path and query of the request: where a page sends the user back after signing in. */
export function currentPath(url: string): string {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}
