/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  acceptInvitation,
  asRefusal,
  Conflict,
  NotFound,
  previewInvitation,
  SignInExists,
  SignInsNotManaged,
} from '@shegong/core';
import { Acceptance, type InvitationRecord, type TenantRecord } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';
import { setFlash, takeFlash } from '../../flash/flash.ts';
import { failingFields, hiddenCharacterFields, readForm } from '../../forms/form.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  TextField,
} from '../../layout/components.tsx';
import { Icon } from '../../layout/icons.tsx';
import { RoleTags } from '../../layout/labels.tsx';
import { render } from '../../layout/render.ts';
import { PublicPage } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';

const INVITEE = { public: true, reason: 'the invitee has no account yet; the link’s token is the credential' } as const;

type Preview = { invitation: InvitationRecord; tenant: TenantRecord };

/** The invitation behind a link, or undefined for a link that names none. */
async function findInvitation(c: Context<PageEnv>, token: string): Promise<Preview | undefined> {
  try {
    return await previewInvitation(c.var.deps, token);
  } catch (error) {
    if (asRefusal(error) instanceof NotFound) return undefined;
    throw error;
  }
}

/** A link that cannot be used: say why in plain words, and what to do. */
function Unusable(props: { c: Context<PageEnv>; preview: Preview | undefined }) {
  const { c, preview } = props;
  const a = c.var.m.accept;
  const org = preview ? tenantName(c, preview.tenant) : '';
  const [title, body] = !preview
    ? [a.invalidTitle, a.invalid]
    : preview.invitation.status === 'expired'
      ? [a.expiredTitle, a.expired(org, formatDate(preview.invitation.expiresOn, c.var.lang))]
      : preview.invitation.status === 'accepted'
        ? [a.usedTitle, a.used]
        : [a.revokedTitle, a.revoked(org)];
  return (
    <PublicPage c={c} title={title}>
      <div class="status-page">
        <span class="result-icon result-icon-warn" aria-hidden="true">
          !
        </span>
        <h1>{title}</h1>
        <p>{body}</p>
        {preview?.invitation.status === 'accepted' ? (
          <div class="actions">
            <a class="btn btn-primary" href="/auth/login">
              {a.signIn}
            </a>
          </div>
        ) : null}
      </div>
    </PublicPage>
  );
}

/**
 * The address can sign in already, here or elsewhere: one answer for both, naming no organisation,
 * since whoever holds the link (the inviter too) reads it.
 */
function HasSignIn(props: { c: Context<PageEnv> }) {
  const { c } = props;
  const p = c.var.m.platform;
  return (
    <PublicPage c={c} title={p.signInExistsTitle}>
      <div class="status-page">
        <span class="result-icon result-icon-warn" aria-hidden="true">
          !
        </span>
        <h1>{p.signInExistsTitle}</h1>
        <p>{p.signInExists}</p>
        <div class="actions">
          <a class="btn btn-primary" href="/auth/login">
            {c.var.m.accept.signIn}
          </a>
        </div>
      </div>
    </PublicPage>
  );
}

/**
 * The deployment's identity provider creates sign-ins itself and Shegong has no admin client of it:
 * instead of a form whose password could not be kept, what the operator must set up, to pass on.
 */
function ProviderManaged(props: { c: Context<PageEnv>; preview: Preview }) {
  const { c, preview } = props;
  const s = c.var.m.signInProvider;
  return (
    <PublicPage c={c} title={s.title}>
      <div class="status-page">
        <span class="result-icon result-icon-warn" aria-hidden="true">
          !
        </span>
        <h1>{s.title}</h1>
        <p>{s.lead(tenantName(c, preview.tenant))}</p>
        <h2 class="section-title">{s.whatToDo}</h2>
        <p>{s.operator}</p>
        <p class="muted">{s.stillValid(formatDate(preview.invitation.expiresOn, c.var.lang))}</p>
      </div>
    </PublicPage>
  );
}

function tenantName(c: Context<PageEnv>, tenant: TenantRecord): string {
  return c.var.lang === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name;
}

