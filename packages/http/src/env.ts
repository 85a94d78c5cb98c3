import type { Principal, TenantRecord, UserRecord } from '@shegong/domain';
import type { Store, TenantRepositories } from '@shegong/store';
import type { TokenVerifier } from './auth/verifier.ts';
import type { IdentityDirectory, Mailer } from './identity/directory.ts';
import type { ImportRunner } from './imports/operations.ts';

export interface AppDeps {
  store: Store;
  verifyToken: TokenVerifier;
  identity: IdentityDirectory;
  mailer?: Mailer;
  /** Where the pages are served; invitation links point here. */
  publicBaseUrl: string;
  /** Origins allowed to call the API from a browser; none by default (CORS closed). */
  corsOrigins?: string[];
  maxBodyBytes?: number;
  /** Writes roster imports after the upload's response (in-process by default; see imports/operations.ts). */
  importRunner?: ImportRunner;
  /** Today's date in China ('YYYY-MM-DD'); tests fix it so date-dependent figures stay the same. */
  today?: () => string;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by `authorize` on every non-public route. */
    principal: Principal;
    repos: TenantRepositories;
    /** The signed-in user's record, read once by `authorize`. */
    user: UserRecord;
    /** The signed-in user's tenant, read once by `authorize`. */
    tenant: TenantRecord;
  };
};
