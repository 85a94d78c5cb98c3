/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  checkLadder,
  findLadder,
  LADDER_EDITORS,
  LADDER_MANAGERS,
  LADDER_READERS,
  ladderStandings,
  ladderVersion,
  ladderVersions,
  NotFound,
  NotQualified,
  type PromotionRefusal,
  permits,
  personRecord,
  promote,
  promotionsOf,
  type Refusal,
  Refused,
  Stale,
  saveLadder,
} from '@shegong/core';
import {
  CERT_LEVELS,
  EDUCATION_LEVELS,
  type Finding,
  fenToYuan,
  findingText,
  isHiddenCharacterIssue,
  isoDate,
  LadderInput,
  LadderLevel,
  POST_CLASSES,
  type SavedLadder,
} from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { amountField } from '../../forms/amount.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { EditorPage, type LevelRow, MAX_LEVELS } from './editor.tsx';
import { PromotePage } from './promote.tsx';
import { LADDER, LadderPage, missingLine, VersionPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isEditor = (c: Context<PageEnv>) => permits(LADDER_EDITORS, c.var.principal);

function notFound(): never {
  throw new NotFound('There is nothing at this address');
}

const emptyRow = (): LevelRow => ({
  id: '',
  name: '',
  postClass: '',
  minCertificate: '',
  minYears: '0',
  minEducation: '',
  ce: false,
  min: '',
  max: '',
  remove: false,
});

const rowOf = (level: LadderLevel): LevelRow => ({
  id: level.id,
  name: level.name,
  postClass: level.postClass,
  minCertificate: level.requirements.minCertificate,
  minYears: String(level.requirements.minYearsPractice),
  minEducation: level.requirements.minEducation,
  ce: level.requirements.continuingEducationUpToDate,
  min: fenToYuan(level.payBand.min),
  max: fenToYuan(level.payBand.max),
  remove: false,
});

/** The editor's field of a finding's path: `/levels/1/payBand/min` of the saved rows → `level-<row>-min`. */
const FIELD_OF: Record<string, keyof LevelRow> = {
  id: 'id',
  name: 'name',
  postClass: 'postClass',
  min: 'min',
  max: 'max',
  minCertificate: 'minCertificate',
  minYearsPractice: 'minYears',
  minEducation: 'minEducation',
  continuingEducationUpToDate: 'ce',
};

function fieldOfFinding(f: Finding, kept: readonly number[]): string {
  const match = /^\/levels\/(\d+)(?:\/.*?([A-Za-z]+))?$/.exec(f.path);
  const row = kept[Number(match?.[1] ?? 0)] ?? 0;
  return `level-${row}-${FIELD_OF[match?.[2] ?? ''] ?? 'name'}`;
}

/**
 * The rows of the editor, checked field by field. Money is yuan typed as text, turned into fen
 * exactly by the money module and held to the pay band's bound; rows marked for removal are left
 * out. Returns the ladder only when every field is right, with `kept`: the form row of each saved
 * level (findings point back there).
 */
function parseRows(
  c: Context<PageEnv>,
  rows: readonly LevelRow[],
): { input?: LadderInput; errors: FieldError[]; kept: number[] } {
  const l = c.var.m.ladder;
  const errors: FieldError[] = [];
  const kept: number[] = [];
  const levels: LadderLevel[] = [];
  const codes = levelCodes(rows);
  rows.forEach((row, i) => {
    if (row.remove) return;
    kept.push(i);
    const fail = (field: keyof LevelRow, message: string) =>
      errors.push({ field: `level-${i}-${field}`, message: `${l.errors.levelPrefix(i + 1)}${message}` });
    if (!/^[a-z0-9-]{1,40}$/.test(codes[i] ?? '')) fail('id', l.errors.id);
    const name = LadderLevel.shape.name.safeParse(row.name);
    if (!name.success)
      fail(
        'name',
        name.error.issues.some(isHiddenCharacterIssue) ? c.var.m.errors.hiddenCharacters(l.editor.name) : l.errors.name,
      );
    if (!(POST_CLASSES as readonly string[]).includes(row.postClass)) fail('postClass', l.errors.postClass);
    if (!(CERT_LEVELS as readonly string[]).includes(row.minCertificate))
      fail('minCertificate', l.errors.minCertificate);
    const years = /^\d{1,2}$/.test(row.minYears) ? Number(row.minYears) : Number.NaN;
    if (!(years <= 50)) fail('minYears', l.errors.years);
    if (!(EDUCATION_LEVELS as readonly string[]).includes(row.minEducation))
      fail('minEducation', l.errors.minEducation);
    const band = LadderLevel.shape.payBand.shape;
    const min = amountField(c.var.m, 'yuan', row.min, { label: l.editor.min, bound: band.min });
    const max = amountField(c.var.m, 'yuan', row.max, { label: l.editor.max, bound: band.max });
    if (!min.ok) fail('min', min.message);
    if (!max.ok) fail('max', max.message);
    else if (min.ok && max.value < min.value) fail('max', l.errors.maxBelowMin);
    levels.push({
      id: codes[i] ?? row.id,
      name: row.name,
      postClass: row.postClass as LadderLevel['postClass'],
      requirements: {
        minCertificate: row.minCertificate as LadderLevel['requirements']['minCertificate'],
        minYearsPractice: years,
        minEducation: row.minEducation as LadderLevel['requirements']['minEducation'],
        continuingEducationUpToDate: row.ce,
      },
      payBand: { min: min.ok ? min.value : 0, max: max.ok ? max.value : 0 },
    });
  });
  if (!kept.length) errors.push({ field: 'level-0-remove', message: l.errors.noLevels });
  if (errors.length) return { errors, kept };
  const parsed = LadderInput.safeParse({ levels });
  if (!parsed.success) return { errors: [{ field: 'level-0-name', message: l.errors.name }], kept };
  return { input: parsed.data, errors, kept };
}

/**
 * Each row's code: the one it was saved with, or for a new level the first free `level-<n>`. A
 * code is how people's records name their level, so it never changes once given and is not shown.
 */
function levelCodes(rows: readonly LevelRow[]): string[] {
  const taken = new Set(rows.map((r) => r.id).filter(Boolean));
  let n = 0;
  return rows.map((row) => {
    if (row.id) return row.id;
    do n++;
    while (taken.has(`level-${n}`));
    taken.add(`level-${n}`);
    return `level-${n}`;
  });
}

async function readRows(c: Context<PageEnv>) {
  const form = await readForm(c);
  const count = Math.min(Math.max(Number(form.text('rows')) || 0, 0), MAX_LEVELS);
  const rows: LevelRow[] = [];
  for (let i = 0; i < count; i++) {
    const text = (field: string) => form.text(`level-${i}-${field}`);
    rows.push({
      id: text('id'),
      name: text('name'),
      postClass: text('postClass'),
      minCertificate: text('minCertificate'),
      minYears: text('minYears'),
      minEducation: text('minEducation'),
      ce: text('ce') === '1',
      min: text('min'),
      max: text('max'),
      remove: text('remove') === '1',
    });
  }
  const version = form.text('version');
  return { form, rows, version: version === '' ? undefined : formVersion(version), action: form.text('action') };
}

export function ladderRoutes(session: TokenSource) {
  const members = pageAccess(LADDER_READERS, session);
  const editors = pageAccess(LADDER_EDITORS, session);

  /** The editor with what it needs around the rows: the rule set it checks against and the history. */
  async function editor(
    c: Context<PageEnv>,
    rows: readonly LevelRow[],
    version: number | undefined,
    errors: FieldError[],
    status: 200 | 400 | 409 = 200,
    stale = false,
  ) {
    const [who, history, ruleSet] = await Promise.all([
      signedIn(c),
      ladderVersions(c.var.ctx, { limit: 50 }),
      c.var.deps.store.ruleSetInForce(c.var.tenant.region, c.var.ctx.clock.today()),
    ]);
    return render(
      c,
      <EditorPage
        c={c}
        who={who}
        rows={rows}
        version={version}
        errors={errors}
        history={history.items}
        ruleSetTitle={ruleSet?.title}
        stale={stale}
      />,
      status,
    );
  }

  return new Hono<PageEnv>()
    .get(LADDER, members, async (c) => {
      const l = c.var.m.ladder;
      const [who, ladder] = await Promise.all([signedIn(c), findLadder(c.var.ctx)]);
      // Standings show everyone's pay: as GET /v1/ladder/standings, managers only.
      const manager = permits(LADDER_MANAGERS, c.var.principal);
      const [check, standings] = ladder
        ? await Promise.all([checkLadder(c.var.ctx, ladder), manager ? ladderStandings(c.var.ctx) : undefined])
        : [undefined, undefined];
      let notice: string | undefined;
      const saved = formVersion(c.req.query('saved') ?? '');
      if (saved !== undefined) notice = l.saved(saved);
      const promoted = standings?.people.find((p) => p.personId === c.req.query('promoted'));
      if (promoted && ladder) {
        const level = ladder.levels.find((x) => x.id === promoted.heldLevelId);
        notice = l.promoted(promoted.name, level?.name ?? '');
      }
      return render(
        c,
        <LadderPage
          c={c}
          who={who}
          ladder={ladder}
          check={check}
          standings={standings}
          canEdit={isEditor(c)}
          notice={notice}
        />,
      );
    })
    .get(`${LADDER}/edit`, editors, async (c) => {
      const ladder = await findLadder(c.var.ctx);
      return editor(c, ladder ? ladder.levels.map(rowOf) : [emptyRow()], ladder?.version, []);
    })
    .post(`${LADDER}/edit`, editors, async (c) => {
      const { rows, version, action } = await readRows(c);
      // "Add a level": the same form again with one more row; nothing is saved.
      if (action === 'add') return editor(c, [...rows, emptyRow()].slice(0, MAX_LEVELS), version, []);
      const { input, errors, kept } = parseRows(c, rows);
      if (!input) return editor(c, rows, version, errors, 400);
      let saved: SavedLadder;
      try {
        ({ ladder: saved } = await saveLadder(
          c.var.ctx,
          input,
          version === undefined ? { firstSave: true } : { expectedVersion: version },
        ));
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Stale) {
          // Someone saved meanwhile: show what they saved, say so, and let the user redo the change.
          const current = await findLadder(c.var.ctx);
          return editor(c, rows, current?.version, [], 409, true);
        }
        if (refusal instanceof Refused) {
          const l = c.var.m.ladder;
          const fieldErrors = refusal.findings.map((f) => {
            const field = fieldOfFinding(f, kept);
            const row = Number(field.split('-')[1]);
            return { field, message: `${l.errors.levelPrefix(row + 1)}${f.ruleId} · ${findingText(f, c.var.lang)}` };
          });
          return editor(c, rows, version, fieldErrors, 400);
        }
        throw error;
      }
      return c.redirect(`${LADDER}?saved=${saved.version}`, 303);
    })
    .get(`${LADDER}/versions/:ladderVersion`, members, async (c) => {
      const version = c.req.param('ladderVersion');
      if (!/^[1-9]\d{0,3}$/.test(version)) notFound();
      const ladder = await ladderVersion(c.var.ctx, Number(version));
      return render(c, <VersionPage c={c} who={await signedIn(c)} ladder={ladder} />);
    })
    .get(`${LADDER}/promote/:personId`, editors, async (c) => {
      const page = await promotePage(c, c.req.param('personId'));
      if (!page) return c.redirect(LADDER, 303);
      return page({ toLevelId: '', date: c.var.ctx.clock.today() }, [], randomToken());
    })
    .post(`${LADDER}/promote/:personId`, editors, async (c) => {
      const l = c.var.m.ladder;
      const personId = c.req.param('personId');
      const page = await promotePage(c, personId);
      if (!page) return c.redirect(LADDER, 303);
      const form = await readForm(c);
      const values = { toLevelId: form.text('toLevelId'), date: form.date('date') };
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const errors: FieldError[] = [];
      if (!values.toLevelId) errors.push({ field: 'toLevelId', message: l.errors.chooseLevel });
      if (!isoDate.safeParse(values.date).success) errors.push({ field: 'date', message: l.errors.date });
      if (errors.length) return page(values, errors, key, 400);
      try {
        await promote(c.var.ctx, personId, values, key);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Stale || refusal?.reason === 'idempotency_mismatch') {
          const message = refusal instanceof Stale ? c.var.m.errors.stale : c.var.m.errors.duplicate;
          return page(values, [{ field: 'toLevelId', message }], randomToken(), 409);
        }
        if (refusal && isPromotionRefusal(refusal)) {
          const [person, ladder] = await Promise.all([personRecord(c.var.ctx, personId), findLadder(c.var.ctx)]);
          const levelName = ladder?.levels.find((x) => x.id === values.toLevelId)?.name ?? values.toLevelId;
          const said: Record<PromotionRefusal, FieldError> = {
            no_ladder: { field: 'toLevelId', message: l.errors.noLadder },
            unknown_level: { field: 'toLevelId', message: l.errors.chooseLevel },
            future_date: { field: 'date', message: l.errors.futureDate },
            not_above: { field: 'toLevelId', message: l.errors.notAbove },
            no_rules: { field: 'date', message: l.errors.noRules },
            not_qualified: { field: 'toLevelId', message: l.errors.notQualified(person.name, levelName) },
          };
          const missing = refusal instanceof NotQualified ? refusal.missing.map((m) => missingLine(l, m)) : [];
          return page(values, [said[refusal.reason]], key, 400, missing);
        }
        throw error;
      }
      return c.redirect(`${LADDER}?promoted=${personId}`, 303);
    });
}

