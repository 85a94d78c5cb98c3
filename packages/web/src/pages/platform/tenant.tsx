/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Invitation, Member, TenantRecord } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import type { Flash } from '../../flash/flash.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CopyField,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { Icon } from '../../layout/icons.tsx';
import {
  InvitationStatusTag,
  KindTag,
  RoleTags,
  regionName,
  TenantStatusTag,
  UnregisteredTag,
  UserStatusTag,
} from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';

export const TENANTS = '/platform/tenants';
export const tenantPath = (id: string) => `${TENANTS}/${id}`;

/** What the platform is told after an action on a tenant (post-redirect-get). */
export type TenantNotice = Extract<Flash, { t: 'tenantNotice' }>;

function noticeText(c: Context<PageEnv>, notice: TenantNotice): { tone: 'success' | 'error'; text: string } {
  const p = c.var.m.platform;
  switch (notice.key) {
    case 'suspended':
      return { tone: 'success', text: p.suspendedFlash(notice.arg) };
    case 'restored':
      return { tone: 'success', text: p.restoredFlash(notice.arg) };
    case 'stale':
      return { tone: 'error', text: p.stale };
    case 'notSuspended':
      return { tone: 'error', text: p.notSuspended };
    case 'cannotReissue':
      return { tone: 'error', text: p.cannotReissue };
  }
}

const displayName = (c: Context<PageEnv>, tenant: TenantRecord) =>
  c.var.lang === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name;

/** While suspended: who did it, when and why (the platform's record; members never see the reason). */
function SuspensionNotice(props: { c: Context<PageEnv>; tenant: TenantRecord; suspendedBy: string | undefined }) {
  const { c, tenant } = props;
  const p = c.var.m.platform;
  if (!tenant.suspension) return null;
  return (
    <Notice tone="error">
      <p>{p.suspendedBanner}</p>
      <DescriptionList
        items={[
          [p.suspendedBy, props.suspendedBy ?? tenant.suspension.by],
          [p.suspendedAt, formatDate(tenant.suspension.at, c.var.lang)],
          [p.suspendedWhy, tenant.suspension.reason],
        ]}
      />
    </Notice>
  );
}

function DetailsCard(props: { c: Context<PageEnv>; tenant: TenantRecord }) {
  const { c, tenant } = props;
  const m = c.var.m;
  const p = m.platform;
  return (
    <Card title={p.details} id="details">
      <DescriptionList
        items={[
          [p.kind, <KindTag m={m} kind={tenant.kind} />],
          [p.region, regionName(tenant.region, c.var.lang)],
          ...(tenant.uscc ? [[p.uscc, <span class="mono">{tenant.uscc}</span>] as [string, Child]] : []),
          ...(tenant.toBeRegistered ? [[p.uscc, <UnregisteredTag m={m} tenant={tenant} />] as [string, Child]] : []),
          [p.status, <TenantStatusTag m={m} status={tenant.status} />],
          [p.created, formatDate(tenant.createdAt, c.var.lang)],
        ]}
      />
    </Card>
  );
}

