/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  addPerson,
  asRefusal,
  Conflict,
  EXAM_COST_KEEPERS,
  examCostsOfPerson,
  findLadder,
  getPerson,
  NotFound,
  PEOPLE_KEEPERS,
  PEOPLE_READERS,
  permits,
  personRecord,
  type RegistryRules,
  registryRules,
  removePerson,
  replacePerson,
  Stale,
  staffPage,
  staffRegistry,
} from '@shegong/core';
import {
  type Person,
  type PersonInput,
  type PersonView,
  STAFF_FLAGS,
  STAFF_SORTS,
  type StaffFlag,
  seesPersonalData,
} from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { refusedInput } from '../../forms/refusals.ts';
import { listQueryOf, readListState } from '../../layout/lists.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { STAFF_EXPORT } from '../imports/routes.tsx';
import { postingsFor } from '../targets/postings.tsx';
import {
  checkPerson,
  DATE_FIELDS,
  FormPage,
  LIST_FORMS,
  type ListForm,
  listFormRefusal,
  NEW_PERSON_FIELDS,
  PERSON_FIELDS,
  personCrumbs,
  personForm,
  personFromForm,
  personValues,
  type Values,
} from './forms.tsx';
import { DeletePage, PersonPage } from './person.tsx';
import { PersonalDataCard } from './privacy.tsx';
import { STAFF, type StaffContext, type StaffEntry, StaffListPage, type StaffNotice } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES: readonly StaffNotice[] = ['created', 'saved', 'deleted', 'stale'];
/** People a page of the staff list shows (Ant Design's default page size). */
const PAGE_SIZE = 10;

