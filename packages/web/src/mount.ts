import type { ShegongApp } from '@shegong/http';
import { Hono } from 'hono';
import { assetRoutes } from './assets/routes.ts';
import type { PageEnv, PageServices, PagesConfig } from './env.ts';
import { actualRoutes } from './pages/actuals/routes.tsx';
import { pageContext } from './pages/context.ts';
import { contractExportRoutes } from './pages/contract-exports/routes.tsx';
import { contractRoutes } from './pages/contracts/routes.tsx';
import { pageErrors } from './pages/errors/middleware.ts';
import { homeRoutes, notFoundRoute } from './pages/home/routes.tsx';
import { importRoutes } from './pages/imports/routes.tsx';
import { inviteRoutes } from './pages/invite/routes.tsx';
import { ladderRoutes } from './pages/ladder/routes.tsx';
import { organisationRoutes } from './pages/organisation/routes.tsx';
import { platformRoutes } from './pages/platform/routes.tsx';
import { priceFloorRoutes } from './pages/price-floor/routes.tsx';
import { rulesRoutes } from './pages/rules/routes.tsx';
import { staffRoutes } from './pages/staff/routes.tsx';
import { PageCookies } from './session/cookies.ts';
import { oidcClient } from './session/oidc.ts';
import { authRoutes, sessionTokenSource } from './session/routes.tsx';

/**
 * Adds the pages and their assets to the app that serves the API, so one Lambda (or one local
 * server) answers both. Every page route declares its access with `authorize` from
 * @shegong/http, reading the session cookie instead of a bearer token; the isolation matrix
 * finds those policies like the API's.
 */
export function mountPages(app: ShegongApp, config: PagesConfig): void {
  const cookies = new PageCookies(config.secureCookies);
  const services: PageServices = {
    config,
    cookies,
    oidc: oidcClient(config.oidc),
    sessionToken: sessionTokenSource(cookies),
  };
  const session = services.sessionToken;
  const pages = new Hono<PageEnv>();
  // Errors first (it acts on the way out), then the context every page needs.
  pages.use('*', pageErrors, pageContext(services));
  pages
    .route('/', assetRoutes)
    .route('/', authRoutes)
    .route('/', homeRoutes(session))
    .route('/', organisationRoutes(session))
    .route('/', platformRoutes(session))
    .route('/', inviteRoutes)
    .route('/', rulesRoutes(session))
    // Before staff and ladder: /org/staff/import and the exports are not a person's or a level's address.
    .route('/', importRoutes(session))
    .route('/', staffRoutes(session))
    .route('/', ladderRoutes(session))
    // Before contracts: a contract's actuals and exports are deeper than the contract's own pages.
    .route('/', actualRoutes(session))
    .route('/', contractExportRoutes(session))
    .route('/', priceFloorRoutes(session))
    .route('/', contractRoutes(session))
    .route('/', notFoundRoute());
  app.route('/', pages);
}
