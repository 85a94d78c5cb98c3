import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { KIND_LABELS, ROLE_LABELS } from '../labels.ts';
import type { DemoUser } from '../seed/demo-data.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The brand mark as a data: URL (the CSP allows data: images), so the page asks for no favicon. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0958d9"/><text x="16" y="22.5" font-size="18" text-anchor="middle" fill="#fff" font-family="sans-serif">社</text></svg>',
)}`;

/**
 * The local issuer's pages. Self-contained (stylesheet and script served by the issuer itself),
 * because the app's Content-Security-Policy allows no inline style or script, and nothing from
 * outside: Shegong must work in networks that reach nothing else.
 */
function layout(options: { base: string; title: string; body: Html }) {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title}</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="${options.base}/assets/signin.css">
<script src="${options.base}/assets/signin.js" defer></script>
</head>
<body>
<main class="shell">${options.body}</main>
</body>
</html>`;
}

const brand = html`<div class="brand">
  <span class="mark" aria-hidden="true">社</span>
  <span class="brand-text"><strong>Shegong 社工</strong><span>本地登录 · Local sign-in</span></span>
</div>`;

const localNotice = html`<p class="notice" role="note">
  <strong>本页面仅存在于本地系统。</strong>正式部署时，登录由 Cognito 或贵机构的 OIDC 身份提供方负责。
  <span class="en">This page exists only in the local system; a deployment signs people in through Cognito or another OIDC provider.</span>
</p>`;

export interface SignInPage {
  base: string;
  /** Where the form posts: the issuer's authorization endpoint. */
  action: string;
  /** The checked authorization request, repeated in hidden fields. */
  params: Record<string, string>;
  email?: string;
  error?: { zh: string; en: string };
  demoUsers: readonly DemoUser[];
  demoPassword: string;
}

export function signInPage(page: SignInPage) {
  const hidden = Object.entries(page.params).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  const body = html`<section class="card signin" aria-labelledby="signin-title">
  ${brand}
  <h1 id="signin-title">登录 <span class="en">Sign in</span></h1>
  ${page.error ? html`<p class="error" role="alert">${page.error.zh} <span class="en">${page.error.en}</span></p>` : ''}
  <form method="post" action="${page.action}" class="signin-form">
    ${hidden}
    <label for="email">邮箱 <span class="en">E-mail</span></label>
    <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${page.email ?? ''}"${page.email ? '' : raw(' autofocus')}>
    <label for="password">密码 <span class="en">Password</span></label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128"${page.email ? raw(' autofocus') : ''}>
    <button type="submit">登录 <span class="en">Sign in</span></button>
  </form>
  ${localNotice}
</section>
${demoTable(page.demoUsers, page.demoPassword)}`;
  return layout({ base: page.base, title: '登录 Sign in · Shegong 社工', body });
}

function demoTable(users: readonly DemoUser[], password: string) {
  if (users.length === 0) return '';
  // One group per tenant: its name once, then its users by role.
  const tenants = [...new Map(users.map((u) => [u.tenant.id, u.tenant])).values()];
  const groups = tenants.map(
    (tenant) => html`<tbody>
  <tr class="tenant"><th colspan="2" scope="rowgroup">${tenant.name}<span class="kind">${KIND_LABELS[tenant.kind].zh}</span><span class="en">${tenant.nameEn}</span></th></tr>
  ${users
    .filter((u) => u.tenant.id === tenant.id)
    .map(
      (user) => html`<tr>
    <td><button type="button" class="fill" data-email="${user.email}" data-password="${password}" title="填入 Fill in">${user.email}</button></td>
    <td>${ROLE_LABELS[user.role].zh}<span class="en">${ROLE_LABELS[user.role].en}</span></td>
  </tr>`,
    )}
</tbody>`,
  );
  return html`<section class="card demo" aria-labelledby="demo-title">
  <h2 id="demo-title">演示账号 <span class="en">Demo sign-ins</span></h2>
  <p>所有演示账号的密码都是 <code class="password">${password}</code>
    <span class="en">Every demo sign-in uses this password.</span></p>
  <p class="muted">每个机构的每种角色各有一位用户；点击邮箱即可填入。
    <span class="en">One user of every role in each tenant; click an address to fill in the form.</span></p>
  <div class="table-wrap">
  <table>
    <thead><tr><th scope="col">邮箱 <span class="en">E-mail</span></th><th scope="col">角色 <span class="en">Role</span></th></tr></thead>
    ${groups}
  </table>
  </div>
</section>`;
}

/** Shown when the request cannot be answered at its return address (unknown client or address). */
export function problemPage(base: string, message: { zh: string; en: string }) {
  const body = html`<section class="card signin">
  ${brand}
  <h1>无法登录 <span class="en">Cannot sign in</span></h1>
  <p class="error" role="alert">${message.zh} <span class="en">${message.en}</span></p>
  <p>请回到应用重新开始登录。<span class="en">Go back to the application and start signing in again.</span></p>
  ${localNotice}
</section>`;
  return layout({ base, title: '无法登录 Cannot sign in · Shegong 社工', body });
}

export function signedOutPage(base: string, home: string) {
  const body = html`<section class="card signin">
  ${brand}
  <h1>已退出登录 <span class="en">Signed out</span></h1>
  <p>您已安全退出。<span class="en">You have signed out.</span></p>
  <p><a class="button" href="${home}">返回首页 <span class="en">Back to Shegong</span></a></p>
</section>`;
  return layout({ base, title: '已退出 Signed out · Shegong 社工', body });
}
