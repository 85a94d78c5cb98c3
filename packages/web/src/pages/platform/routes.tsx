/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  createTenant,
  listTenantInvitations,
  listTenantMembers,
  listTenants,
  NotFound,
  openTenant,
  PLATFORM_ADMINS,
  Refused,
  reissueInvitation,
  restoreTenant,
  Stale,
  suspendTenant,
} from '@shegong/core';
import {
  knownRegions,
  NewTenant,
  SuspensionRequest,
  TENANT_KINDS,
  TENANT_SORTS,
  TENANT_STATUSES,
  type TenantKind,
  type TenantRecord,
  type TenantSort,
  type TenantStatus,
} from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { type Flash, setFlash, takeFlash } from '../../flash/flash.ts';
import { failingFields, hiddenCharacterFields, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterRow,
  Pager,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { KindTag, regionName, TenantStatusTag, UnregisteredTag } from '../../layout/labels.tsx';
import {
  listHref as hrefOf,
  type ListState,
  ListTools,
  listQueryOf,
  readListState,
  sortColumn,
} from '../../layout/lists.tsx';
import { render } from '../../layout/render.ts';
import { Shell, type SignedIn, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import {
  InvitationLinkCard,
  ReissuedPage,
  SuspendPage,
  TENANTS,
  type TenantNotice,
  TenantPage,
  tenantPath,
} from './tenant.tsx';

const CREATABLE: readonly TenantKind[] = ['bureau', 'incubator', 'org'];
const PAGE_SIZE = 20;

interface TenantForm {
  kind: string;
  name: string;
  nameEn: string;
  region: string;
  uscc: string;
  adminEmail: string;
}

const EMPTY: TenantForm = { kind: '', name: '', nameEn: '', region: '', uscc: '', adminEmail: '' };

type TenantList = ListState<TenantSort>;

/** The list in `state` changed by `change`: a search, a status or kind, a sort or a page. */
const listHref = (state: TenantList, change: Parameters<typeof hrefOf<TenantSort>>[3] = {}) =>
  hrefOf(TENANTS, 'created', state, change);

function TenantsPage(props: { c: Context<PageEnv>; who: SignedIn; tenants: Page<TenantRecord>; state: TenantList }) {
  const { c, who, tenants, state } = props;
  const m = c.var.m;
  const t = m.tenants;
  const l = m.lists.tenants;
  const sortable = (label: string, sort: TenantSort) =>
    sortColumn(m, label, sort, (change) => listHref(state, change), state);
  const filtered = Boolean(state.q || state.filters.status || state.filters.kind);
  return (
    <Shell
      c={c}
      who={who}
      title={t.title}
      actions={
        <a class="btn btn-primary" href={`${TENANTS}/new`}>
          {t.create}
        </a>
      }
    >
      <ListTools
        m={m}
        action={TENANTS}
        state={state}
        searchHint={l.searchHint}
        sorts={TENANT_SORTS.map((value) => ({ value, label: l.sorts[value] }))}
        clearHref={listHref(state, { q: '' })}
      />
      <FilterRow
        label={l.status}
        filters={[undefined, ...TENANT_STATUSES].map((status) => ({
          label: status ? m.tenantStatus[status] : l.all,
          href: listHref(state, { filters: { status } }),
          active: state.filters.status === status,
        }))}
      />
      <FilterRow
        label={l.kind}
        filters={[undefined, ...TENANT_KINDS].map((kind) => ({
          label: kind ? m.kinds[kind] : l.all,
          href: listHref(state, { filters: { kind } }),
          active: state.filters.kind === kind,
        }))}
      />
      <div class="card-flush">
        <Card id="tenants" {...(state.q ? { title: m.lists.searching(state.q) } : {})}>
          <Table
            caption={t.title}
            columns={[
              sortable(t.colName, 'name'),
              t.colKind,
              t.colRegion,
              t.colStatus,
              sortable(t.colCreated, 'created'),
            ]}
            empty={tenants.items.length ? undefined : filtered ? m.lists.noMatch : t.none}
          >
            {tenants.items.map((tenant) => (
              <tr>
                <td data-label={t.colName}>
                  <a href={tenantPath(tenant.id)} aria-label={c.var.m.platform.open(tenant.name)}>
                    {tenant.name}
                  </a>
                  {tenant.nameEn ? <span class="muted"> · {tenant.nameEn}</span> : null}{' '}
                  <UnregisteredTag m={m} tenant={tenant} />
                </td>
                <td data-label={t.colKind}>
                  <KindTag m={m} kind={tenant.kind} />
                </td>
                <td data-label={t.colRegion}>{regionName(tenant.region, c.var.lang)}</td>
                <td data-label={t.colStatus}>
                  <TenantStatusTag m={m} status={tenant.status} />
                </td>
                <td data-label={t.colCreated}>{formatDate(tenant.createdAt, c.var.lang)}</td>
              </tr>
            ))}
          </Table>
          <Pager
            m={m}
            label={t.title}
            first={state.cursor ? listHref(state) : undefined}
            next={tenants.cursor ? listHref(state, { cursor: tenants.cursor }) : undefined}
          />
        </Card>
      </div>
    </Shell>
  );
}

function NewTenantPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  values: TenantForm;
  errors: readonly FieldError[];
  formKey: string;
}) {
  const { c, who, values, errors } = props;
  const m = c.var.m;
  const t = m.tenants;
  const lang = c.var.lang;
  return (
    <Shell
      c={c}
      who={who}
      title={t.newTitle}
      crumbs={[{ label: t.title, href: TENANTS }]}
      lead={t.newLead}
      here={`${TENANTS}/new`}
    >
      <Card>
        <ErrorSummary m={m} errors={errors} />
        <form class="form" method="post" action={`${TENANTS}/new`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={props.formKey} />
          <Choices
            m={m}
            type="radio"
            name="kind"
            legend={t.kind}
            error={errorFor(errors, 'kind')}
            choices={CREATABLE.map((kind) => ({ value: kind, label: m.kinds[kind] }))}
            selected={[values.kind]}
            inline
          />
          <TextField
            m={m}
            id="name"
            name="name"
            label={t.name}
            hint={t.nameHint}
            value={values.name}
            error={errorFor(errors, 'name')}
          />
          <TextField
            m={m}
            id="nameEn"
            name="nameEn"
            label={t.nameEn}
            value={values.nameEn}
            error={errorFor(errors, 'nameEn')}
          />
          <SelectField
            m={m}
            id="region"
            name="region"
            label={t.region}
            placeholder={t.regionChoose}
            value={values.region}
            error={errorFor(errors, 'region')}
            options={knownRegions().map((r) => ({
              value: r.code,
              label: `${lang === 'zh-CN' ? r.zh : r.en} (${r.code})`,
            }))}
          />
          <div data-show-when="kind=org">
            <TextField
              m={m}
              id="uscc"
              name="uscc"
              label={t.uscc}
              hint={t.usccHint}
              value={values.uscc}
              error={errorFor(errors, 'uscc')}
              width="medium"
              maxlength={18}
              autocomplete="off"
            />
          </div>
          <TextField
            m={m}
            id="adminEmail"
            name="adminEmail"
            type="email"
            label={t.adminEmail}
            hint={t.adminEmailHint}
            value={values.adminEmail}
            error={errorFor(errors, 'adminEmail')}
            width="medium"
            autocomplete="off"
          />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {t.submit}
            </button>
            <a class="btn" href={TENANTS}>
              {t.cancel}
            </a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

function CreatedPage(props: { c: Context<PageEnv>; who: SignedIn; flash: Extract<Flash, { t: 'tenant' }> }) {
  const { c, who, flash } = props;
  const m = c.var.m;
  const t = m.tenants;
  return (
    <Shell c={c} who={who} title={t.createdTitle} crumbs={[{ label: t.title, href: TENANTS }]}>
      <InvitationLinkCard
        c={c}
        done={t.created(flash.name)}
        expiresOn={flash.expiresOn}
        link={{ label: t.linkLabel, hint: t.linkHint, value: flash.link }}
        back={{ href: TENANTS, label: t.back }}
      />
    </Shell>
  );
}

/** The platform's tenant pages: list, create (with the first admin's invitation), created. */
export function platformRoutes(session: TokenSource) {
  const platform = pageAccess(PLATFORM_ADMINS, session);
  return new Hono<PageEnv>()
    .get(TENANTS, platform, async (c) => {
      const state = readListState(c, TENANT_SORTS, { status: TENANT_STATUSES, kind: TENANT_KINDS });
      const { status, kind } = state.filters as { status?: TenantStatus; kind?: TenantKind };
      const tenants = await listTenants(
        c.var.ctx,
        { limit: PAGE_SIZE, ...(state.cursor && state.cursor.length <= 2000 ? { cursor: state.cursor } : {}) },
        { ...listQueryOf(state), ...(status ? { status } : {}), ...(kind ? { kind } : {}) },
      );
      return render(c, <TenantsPage c={c} who={await signedIn(c)} tenants={tenants} state={state} />);
    })
    .get(`${TENANTS}/new`, platform, async (c) => {
      return render(
        c,
        <NewTenantPage c={c} who={await signedIn(c)} values={EMPTY} errors={[]} formKey={randomToken()} />,
      );
    })
    .post(`${TENANTS}/new`, platform, async (c) => {
      const m = c.var.m;
      const form = await readForm(c);
      const values: TenantForm = {
        kind: form.text('kind'),
        name: form.text('name'),
        nameEn: form.text('nameEn'),
        region: form.text('region'),
        uscc: form.text('uscc').toUpperCase(),
        adminEmail: form.text('adminEmail'),
      };
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const again = async (errors: FieldError[], formKey = key) =>
        render(
          c,
          <NewTenantPage c={c} who={await signedIn(c)} values={values} errors={errors} formKey={formKey} />,
          400,
        );

      const kind = CREATABLE.includes(values.kind as TenantKind) ? values.kind : undefined;
      const parsed = NewTenant.safeParse({
        kind,
        name: values.name,
        ...(values.nameEn ? { nameEn: values.nameEn } : {}),
        region: values.region,
        // Only an organisation has a USCC; one typed for another kind is left out.
        ...(kind === 'org' && values.uscc ? { uscc: values.uscc } : {}),
        adminEmail: values.adminEmail,
      });
      if (!parsed.success) {
        const fields = failingFields(parsed.error.issues);
        const hidden = hiddenCharacterFields(parsed.error.issues);
        const text = (field: 'name' | 'nameEn', message: string): [string] => [
          hidden.has(field) ? m.errors.hiddenCharacters(m.tenants[field]) : message,
        ];
        const messages: Record<string, [string, string?]> = {
          kind: [m.errors.kind, `kind-${CREATABLE[0]}`],
          name: text('name', m.errors.tenantName),
          nameEn: text('nameEn', m.errors.tenantNameEn),
          region: [m.errors.region],
          uscc: [m.errors.uscc],
          adminEmail: [m.errors.email],
        };
        const errors = Object.entries(messages)
          .filter(([field]) => fields.includes(field))
          .map(([field, [message, href]]) => ({ field, message, ...(href ? { href } : {}) }));
        return again(errors);
      }
      let created: Awaited<ReturnType<typeof createTenant>>;
      try {
        created = await createTenant(c.var.ctx, c.var.deps, parsed.data, key);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Conflict && refusal.fields.some((f) => f.path === '/uscc'))
          return again([{ field: 'uscc', message: m.errors.usccTaken }]);
        if (refusal instanceof Refused && refusal.reason === 'idempotency_mismatch')
          return again([{ field: 'name', message: m.errors.duplicate }], randomToken());
        throw error;
      }
      setFlash(c, c.var.pages.cookies, {
        t: 'tenant',
        name: created.tenant.name,
        email: created.invitation.email,
        link: created.adminInvitationLink,
        expiresOn: created.invitation.expiresOn,
      });
      return c.redirect(`${TENANTS}/created`, 303);
    })
    .get(`${TENANTS}/created`, platform, async (c) => {
      const flash = takeFlash(c, c.var.pages.cookies, 'tenant');
      if (!flash) return c.redirect(TENANTS, 303);
      return render(c, <CreatedPage c={c} who={await signedIn(c)} flash={flash} />);
    })
    .get(`${TENANTS}/:tenantId`, platform, async (c) => {
      const id = tenantIdOf(c);
      const { tenant, suspendedBy } = await openTenant(c.var.ctx, id);
      const [members, invitations] = await Promise.all([
        listTenantMembers(c.var.ctx, id, { limit: LIST_SIZE }),
        listTenantInvitations(c.var.ctx, id, { limit: LIST_SIZE }),
      ]);
      return render(
        c,
        <TenantPage
          c={c}
          who={await signedIn(c)}
          tenant={tenant}
          suspendedBy={suspendedBy}
          members={members.items}
          invitations={invitations.items}
          notice={takeFlash(c, c.var.pages.cookies, 'tenantNotice')}
        />,
      );
    })
    .post(`${TENANTS}/:tenantId/invitations/:invitationId/reissue`, platform, async (c) => {
      const id = tenantIdOf(c);
      const invitationId = c.req.param('invitationId');
      if (!UUID.test(invitationId)) throw new NotFound('There is no such invitation');
      try {
        const sent = await reissueInvitation(c.var.ctx, c.var.deps, id, invitationId);
        setFlash(c, c.var.pages.cookies, {
          t: 'reissued',
          tenantId: id,
          email: sent.invitation.email,
          link: sent.link,
          expiresOn: sent.invitation.expiresOn,
        });
        return c.redirect(`${tenantPath(id)}/reissued`, 303);
      } catch (error) {
        if (!(asRefusal(error) instanceof Conflict)) throw error;
        return back(c, id, 'cannotReissue');
      }
    })
    .get(`${TENANTS}/:tenantId/reissued`, platform, async (c) => {
      const { tenant } = await openTenant(c.var.ctx, tenantIdOf(c));
      const id = tenant.id;
      const flash = takeFlash(c, c.var.pages.cookies, 'reissued');
      if (!flash || flash.tenantId !== id) return c.redirect(tenantPath(id), 303);
      return render(c, <ReissuedPage c={c} who={await signedIn(c)} tenantId={id} flash={flash} />);
    })
    .get(`${TENANTS}/:tenantId/suspend`, platform, async (c) => {
      const { tenant } = await openTenant(c.var.ctx, tenantIdOf(c));
      if (tenant.status !== 'active' || tenant.kind === 'platform') return c.redirect(tenantPath(tenant.id), 303);
      return render(c, <SuspendPage c={c} who={await signedIn(c)} tenant={tenant} reason="" errors={[]} />);
    })
    .post(`${TENANTS}/:tenantId/suspend`, platform, async (c) => {
      const id = tenantIdOf(c);
      const form = await readForm(c);
      const reason = form.text('reason');
      const parsed = SuspensionRequest.safeParse({ reason });
      if (!parsed.success) {
        const { tenant } = await openTenant(c.var.ctx, id);
        const errors = [{ field: 'reason', message: c.var.m.platform.reasonError }];
        return render(
          c,
          <SuspendPage c={c} who={await signedIn(c)} tenant={tenant} reason={reason} errors={errors} />,
          400,
        );
      }
      return changeStatus(c, id, 'suspended', (version) => suspendTenant(c.var.ctx, id, version, parsed.data.reason));
    })
    .post(`${TENANTS}/:tenantId/restore`, platform, async (c) => {
      const id = tenantIdOf(c);
      return changeStatus(c, id, 'restored', (version) => restoreTenant(c.var.ctx, id, version));
    });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many members and invitations the tenant page lists (the API pages through the rest). */
const LIST_SIZE = 100;

/** The tenant id in the path; one that cannot be a tenant's answers like an unknown one: 404. */
function tenantIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('tenantId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is no such tenant');
  return id;
}

/** Back to the tenant page with a notice (post-redirect-get). */
function back(c: Context<PageEnv>, tenantId: string, key: TenantNotice['key'], arg = '') {
  setFlash(c, c.var.pages.cookies, { t: 'tenantNotice', key, arg });
  return c.redirect(tenantPath(tenantId), 303);
}

/**
 * Suspends or restores with the version the form was read at: a change since, or a state that no
 * longer allows it (suspended twice in two tabs), goes back to the tenant page saying so.
 */
async function changeStatus(
  c: Context<PageEnv>,
  tenantId: string,
  done: 'suspended' | 'restored',
  change: (version: number) => Promise<TenantRecord>,
) {
  const version = Number((await readForm(c)).text('version'));
  try {
    const tenant = await change(Number.isSafeInteger(version) ? version : 0);
    return back(c, tenantId, done, c.var.lang === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Stale) return back(c, tenantId, 'stale');
    if (refusal instanceof Conflict) return back(c, tenantId, done === 'restored' ? 'notSuspended' : 'stale');
    throw error;
  }
}
