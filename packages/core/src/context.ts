import { chinaToday, type Principal, type TenantRecord } from '@shegong/domain';
import type { Store, TenantRepositories } from '@shegong/store';
import type { ImportRunner } from './imports/runner.ts';
import type { IdentityDirectory, Mailer } from './tenancy/identity.ts';
import type { TokenVerifier } from './tenancy/token.ts';

/** What day it is in China ('YYYY-MM-DD'): every date-dependent figure asks the clock, never the host. */
export interface Clock {
  today(): string;
}

/** What the system is built with, once per process: the store and the services behind the ports. */
export interface CoreDeps {
  store: Store;
  verifyToken: TokenVerifier;
  identity: IdentityDirectory;
  mailer?: Mailer;
  /** Where the pages are served; invitation links point here. */
  publicBaseUrl: string;
  /** Writes roster imports after the upload has been answered (in-process by default). */
  importRunner?: ImportRunner;
  /** Today's date in China ('YYYY-MM-DD'); tests fix it so date-dependent figures stay the same. */
  today?: () => string;
  /**
   * Resolves once `store` may be read. The API function loads its store on the first request that
   * needs it (functions/api/handler.ts), so the core awaits this before a request first reads the
   * table (tenancy/session.ts); without it the store is ready from the start.
   */
  ready?: () => Promise<void>;
}

export function clockOf(deps: Pick<CoreDeps, 'today'>): Clock {
  return { today: deps.today ?? (() => chinaToday()) };
}

/** A clock stopped on one day (tests, and code that acts as of a date). */
export function fixedClock(date: string): Clock {
  return { today: () => date };
}

/**
 * What a use case of a signed-in member runs with: their tenant, who they are, the store with the
 * tenant's repositories (built from the verified token only) and the clock.
 */
export interface UseCaseContext {
  tenant: TenantRecord;
  actor: Principal;
  store: Store;
  repos: TenantRepositories;
  clock: Clock;
}
