/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { adminRoleOf, NewInvitation, ROLES_BY_KIND, RoleChange, TENANT_KINDS, type UserRecord } from '@shegong/domain';
import {
  checkRoles,
  commitOnce,
  guardSelf,
  mailInvitation,
  ProblemError,
  prepareInvitation,
  type TokenSource,
} from '@shegong/http';
import { StoreError } from '@shegong/store';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';
import { peekFlash, setFlash, takeFlash } from '../../flash/flash.ts';
import { failingFields, formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { choiceId, type FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { type SignedIn, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { InvitePage, InviteSentPage, ORGANISATION, OrganisationPage, UserPage } from './views.tsx';

const MEMBERS = { kinds: TENANT_KINDS, roles: 'any' } as const;
const ADMINS = { kinds: TENANT_KINDS, roles: ['admin', 'platform_admin'] } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;

/** An id in the path that cannot be one of ours answers like another tenant's: 404. */
function idParam(c: Context, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!UUID.test(id)) throw new ProblemError(404, 'There is nothing at this address');
  return id;
}

function cursorParam(value: string | undefined): string | undefined {
  return value && value.length <= 2000 ? value : undefined;
}

function rolesError(kind: SignedIn['principal']['kind'], message: string): FieldError {
  return { field: 'roles', href: choiceId('roles', ROLES_BY_KIND[kind][0]), message };
}

/** The change of one user, as the API's PATCH does it: record first, then the identity provider. */
async function changeUser(
  c: Context<PageEnv>,
  user: UserRecord,
  version: number,
  change: { roles?: string[]; status?: 'active' | 'disabled' },
) {
  const { repos, deps } = c.var;
  const action =
    change.status === 'disabled' ? 'user.disable' : change.status === 'active' ? 'user.enable' : 'user.update';
  const updated = await repos.users.update(user.id, version, change, action);
  if (change.roles) await deps.identity.updateRoles(updated.email, updated.roles);
  if (change.status) await deps.identity.setEnabled(updated.email, change.status === 'active');
  return updated;
}

export function organisationRoutes(session: TokenSource) {
  const members = pageAccess(MEMBERS, session);
  const admins = pageAccess(ADMINS, session);

  return new Hono<PageEnv>()
    .get(ORGANISATION, members, async (c) => {
      const who = await signedIn(c);
      const cursors = {
        users: cursorParam(c.req.query('users')),
        invitations: cursorParam(c.req.query('invitations')),
      };
      const [users, invitations] = await Promise.all([
        c.var.repos.users.list({ limit: PAGE_SIZE, ...(cursors.users ? { cursor: cursors.users } : {}) }),
        c.var.repos.invitations.list({
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
      const { principal, repos, deps, pages } = c.var;
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
      try {
        checkRoles(principal, parsed.data.roles);
      } catch {
        return again([rolesError(principal.kind, m.errors.rolesInvalid)]);
      }
      let result: { body: { email: string; link: string; expiresOn: string }; replayed: boolean };
      try {
        result = await commitOnce(
          repos,
          key,
          { method: 'POST', route: `${ORGANISATION}/invite`, input: parsed.data },
          () => {
            const { mutation, invitation, link } = prepareInvitation(deps, repos, principal, parsed.data);
            return { mutation, body: { email: invitation.email, link, expiresOn: invitation.expiresOn } };
          },
        );
      } catch (error) {
        // The same form key with other answers: the form was sent, changed and sent again.
        if (error instanceof StoreError && error.code === 'idempotency_mismatch') {
          return again([{ field: 'email', message: m.errors.duplicate }], randomToken());
        }
        throw error;
      }
      const { body, replayed } = result;
      const earlier = peekFlash(c, pages.cookies);
      // A replay (double submit) keeps what the first answer said about the mail.
      if (!(replayed && earlier?.t === 'invited' && earlier.link === body.link)) {
        const tenant = await repos.tenant.get();
        const mailed = replayed
          ? false
          : await mailInvitation(deps, {
              to: body.email,
              link: body.link,
              tenantName: tenant.name,
              expiresOn: body.expiresOn,
            });
        setFlash(c, pages.cookies, {
          t: 'invited',
          email: body.email,
          link: body.link,
          mailed,
          expiresOn: body.expiresOn,
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
      const user = await c.var.repos.users.get(idParam(c, 'userId'));
      return render(c, <UserPage c={c} who={await signedIn(c)} user={user} />);
    })
    .post(`${ORGANISATION}/users/:userId`, admins, async (c) => {
      const m = c.var.m;
      const { principal, repos } = c.var;
      const user = await repos.users.get(idParam(c, 'userId'));
      const form = await readForm(c);
      const roles = form.list('roles');
      const version = formVersion(form.text('version'));
      const again = async (errors: FieldError[], current = user, stale = false) =>
        render(
          c,
          <UserPage c={c} who={await signedIn(c)} user={current} selected={roles} errors={errors} stale={stale} />,
          stale ? 409 : 400,
        );

      if (!RoleChange.safeParse({ roles }).success) return again([rolesError(principal.kind, m.errors.rolesRequired)]);
      try {
        checkRoles(principal, roles);
      } catch {
        return again([rolesError(principal.kind, m.errors.rolesInvalid)]);
      }
      if (user.id === principal.userId && !roles.includes(adminRoleOf(principal.kind))) {
        return again([rolesError(principal.kind, m.errors.selfAdmin)]);
      }
      guardSelf(principal, user.id, { roles });
      if (version === undefined || version !== user.version) return again([], user, true);
      try {
        await changeUser(c, user, version, { roles });
      } catch (error) {
        if (error instanceof StoreError && error.code === 'stale_version')
          return again([], await repos.users.get(user.id), true);
        throw error;
      }
      setFlash(c, c.var.pages.cookies, { t: 'notice', key: 'rolesSaved', arg: user.name });
      return c.redirect(ORGANISATION, 303);
    })
    .post(`${ORGANISATION}/users/:userId/status`, admins, async (c) => {
      const m = c.var.m;
      const { principal, repos } = c.var;
      const user = await repos.users.get(idParam(c, 'userId'));
      const form = await readForm(c);
      const status = form.text('status');
      const version = formVersion(form.text('version'));
      const again = async (errors: FieldError[], current = user, stale = false) =>
        render(
          c,
          <UserPage c={c} who={await signedIn(c)} user={current} errors={errors} stale={stale} />,
          stale ? 409 : 400,
        );

      if (status !== 'active' && status !== 'disabled')
        throw new ProblemError(400, 'status must be active or disabled');
      if (user.id === principal.userId && status === 'disabled')
        return again([{ field: 'status', message: m.errors.selfDisable }]);
      if (version === undefined || version !== user.version) return again([], user, true);
      try {
        await changeUser(c, user, version, { status });
      } catch (error) {
        if (error instanceof StoreError && error.code === 'stale_version')
          return again([], await repos.users.get(user.id), true);
        throw error;
      }
      setFlash(c, c.var.pages.cookies, {
        t: 'notice',
        key: status === 'disabled' ? 'disabled' : 'enabled',
        arg: user.name,
      });
      return c.redirect(ORGANISATION, 303);
    })
    .post(`${ORGANISATION}/invitations/:invitationId/revoke`, admins, async (c) => {
      const { repos, pages } = c.var;
      const id = idParam(c, 'invitationId');
      const form = await readForm(c);
      const version = formVersion(form.text('version'));
      const invitation = await repos.invitations.get(id);
      try {
        if (version === undefined) throw new StoreError('stale_version', 'no version');
        const revoked = await repos.invitations.revoke(id, version);
        setFlash(c, pages.cookies, { t: 'notice', key: 'revoked', arg: revoked.email });
      } catch (error) {
        if (!(error instanceof StoreError) || (error.code !== 'conflict' && error.code !== 'stale_version'))
          throw error;
        setFlash(c, pages.cookies, {
          t: 'notice',
          key: error.code === 'conflict' ? 'notRevocable' : 'stale',
          arg: invitation.email,
        });
      }
      return c.redirect(ORGANISATION, 303);
    });
}
