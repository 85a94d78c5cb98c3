/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Member } from '@shegong/core';
import { adminRoleOf, type InvitationRecord, ROLES_BY_KIND, type TenantKind } from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import type { Flash } from '../../flash/flash.ts';
import { formatDate, type Messages } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CopyField,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Pager,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { Icon } from '../../layout/icons.tsx';
import { InvitationStatusTag, KindTag, RoleTags, regionName, UserStatusTag } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';

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

/** 我的机构: the tenant's details, its members and its invitations; admins also manage them. */
export function OrganisationPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  users: Page<Member>;
  invitations: Page<InvitationRecord>;
  cursors: { users?: string | undefined; invitations?: string | undefined };
  notice?: Extract<Flash, { t: 'notice' }> | undefined;
}) {
  const { c, who, users, invitations } = props;
  const m = c.var.m;
  const lang = c.var.lang;
  const o = m.organisation;
  const admin = isAdmin(who);
  const tenant = who.tenant;
  const notice = props.notice ? noticeText(m, props.notice) : undefined;
  const details: [string, Child][] = [[o.name, tenant.name]];
  if (tenant.nameEn) details.push([o.nameEn, tenant.nameEn]);
  details.push([o.kind, <KindTag m={m} kind={tenant.kind} />], [o.region, regionName(tenant.region, lang)]);
  if (tenant.kind === 'org') details.push([o.uscc, <span class="mono">{tenant.uscc ?? m.common.none}</span>]);
  details.push([o.created, formatDate(tenant.createdAt, lang)]);
  const sortedInvitations = [...invitations.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
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
      <Card title={o.details} id="details">
        <DescriptionList items={details} />
      </Card>
      <div class="card-flush">
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
                  <RoleTags m={m} kind={tenant.kind} roles={user.roles} />
                </td>
                <td data-label={o.colStatus}>
                  <UserStatusTag m={m} status={user.status} />
                </td>
                <td data-label={o.colJoined}>{formatDate(user.createdAt, lang)}</td>
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
            first={props.cursors.users ? pageLink({ invitations: props.cursors.invitations }) : undefined}
            next={users.cursor ? pageLink({ users: users.cursor, invitations: props.cursors.invitations }) : undefined}
          />
        </Card>
        <Card title={o.invitations} id="invitations">
          <Table
            caption={o.invitations}
            columns={[o.colEmail, o.colRoles, o.colStatus, o.colExpires, ...(admin ? [o.colActions] : [])]}
            empty={sortedInvitations.length ? undefined : o.noInvitations}
          >
            {sortedInvitations.map((invitation) => (
              <tr>
                <td data-label={o.colEmail}>{invitation.email}</td>
                <td data-label={o.colRoles}>
                  <RoleTags m={m} kind={tenant.kind} roles={invitation.roles} />
                </td>
                <td data-label={o.colStatus}>
                  <InvitationStatusTag m={m} status={invitation.status} />
                </td>
                <td data-label={o.colExpires}>{formatDate(invitation.expiresOn, lang)}</td>
                {admin ? (
                  <td data-label={o.colActions} class="cell-actions">
                    {invitation.status === 'pending' ? (
                      <form
                        method="post"
                        action={`${ORGANISATION}/invitations/${invitation.id}/revoke`}
                        data-confirm={o.confirmRevoke}
                      >
                        <CsrfInput token={c.var.csrfToken} />
                        <input type="hidden" name="version" value={String(invitation.version)} />
                        <button
                          type="submit"
                          class="btn-link btn-link-danger"
                          aria-label={o.revokeInvitation(invitation.email)}
                        >
                          {o.revoke}
                        </button>
                      </form>
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
            first={props.cursors.invitations ? pageLink({ users: props.cursors.users }) : undefined}
            next={
              invitations.cursor ? pageLink({ users: props.cursors.users, invitations: invitations.cursor }) : undefined
            }
          />
        </Card>
      </div>
    </Shell>
  );
}

/** 邀请成员: one task on one page (GOV.UK), with a hidden key so a double submit invites once. */
export function InvitePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  values: { email: string; roles: readonly string[] };
  errors: readonly FieldError[];
  formKey: string;
}) {
  const { c, who, errors } = props;
  const m = c.var.m;
  return (
    <Shell
      c={c}
      who={who}
      title={m.invite.title}
      crumbs={[{ label: m.organisation.title, href: ORGANISATION }]}
      lead={m.invite.lead}
      here={`${ORGANISATION}/invite`}
    >
      <Card>
        <ErrorSummary m={m} errors={errors} />
        <form class="form" method="post" action={`${ORGANISATION}/invite`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={props.formKey} />
          <TextField
            m={m}
            id="email"
            name="email"
            type="email"
            label={m.invite.email}
            hint={m.invite.emailHint}
            value={props.values.email}
            error={errorFor(errors, 'email')}
            autocomplete="off"
            width="medium"
          />
          <Choices
            m={m}
            type="checkbox"
            name="roles"
            legend={m.invite.roles}
            hint={m.invite.rolesHint}
            error={errorFor(errors, 'roles')}
            choices={roleChoices(m, who.principal.kind)}
            selected={props.values.roles}
          />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {m.invite.submit}
            </button>
            <a class="btn" href={ORGANISATION}>
              {m.invite.cancel}
            </a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

export function InviteSentPage(props: { c: Context<PageEnv>; who: SignedIn; flash: Extract<Flash, { t: 'invited' }> }) {
  const { c, who, flash } = props;
  const m = c.var.m;
  return (
    <Shell c={c} who={who} title={m.invite.sentTitle} crumbs={[{ label: m.organisation.title, href: ORGANISATION }]}>
      <Card>
        <div class="panel-success" role="status">
          <span class="result-icon" aria-hidden="true">
            <Icon name="check" class="result-svg" />
          </span>
          <h2>{m.invite.sentTo(flash.email)}</h2>
          <p>{flash.mailed ? m.invite.mailed(flash.email) : m.invite.notMailed}</p>
          <p>{m.invite.expires(formatDate(flash.expiresOn, c.var.lang))}</p>
        </div>
        <CopyField m={m} id="invitation-link" label={m.invite.linkLabel} hint={m.invite.linkHint} value={flash.link} />
        <div class="actions">
          <a class="btn btn-primary" href={`${ORGANISATION}/invite`}>
            {m.invite.another}
          </a>
          <a class="btn" href={ORGANISATION}>
            {m.invite.back}
          </a>
        </div>
      </Card>
    </Shell>
  );
}

/** One member: change roles, disable or enable; each form carries the version it was read at. */
export function UserPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  user: Member;
  selected?: readonly string[];
  errors?: readonly FieldError[];
  stale?: boolean;
}) {
  const { c, who, user } = props;
  const m = c.var.m;
  const errors = props.errors ?? [];
  const self = user.id === who.user.id;
  const here = `${ORGANISATION}/users/${user.id}`;
  return (
    <Shell c={c} who={who} title={user.name} crumbs={[{ label: m.organisation.title, href: ORGANISATION }]} here={here}>
      {props.stale ? <Notice tone="error">{m.errors.stale}</Notice> : null}
      <ErrorSummary m={m} errors={errors} />
      {self ? <Notice tone="info">{m.user.selfNote}</Notice> : null}
      <Card>
        <DescriptionList
          items={[
            [m.user.email, user.email],
            [m.user.status, <UserStatusTag m={m} status={user.status} />],
            [m.user.joined, formatDate(user.createdAt, c.var.lang)],
          ]}
        />
      </Card>
      <Card title={m.user.rolesTitle} id="roles-card">
        <form class="form" method="post" action={here} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(user.version)} />
          <Choices
            m={m}
            type="checkbox"
            name="roles"
            legend={m.user.rolesTitle}
            hint={m.user.rolesHint}
            error={errorFor(errors, 'roles')}
            choices={roleChoices(m, who.principal.kind)}
            selected={props.selected ?? user.roles}
          />
          <button type="submit" class="btn btn-primary">
            {m.user.saveRoles}
          </button>
        </form>
      </Card>
      <Card title={m.user.accessTitle} id="access">
        <p>{user.status === 'active' ? m.user.disableLead : m.user.enableLead}</p>
        <form
          method="post"
          action={`${here}/status`}
          {...(user.status === 'active' ? { 'data-confirm': m.user.confirmDisable } : {})}
        >
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(user.version)} />
          <input type="hidden" name="status" value={user.status === 'active' ? 'disabled' : 'active'} />
          <p class="field-error" id="status-error" hidden={!errorFor(errors, 'status')}>
            {errorFor(errors, 'status')}
          </p>
          <button
            type="submit"
            id="status"
            class={user.status === 'active' ? 'btn btn-danger' : 'btn'}
            disabled={self && user.status === 'active'}
          >
            {user.status === 'active' ? m.user.disable : m.user.enable}
          </button>
        </form>
      </Card>
    </Shell>
  );
}
