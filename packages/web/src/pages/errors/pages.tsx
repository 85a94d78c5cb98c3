/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TenantSuspended } from '@shegong/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PageEnv } from '../../env.ts';
import { langOf, type Messages, messagesFor } from '../../i18n/index.ts';
import { render } from '../../layout/render.ts';
import { PublicPage, Shell, signedIn } from '../../layout/shell.tsx';

export type ErrorKind =
  | 'notFound'
  | 'forbidden'
  | 'csrf'
  | 'unreadableForm'
  | 'signIn'
  | 'signInRefused'
  | 'inactive'
  | 'problem'
  | 'server';

function texts(m: Messages, kind: ErrorKind): { title: string; body: string } {
  const p = m.errorPages;
  switch (kind) {
    case 'notFound':
      return { title: p.notFoundTitle, body: p.notFound };
    case 'forbidden':
      return { title: p.forbiddenTitle, body: p.forbidden };
    case 'csrf':
      return { title: p.csrfTitle, body: p.csrf };
    case 'unreadableForm':
      return { title: p.unreadableFormTitle, body: p.unreadableForm };
    case 'signIn':
      return { title: p.signInTitle, body: p.signIn };
    case 'signInRefused':
      return { title: p.signInTitle, body: p.signInRefused };
    case 'inactive':
      return { title: p.inactiveTitle, body: p.inactive };
    case 'problem':
      return { title: p.serverTitle, body: m.errors.generic };
    case 'server':
      return { title: p.serverTitle, body: p.server };
  }
}

/**
 * A friendly error page. A signed-in user keeps the shell (menu, sign-out); anyone else gets the
 * public layout. Sign-in problems offer to sign in again.
 */
export async function errorPage(c: Context<PageEnv>, status: ContentfulStatusCode, kind: ErrorKind): Promise<Response> {
  const m = c.var.m ?? messagesFor(langOf(c));
  if (!c.var.m) c.set('m', m);
  const { title, body } = texts(m, kind);
  const signInAgain = kind === 'signIn' || kind === 'signInRefused';
  const content = (withHeading: boolean) => (
    <div class="status-page">
      <span class="status-code" aria-hidden="true">
        {status}
      </span>
      {withHeading ? <h1>{title}</h1> : null}
      <p>{body}</p>
      {kind === 'server' || kind === 'problem' ? (
        <p class="muted mono">{m.errorPages.requestId(c.var.requestId ?? '')}</p>
      ) : null}
      <div class="actions">
        {signInAgain ? (
          <a class="btn btn-primary" href="/auth/login">
            {m.errorPages.signInAgain}
          </a>
        ) : (
          <a class="btn btn-primary" href="/">
            {m.errorPages.home}
          </a>
        )}
      </div>
    </div>
  );
  if (c.var.principal && c.var.user && c.var.repos && kind !== 'inactive') {
    try {
      const who = await signedIn(c);
      return render(
        c,
        <Shell c={c} who={who} title={title}>
          {content(false)}
        </Shell>,
        status,
      );
    } catch {
      // The tenant could not be read: fall back to the plain layout below.
    }
  }
  return render(
    c,
    <PublicPage c={c} title={title}>
      {content(true)}
    </PublicPage>,
    status,
  );
}

/**
 * What a member of a suspended organisation sees, at sign-in and on any page: which organisation,
 * that nothing is lost, and whom to contact (the platform's operator, and its address where the
 * deployment gives one). The reason the platform recorded is for the platform only.
 */
export function suspendedPage(c: Context<PageEnv>, refusal: TenantSuspended): Promise<Response> {
  const m = c.var.m ?? messagesFor(langOf(c));
  if (!c.var.m) c.set('m', m);
  const p = m.platform;
  const { name, nameEn } = refusal.tenant;
  const org = c.var.lang === 'en' && nameEn ? nameEn : name;
  const contact = c.var.pages?.config.supportContact;
  return render(
    c,
    <PublicPage c={c} title={p.suspendedTitle}>
      <div class="status-page" data-testid="tenant-suspended">
        <span class="result-icon result-icon-warn" aria-hidden="true">
          !
        </span>
        <h1>{p.suspendedTitle}</h1>
        <p>{p.suspendedLead(org)}</p>
        <p>{p.suspendedContact}</p>
        {contact ? <p class="mono">{p.suspendedContactAt(contact)}</p> : null}
        <div class="actions">
          <a class="btn" href="/">
            {m.errorPages.home}
          </a>
        </div>
      </div>
    </PublicPage>,
    403,
  );
}
