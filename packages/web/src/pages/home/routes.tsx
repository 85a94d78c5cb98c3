/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { gettingStarted, INCUBATION_STAFF, permits, Unauthenticated } from '@shegong/core';
import { adminRoleOf, TENANT_KINDS, type TenantKind } from '@shegong/domain';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { PageEnv, TokenSource } from '../../env.ts';
import { isLang, LANG_COOKIE } from '../../i18n/index.ts';
import { Card, DescriptionList, Tag } from '../../layout/components.tsx';
import { KindTag, RoleTags, regionName } from '../../layout/labels.tsx';
import { homeOf, MENUS } from '../../layout/menu.ts';
import { render } from '../../layout/render.ts';
import { PublicPage, Shell, signedIn } from '../../layout/shell.tsx';
import { authenticatePage, pageAccess } from '../../session/access.ts';
import { safeNext } from '../../session/next.ts';
import { ContractAlerts, contractAlerts } from '../contracts/dashboard.tsx';
import { isApiPath } from '../errors/middleware.ts';
import { errorPage } from '../errors/pages.tsx';
import { IncubationCard, incubationCardData } from '../incubation/card.tsx';
import { OrgRectificationCard, orgRectificationCard } from '../rectification/cards.tsx';
import { canReadRegistry, registry } from '../staff/routes.tsx';
import { STAFF, StaffCounts } from '../staff/views.tsx';
import { GettingStartedCard } from './getting-started.tsx';

const LANDING = { public: true, reason: 'the landing page and its sign-in button come before a session' } as const;
const LANGUAGE = { public: true, reason: 'choosing a language is a preference cookie, no data' } as const;
const NOT_FOUND = { public: true, reason: 'a page that answers “nothing here” for any unknown address' } as const;

/**
 * Routes whose kinds have this generic dashboard (the platform's home is its tenant list; a
 * bureau's is its own, pages/register/dashboard.tsx).
 */
const DASHBOARDS: Partial<Record<TenantKind, string>> = { org: '/org', incubator: '/incubator' };

export function homeRoutes(session: TokenSource) {
  const routes = new Hono<PageEnv>();

  routes.get('/', pageAccess(LANDING), async (c) => {
    // Signed in: straight to the home of the tenant's kind. A stale or foreign cookie is ignored.
    try {
      const { principal } = await authenticatePage(c, session);
      return c.redirect(homeOf(principal.kind), 302);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
    }
    const m = c.var.m;
    return render(
      c,
      <PublicPage c={c} title={m.landing.signIn} wide>
        <section class="hero" aria-labelledby="hero-title">
          <h1 class="hero-title" id="hero-title">
            {m.landing.title}
          </h1>
          <p class="hero-lead">{m.landing.lead}</p>
          <ul class="hero-points">
            {m.landing.points.map((point) => (
              <li>{point}</li>
            ))}
          </ul>
          <a class="btn btn-primary btn-large" href="/auth/login">
            {m.landing.signIn}
          </a>
          <p class="hero-note">{m.landing.noAccount}</p>
        </section>
      </PublicPage>,
    );
  });

  for (const [kind, path] of Object.entries(DASHBOARDS) as [TenantKind, string][]) {
    routes.get(path, pageAccess({ kinds: [kind], roles: 'any' }, session), async (c) => {
      const m = c.var.m;
      const who = await signedIn(c);
      const [staff, contracts, progress, orgFindings, incubation] = await Promise.all([
        canReadRegistry(c) ? registry(c) : undefined,
        contractAlerts(c),
        kind === 'org' ? gettingStarted(c.var.ctx) : undefined,
        // A base's own contracts (P-I1) have findings to answer like an organisation's.
        orgRectificationCard(c),
        // Intake is the base's admin's and operators' work; its project roles (P-I1) see their own cards.
        kind === 'incubator' && permits(INCUBATION_STAFF, c.var.principal) ? incubationCardData(c.var.ctx) : undefined,
      ]);
      return render(
        c,
        <Shell c={c} who={who} title={m.dashboard.title} lead={m.dashboard.welcome(who.user.name)}>
          {progress && !progress.done ? <GettingStartedCard c={c} progress={progress} /> : null}
          <div class="grid-2">
            {incubation ? <IncubationCard c={c} {...incubation} /> : null}
            <Card title={m.dashboard.organisation} id="organisation">
              <DescriptionList
                items={[
                  [m.dashboard.name, who.tenant.name],
                  [m.dashboard.kind, <KindTag m={m} kind={who.tenant.kind} />],
                  [m.dashboard.region, regionName(who.tenant.region, c.var.lang)],
                  [m.dashboard.yourRoles, <RoleTags m={m} kind={who.principal.kind} roles={who.principal.roles} />],
                ]}
              />
              <div class="actions">
                <a class="btn" href="/my/organisation">
                  {who.principal.roles.includes(adminRoleOf(kind)) ? m.dashboard.manageMembers : m.nav.myOrganisation}
                </a>
              </div>
            </Card>
            {staff ? (
              <Card title={m.dashboard.staffAlerts} id="staff-alerts">
                {staff.context.ruleSet ? <StaffCounts c={c} counts={staff.counts} /> : <p>{m.dashboard.noRuleSet}</p>}
                <div class="actions">
                  <a class="btn" href={STAFF}>
                    {m.dashboard.openStaff(staff.all.length)}
                  </a>
                </div>
              </Card>
            ) : null}
            {contracts ? <ContractAlerts c={c} data={contracts} /> : null}
            {orgFindings && (orgFindings.toAnswer || orgFindings.overdue) ? (
              <OrgRectificationCard c={c} counts={orgFindings} />
            ) : null}
          </div>
        </Shell>,
      );
    });
  }

  // Features later issues build: shown in the menu, answered by a "coming soon" page.
  for (const kind of TENANT_KINDS) {
    for (const entry of MENUS[kind].filter((e) => e.soon)) {
      routes.get(entry.href, pageAccess({ kinds: [kind], roles: 'any' }, session), async (c) => {
        const m = c.var.m;
        const who = await signedIn(c);
        return render(
          c,
          <Shell c={c} who={who} title={m.nav[entry.label]}>
            <Card>
              <div class="coming-soon">
                <Tag tone="blue">{m.soon.badge}</Tag>
                <p>{m.soon.lead}</p>
                <a class="btn" href={homeOf(kind)}>
                  {m.soon.back}
                </a>
              </div>
            </Card>
          </Shell>,
        );
      });
    }
  }

  // The language switch: a link (works without script), remembered for a year.
  routes.get('/lang/:lang', pageAccess(LANGUAGE), (c) => {
    const lang = c.req.param('lang');
    const next = safeNext(c.req.query('next'));
    if (!isLang(lang)) return c.redirect(next, 303);
    setCookie(c, LANG_COOKIE, lang, {
      maxAge: 365 * 24 * 3600,
      path: '/',
      sameSite: 'Lax',
      httpOnly: true,
      secure: c.var.pages.config.secureCookies,
    });
    return c.redirect(next, 303);
  });

  return routes;
}

/** Last of all: any other address is a friendly 404 page (the API keeps its problem answer). */
export function notFoundRoute() {
  return new Hono<PageEnv>().get('*', pageAccess(NOT_FOUND), async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    return errorPage(c, 404, 'notFound');
  });
}
