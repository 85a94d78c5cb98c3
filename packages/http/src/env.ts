import type { CoreDeps, UseCaseContext } from '@shegong/core';
import type { Principal, TenantRecord, UserRecord } from '@shegong/domain';
import type { TenantRepositories } from '@shegong/store';
import type { ThrottleSettings } from './throttle/throttle.ts';

/** What the API is built with: the core's dependencies and the API's own settings. */
export interface AppDeps extends CoreDeps {
  /** Origins allowed to call the API from a browser; none by default (CORS closed). */
  corsOrigins?: string[];
  maxBodyBytes?: number;
  /** Per-tenant (and per-IP) rate limits on /v1 (throttle/throttle.ts); DEFAULT_THROTTLE unless set, none with false. */
  throttle?: ThrottleSettings | false;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by `authorize` on every non-public route, from the verified token only. */
    principal: Principal;
    repos: TenantRepositories;
    user: UserRecord;
    tenant: TenantRecord;
    /** What the core's use cases run with for this member. */
    ctx: UseCaseContext;
    /** The matched route's pattern, set by the part of /v1 that served the request (app.ts `lazyApi`). */
    route: string;
  };
};
