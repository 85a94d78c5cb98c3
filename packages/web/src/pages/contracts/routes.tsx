/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  amendContract,
  asRefusal,
  CONTRACT_READERS,
  CONTRACT_WRITERS,
  Conflict,
  changeContractStatus,
  contractHistory,
  contractRectifications,
  contractVersions,
  contractView,
  createContract,
  editContract,
  getContract,
  listContracts,
  memberNames,
  NotFound,
  peopleChoices,
  permits,
  personNames,
  previewContract,
  type Refusal,
  Stale,
} from '@shegong/core';
import {
  Amendment,
  CONTRACT_SORTS,
  CONTRACT_STATUSES,
  type ContractDraft,
  type ContractStatus,
  type ContractVersion,
  findingText,
  isAmendable,
  isEditable,
  isHiddenCharacterIssue,
  isoDate,
  NEXT_STATUSES,
  type StoredContract,
} from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { refusalErrors, refusedInput } from '../../forms/refusals.ts';
import type { FieldError } from '../../layout/components.tsx';
import { listQueryOf, readListState } from '../../layout/lists.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { EditorPage } from './editor/page.tsx';
import { announcement, CostingFragment, costingSlots, type EditorCosting } from './editor/slots.tsx';
import {
  actionOf,
  anchorOf,
  applyRowAction,
  costableDraft,
  draftFrom,
  type EditorAction,
  type EditorValues,
  emptyValues,
  fieldOf,
  formPath,
  labelled,
  readValues,
  type SkippedRows,
  valuesOf,
  withRow,
} from './form.ts';
import { ContractListPage } from './list.tsx';
import { CONTRACTS, contractHref, floorHref, PRICE_FLOOR } from './paths.ts';
import { ContractPage, VersionPage } from './views.tsx';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PAGE_SIZE = 20;
/** The history records the contract page lists (the verdict covers the whole chain; the API pages the rest). */
const HISTORY_SHOWN = 50;
const NOTICES = ['created', 'saved', 'amended', 'status'] as const;
type NoticeKey = (typeof NOTICES)[number];

const isWriter = (c: Context<PageEnv>) => permits(CONTRACT_WRITERS, c.var.principal);