function MembersCard(props: { c: Context<PageEnv>; tenant: TenantRecord; members: readonly Member[] }) {
  const { c, tenant, members } = props;
  const m = c.var.m;
  const p = m.platform;
  return (
    <Card title={p.members} id="members">
      <Table
        caption={p.members}
        columns={[p.colMember, p.colEmail, p.colRoles, p.colStatus]}
        empty={members.length ? undefined : p.noMembers}
      >
        {members.map((member) => (
          <tr>
            <td data-label={p.colMember}>{member.name}</td>
            <td data-label={p.colEmail}>{member.email}</td>
            <td data-label={p.colRoles}>
              <RoleTags m={m} kind={tenant.kind} roles={member.roles} />
            </td>
            <td data-label={p.colStatus}>
              <UserStatusTag m={m} status={member.status} />
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** The invitations still waiting (pending or expired), each with a button to reissue it. */
function InvitationsCard(props: { c: Context<PageEnv>; tenant: TenantRecord; invitations: readonly Invitation[] }) {
  const { c, tenant } = props;
  const m = c.var.m;
  const p = m.platform;
  const waiting = props.invitations
    .filter((i) => i.status === 'pending' || i.status === 'expired')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card title={p.invitations} id="invitations">
      <p class="hint">{p.reissueHint}</p>
      <Table
        caption={p.invitations}
        columns={[p.colInvitee, p.colRoles, p.colStatus, p.colExpires, '']}
        empty={waiting.length ? undefined : p.noInvitations}
      >
        {waiting.map((invitation) => (
          <tr>
            <td data-label={p.colInvitee}>{invitation.email}</td>
            <td data-label={p.colRoles}>
              <RoleTags m={m} kind={tenant.kind} roles={invitation.roles} />
            </td>
            <td data-label={p.colStatus}>
              <InvitationStatusTag m={m} status={invitation.status} />
            </td>
            <td data-label={p.colExpires}>{formatDate(invitation.expiresOn, c.var.lang)}</td>
            <td class="cell-actions">
              <form method="post" action={`${tenantPath(tenant.id)}/invitations/${invitation.id}/reissue`}>
                <CsrfInput token={c.var.csrfToken} />
                <button type="submit" class="btn" aria-label={`${p.reissue} ${invitation.email}`}>
                  {p.reissue}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** Suspending asks first (its own page); restoring is one button, since it only gives back. */
function StatusActions(props: { c: Context<PageEnv>; tenant: TenantRecord }) {
  const { c, tenant } = props;
  const p = c.var.m.platform;
  if (tenant.kind === 'platform') return null;
  if (tenant.status === 'active') {
    return (
      <a class="btn btn-danger" href={`${tenantPath(tenant.id)}/suspend`}>
        {p.suspend}
      </a>
    );
  }
  return (
    <form method="post" action={`${tenantPath(tenant.id)}/restore`}>
      <CsrfInput token={c.var.csrfToken} />
      <input type="hidden" name="version" value={String(tenant.version)} />
      <button type="submit" class="btn btn-primary" title={p.restoreHint}>
        {p.restore}
      </button>
    </form>
  );
}

/** One tenant as the platform opens it: status (and why it is suspended), details, members, invitations. */
export function TenantPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  tenant: TenantRecord;
  suspendedBy: string | undefined;
  members: readonly Member[];
  invitations: readonly Invitation[];
  notice: TenantNotice | undefined;
}) {
  const { c, who, tenant, notice } = props;
  const m = c.var.m;
  const shown = notice ? noticeText(c, notice) : undefined;
  return (
    <Shell
      c={c}
      who={who}
      title={displayName(c, tenant)}
      crumbs={[{ label: m.tenants.title, href: TENANTS }]}
      here={TENANTS}
      actions={<StatusActions c={c} tenant={tenant} />}
    >
      {shown ? <Notice tone={shown.tone}>{shown.text}</Notice> : null}
      <SuspensionNotice c={c} tenant={tenant} suspendedBy={props.suspendedBy} />
      <DetailsCard c={c} tenant={tenant} />
      <InvitationsCard c={c} tenant={tenant} invitations={props.invitations} />
      <MembersCard c={c} tenant={tenant} members={props.members} />
    </Shell>
  );
}

/** The confirmation before suspending: what it does, and the reason the platform keeps. */
export function SuspendPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  tenant: TenantRecord;
  reason: string;
  errors: readonly FieldError[];
}) {
  const { c, who, tenant, errors } = props;
  const m = c.var.m;
  const p = m.platform;
  const name = displayName(c, tenant);
  return (
    <Shell
      c={c}
      who={who}
      title={p.suspendTitle(name)}
      crumbs={[
        { label: m.tenants.title, href: TENANTS },
        { label: name, href: tenantPath(tenant.id) },
      ]}
      here={TENANTS}
    >
      <Card>
        <ErrorSummary m={m} errors={errors} />
        <p>{p.suspendLead}</p>
        <form class="form" method="post" action={`${tenantPath(tenant.id)}/suspend`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(tenant.version)} />
          <TextField
            m={m}
            id="reason"
            name="reason"
            label={p.reason}
            hint={p.reasonHint}
            value={props.reason}
            error={errorFor(errors, 'reason')}
            autocomplete="off"
          />
          <div class="actions">
            <button type="submit" class="btn btn-danger">
              {p.confirmSuspend}
            </button>
            <a class="btn" href={tenantPath(tenant.id)}>
              {p.cancel}
            </a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

/** An invitation's link, shown once, after the line saying what was done; a way back below. */
export function InvitationLinkCard(props: {
  c: Context<PageEnv>;
  done: string;
  expiresOn: string;
  link: { label: string; hint: string; value: string };
  back: { href: string; label: string };
}) {
  const { c, link } = props;
  const m = c.var.m;
  return (
    <Card>
      <div class="panel-success" role="status">
        <span class="result-icon" aria-hidden="true">
          <Icon name="check" class="result-svg" />
        </span>
        <h2>{props.done}</h2>
        <p>{m.invite.expires(formatDate(props.expiresOn, c.var.lang))}</p>
      </div>
      <CopyField m={m} id="invitation-link" label={link.label} hint={link.hint} value={link.value} />
      <div class="actions">
        <a class="btn" href={props.back.href}>
          {props.back.label}
        </a>
      </div>
    </Card>
  );
}

/** The reissued invitation's link, shown once. */
export function ReissuedPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  tenantId: string;
  flash: Extract<Flash, { t: 'reissued' }>;
}) {
  const { c, who, flash } = props;
  const m = c.var.m;
  const p = m.platform;
  return (
    <Shell c={c} who={who} title={p.reissuedTitle} crumbs={[{ label: m.tenants.title, href: TENANTS }]} here={TENANTS}>
      <InvitationLinkCard
        c={c}
        done={p.reissued(flash.email)}
        expiresOn={flash.expiresOn}
        link={{ label: p.linkLabel, hint: p.linkHint, value: flash.link }}
        back={{ href: tenantPath(props.tenantId), label: p.backToTenant }}
      />
    </Shell>
  );
}
