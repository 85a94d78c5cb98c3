/**
 * An adapter whose module (and SDK) is imported by its first call instead of at cold start: the
 * Cognito and SES clients are used by a few invitation and user routes, never by the first request
 * of a container. Every member of T must be an async method (IdentityDirectory, Mailer): each call
 * awaits the import, then the real method. A failed import is tried again by the next call. What the
 * caller reads synchronously (a directory's `createsSignIns`) is given up front in `known`.
 */
export function deferred<T extends object>(load: () => Promise<T>, known: Partial<T> = {}): T {
  let loading: Promise<T> | undefined;
  const target = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return new Proxy({} as T, {
    get(_, name) {
      // Not a thenable, and nothing for inspection (symbols): only the methods are deferred.
      if (typeof name === 'symbol' || name === 'then') return undefined;
      if (Object.hasOwn(known, name)) return (known as Record<string, unknown>)[name];
      return async (...args: unknown[]) => {
        const adapter = await target();
        const member = (adapter as Record<string, unknown>)[name];
        if (typeof member !== 'function') throw new TypeError(`The deferred adapter has no method ${name}`);
        return member.apply(adapter, args);
      };
    },
  });
}