function AcceptPage(props: {
  c: Context<PageEnv>;
  token: string;
  preview: Preview;
  name: string;
  errors: readonly FieldError[];
}) {
  const { c, preview, errors } = props;
  const m = c.var.m;
  const a = m.accept;
  const org = tenantName(c, preview.tenant);
  return (
    <PublicPage c={c} title={a.title} here={`/invite/${props.token}`}>
      <div class="status-page">
        <ErrorSummary m={m} errors={errors} />
        <p class="muted">{a.title}</p>
        <h1>{a.invitedBy(org)}</h1>
        <DescriptionList
          items={[
            [a.organisation, org],
            [a.email, preview.invitation.email],
            [a.roles, <RoleTags m={m} kind={preview.tenant.kind} roles={preview.invitation.roles} />],
            [a.expires, formatDate(preview.invitation.expiresOn, c.var.lang)],
          ]}
        />
        <hr class="divider" />
        <h2 class="section-title">{a.formTitle}</h2>
        <form class="form" method="post" action={`/invite/${props.token}`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          {/* The e-mail is fixed by the invitation; password managers want it beside the password. */}
          <input type="hidden" name="username" value={preview.invitation.email} autocomplete="username" />
          <TextField
            m={m}
            id="name"
            name="name"
            label={a.name}
            hint={a.nameHint}
            value={props.name}
            error={errorFor(errors, 'name')}
            autocomplete="name"
            width="medium"
          />
          <TextField
            m={m}
            id="password"
            name="password"
            type="password"
            label={a.password}
            hint={a.passwordHint}
            error={errorFor(errors, 'password')}
            autocomplete="new-password"
            width="medium"
          />
          <TextField
            m={m}
            id="confirm"
            name="confirm"
            type="password"
            label={a.confirm}
            error={errorFor(errors, 'confirm')}
            autocomplete="new-password"
            width="medium"
          />
          <button type="submit" class="btn btn-primary btn-large">
            {a.submit}
          </button>
        </form>
      </div>
    </PublicPage>
  );
}

/** Accepting an invitation: public pages, the link's token is the credential. */
export const inviteRoutes = new Hono<PageEnv>()
  .get('/invite/joined', pageAccess(INVITEE), async (c) => {
    const flash = takeFlash(c, c.var.pages.cookies, 'joined');
    if (!flash) return c.redirect('/', 303);
    const a = c.var.m.accept;
    return render(
      c,
      <PublicPage c={c} title={a.joinedTitle(flash.org)}>
        <div class="status-page">
          <div class="panel-success" role="status">
            <span class="result-icon" aria-hidden="true">
              <Icon name="check" class="result-svg" />
            </span>
            <h1>{a.joinedTitle(flash.org)}</h1>
            <p>{a.joinedLead(flash.email)}</p>
          </div>
          <div class="actions">
            <a class="btn btn-primary btn-large" href="/auth/login">
              {a.signIn}
            </a>
          </div>
        </div>
      </PublicPage>,
    );
  })
  .get('/invite/:token', pageAccess(INVITEE), async (c) => {
    const token = c.req.param('token');
    const preview = await findInvitation(c, token);
    if (!preview) return render(c, <Unusable c={c} preview={undefined} />, 404);
    if (preview.invitation.status !== 'pending') return render(c, <Unusable c={c} preview={preview} />, 410);
    // The link is good; only the deployment cannot act on it yet: said plainly, with 200.
    if (c.var.deps.identity.createsSignIns === false) return render(c, <ProviderManaged c={c} preview={preview} />);
    return render(c, <AcceptPage c={c} token={token} preview={preview} name="" errors={[]} />);
  })
  .post('/invite/:token', pageAccess(INVITEE), async (c) => {
    const m = c.var.m;
    const token = c.req.param('token');
    const preview = await findInvitation(c, token);
    if (!preview) return render(c, <Unusable c={c} preview={undefined} />, 404);
    if (preview.invitation.status !== 'pending') return render(c, <Unusable c={c} preview={preview} />, 410);
    const form = await readForm(c);
    const name = form.text('name');
    const password = (await c.req.parseBody()).password;
    const confirm = (await c.req.parseBody()).confirm;
    const again = (errors: FieldError[]) =>
      render(c, <AcceptPage c={c} token={token} preview={preview} name={name} errors={errors} />, 400);

    // Passwords are taken as typed (no trimming): spaces may be part of them.
    const input = { name, password: typeof password === 'string' ? password : '' };
    const parsed = Acceptance.safeParse(input);
    const errors: FieldError[] = [];
    const fields = parsed.success ? [] : failingFields(parsed.error.issues);
    if (fields.includes('name'))
      errors.push({
        field: 'name',
        message: hiddenCharacterFields(parsed.error?.issues ?? []).has('name')
          ? m.errors.hiddenCharacters(m.accept.name)
          : name
            ? m.errors.nameTooLong
            : m.errors.nameRequired,
      });
    if (fields.includes('password')) errors.push({ field: 'password', message: m.errors.password });
    else if (confirm !== input.password) errors.push({ field: 'confirm', message: m.errors.passwordMismatch });
    if (errors.length || !parsed.success) return again(errors);

    try {
      const { tenant, user } = await acceptInvitation(c.var.deps, token, parsed.data);
      setFlash(c, c.var.pages.cookies, { t: 'joined', org: tenantName(c, tenant), email: user.email });
    } catch (error) {
      const refusal = asRefusal(error);
      if (refusal instanceof SignInExists) return render(c, <HasSignIn c={c} />, 409);
      if (refusal instanceof SignInsNotManaged) return render(c, <ProviderManaged c={c} preview={preview} />, 501);
      if (!(refusal instanceof Conflict)) throw error;
      const fresh = await findInvitation(c, token);
      return render(c, <Unusable c={c} preview={fresh} />, 410);
    }
    return c.redirect('/invite/joined', 303);
  });