/** Reads what the promotion form shows (the person, the ladder, their standing, past promotions). */
async function promotePage(c: Context<PageEnv>, personId: string): Promise<PromoteRenderer | undefined> {
  if (!UUID.test(personId)) notFound();
  const [who, person, ladder, promotions] = await Promise.all([
    signedIn(c),
    personRecord(c.var.ctx, personId),
    findLadder(c.var.ctx),
    promotionsOf(c.var.ctx, personId, { limit: 100 }),
  ]);
  if (!ladder) return undefined;
  const standings = await ladderStandings(c.var.ctx);
  const standing = standings.people.find((p) => p.personId === personId)?.standing;
  const renderer: PromoteRenderer = (values, errors, formKey, status = 200, missing = []) =>
    render(
      c,
      <PromotePage
        c={c}
        who={who}
        person={person}
        ladder={ladder}
        qualifiesFor={standing?.qualifiesFor}
        values={values}
        errors={errors}
        missing={missing}
        promotions={promotions.items}
        formKey={formKey}
      />,
      status,
    );
  return renderer;
}

const PROMOTION_REFUSALS: readonly string[] = [
  'no_ladder',
  'unknown_level',
  'future_date',
  'not_above',
  'no_rules',
  'not_qualified',
] satisfies PromotionRefusal[];

/** A refusal of the promotion itself (not of a stale or repeated form), said in the form's words. */
const isPromotionRefusal = (refusal: Refusal): refusal is Refusal & { reason: PromotionRefusal } =>
  PROMOTION_REFUSALS.includes(refusal.reason ?? '');

type PromoteRenderer = (
  values: { toLevelId: string; date: string },
  errors: FieldError[],
  formKey: string,
  status?: 200 | 400 | 409,
  missing?: string[],
) => Promise<Response> | Response;
