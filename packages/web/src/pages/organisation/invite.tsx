/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import type { Flash } from '../../flash/flash.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CopyField,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  TextField,
} from '../../layout/components.tsx';
import { Icon } from '../../layout/icons.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { ORGANISATION, roleChoices } from './views.tsx';

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
