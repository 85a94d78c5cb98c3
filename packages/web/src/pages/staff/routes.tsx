/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Person, PersonInput } from '@shegong/domain';
import {
  commitOnce,
  flagsOf,
  masked,
  ProblemError,
  registryRules,
  STAFF_FLAGS,
  type StaffFlag,
  seesPersonalData,
  summarise,
  type TokenSource,
} from '@shegong/http';
import { StoreError } from '@shegong/store';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { STAFF_EXPORT } from '../imports/routes.tsx';
import {
  checkPerson,
  FormPage,
  LIST_FORMS,
  type ListForm,
  PERSON_FIELDS,
  personCrumbs,
  personForm,
  personFromForm,
  personValues,
  type Values,
} from './forms.tsx';
import {
  DeletePage,
  PersonPage,
  STAFF,
  type StaffContext,
  type StaffEntry,
  StaffListPage,
  type StaffNotice,
} from './views.tsx';

/** Org tenants only, as the API: readers see the registry, hr and admin keep it. */
const READERS = { kinds: ['org'], roles: ['admin', 'hr', 'finance', 'project_manager'] } as const;
const KEEPERS = { kinds: ['org'], roles: ['admin', 'hr'] } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES: readonly StaffNotice[] = ['created', 'saved', 'deleted', 'stale'];

/** An id in the path that cannot be one of ours answers like another organisation's person: 404. */
function personIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('personId') ?? '';
  if (!UUID.test(id)) throw new ProblemError(404, 'There is nothing at this address');
  return id;
}

function noticeOf(c: Context<PageEnv>): StaffNotice | undefined {
  const value = c.req.query('notice') as StaffNotice | undefined;
  return value && NOTICES.includes(value) ? value : undefined;
}

const isKeeper = (c: Context<PageEnv>) => c.var.principal.roles.some((r) => r === 'admin' || r === 'hr');

/** The rule set in force today and the organisation's ladder level names. */
async function staffContext(c: Context<PageEnv>): Promise<StaffContext> {
  const [rules, ladder] = await Promise.all([
    registryRules(c.var.deps, c.var.tenant.region),
    c.var.repos.ladders.find().catch(() => undefined),
  ]);
  const levels = new Map<string, string>((ladder?.levels ?? []).map((l) => [l.id, l.name]));
  return { today: rules.today, ruleSet: rules.ruleSet, levels, keeper: isKeeper(c) };
}

/**
 * The whole registry with every person's summary and the flag counts. Counts and filters need
 * every summary; the registry is bounded by the organisation's size (tens to a few thousand).
 */
export async function registry(c: Context<PageEnv>) {
  const [context, people] = await Promise.all([staffContext(c), c.var.repos.people.listAll()]);
  const all = people
    .map((p) => entryOf(c, p, context))
    .sort((a, b) => a.person.name.localeCompare(b.person.name, 'zh-CN'));
  const counts = Object.fromEntries(
    STAFF_FLAGS.map((f) => [f, all.filter((e) => e.summary?.flags.includes(f)).length]),
  ) as Record<StaffFlag, number>;
  return { context, all, counts };
}

/** Who may read the registry (the dashboard shows them its flags). */
export const canReadRegistry = (c: Context<PageEnv>) =>
  c.var.principal.kind === 'org' && c.var.principal.roles.some((r) => (READERS.roles as readonly string[]).includes(r));

function entryOf(c: Context<PageEnv>, person: Person, context: StaffContext): StaffEntry {
  const summary = summarise(person, { today: context.today, ...(context.ruleSet ? { ruleSet: context.ruleSet } : {}) });
  return {
    person: masked(person, c.var.principal),
    ...(summary ? { summary: { ...summary, flags: flagsOf(summary) } } : {}),
  };
}

const levelChoices = (context: StaffContext) => [...context.levels].map(([value, label]) => ({ value, label }));

function valuesOf(form: Awaited<ReturnType<typeof readForm>>, names: readonly string[]): Values {
  return Object.fromEntries(names.map((n) => [n, form.text(n)]));
}

/** A store conflict on a guarded number, as a field error of the form that caused it. */
function conflictField(
  c: Context<PageEnv>,
  error: unknown,
  fields: { idCard?: string; certificate?: string },
): { field: string; message: string } | undefined {
  if (!(error instanceof StoreError) || error.code !== 'conflict') return undefined;
  const field = String(error.detail.field ?? '');
  const s = c.var.m.staff;
  if (field === 'idCardNumber' && fields.idCard) return { field: fields.idCard, message: s.errors.idCardTaken };
  if (field.startsWith('certificates/') && fields.certificate)
    return { field: fields.certificate, message: s.errors.numberTaken };
  return undefined;
}

