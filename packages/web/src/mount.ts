import { type CoreDeps, MAX_IMPORT_BYTES } from '@shegong/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { assetRoutes } from './assets/routes.ts';
import type { PageEnv, PageServices, PagesConfig } from './env.ts';
import { actualRoutes } from './pages/actuals/routes.tsx';
import { bureauAwardRoutes } from './pages/awards/bureau-routes.tsx';
import { incentivesExtraRoutes } from './pages/awards/extra-routes.tsx';
import { orgAwardRoutes } from './pages/awards/org-routes.tsx';
import { basesRoutes } from './pages/bases/routes.tsx';
import { pageContext } from './pages/context.ts';
import { contractExportRoutes } from './pages/contract-exports/routes.tsx';
import { contractRoutes } from './pages/contracts/routes.tsx';
import { isApiPath, pageErrors } from './pages/errors/middleware.ts';
import { evaluationRoutes } from './pages/evaluations/routes.tsx';
import { homeRoutes, notFoundRoute } from './pages/home/routes.tsx';
import { IMPORT_PAGE, importRoutes } from './pages/imports/routes.tsx';
import { incubationRegisterRoutes } from './pages/incubation/register-routes.tsx';
import { incubationRoutes } from './pages/incubation/routes.tsx';
import { incubationSupportRoutes } from './pages/incubation/support-routes.tsx';
import { inviteRoutes } from './pages/invite/routes.tsx';
import { ladderRoutes } from './pages/ladder/routes.tsx';
import { myRecordRoutes } from './pages/my-record/routes.tsx';
import { organisationRoutes } from './pages/organisation/routes.tsx';
import { platformRoutes } from './pages/platform/routes.tsx';
import { priceFloorRoutes } from './pages/price-floor/routes.tsx';
import { rectificationRoutes } from './pages/rectification/routes.tsx';
import { registerRoutes } from './pages/register/routes.tsx';
import { reviewRoutes } from './pages/reviews/routes.tsx';
import { rulesRoutes } from './pages/rules/routes.tsx';
import { privacyPageRoutes } from './pages/staff/privacy.tsx';
import { staffRoutes } from './pages/staff/routes.tsx';
import { targetMapRoutes } from './pages/targets/map-routes.tsx';
import { postingPageRoutes } from './pages/targets/posting-routes.tsx';
import { targetRoutes } from './pages/targets/routes.tsx';
import { PageCookies } from './session/cookies.ts';
import { oidcClient } from './session/oidc.ts';
import { authRoutes, sessionTokenSource } from './session/routes.tsx';

/** The most a page form may send: a roster upload up to 5 MB, anything else 1 MB. */
const FORM_LIMIT = 1024 * 1024;
const tooLarge = () => {
  throw new HTTPException(413, { message: 'The form is too large' });
};
const bodyLimits = {
  usual: bodyLimit({ maxSize: FORM_LIMIT, onError: tooLarge }),
  upload: bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: tooLarge }),
};

/** What the pages are mounted on: an app that serves other routes too (the API's, in one function). */
export interface HostApp {
  route(path: string, app: Hono<PageEnv>): unknown;
}

/**
 * Adds the pages and their assets to the app that serves the API, so one Lambda (or one local
 * server) answers both. The pages run the core's use cases themselves, with the same deps; every
 * page route declares its access with the core's policies (`pageAccess`, reading the session
 * cookie), so the isolation matrix finds them like the API's.
 */
export function mountPages(app: HostApp, deps: CoreDeps, config: PagesConfig): void {
  const cookies = new PageCookies(config.secureCookies);
  const services: PageServices = {
    config,
    cookies,
    oidc: oidcClient(config.oidc),
    sessionToken: sessionTokenSource(cookies),
  };
  const session = services.sessionToken;
  const pages = new Hono<PageEnv>();
  // Errors first (it acts on the way out), then the context every page needs. The pages' middleware
  // sees the API's paths too (they share the app): those pass through untouched.
  pages.use('*', pageErrors, async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    c.set('deps', deps);
    return (c.req.path === IMPORT_PAGE ? bodyLimits.upload : bodyLimits.usual)(c, next);
  });
  pages.use('*', pageContext(services));
  pages
    .route('/', assetRoutes)
    .route('/', authRoutes)
    .route('/', registerRoutes(session))
    .route('/', basesRoutes(session))
    .route('/', targetRoutes(session))
    .route('/', targetMapRoutes(session))
    .route('/', incubationRegisterRoutes(session))
    .route('/', homeRoutes(session))
    .route('/', incubationSupportRoutes(session))
    .route('/', incentivesExtraRoutes(session))
    .route('/', organisationRoutes(session))
    .route('/', platformRoutes(session))
    .route('/', inviteRoutes)
    .route('/', rulesRoutes(session))
    .route('/', evaluationRoutes(session))
    // Before staff and ladder: /org/staff/import and the exports are not a person's or a level's address.
    .route('/', importRoutes(session))
    .route('/', postingPageRoutes(session))
    .route('/', privacyPageRoutes(session))
    .route('/', staffRoutes(session))
    .route('/', myRecordRoutes(session))
    .route('/', ladderRoutes(session))
    // Before contracts: a contract's actuals and exports are deeper than the contract's own pages.
    .route('/', actualRoutes(session))
    .route('/', contractExportRoutes(session))
    .route('/', priceFloorRoutes(session))
    .route('/', contractRoutes(session))
    .route('/', reviewRoutes(session))
    .route('/', orgAwardRoutes(session))
    .route('/', bureauAwardRoutes(session))
    .route('/', rectificationRoutes(session))
    .route('/', incubationRoutes(session))
    .route('/', notFoundRoute());
  app.route('/', pages);
}