/** An id in the path that cannot be one of ours answers like another organisation's person: 404. */
function personIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('personId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

function noticeOf(c: Context<PageEnv>): StaffNotice | undefined {
  const value = c.req.query('notice') as StaffNotice | undefined;
  return value && NOTICES.includes(value) ? value : undefined;
}

const isKeeper = (c: Context<PageEnv>) => permits(PEOPLE_KEEPERS, c.var.principal);

/** The rule set in force today (or the one given) and the organisation's ladder level names. */
async function staffContext(c: Context<PageEnv>, known?: RegistryRules): Promise<StaffContext> {
  const [rules, ladder] = await Promise.all([
    known ?? registryRules(c.var.ctx),
    findLadder(c.var.ctx).catch(() => undefined),
  ]);
  const levels = new Map<string, string>((ladder?.levels ?? []).map((l) => [l.id, l.name]));
  return { today: rules.today, ruleSet: rules.ruleSet, levels, keeper: isKeeper(c) };
}

/** A person as the pages show them: their record and today's summary with its flags. */
const entryOf = ({ summary, ...person }: PersonView): StaffEntry => ({ person, ...(summary ? { summary } : {}) });

/**
 * The whole registry with every person's summary and the flag counts. Counts and filters need
 * every summary; the registry is bounded by the organisation's size (tens to a few thousand).
 */
export async function registry(c: Context<PageEnv>) {
  const { rules, people } = await staffRegistry(c.var.ctx);
  const context = await staffContext(c, rules);
  const all = people.map(entryOf);
  const counts = Object.fromEntries(
    STAFF_FLAGS.map((f) => [f, all.filter((e) => e.summary?.flags.includes(f)).length]),
  ) as Record<StaffFlag, number>;
  return { context, all, counts };
}

/** Who may read the registry (the dashboard shows them its flags). */
export const canReadRegistry = (c: Context<PageEnv>) => permits(PEOPLE_READERS, c.var.principal);

const levelChoices = (context: StaffContext) => [...context.levels].map(([value, label]) => ({ value, label }));

function valuesOf(form: Awaited<ReturnType<typeof readForm>>, names: readonly string[]): Values {
  return Object.fromEntries(names.map((n) => [n, DATE_FIELDS.has(n) ? form.date(n) : form.text(n)]));
}

/** A conflict on a guarded number (an ID card, a certificate), as a field error of the form that caused it. */
function conflictField(
  c: Context<PageEnv>,
  error: unknown,
  fields: { idCard?: string; certificate?: string },
): { field: string; message: string } | undefined {
  const refusal = asRefusal(error);
  if (!(refusal instanceof Conflict)) return undefined;
  const s = c.var.m.staff;
  for (const { path } of refusal.fields) {
    if (path === '/idCardNumber' && fields.idCard) return { field: fields.idCard, message: s.errors.idCardTaken };
    if (path.startsWith('/certificates/') && fields.certificate)
      return { field: fields.certificate, message: s.errors.numberTaken };
  }
  return undefined;
}

/** Whether an error is a stale version (someone saved the person since the form was read). */
const isStale = (error: unknown) => asRefusal(error) instanceof Stale;

export function staffRoutes(session: TokenSource) {
  const readers = pageAccess(PEOPLE_READERS, session);
  const keepers = pageAccess(PEOPLE_KEEPERS, session);

  const app = new Hono<PageEnv>()
    .get(STAFF, readers, async (c) => {
      const state = readListState(c, STAFF_SORTS, { flag: STAFF_FLAGS });
      const flag = state.filters.flag as StaffFlag | undefined;
      const { context, all, counts } = await registry(c);
      // The registry is read whole for its counts anyway: the page is cut from it (staff-list.ts).
      const page = staffPage(
        all.map(({ person, summary }) => ({ ...person, ...(summary ? { summary } : {}) })),
        { ...listQueryOf(state), ...(flag ? { flag } : {}) },
        { limit: PAGE_SIZE, ...(state.cursor ? { cursor: state.cursor } : {}) },
      );
      return render(
        c,
        <StaffListPage
          c={c}
          who={await signedIn(c)}
          context={context}
          entries={page.items.map(entryOf)}
          total={all.length}
          counts={counts}
          state={state}
          next={page.cursor}
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
          spec={{
            ...personForm(s, `${STAFF}/new`, s.form.addTitle, levelChoices(context), true),
            lead: s.form.addLead,
          }}
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
      const form = await readForm(c);
      const values = valuesOf(form, NEW_PERSON_FIELDS);
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const context = await staffContext(c);
      const again = async (errors: { field: string; message: string }[]) =>
        render(
          c,
          <FormPage
            c={c}
            who={await signedIn(c)}
            spec={{
              ...personForm(s, `${STAFF}/new`, s.form.addTitle, levelChoices(context), true),
              lead: s.form.addLead,
            }}
            values={values}
            errors={errors}
            crumbs={personCrumbs(s)}
            cancel={STAFF}
            hidden={{ _key: key }}
          />,
          400,
        );
      const { tenant } = c.var.ctx;
      const candidate = personFromForm(values, undefined, { name: tenant.name, region: tenant.region });
      const checked = checkPerson(c.var.m, candidate, { fields: NEW_PERSON_FIELDS, values });
      if ('errors' in checked) return again(checked.errors);
      let created: Person;
      try {
        ({ person: created } = await addPerson(c.var.ctx, checked.input, key));
      } catch (error) {
        const field = conflictField(c, error, { idCard: 'idCardNumber' });
        if (field) return again([field]);
        throw error;
      }
      return c.redirect(`${STAFF}/${created.id}?notice=created`, 303);
    })
    .get(`${STAFF}/:personId`, readers, async (c) => {
      const [context, person] = await Promise.all([staffContext(c), getPerson(c.var.ctx, personIdOf(c))]);
      // P-A1: shown to those who record reimbursements (hr, finance, admin).
      const examCosts = permits(EXAM_COST_KEEPERS, c.var.principal)
        ? await examCostsOfPerson(c.var.ctx, person.id)
        : undefined;
      return render(
        c,
        <PersonPage
          c={c}
          who={await signedIn(c)}
          context={context}
          entry={entryOf(person)}
          seesPersonalData={seesPersonalData(c.var.principal)}
          notice={noticeOf(c)}
          examCosts={examCosts}
          more={
            <>
              {await postingsFor(c, person.id)}
              <PersonalDataCard c={c} person={person} />
            </>
          }
        />,
      );
    })
    .get(`${STAFF}/:personId/edit`, keepers, async (c) => {
      const s = c.var.m.staff;
      const [context, person] = await Promise.all([staffContext(c), personRecord(c.var.ctx, personIdOf(c))]);
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
      const [context, current] = await Promise.all([staffContext(c), personRecord(c.var.ctx, personIdOf(c))]);
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
        await replacePerson(c.var.ctx, current.id, version, checked.input, undefined, current);
      } catch (error) {
        if (isStale(error)) return again([], await personRecord(c.var.ctx, current.id), true);
        const field = conflictField(c, error, { idCard: 'idCardNumber' });
        if (field) return again([field]);
        throw error;
      }
      return c.redirect(`${STAFF}/${current.id}?notice=saved`, 303);
    })
    .get(`${STAFF}/:personId/delete`, keepers, async (c) => {
      const person = await personRecord(c.var.ctx, personIdOf(c));
      return render(c, <DeletePage c={c} who={await signedIn(c)} person={person} />);
    })
    .post(`${STAFF}/:personId/delete`, keepers, async (c) => {
      const id = personIdOf(c);
      const current = await personRecord(c.var.ctx, id);
      const version = formVersion((await readForm(c)).text('version'));
      try {
        if (version === undefined) throw new Stale('The form holds no version');
        await removePerson(c.var.ctx, id, version);
      } catch (error) {
        if (isStale(error)) return c.redirect(`${STAFF}/${current.id}?notice=stale`, 303);
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
    .get(path, keepers, async (c) => show(c, await personRecord(c.var.ctx, personIdOf(c)), {}, []))
    .post(path, keepers, async (c) => {
      const current = await personRecord(c.var.ctx, personIdOf(c));
      const form = await readForm(c);
      const values = valuesOf(form, list.fields);
      const version = formVersion(form.text('version'));
      if (version === undefined || version !== current.version) return show(c, current, values, [], 409);
      const index = current[list.list].length;
      const candidate = { ...inputOf(current), [list.list]: [...current[list.list], list.build(values)] };
      const checked = checkPerson(c.var.m, candidate, { fields: list.fields, values, list: list.list, index });
      if ('errors' in checked) return show(c, current, values, checked.errors, 400);
      try {
        await replacePerson(c.var.ctx, current.id, version, checked.input, list.audit, current);
      } catch (error) {
        if (isStale(error)) return show(c, await personRecord(c.var.ctx, current.id), values, [], 409);
        const field = conflictField(c, error, { certificate: 'number' });
        if (field) return show(c, current, values, [field], 400);
        const refused = refusedInput(error);
        if (refused) return show(c, current, values, listFormRefusal(c.var.m, refused, list), 400);
        throw error;
      }
      return c.redirect(`${STAFF}/${current.id}?notice=saved`, 303);
    });
}

function inputOf(person: Person): PersonInput {
  const { id: _id, createdAt: _c, version: _v, ...input } = person;
  return input;
}
