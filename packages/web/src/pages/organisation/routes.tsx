/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  changeMember,
  getInvitation,
  getMember,
  Invalid,
  inviteMember,
  listInvitations,
  listMembers,
  MEMBERS,
  NotFound,
  Refused,
  revokeInvitation,
  Stale,
  TENANT_ADMINS,
} from '@shegong/core';
import { NewInvitation, ROLES_BY_KIND, RoleChange } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { peekFlash, setFlash, takeFlash } from '../../flash/flash.ts';
import { failingFields, formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { choiceId, type FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { type SignedIn, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { InvitePage, InviteSentPage } from './invite.tsx';
import { UserPage } from './user.tsx';
import { ORGANISATION, OrganisationPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;

/** An id in the path that cannot be one of ours answers like another tenant's: 404. */
function idParam(c: Context, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

function cursorParam(value: string | undefined): string | undefined {
  return value && value.length <= 2000 ? value : undefined;
}

function rolesError(kind: SignedIn['principal']['kind'], message: string): FieldError {
  return { field: 'roles', href: choiceId('roles', ROLES_BY_KIND[kind][0]), message };
}

/** The member's roles or status changed through the core; a refusal the form can show comes back as its error. */
async function changeOf(
  c: Context<PageEnv>,
  userId: string,
  version: number | undefined,
  change: { roles?: string[]; status?: 'active' | 'disabled' },
): Promise<'changed' | 'stale' | { code: string | undefined }> {
  try {
    if (version === undefined) return 'stale';
    await changeMember(c.var.ctx, c.var.deps.identity, userId, version, change);
    return 'changed';
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Stale) return 'stale';
    if (refusal instanceof Invalid || refusal instanceof Conflict)
      return { code: refusal.reason ?? refusal.fields[0]?.code };
    throw error;
  }
}

export function organisationRoutes(session: TokenSource) {
  const members = pageAccess(MEMBERS, session);
  const admins = pageAccess(TENANT_ADMINS, session);

  return new Hono<PageEnv>()
    .get(ORGANISATION, members, async (c) => {
      const who = await signedIn(c);
      const cursors = {
        users: cursorParam(c.req.query('users')),
        invitations: cursorParam(c.req.query('invitations')),
      };
      const [users, invitations] = await Promise.all([
        listMembers(c.var.ctx, { limit: PAGE_SIZE, ...(cursors.users ? { cursor: cursors.users } : {}) }),
        listInvitations(c.var.ctx, {
          limit: PAGE_SIZE,
          ...(cursors.invitations ? { cursor: cursors.invitations } : {}),
        }),
      ]);
      // Oldest first, as a list of colleagues usually reads; ids are random, so the stored order is not.
      users.items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh-CN'));
      const notice = takeFlash(c, c.var.pages.cookies, 'notice');
      return render(
        c,
        <OrganisationPage c={c} who={who} users={users} invitations={invitations} cursors={cursors} notice={notice} />,
      );
    })
    .get(`${ORGANISATION}/invite`, admins, async (c) => {
      const who = await signedIn(c);
      return render(
        c,
        <InvitePage c={c} who={who} values={{ email: '', roles: [] }} errors={[]} formKey={randomToken()} />,
      );
    })
    .post(`${ORGANISATION}/invite`, admins, async (c) => {
      const m = c.var.m;
      const { principal, pages } = c.var;
      const form = await readForm(c);
      const values = { email: form.text('email'), roles: form.list('roles') };
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const again = async (errors: FieldError[], formKey = key) =>
        render(c, <InvitePage c={c} who={await signedIn(c)} values={values} errors={errors} formKey={formKey} />, 400);

      const parsed = NewInvitation.safeParse(values);
      if (!parsed.success) {
        const fields = failingFields(parsed.error.issues);
        const errors: FieldError[] = [];
        if (fields.includes('email')) errors.push({ field: 'email', message: m.errors.email });
        if (fields.includes('roles')) errors.push(rolesError(principal.kind, m.errors.rolesRequired));
        return again(errors);
      }
      let sent: Awaited<ReturnType<typeof inviteMember>>;
      try {
        sent = await inviteMember(c.var.ctx, c.var.deps, parsed.data, key);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Invalid) return again([rolesError(principal.kind, m.errors.rolesInvalid)]);
        // The same form key with other answers: the form was sent, changed and sent again.
        if (refusal instanceof Refused && refusal.reason === 'idempotency_mismatch')
          return again([{ field: 'email', message: m.errors.duplicate }], randomToken());
        throw error;
      }
      const earlier = peekFlash(c, pages.cookies);
      // A replay (double submit) keeps what the first answer said about the mail.
      if (!(sent.replayed && earlier?.t === 'invited' && earlier.link === sent.link)) {
        setFlash(c, pages.cookies, {
          t: 'invited',
          email: sent.invitation.email,
          link: sent.link,
          mailed: sent.mailed,
          expiresOn: sent.invitation.expiresOn,
        });
      }
      return c.redirect(`${ORGANISATION}/invite/sent`, 303);
    })
    .get(`${ORGANISATION}/invite/sent`, admins, async (c) => {
      const flash = takeFlash(c, c.var.pages.cookies, 'invited');
      if (!flash) return c.redirect(ORGANISATION, 303);
      return render(c, <InviteSentPage c={c} who={await signedIn(c)} flash={flash} />);
    })
    .get(`${ORGANISATION}/users/:userId`, admins, async (c) => {
      const user = await getMember(c.var.ctx, idParam(c, 'userId'));
      return render(c, <UserPage c={c} who={await signedIn(c)} user={user} />);
    })
    .post(`${ORGANISATION}/users/:userId`, admins, async (c) => {
      const m = c.var.m;
      const { principal } = c.var;
      const user = await getMember(c.var.ctx, idParam(c, 'userId'));
      const form = await readForm(c);
      const roles = form.list('roles');
      const again = async (errors: FieldError[], current = user, stale = false) =>
        render(
          c,
          <UserPage c={c} who={await signedIn(c)} user={current} selected={roles} errors={errors} stale={stale} />,
          stale ? 409 : 400,
        );

      if (!RoleChange.safeParse({ roles }).success) return again([rolesError(principal.kind, m.errors.rolesRequired)]);
      const result = await changeOf(c, user.id, formVersion(form.text('version')), { roles });
      if (result === 'stale') return again([], await getMember(c.var.ctx, user.id), true);
      if (result !== 'changed')
        return again([
          rolesError(principal.kind, result.code === 'selfAdmin' ? m.errors.selfAdmin : m.errors.rolesInvalid),
        ]);
      setFlash(c, c.var.pages.cookies, { t: 'notice', key: 'rolesSaved', arg: user.name });
      return c.redirect(ORGANISATION, 303);
    })
    .post(`${ORGANISATION}/users/:userId/status`, admins, async (c) => {
      const m = c.var.m;
      const user = await getMember(c.var.ctx, idParam(c, 'userId'));
      const form = await readForm(c);
      const status = form.text('status');
      const again = async (errors: FieldError[], current = user, stale = false) =>
        render(
          c,
          <UserPage c={c} who={await signedIn(c)} user={current} errors={errors} stale={stale} />,
          stale ? 409 : 400,
        );

      if (status !== 'active' && status !== 'disabled') throw new Invalid('status must be active or disabled');
      const result = await changeOf(c, user.id, formVersion(form.text('version')), { status });
      if (result === 'stale') return again([], await getMember(c.var.ctx, user.id), true);
      if (result !== 'changed') return again([{ field: 'status', message: m.errors.selfDisable }]);
      setFlash(c, c.var.pages.cookies, {
        t: 'notice',
        key: status === 'disabled' ? 'disabled' : 'enabled',
        arg: user.name,
      });
      return c.redirect(ORGANISATION, 303);
    })
    .post(`${ORGANISATION}/invitations/:invitationId/revoke`, admins, async (c) => {
      const { pages } = c.var;
      const id = idParam(c, 'invitationId');
      const form = await readForm(c);
      const version = formVersion(form.text('version'));
      const invitation = await getInvitation(c.var.ctx, id);
      try {
        if (version === undefined) throw new Stale('The form holds no version');
        const revoked = await revokeInvitation(c.var.ctx, id, version);
        setFlash(c, pages.cookies, { t: 'notice', key: 'revoked', arg: revoked.email });
      } catch (error) {
        const refusal = asRefusal(error);
        if (!(refusal instanceof Conflict || refusal instanceof Stale)) throw error;
        setFlash(c, pages.cookies, {
          t: 'notice',
          key: refusal instanceof Conflict ? 'notRevocable' : 'stale',
          arg: invitation.email,
        });
      }
      return c.redirect(ORGANISATION, 303);
    });
}
