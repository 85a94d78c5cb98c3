import type { AppEnv, TokenSource } from '@shegong/http';
import type { Lang, Messages } from './i18n/index.ts';
import type { PageCookies } from './session/cookies.ts';
import type { OidcClient, OidcConfig } from './session/oidc.ts';

export interface PagesConfig {
  oidc: OidcConfig;
  /** True behind HTTPS: cookies get Secure and the `__Host-` prefix. */
  secureCookies: boolean;
}

/** What the pages share, built once by mountPages. */
export interface PageServices {
  config: PagesConfig;
  cookies: PageCookies;
  oidc: OidcClient;
  /** The session cookie as a token source for `authorize`. */
  sessionToken: TokenSource;
}

/** The API's environment plus what every page request knows: language, messages, CSRF token. */
export type PageEnv = {
  Variables: AppEnv['Variables'] & {
    lang: Lang;
    m: Messages;
    csrfToken: string;
    pages: PageServices;
  };
};
