/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { adminRoleOf, type Invitation, type Member, ROLES_BY_KIND, type TenantKind } from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import type { Flash } from '../../flash/flash.ts';
import { formatDate, type Messages } from '../../i18n/index.ts';
import { Card, CsrfInput, DescriptionList, Notice, Pager, Table } from '../../layout/components.tsx';
import { InvitationStatusTag, KindTag, RoleTags, regionName, UserStatusTag } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { OWN_INCUBATION } from '../incubation/org-view.tsx';

export const ORGANISATION = '/my/organisation';

export function isAdmin(who: SignedIn): boolean {
  return who.principal.roles.includes(adminRoleOf(who.principal.kind));
}

export function roleChoices(m: Messages, kind: TenantKind) {
  return ROLES_BY_KIND[kind].map((role) => ({ value: role, label: m.roles[role], hint: m.roleHints[role] }));
}

function noticeText(m: Messages, notice: Extract<Flash, { t: 'notice' }>): { tone: 'success' | 'error'; text: string } {
  const o = m.organisation;
  switch (notice.key) {
    case 'revoked':
      return { tone: 'success', text: o.revoked(notice.arg) };
    case 'rolesSaved':
      return { tone: 'success', text: o.rolesSaved(notice.arg) };
    case 'disabled':
      return { tone: 'success', text: o.disabled(notice.arg) };
    case 'enabled':
      return { tone: 'success', text: o.enabled(notice.arg) };
    case 'notRevocable':
      return { tone: 'error', text: m.errors.notRevocable };
    case 'stale':
      return { tone: 'error', text: m.errors.stale };
  }
}

function pageLink(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  const search = params.toString();
  return search ? `${ORGANISATION}?${search}` : ORGANISATION;
}

/** The tenant as registered: names, kind, region, for an organisation its credit code, since when. */
function DetailsSection(props: { c: Context<PageEnv>; tenant: SignedIn['tenant'] }) {
  const { tenant } = props;
  const m = props.c.var.m;
  const o = m.organisation;
  const lang = props.c.var.lang;
  const details: [string, Child][] = [[o.name, tenant.name]];
  if (tenant.nameEn) details.push([o.nameEn, tenant.nameEn]);
  details.push([o.kind, <KindTag m={m} kind={tenant.kind} />], [o.region, regionName(tenant.region, lang)]);
  if (tenant.kind === 'org') details.push([o.uscc, <span class="mono">{tenant.uscc ?? m.common.none}</span>]);
  // An organisation a base admitted: what the base sees of it (孵化情况).
  if (tenant.kind === 'org' && tenant.incubatorId)
    details.push([m.incubationRegister.own.title, <a href={OWN_INCUBATION}>{m.incubationRegister.own.link}</a>]);
  details.push([o.created, formatDate(tenant.createdAt, lang)]);
  return (
    <Card title={o.details} id="details">
      <DescriptionList items={details} />
    </Card>
  );
}

/** What a list of the page reads: who is looking (admins manage), and each list's cursor (paging one keeps the other's). */
interface ListProps {
  c: Context<PageEnv>;
  who: SignedIn;
  cursors: { users?: string | undefined; invitations?: string | undefined };
}

