/** Failures the HTTP layer maps to problem responses. The store never speaks HTTP itself. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'stale_version' | 'conflict' | 'bad_cursor' | 'idempotency_mismatch',
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const notFound = (entity: string) => new StoreError('not_found', `${entity} not found`);
export const staleVersion = (entity: string) =>
  new StoreError('stale_version', `${entity} was changed by someone else; reload it and try again`);
export const conflict = (message: string, detail: Record<string, unknown> = {}) =>
  new StoreError('conflict', message, detail);
