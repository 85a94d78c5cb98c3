/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Member } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
} from '../../layout/components.tsx';
import { UserStatusTag } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { ORGANISATION, roleChoices } from './views.tsx';

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