/** An id in the path that cannot be one of ours answers like another organisation's contract: 404. */
function contractIdOf(c: Context<PageEnv>): string {
  const id = c.req.param('contractId') ?? '';
  if (!ID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

/**
 * What the core refused of a draft, at the editor's fields in the reader's words: no rule set in
 * force, someone not in the registry, a taken contract number, or the findings (N-1, N-3) that
 * refuse a save or a submission. Paths are into the input (an amendment's draft under /draft).
 */
function draftErrors(c: Context<PageEnv>, refusal: Refusal): FieldError[] {
  const k = c.var.m.contracts;
  const codes: Record<string, string> = {
    noRuleSet: k.notices.noRuleSet,
    unknownPerson: k.form.unknownPerson,
  };
  return refusalErrors(refusal, {
    field: (path) => fieldOf(path.replace(/^\/draft(?=\/)/, '')),
    href: anchorOf,
    problem: (problem, field) => labelled(field, (problem.code && codes[problem.code]) || problem.message, c.var.m),
    finding: (f, field) => `${f.ruleId} · ${withRow(field, findingText(f, c.var.lang), k.form)}`,
  });
}

/**
 * The costing of what the form holds: the same operation as POST /v1/contracts/preview (the rule
 * set in force for the purchaser's region on the start date, named persons' pay), or why not yet.
 */
async function costingOf(c: Context<PageEnv>, values: EditorValues, shown: ShownErrors): Promise<EditorCosting> {
  const parsed = costableDraft(values, c.var.m);
  if (!parsed.draft) return { unavailable: true, errors: shownErrors(parsed.errors, shown) };
  return costDraft(c, parsed.draft, parsed.skipped);
}

/** Pressing 重新计算 is trying: every error shows. Adding or removing a row is not. */
const shownAfter = (action: EditorAction): ShownErrors => (action.kind === 'recalculate' ? 'all' : 'none');

/**
 * Which input errors the live costing shows: none on a form just opened, those of the fields the
 * user has left (the recost script sends their names), or all once they press 重新计算 or save.
 */
type ShownErrors = 'none' | 'all' | ReadonlySet<string>;

function shownErrors(errors: readonly FieldError[], shown: ShownErrors): FieldError[] {
  if (shown === 'all') return [...errors];
  if (shown === 'none') return [];
  return errors.filter((e) => shown.has(e.field));
}

async function costDraft(c: Context<PageEnv>, draft: ContractDraft, skipped?: SkippedRows): Promise<EditorCosting> {
  try {
    const preview = await previewContract(c.var.ctx, draft);
    if (!skipped) return { ...preview, draft };
    // Findings point at the rows of the draft costed; the editor's rows include the skipped ones.
    const at = <F extends { path: string }>(f: F): F => ({ ...f, path: formPath(f.path, skipped) });
    const { assessment } = preview;
    return {
      ...preview,
      assessment: {
        ...assessment,
        findings: assessment.findings.map(at),
        costing: { ...assessment.costing, findings: assessment.costing.findings.map(at) },
      },
      draft,
      skipped,
    };
  } catch (error) {
    const refusal = refusedInput(error);
    if (!refusal) throw error;
    const errors = draftErrors(c, refusal);
    return { unavailable: true, errors, reason: errors[0]?.message };
  }
}

interface EditorOptions {
  title: string;
  action: string;
  crumbs: { label: string; href: string }[];
  cancel: string;
  hidden: Record<string, string>;
  amendment?: boolean;
  stale?: string;
  floorHref?: string;
}

async function editorPage(
  c: Context<PageEnv>,
  options: EditorOptions,
  values: EditorValues,
  errors: FieldError[],
  status: 200 | 400 | 409 | 422 = 200,
  shown: ShownErrors = status === 200 ? 'none' : 'all',
) {
  const [who, people, costing] = await Promise.all([
    signedIn(c),
    peopleChoices(c.var.ctx),
    costingOf(c, values, shown),
  ]);
  return render(
    c,
    <EditorPage c={c} who={who} {...options} values={values} errors={errors} costing={costing} people={people} />,
    status,
  );
}

/** What a posted editor asks for: a row added or removed, a recalculation, or a save (with its draft). */
async function readEditor(c: Context<PageEnv>) {
  const form = await readForm(c);
  const values = readValues(form);
  const action = actionOf(form.text('action'));
  return { form, values: applyRowAction(values, action), action };
}

function noticeOf(c: Context<PageEnv>, contract?: StoredContract): string | undefined {
  const k = c.var.m.contracts;
  const key = c.req.query('notice') as NoticeKey | undefined;
  if (!key || !NOTICES.includes(key)) return undefined;
  if (key === 'created') return k.notices.created;
  if (key === 'saved') return k.notices.saved;
  if (key === 'amended') return k.notices.amended(contract?.currentVersion ?? 1);
  return contract ? k.notices.status(k.statuses[contract.status]) : undefined;
}

/** The names of the people who saved versions (user ids in the record, names on the page). */
const namesOf = (c: Context<PageEnv>, versions: readonly ContractVersion[]) =>
  memberNames(
    c.var.ctx,
    versions.map((v) => v.savedBy),
  );

/**
 * Names for the persons an amendment named or unnamed on a post: from the versions' costed posts
 * first, then from the registry (a person unnamed before any version shown here).
 */
async function namedPersonsOf(c: Context<PageEnv>, versions: readonly ContractVersion[]) {
  const names = new Map<string, string>();
  for (const v of versions)
    for (const post of v.costedPosts) if (post.personId && post.personName) names.set(post.personId, post.personName);
  const changed = versions.flatMap((v) =>
    (v.amendment?.changes ?? []).flatMap((ch) => (ch.path.endsWith('/personId') ? [ch.before, ch.after] : [])),
  );
  const missing = [...new Set(changed.filter((id): id is string => typeof id === 'string' && !names.has(id)))];
  for (const [id, name] of await personNames(c.var.ctx, missing)) names.set(id, name);
  return names;
}

async function allVersions(c: Context<PageEnv>, id: string): Promise<ContractVersion[]> {
  const out: ContractVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await contractVersions(c.var.ctx, id, { limit: 50, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor && out.length < 500);
  return out;
}

async function contractPage(
  c: Context<PageEnv>,
  id: string,
  extra: { errors?: FieldError[]; status?: 200 | 409 | 422 } = {},
) {
  // The view first: reading a stale draft recosts it, and the versions listed must be the ones after.
  const [who, view] = await Promise.all([signedIn(c), contractView(c.var.ctx, id)]);
  const [versions, findings, history] = await Promise.all([
    allVersions(c, id),
    contractRectifications(c.var.ctx, id),
    contractHistory(c.var.ctx, id, { limit: HISTORY_SHOWN }),
  ]);
  return render(
    c,
    <ContractPage
      c={c}
      who={who}
      contract={view.contract}
      version={view.version}
      versions={versions}
      names={await namesOf(c, versions)}
      people={await namedPersonsOf(c, versions)}
      writer={isWriter(c)}
      today={c.var.ctx.clock.today()}
      notice={extra.errors ? undefined : noticeOf(c, view.contract)}
      errors={extra.errors}
      findings={findings}
      history={history}
    />,
    extra.status ?? 200,
  );
}

const staleOf = (error: unknown) => asRefusal(error) instanceof Stale;
const conflictOf = (error: unknown) => asRefusal(error) instanceof Conflict;

export function contractRoutes(session: TokenSource) {
  // As the API: every member of the organisation reads its contracts; admin, project managers and finance write them.
  const members = pageAccess(CONTRACT_READERS, session);
  const writers = pageAccess(CONTRACT_WRITERS, session);

  const newOptions = (c: Context<PageEnv>, key: string): EditorOptions => {
    const k = c.var.m.contracts;
    return {
      title: k.editor.newTitle,
      action: `${CONTRACTS}/new`,
      crumbs: [{ label: k.title, href: CONTRACTS }],
      cancel: CONTRACTS,
      hidden: { _key: key },
      floorHref: PRICE_FLOOR,
    };
  };

  const changeOptions = (
    c: Context<PageEnv>,
    contract: StoredContract,
    amendment: boolean,
    version = contract.version,
  ) => {
    const k = c.var.m.contracts;
    const here = contractHref(contract.id);
    return {
      title: amendment ? k.editor.amendPageTitle(contract.title) : k.editor.editTitle(contract.title),
      action: `${here}/${amendment ? 'amend' : 'edit'}`,
      crumbs: [
        { label: k.title, href: CONTRACTS },
        { label: contract.title, href: here },
      ],
      cancel: here,
      hidden: { version: String(version) },
      amendment,
      floorHref: floorHref(contract.id),
    } satisfies EditorOptions;
  };

  /** POST edit and amend: the same editor, one saving in place (draft), one adding a version. */
  const saveChange = (amendment: boolean) => async (c: Context<PageEnv>) => {
    const k = c.var.m.contracts;
    const id = contractIdOf(c);
    const current = await getContract(c.var.ctx, id);
    const { form, values, action } = await readEditor(c);
    const posted = formVersion(form.text('version'));
    const options = changeOptions(c, current, amendment, posted ?? current.version);
    if (action.kind !== 'save') return editorPage(c, options, values, [], 200, shownAfter(action));
    if (!(amendment ? isAmendable(current.status) : isEditable(current.status)))
      return c.redirect(contractHref(id), 303);
    const parsed = draftFrom(values, c.var.m);
    const errors: FieldError[] = [...parsed.errors];
    if (amendment) {
      const reason = Amendment.shape.reason.safeParse(values.reason);
      if (!reason.success)
        errors.push({
          field: 'reason',
          message: reason.error.issues.some(isHiddenCharacterIssue)
            ? c.var.m.errors.hiddenCharacters(k.editor.reason)
            : values.reason
              ? k.form.tooLong
              : k.form.required,
        });
      if (!isoDate.safeParse(values.effectiveDate).success)
        errors.push({ field: 'effectiveDate', message: k.form.date });
    }
    if (!parsed.draft || errors.length) return editorPage(c, options, values, errors, 400);
    // A version the form was not read at: someone else saved meanwhile. Keep what was typed, say so,
    // and carry the version stored now, so saving again (after checking) is a deliberate overwrite.
    const stale = async () => {
      const latest = await getContract(c.var.ctx, id);
      const hidden = { version: String(latest.version) };
      return editorPage(c, { ...options, hidden, stale: options.action }, values, [], 409);
    };
    if (posted === undefined || posted !== current.version) return stale();
    try {
      if (amendment) {
        const input = Amendment.parse({
          reason: values.reason,
          effectiveDate: values.effectiveDate,
          draft: parsed.draft,
        });
        await amendContract(c.var.ctx, id, input, posted);
      } else {
        await editContract(c.var.ctx, id, parsed.draft, posted);
      }
    } catch (error) {
      if (staleOf(error)) return stale();
      const refused = refusedInput(error);
      if (refused) return editorPage(c, options, values, draftErrors(c, refused), 422);
      if (conflictOf(error)) return editorPage(c, options, values, conflictErrors(c, error), 409);
      throw error;
    }
    return c.redirect(`${contractHref(id)}?notice=${amendment ? 'amended' : 'saved'}`, 303);
  };

  /** GET edit and amend: the current version in the editor (wrong state: back to the contract). */
  const showChange = (amendment: boolean) => async (c: Context<PageEnv>) => {
    const id = contractIdOf(c);
    const view = await contractView(c.var.ctx, id);
    if (!(amendment ? isAmendable(view.contract.status) : isEditable(view.contract.status)))
      return c.redirect(contractHref(id), 303);
    const today = c.var.ctx.clock.today();
    const values = { ...valuesOf(view.version.draft), ...(amendment ? { effectiveDate: today } : {}) };
    return editorPage(c, changeOptions(c, view.contract, amendment), values, []);
  };

  return (
    new Hono<PageEnv>()
      .get(CONTRACTS, members, async (c) => {
        const state = readListState(c, CONTRACT_SORTS, { status: CONTRACT_STATUSES });
        const status = state.filters.status as ContractStatus | undefined;
        const [who, page] = await Promise.all([
          signedIn(c),
          listContracts(
            c.var.ctx,
            { limit: PAGE_SIZE, ...(state.cursor ? { cursor: state.cursor } : {}) },
            { ...listQueryOf(state), ...(status ? { status } : {}) },
          ),
        ]);
        return render(
          c,
          <ContractListPage
            c={c}
            who={who}
            contracts={page.items}
            state={state}
            next={page.cursor}
            writer={isWriter(c)}
          />,
        );
      })
      .get(`${CONTRACTS}/new`, writers, async (c) =>
        editorPage(c, newOptions(c, randomToken()), emptyValues(c.var.tenant.region), []),
      )
      .post(`${CONTRACTS}/new`, writers, async (c) => {
        const { form, values, action } = await readEditor(c);
        const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
        const options = newOptions(c, key);
        if (action.kind !== 'save') return editorPage(c, options, values, [], 200, shownAfter(action));
        const parsed = draftFrom(values, c.var.m);
        if (!parsed.draft) return editorPage(c, options, values, parsed.errors, 400);
        let created: StoredContract;
        try {
          // A double submit of one form (its `_key`) creates one contract and lands on it.
          ({ contract: created } = await createContract(c.var.ctx, parsed.draft, key));
        } catch (error) {
          const refused = refusedInput(error);
          if (refused) return editorPage(c, options, values, draftErrors(c, refused), 422);
          if (conflictOf(error)) return editorPage(c, options, values, conflictErrors(c, error), 409);
          throw error;
        }
        return c.redirect(`${contractHref(created.id)}?notice=created`, 303);
      })
      // The costing as you type: the editor's slots as a fragment (the recost script swaps them in).
      .post(`${CONTRACTS}/preview`, writers, async (c) => {
        const form = await readForm(c);
        const values = readValues(form);
        const costing = await costingOf(c, values, new Set(form.list('_touched')));
        const slots = costingSlots(c, values, costing);
        c.header('Cache-Control', 'no-store');
        const html = await (
          <CostingFragment slots={slots} announce={announcement(c.var.m.contracts, costing)} />
        ).toString();
        return c.html(html);
      })
      .get(`${CONTRACTS}/:contractId`, members, async (c) => contractPage(c, contractIdOf(c)))
      .get(`${CONTRACTS}/:contractId/edit`, writers, showChange(false))
      .post(`${CONTRACTS}/:contractId/edit`, writers, saveChange(false))
      .get(`${CONTRACTS}/:contractId/amend`, writers, showChange(true))
      .post(`${CONTRACTS}/:contractId/amend`, writers, saveChange(true))
      .post(`${CONTRACTS}/:contractId/status`, writers, async (c) => {
        const k = c.var.m.contracts;
        const id = contractIdOf(c);
        const current = await getContract(c.var.ctx, id);
        const form = await readForm(c);
        const to = form.text('to') as ContractStatus;
        const date = form.date('date');
        const version = formVersion(form.text('version'));
        if (!NEXT_STATUSES[current.status].includes(to))
          return contractPage(c, id, { errors: [{ field: 'status', message: k.notices.wrongState }], status: 409 });
        if (date && !isoDate.safeParse(date).success)
          return contractPage(c, id, {
            errors: [{ field: `status-${to}-date`, message: k.transitions.dateError }],
            status: 422,
          });
        if (version === undefined || version !== current.version)
          return contractPage(c, id, { errors: [{ field: 'status', message: k.notices.stale }], status: 409 });
        try {
          await changeContractStatus(c.var.ctx, id, { to, ...(date ? { date } : {}) }, version);
        } catch (error) {
          if (staleOf(error))
            return contractPage(c, id, { errors: [{ field: 'status', message: k.notices.stale }], status: 409 });
          const refused = refusedInput(error);
          if (refused) return contractPage(c, id, { errors: draftErrors(c, refused), status: 422 });
          if (conflictOf(error))
            return contractPage(c, id, { errors: [{ field: 'status', message: k.notices.wrongState }], status: 409 });
          throw error;
        }
        return c.redirect(`${contractHref(id)}?notice=status`, 303);
      })
      .get(`${CONTRACTS}/:contractId/versions/:number`, members, async (c) => {
        const id = contractIdOf(c);
        const number = c.req.param('number');
        if (!/^[1-9]\d{0,3}$/.test(number)) throw new NotFound('There is nothing at this address');
        const [who, view] = await Promise.all([signedIn(c), contractView(c.var.ctx, id, Number(number))]);
        const names = await namesOf(c, [view.version]);
        return render(
          c,
          <VersionPage
            c={c}
            who={who}
            contract={view.contract}
            version={view.version}
            savedBy={names.get(view.version.savedBy) ?? c.var.m.contracts.versions.someone}
            people={await namedPersonsOf(c, [view.version])}
          />,
        );
      })
  );
}

/** A conflict on save: the contract number is taken (the store's guard), or the status moved on. */
function conflictErrors(c: Context<PageEnv>, error: unknown): FieldError[] {
  const k = c.var.m.contracts;
  const paths = asRefusal(error)?.fields.map((f) => f.path) ?? [];
  if (paths.some((f) => /(^|\/)number$/.test(f))) return [{ field: 'number', message: k.notices.numberTaken }];
  return [{ field: 'title', message: k.notices.wrongState }];
}