export function staffRoutes(session: TokenSource) {
  const readers = pageAccess(READERS, session);
  const keepers = pageAccess(KEEPERS, session);

  const app = new Hono<PageEnv>()
    .get(STAFF, readers, async (c) => {
      const flagParam = c.req.query('flag');
      const flag = STAFF_FLAGS.includes(flagParam as StaffFlag) ? (flagParam as StaffFlag) : undefined;
      const { context, all, counts } = await registry(c);
      const entries = flag ? all.filter((e) => e.summary?.flags.includes(flag)) : all;
      return render(
        c,
        <StaffListPage
          c={c}
          who={await signedIn(c)}
          context={context}
          entries={entries}
          total={all.length}
          counts={counts}
          flag={flag}
          notice={noticeOf(c)}
          exportHref={STAFF_EXPORT}
        />,
      );
    })
    .get(`${STAFF}/new`, keepers, async (c) => {
      const s = c.var.m.staff;
      const context = await staffContext(c);
      return render(
        c,
        <FormPage
          c={c}
          who={await signedIn(c)}
          spec={{ ...personForm(s, `${STAFF}/new`, s.form.addTitle, levelChoices(context)), lead: s.form.addLead }}
          values={{}}
          errors={[]}
          crumbs={personCrumbs(s)}
          cancel={STAFF}
          hidden={{ _key: randomToken() }}
        />,
      );
    })
    .post(`${STAFF}/new`, keepers, async (c) => {
      const s = c.var.m.staff;
      const { repos } = c.var;
      const form = await readForm(c);
      const values = valuesOf(form, PERSON_FIELDS);
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const context = await staffContext(c);
      const again = async (errors: { field: string; message: string }[]) =>
        render(
          c,
          <FormPage
            c={c}
            who={await signedIn(c)}
            spec={{ ...personForm(s, `${STAFF}/new`, s.form.addTitle, levelChoices(context)), lead: s.form.addLead }}
            values={values}
            errors={errors}
            crumbs={personCrumbs(s)}
            cancel={STAFF}
            hidden={{ _key: key }}
          />,
          400,
        );
      const checked = checkPerson(c.var.m, personFromForm(values), { fields: PERSON_FIELDS, values });
      if ('errors' in checked) return again(checked.errors);
      let created: Person;
      try {
        created = (
          await commitOnce(repos, key, { method: 'POST', route: `${STAFF}/new`, input: checked.input }, () => {
            const mutation = repos.scope.mutation();
            const person = repos.people.add(mutation, checked.input);
            mutation.audited('person.create', 'Person', person.id, person.version, person);
            return { mutation, body: person };
          })
        ).body;
      } catch (error) {
        const field = conflictField(c, error, { idCard: 'idCardNumber' });
        if (field) return again([field]);
        throw error;
      }
      return c.redirect(`${STAFF}/${created.id}?notice=created`, 303);
    })
    .get(`${STAFF}/:personId`, readers, async (c) => {
      const [context, person] = await Promise.all([staffContext(c), c.var.repos.people.get(personIdOf(c))]);
      return render(
        c,
        <PersonPage
          c={c}
          who={await signedIn(c)}
          context={context}
          entry={entryOf(c, person, context)}
          seesPersonalData={seesPersonalData(c.var.principal)}
          notice={noticeOf(c)}
        />,
      );
    })
    .get(`${STAFF}/:personId/edit`, keepers, async (c) => {
      const s = c.var.m.staff;
      const [context, person] = await Promise.all([staffContext(c), c.var.repos.people.get(personIdOf(c))]);
      const action = `${STAFF}/${person.id}/edit`;
      return render(
        c,
        <FormPage
          c={c}
          who={await signedIn(c)}
          spec={personForm(s, action, s.form.editTitle(person.name), levelChoices(context))}
          values={personValues(person)}
          errors={[]}
          crumbs={personCrumbs(s, person)}
          cancel={`${STAFF}/${person.id}`}
          hidden={{ version: String(person.version) }}
        />,
      );
    })
    .post(`${STAFF}/:personId/edit`, keepers, async (c) => {
      const s = c.var.m.staff;
      const { repos } = c.var;
      const [context, current] = await Promise.all([staffContext(c), repos.people.get(personIdOf(c))]);
      const form = await readForm(c);
      const values = valuesOf(form, PERSON_FIELDS);
      const version = formVersion(form.text('version'));
      const action = `${STAFF}/${current.id}/edit`;
      const again = async (errors: { field: string; message: string }[], person = current, stale = false) =>
        render(
          c,
          <FormPage
            c={c}
            who={await signedIn(c)}
            spec={personForm(s, action, s.form.editTitle(person.name), levelChoices(context))}
            values={stale ? personValues(person) : values}
            errors={errors}
            crumbs={personCrumbs(s, person)}
            cancel={`${STAFF}/${person.id}`}
            hidden={{ version: String(person.version) }}
            stale={stale}
          />,
          stale ? 409 : 400,
        );
      if (version === undefined || version !== current.version) return again([], current, true);
      const checked = checkPerson(c.var.m, personFromForm(values, current), { fields: PERSON_FIELDS, values });
      if ('errors' in checked) return again(checked.errors);
      try {
        await repos.people.replace(current.id, version, checked.input);
      } catch (error) {
        if (error instanceof StoreError && error.code === 'stale_version')
          return again([], await repos.people.get(current.id), true);
        const field = conflictField(c, error, { idCard: 'idCardNumber' });
        if (field) return again([field]);
        throw error;
      }
      return c.redirect(`${STAFF}/${current.id}?notice=saved`, 303);
    })
    .get(`${STAFF}/:personId/delete`, keepers, async (c) => {
      const person = await c.var.repos.people.get(personIdOf(c));
      return render(c, <DeletePage c={c} who={await signedIn(c)} person={person} />);
    })
    .post(`${STAFF}/:personId/delete`, keepers, async (c) => {
      const { repos } = c.var;
      const id = personIdOf(c);
      const current = await repos.people.get(id);
      const version = formVersion((await readForm(c)).text('version'));
      try {
        if (version === undefined) throw new StoreError('stale_version', 'no version');
        await repos.people.remove(id, version);
      } catch (error) {
        if (error instanceof StoreError && error.code === 'stale_version')
          return c.redirect(`${STAFF}/${current.id}?notice=stale`, 303);
        throw error;
      }
      return c.redirect(`${STAFF}?notice=deleted`, 303);
    });

  for (const list of LIST_FORMS) addListForm(app, list, keepers);
  return app;
}

