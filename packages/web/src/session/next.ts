/**
 * Where to go after signing in or switching language: only a path on this site. `//evil.example`,
 * `/\evil.example` and anything with a scheme or control characters would leave the site, so
 * they fall back to the home page. Sign-in paths fall back too, so nothing loops.
 */
export function safeNext(value: string | undefined | null, fallback = '/'): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  if (value === '/auth' || value.startsWith('/auth/') || value.startsWith('/lang/')) return fallback;
  try {
    // The URL parser is what the browser will use: the result must stay on the same origin.
    const base = 'https://shegong.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The path and query of the request: where a page sends the user back after signing in. */
export function currentPath(url: string): string {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}