function MembersSection(props: ListProps & { users: Page<Member> }) {
  const { c, who, users, cursors } = props;
  const m = c.var.m;
  const o = m.organisation;
  const admin = isAdmin(who);
  return (
    <Card title={o.members} id="members" extra={o.memberCount(users.items.length)}>
      <Table
        caption={o.members}
        columns={[o.colName, o.colEmail, o.colRoles, o.colStatus, o.colJoined, ...(admin ? [o.colActions] : [])]}
      >
        {users.items.map((user) => (
          <tr>
            <td data-label={o.colName}>
              <span>
                {user.name}
                {user.id === who.user.id ? <span class="muted">{o.you}</span> : null}
              </span>
            </td>
            <td data-label={o.colEmail}>{user.email}</td>
            <td data-label={o.colRoles}>
              <RoleTags m={m} kind={who.tenant.kind} roles={user.roles} />
            </td>
            <td data-label={o.colStatus}>
              <UserStatusTag m={m} status={user.status} />
            </td>
            <td data-label={o.colJoined}>{formatDate(user.createdAt, c.var.lang)}</td>
            {admin ? (
              <td data-label={o.colActions} class="cell-actions">
                <a href={`${ORGANISATION}/users/${user.id}`} aria-label={o.manageUser(user.name)}>
                  {o.manage}
                </a>
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
      <Pager
        m={m}
        label={o.members}
        first={cursors.users ? pageLink({ invitations: cursors.invitations }) : undefined}
        next={users.cursor ? pageLink({ users: users.cursor, invitations: cursors.invitations }) : undefined}
      />
    </Card>
  );
}

/** A pending invitation can be revoked (confirmed first), carrying the version it was read at. */
function RevokeInvitation(props: { c: Context<PageEnv>; invitation: Invitation }) {
  const { invitation } = props;
  const o = props.c.var.m.organisation;
  return (
    <form method="post" action={`${ORGANISATION}/invitations/${invitation.id}/revoke`} data-confirm={o.confirmRevoke}>
      <CsrfInput token={props.c.var.csrfToken} />
      <input type="hidden" name="version" value={String(invitation.version)} />
      <button type="submit" class="btn-link btn-link-danger" aria-label={o.revokeInvitation(invitation.email)}>
        {o.revoke}
      </button>
    </form>
  );
}

/** The invitations, newest first, each with its status; admins may revoke the pending ones. */
function InvitationsSection(props: ListProps & { invitations: Page<Invitation> }) {
  const { c, who, invitations, cursors } = props;
  const m = c.var.m;
  const o = m.organisation;
  const admin = isAdmin(who);
  const sorted = [...invitations.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card title={o.invitations} id="invitations">
      <Table
        caption={o.invitations}
        columns={[o.colEmail, o.colRoles, o.colStatus, o.colExpires, ...(admin ? [o.colActions] : [])]}
        empty={sorted.length ? undefined : o.noInvitations}
      >
        {sorted.map((invitation) => (
          <tr>
            <td data-label={o.colEmail}>{invitation.email}</td>
            <td data-label={o.colRoles}>
              <RoleTags m={m} kind={who.tenant.kind} roles={invitation.roles} />
            </td>
            <td data-label={o.colStatus}>
              <InvitationStatusTag m={m} status={invitation.status} />
            </td>
            <td data-label={o.colExpires}>{formatDate(invitation.expiresOn, c.var.lang)}</td>
            {admin ? (
              <td data-label={o.colActions} class="cell-actions">
                {invitation.status === 'pending' ? (
                  <RevokeInvitation c={c} invitation={invitation} />
                ) : (
                  <span class="muted">{m.common.none}</span>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
      <Pager
        m={m}
        label={o.invitations}
        first={cursors.invitations ? pageLink({ users: cursors.users }) : undefined}
        next={invitations.cursor ? pageLink({ users: cursors.users, invitations: invitations.cursor }) : undefined}
      />
    </Card>
  );
}

/** 我的机构: the tenant's details, its members and its invitations; admins also manage them. */
export function OrganisationPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  users: Page<Member>;
  invitations: Page<Invitation>;
  cursors: { users?: string | undefined; invitations?: string | undefined };
  notice?: Extract<Flash, { t: 'notice' }> | undefined;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const o = m.organisation;
  const admin = isAdmin(who);
  const notice = props.notice ? noticeText(m, props.notice) : undefined;
  return (
    <Shell
      c={c}
      who={who}
      title={o.title}
      actions={
        admin ? (
          <a class="btn btn-primary" href={`${ORGANISATION}/invite`}>
            {o.invite}
          </a>
        ) : undefined
      }
    >
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {admin ? null : <Notice tone="info">{o.readOnly}</Notice>}
      <DetailsSection c={c} tenant={who.tenant} />
      <div class="card-flush">
        <MembersSection c={c} who={who} users={props.users} cursors={props.cursors} />
        <InvitationsSection c={c} who={who} invitations={props.invitations} cursors={props.cursors} />
      </div>
    </Shell>
  );
}