/** GET and POST of one small form that adds an entry to one of a person's lists. */
function addListForm(app: Hono<PageEnv>, list: ListForm, keepers: ReturnType<typeof pageAccess>) {
  const path = `${STAFF}/:personId/${list.segment}/new`;
  const show = async (
    c: Context<PageEnv>,
    person: Person,
    values: Values,
    errors: { field: string; message: string }[],
    status: 200 | 400 | 409 = 200,
  ) => {
    const s = c.var.m.staff;
    return render(
      c,
      <FormPage
        c={c}
        who={await signedIn(c)}
        spec={list.spec(s, `${STAFF}/${person.id}/${list.segment}/new`)}
        values={values}
        errors={errors}
        crumbs={personCrumbs(s, person)}
        cancel={`${STAFF}/${person.id}`}
        hidden={{ version: String(person.version) }}
        stale={status === 409}
      />,
      status,
    );
  };
  app
    .get(path, keepers, async (c) => show(c, await c.var.repos.people.get(personIdOf(c)), {}, []))
    .post(path, keepers, async (c) => {
      const { repos } = c.var;
      const current = await repos.people.get(personIdOf(c));
      const form = await readForm(c);
      const values = valuesOf(form, list.fields);
      const version = formVersion(form.text('version'));
      if (version === undefined || version !== current.version) return show(c, current, values, [], 409);
      const index = current[list.list].length;
      const candidate = { ...inputOf(current), [list.list]: [...current[list.list], list.build(values)] };
      const checked = checkPerson(c.var.m, candidate, { fields: list.fields, values, list: list.list, index });
      if ('errors' in checked) return show(c, current, values, checked.errors, 400);
      try {
        await repos.people.replace(current.id, version, checked.input, list.audit);
      } catch (error) {
        if (error instanceof StoreError && error.code === 'stale_version')
          return show(c, await repos.people.get(current.id), values, [], 409);
        const field = conflictField(c, error, { certificate: 'number' });
        if (field) return show(c, current, values, [field], 400);
        throw error;
      }
      return c.redirect(`${STAFF}/${current.id}?notice=saved`, 303);
    });
}

function inputOf(person: Person): PersonInput {
  const { id: _id, createdAt: _c, version: _v, ...input } = person;
  return input;
}
