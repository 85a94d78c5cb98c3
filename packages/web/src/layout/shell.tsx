/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  applicationsWaiting,
  awardClaimsWaiting,
  contractsAwaitingAction,
  organisationRectificationCounts,
  reviewsWaiting,
} from '@shegong/core';
import type { Principal, TenantRecord, UserRecord } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../env.ts';
import type { Messages } from '../i18n/index.ts';
import { currentPath } from '../session/next.ts';
import { CsrfInput } from './components.tsx';
import { Document } from './document.tsx';
import { Icon } from './icons.tsx';
import { activeEntry, homeOf, type MenuCount, visibleEntries } from './menu.ts';

/** Who is signed in and where: what the shell shows on every page. */
export interface SignedIn {
  principal: Principal;
  user: UserRecord;
  tenant: TenantRecord;
  /** The menu's badges: counts of what waits for this member (menu.ts MenuCount). */
  counts?: Partial<Record<MenuCount, number>>;
}

/**
 * What each menu count is, for a member whose menu shows it: one COUNT Query each, bounded by
 * what waits (the bureau's queue, the organisation's returned drafts).
 */
const COUNTERS: Record<MenuCount, (c: Context<PageEnv>) => Promise<number>> = {
  reviewsWaiting: (c) => reviewsWaiting(c.var.ctx),
  contractsReturned: async (c) => (await contractsAwaitingAction(c.var.ctx)).returned,
  rectificationsToAnswer: async (c) => (await organisationRectificationCounts(c.var.ctx)).attention,
  applicationsWaiting: (c) => applicationsWaiting(c.var.ctx),
  awardClaimsWaiting: (c) => awardClaimsWaiting(c.var.ctx),
};

/** Reads the signed-in user's tenant (the principal and user were set by `authorize`) and the menu's counts. */
export async function signedIn(c: Context<PageEnv>): Promise<SignedIn> {
  const { principal } = c.var;
  const counted = visibleEntries(principal.kind, principal.roles).flatMap((e) => (e.count ? [e.count] : []));
  const [tenant, counts] = await Promise.all([
    c.var.repos.tenant.get(),
    Promise.all(counted.map(async (name) => [name, await COUNTERS[name](c)] as const)),
  ]);
  return { principal, user: c.var.user, tenant, counts: Object.fromEntries(counts) };
}

export interface Crumb {
  label: string;
  href?: string;
}

function LanguageSwitch(props: { m: Messages; path: string }) {
  const { m } = props;
  return (
    <a
      class="lang-switch"
      href={`/lang/${m.meta.switchLang}?next=${encodeURIComponent(props.path)}`}
      lang={m.meta.switchLang}
      hreflang={m.meta.switchLang}
      title={m.meta.switchLabel}
    >
      <span aria-hidden="true" class="lang-globe">
        文/A
      </span>{' '}
      {m.meta.switchTo}
    </a>
  );
}

function Brand(props: { m: Messages; href: string }) {
  return (
    <a class="brand" href={props.href}>
      <span class="brand-mark" aria-hidden="true">
        社
      </span>
      <span class="brand-name">{props.m.app.product}</span>
    </a>
  );
}

