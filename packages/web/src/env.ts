import type { CoreDeps, UseCaseContext } from '@shegong/core';
import type { Principal, TenantRecord, UserRecord } from '@shegong/domain';
import type { TenantRepositories } from '@shegong/store';
import type { Context } from 'hono';
import type { Lang, Messages } from './i18n/index.ts';
import type { PageCookies } from './session/cookies.ts';
import type { OidcClient, OidcConfig } from './session/oidc.ts';

export interface PagesConfig {
  oidc: OidcConfig;
  /** True behind HTTPS: cookies get Secure and the `__Host-` prefix. */
  secureCookies: boolean;
  /** How to reach the platform's operator (an e-mail address or phone), shown to a suspended organisation's members. */
  supportContact?: string;
}

/** Where a page request's session comes from: the secret in the session cookie. */
export type TokenSource = (c: Context) => string | undefined;

/** What the pages share, built once by mountPages. */
export interface PageServices {
  config: PagesConfig;
  cookies: PageCookies;
  oidc: OidcClient;
  /** The session cookie's secret, as `pageAccess` reads it. */
  sessionToken: TokenSource;
}

/** What every page request knows: the core's deps, the member (once admitted), language, messages, CSRF token. */
export type PageEnv = {
  Variables: {
    requestId: string;
    deps: CoreDeps;
    /** Set by `pageAccess` on every non-public page, from the verified session token only. */
    principal: Principal;
    repos: TenantRepositories;
    user: UserRecord;
    tenant: TenantRecord;
    /** What the core's use cases run with for this member. */
    ctx: UseCaseContext;
    lang: Lang;
    m: Messages;
    csrfToken: string;
    pages: PageServices;
  };
};
