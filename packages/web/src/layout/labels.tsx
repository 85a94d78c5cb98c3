/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  findRegion,
  type InvitationStatus,
  isRoleOfKind,
  knownRegions,
  type TenantKind,
  type TenantRecord,
  type UserRecord,
} from '@shegong/domain';
import type { Lang, Messages } from '../i18n/index.ts';
import { Tag, Tags, type Tone } from './components.tsx';

/** How domain values read on a page: translated names and coloured status tags. */

export function regionName(code: string, lang: Lang): string {
  const region = findRegion(code);
  if (!region) return code;
  return lang === 'zh-CN' ? region.zh : region.en;
}

/** Regions as a select's options: the name in the reader's language, then the code. */
export function regionOptions(lang: Lang, regions = knownRegions()) {
  return regions.map((r) => ({ value: r.code, label: `${lang === 'zh-CN' ? r.zh : r.en} (${r.code})` }));
}

/** People of the registry as a select's options, by name. */
export function personOptions(people: readonly { id: string; name: string }[]) {
  return people.map((p) => ({ value: p.id, label: p.name }));
}

export function roleName(m: Messages, role: string): string {
  return (m.roles as Record<string, string>)[role] ?? role;
}

export function RoleTags(props: { m: Messages; kind: TenantKind; roles: readonly string[] }) {
  return (
    <Tags>
      {props.roles.map((role) => (
        <Tag tone={role === 'admin' || role === 'platform_admin' ? 'blue' : 'grey'}>
          {isRoleOfKind(props.kind, role) ? roleName(props.m, role) : role}
        </Tag>
      ))}
    </Tags>
  );
}

const KIND_TONES: Record<TenantKind, Tone> = { platform: 'purple', bureau: 'cyan', incubator: 'amber', org: 'blue' };

export function KindTag(props: { m: Messages; kind: TenantKind }) {
  return <Tag tone={KIND_TONES[props.kind]}>{props.m.kinds[props.kind]}</Tag>;
}

const USER_TONES: Record<UserRecord['status'], Tone> = { active: 'green', disabled: 'grey' };

export function UserStatusTag(props: { m: Messages; status: UserRecord['status'] }) {
  return <Tag tone={USER_TONES[props.status]}>{props.m.userStatus[props.status]}</Tag>;
}

const INVITATION_TONES: Record<InvitationStatus, Tone> = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'grey',
  expired: 'amber',
};

export function InvitationStatusTag(props: { m: Messages; status: InvitationStatus }) {
  return <Tag tone={INVITATION_TONES[props.status]}>{props.m.invitationStatus[props.status]}</Tag>;
}

const TENANT_TONES: Record<TenantRecord['status'], Tone> = { active: 'green', suspended: 'amber' };

export function TenantStatusTag(props: { m: Messages; status: TenantRecord['status'] }) {
  return <Tag tone={TENANT_TONES[props.status]}>{props.m.tenantStatus[props.status]}</Tag>;
}

/** 未登记: shown beside an organisation's name wherever it appears until it records its credit code. */
export function UnregisteredTag(props: { m: Messages; tenant: Pick<TenantRecord, 'toBeRegistered'> }) {
  return props.tenant.toBeRegistered ? <Tag tone="amber">{props.m.platform.toBeRegistered}</Tag> : null;
}