function Menu(props: { m: Messages; who: SignedIn; path: string }) {
  const { m, who } = props;
  const active = activeEntry(who.principal.kind, props.path);
  return (
    <nav class="menu" aria-label={m.nav.label}>
      <ul>
        {visibleEntries(who.principal.kind, who.principal.roles).map((entry) => (
          <li>
            <a
              class={`menu-item${entry === active ? ' is-active' : ''}`}
              href={entry.href}
              aria-current={entry === active ? 'page' : undefined}
            >
              <Icon name={entry.icon} />
              <span class="menu-label">{m.nav[entry.label]}</span>
              {entry.soon ? <span class="menu-soon">{m.nav.soon}</span> : null}
              {entry.count && who.counts?.[entry.count] ? (
                <>
                  <span class="menu-count" title={m.common.waiting(who.counts[entry.count] ?? 0)} aria-hidden="true">
                    {String(who.counts[entry.count])}
                  </span>
                  <span class="visually-hidden">{` (${m.common.waiting(who.counts[entry.count] ?? 0)})`}</span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Signing out is a form post (CSRF-protected), not a link: a link could be triggered by another site. */
function SignOut(props: { m: Messages; token: string }) {
  return (
    <form class="signout" method="post" action="/auth/logout">
      <CsrfInput token={props.token} />
      <button type="submit" class="btn-link">
        {props.m.header.signOut}
      </button>
    </form>
  );
}

function Breadcrumbs(props: { m: Messages; crumbs: readonly Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={props.m.nav.breadcrumbs}>
      <ol>
        {props.crumbs.map((crumb) => (
          <li>
            {crumb.href ? <a href={crumb.href}>{crumb.label}</a> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The admin shell (Ant Design's pattern): top bar with product, tenant, user, language and
 * sign-out; the left menu of the tenant's kind (a disclosure on a phone, no script needed);
 * breadcrumbs and a page header with the title and the primary action.
 */
export function Shell(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  title: string;
  crumbs?: readonly Crumb[];
  actions?: Child;
  lead?: string;
  /** The page's GET address, when it is rendered in answer to a form post (for the language switch). */
  here?: string;
  children: Child;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const path = props.here ?? currentPath(c.req.url);
  const home = homeOf(who.principal.kind);
  // On the home page itself a "home" crumb would point to where the user already is.
  const atHome = new URL(c.req.url).pathname === home;
  const crumbs: Crumb[] = [
    ...(atHome ? [] : [{ label: m.nav.home, href: home }]),
    ...(props.crumbs ?? []),
    { label: props.title },
  ];
  const tenantName = c.var.lang === 'en' && who.tenant.nameEn ? who.tenant.nameEn : who.tenant.name;
  return (
    <Document m={m} title={props.title} bodyClass="app">
      <header class="topbar">
        <div class="topbar-inner">
          <details class="mobile-nav">
            <summary class="mobile-nav-toggle">
              <Icon name="menu" />
              <span>{m.nav.menu}</span>
            </summary>
            <div class="mobile-panel">
              <Menu m={m} who={who} path={new URL(c.req.url).pathname} />
              <div class="mobile-account">
                <span class="mobile-account-name">
                  {who.user.name} · {tenantName}
                </span>
                <SignOut m={m} token={c.var.csrfToken} />
              </div>
            </div>
          </details>
          <Brand m={m} href={home} />
          <span class="topbar-tenant" title={m.header.organisation}>
            {tenantName}
          </span>
          <div class="topbar-right">
            <LanguageSwitch m={m} path={path} />
            <span class="topbar-user">
              <span class="avatar" aria-hidden="true">
                {Array.from(who.user.name)[0] ?? '?'}
              </span>
              <span class="visually-hidden">{m.header.account}</span>
              <span class="user-name">{who.user.name}</span>
            </span>
            <SignOut m={m} token={c.var.csrfToken} />
          </div>
        </div>
      </header>
      <div class="layout">
        <aside class="sider">
          <Menu m={m} who={who} path={new URL(c.req.url).pathname} />
        </aside>
        <main id="main" class="content" tabindex={-1}>
          <div class="page-header">
            <Breadcrumbs m={m} crumbs={crumbs} />
            <div class="page-header-main">
              <h1 class="page-title">{props.title}</h1>
              {props.actions ? <div class="page-actions">{props.actions}</div> : null}
            </div>
            {props.lead ? <p class="lead">{props.lead}</p> : null}
          </div>
          {props.children}
        </main>
      </div>
      <footer class="footer">
        <span>{m.app.footer}</span>
        <a href="/v1/docs">{m.app.apiDocs}</a>
      </footer>
    </Document>
  );
}

/** Pages for people who are not signed in (landing, invitations, errors): a narrow column. */
export function PublicPage(props: {
  c: Context<PageEnv>;
  title: string;
  wide?: boolean;
  refreshTo?: string;
  here?: string;
  children: Child;
}) {
  const m = props.c.var.m;
  return (
    <Document m={m} title={props.title} bodyClass="public" {...(props.refreshTo ? { refreshTo: props.refreshTo } : {})}>
      <header class="topbar">
        <div class="topbar-inner">
          <Brand m={m} href="/" />
          <div class="topbar-right">
            <LanguageSwitch m={m} path={props.here ?? currentPath(props.c.req.url)} />
          </div>
        </div>
      </header>
      <main id="main" class={`public-main${props.wide ? ' public-wide' : ''}`} tabindex={-1}>
        {props.children}
      </main>
      <footer class="footer">
        <span>{m.app.footer}</span>
      </footer>
    </Document>
  );
}
