/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { STAFF_EXPORTERS } from '@shegong/core';
import {
  CERT_LEVELS,
  type CertLevel,
  EDUCATION_LEVELS,
  type EducationLevel,
  type Finding,
  findingText,
  type LadderCheck,
  type LadderLevel,
  type PersonStanding,
  POST_CLASSES,
  type PostClass,
  type PromotionRecord,
  type SavedLadder,
  tenthsToHours,
} from '@shegong/domain';

import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, type Lang, type Messages } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { FindingList, type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';

export const LADDER = '/org/ladder';

type L = Messages['ladder'];

/** One level as the editor's inputs hold it (text as typed, so a wrong entry is shown back). */
export interface LevelRow {
  id: string;
  name: string;
  postClass: string;
  minCertificate: string;
  minYears: string;
  minEducation: string;
  ce: boolean;
  min: string;
  max: string;
  remove: boolean;
}

const certLabel = (l: L, level: unknown) => l.certLevels[level as CertLevel] ?? String(level);
const educationLabel = (l: L, level: unknown) => l.education[level as EducationLevel] ?? String(level);
const postClassLabel = (l: L, c: unknown) => l.postClasses[c as PostClass] ?? String(c);

/** The findings of one level, errors red and warnings amber, each with its rule badge. */
function LevelFindings(props: { l: L; rules: PolicyRules; lang: Lang; findings: readonly Finding[] }) {
  if (!props.findings.length) return <Tag tone="green">{props.l.ok}</Tag>;
  return <FindingList rules={props.rules} findings={props.findings} text={(f) => findingText(f, props.lang)} />;
}

const ofLevel = (findings: readonly Finding[], i: number) =>
  findings.filter((f) => f.path === `/levels/${i}` || f.path.startsWith(`/levels/${i}/`));

/** The ladder as a table of levels, each with the findings about it. */
export function LevelsTable(props: {
  l: L;
  rules: PolicyRules;
  lang: Lang;
  levels: readonly LadderLevel[];
  findings?: readonly Finding[];
}) {
  const { l, rules } = props;
  return (
    <Table
      caption={l.levelsTitle}
      columns={[
        l.colLevel,
        l.colPostClass,
        l.colCertificate,
        l.colYears,
        l.colEducation,
        l.colCe,
        l.colBand,
        ...(props.findings ? [l.colFindings] : []),
      ]}
    >
      {props.levels.map((level, i) => (
        <tr id={`level-${level.id}`}>
          <td data-label={l.colLevel}>
            <span>
              {level.name} <span class="muted mono">{level.id}</span>
            </span>
          </td>
          <td data-label={l.colPostClass}>
            <span>
              {postClassLabel(l, level.postClass)}{' '}
              {level.postClass !== 'none' ? <RuleBadge rule="P-C1" rules={rules} /> : null}
            </span>
          </td>
          <td data-label={l.colCertificate}>{certLabel(l, level.requirements.minCertificate)}</td>
          <td data-label={l.colYears}>{l.years(level.requirements.minYearsPractice)}</td>
          <td data-label={l.colEducation}>{educationLabel(l, level.requirements.minEducation)}</td>
          <td data-label={l.colCe}>{level.requirements.continuingEducationUpToDate ? l.required : l.notRequired}</td>
          <td data-label={l.colBand}>
            <span>
              {formatMoney(level.payBand.min)}–{formatMoney(level.payBand.max)} <RuleBadge rule="P-W3" rules={rules} />
            </span>
          </td>
          {props.findings ? (
            <td data-label={l.colFindings}>
              <LevelFindings l={l} rules={rules} lang={props.lang} findings={ofLevel(props.findings, i)} />
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}

function BandTag(props: { l: L; band: NonNullable<NonNullable<PersonStanding['standing']>['band']> }) {
  const { l, band } = props;
  if (band.inBand) return <Tag tone="green">{l.inBand}</Tag>;
  return <Tag tone="amber">{band.pay < band.min ? l.belowBand : l.aboveBand}</Tag>;
}

function missingLine(l: L, m: { requirement: string; needed: string | number; has: string | number }): string {
  switch (m.requirement) {
    case 'minCertificate':
      return l.missing.minCertificate(certLabel(l, m.needed), certLabel(l, m.has));
    case 'minEducation':
      return l.missing.minEducation(educationLabel(l, m.needed), educationLabel(l, m.has));
    case 'minYearsPractice':
      return l.missing.minYearsPractice(String(m.needed), String(m.has));
    default:
      return l.missing.continuingEducationUpToDate(tenthsToHours(Number(m.needed)), tenthsToHours(Number(m.has)));
  }
}

/** 谁符合哪一级: each person's held level, highest level qualified for, what is missing, pay in band. */
export function StandingsTable(props: {
  l: L;
  rules: PolicyRules;
  ladder: SavedLadder;
  people: readonly PersonStanding[];
  canPromote: boolean;
}) {
  const { l, rules, ladder } = props;
  const nameOf = (id: string | undefined) => (id ? (ladder.levels.find((x) => x.id === id)?.name ?? id) : undefined);
  const rank = (id: string | undefined) => (id ? ladder.levels.findIndex((x) => x.id === id) : -1);
  // A promotion is offered only to a level the person already qualifies for, above the one held;
  // the promotion form still checks the requirements on the date chosen.
  const canMoveUp = (p: PersonStanding) => rank(p.standing?.qualifiesFor) > rank(p.heldLevelId);
  return (
    <Table
      caption={l.whoTitle}
      columns={[
        l.colPerson,
        l.colHeld,
        l.colQualifies,
        l.colMissing,
        l.colPay,
        ...(props.canPromote ? [l.colActions] : []),
      ]}
      empty={props.people.length ? undefined : l.noPeople}
    >
      {props.people.map((p) => {
        const s = p.standing;
        return (
          <tr id={`person-${p.personId}`}>
            <td data-label={l.colPerson}>{p.name}</td>
            <td data-label={l.colHeld}>{nameOf(p.heldLevelId) ?? <span class="muted">{l.noLevel}</span>}</td>
            <td data-label={l.colQualifies}>{s ? (nameOf(s.qualifiesFor) ?? l.nothing) : l.noStanding}</td>
            <td data-label={l.colMissing}>
              {!s ? (
                l.nothing
              ) : s.next ? (
                <span>
                  <span class="muted">{nameOf(s.next.levelId)}</span> <RuleBadge rule="P-C2" rules={rules} />
                  <ul class="missing-list">
                    {s.next.missing.map((m) => (
                      <li>{missingLine(l, m)}</li>
                    ))}
                  </ul>
                </span>
              ) : (
                l.topLevel
              )}
            </td>
            <td data-label={l.colPay}>
              <span>
                {formatMoney(p.monthlyPay)} {s?.band ? <BandTag l={l} band={s.band} /> : null}
              </span>
            </td>
            {props.canPromote ? (
              <td data-label={l.colActions} class="cell-actions">
                {canMoveUp(p) ? (
                  <a href={`${LADDER}/promote/${p.personId}`} aria-label={l.promoteLabel(p.name)}>
                    {l.promote}
                  </a>
                ) : (
                  l.nothing
                )}
              </td>
            ) : null}
          </tr>
        );
      })}
    </Table>
  );
}

function CheckedNote(props: { l: L; check: LadderCheck }) {
  return (
    <p class="muted ladder-note">
      {props.check.ruleSet ? props.l.checkedAgainst(props.check.ruleSet.title) : props.l.notChecked}
    </p>
  );
}

/** 职级: the ladder, and below it who qualifies for what. */
export function LadderPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  ladder?: SavedLadder | undefined;
  check?: LadderCheck | undefined;
  standings?: { date: string; people: readonly PersonStanding[] } | undefined;
  canEdit: boolean;
  notice?: string | undefined;
}) {
  const { c, who, ladder } = props;
  const l = c.var.m.ladder;
  const lang = c.var.lang;
  return (
    <Shell
      c={c}
      who={who}
      title={l.title}
      lead={l.lead}
      actions={
        <>
          {/* The export (issue 3 §5, pages/imports): the ladder and everyone's standing, as xlsx. */}
          {ladder && STAFF_EXPORTERS.roles.some((r) => who.principal.roles.includes(r)) ? (
            <a class="btn" href="/org/ladder/export.xlsx">
              {c.var.m.imports.exportXlsx}
            </a>
          ) : null}
          {props.canEdit ? (
            <a class="btn btn-primary" href={`${LADDER}/edit`}>
              {ladder ? l.edit : l.create}
            </a>
          ) : null}
        </>
      }
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      {!ladder ? (
        <Card>
          <p>{props.canEdit ? l.noneYetAdmin : l.noneYet}</p>
        </Card>
      ) : (
        <>
          <div class="card-flush">
            <Card title={l.levelsTitle} id="levels" extra={l.version(ladder.version, formatDate(ladder.savedAt, lang))}>
              {props.check ? <CheckedNote l={l} check={props.check} /> : null}
              <LevelsTable
                l={l}
                rules={c.var.m.policyRules}
                lang={lang}
                levels={ladder.levels}
                findings={props.check?.findings ?? []}
              />
            </Card>
          </div>
          {props.standings ? (
            <div class="card-flush">
              <Card title={l.whoTitle} id="standings" extra={l.whoLead(formatDate(props.standings.date, lang))}>
                <StandingsTable
                  l={l}
                  rules={c.var.m.policyRules}
                  ladder={ladder}
                  people={props.standings.people}
                  canPromote={props.canEdit}
                />
              </Card>
            </div>
          ) : null}
        </>
      )}
    </Shell>
  );
}

const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

/** The inputs of one level; each input's id is `level-<i>-<field>`, as the error summary links. */
function LevelFields(props: { m: Messages; l: L; row: LevelRow; index: number; errors: readonly FieldError[] }) {
  const { m, l, row, index: i, errors } = props;
  const id = (field: string) => `level-${i}-${field}`;
  const hasError = errors.some((e) => e.field.startsWith(`level-${i}-`));
  return (
    <fieldset class={`ladder-level${hasError ? ' ladder-level-error' : ''}`} id={`level-${i}`}>
      <legend class="ladder-level-title">{l.editor.level(i + 1)}</legend>
      <div class="ladder-grid">
        <TextField
          m={m}
          id={id('name')}
          name={id('name')}
          label={l.editor.name}
          value={row.name}
          error={errorFor(errors, id('name'))}
          maxlength={40}
        />
        <TextField
          m={m}
          id={id('id')}
          name={id('id')}
          label={l.editor.id}
          hint={l.editor.idHint}
          value={row.id}
          error={errorFor(errors, id('id'))}
          maxlength={40}
        />
        <SelectField
          m={m}
          id={id('postClass')}
          name={id('postClass')}
          label={l.editor.postClass}
          placeholder={l.promotion.choose}
          options={options(POST_CLASSES, (v) => l.postClasses[v])}
          value={row.postClass}
          error={errorFor(errors, id('postClass'))}
        />
        <SelectField
          m={m}
          id={id('minCertificate')}
          name={id('minCertificate')}
          label={l.editor.minCertificate}
          placeholder={l.promotion.choose}
          options={options(CERT_LEVELS, (v) => l.certLevels[v])}
          value={row.minCertificate}
          error={errorFor(errors, id('minCertificate'))}
        />
        <TextField
          m={m}
          id={id('minYears')}
          name={id('minYears')}
          label={l.editor.minYears}
          value={row.minYears}
          error={errorFor(errors, id('minYears'))}
          width="short"
        />
        <SelectField
          m={m}
          id={id('minEducation')}
          name={id('minEducation')}
          label={l.editor.minEducation}
          placeholder={l.promotion.choose}
          options={options(EDUCATION_LEVELS, (v) => l.education[v])}
          value={row.minEducation}
          error={errorFor(errors, id('minEducation'))}
        />
        <TextField
          m={m}
          id={id('min')}
          name={id('min')}
          label={l.editor.min}
          value={row.min}
          error={errorFor(errors, id('min'))}
          width="short"
        />
        <TextField
          m={m}
          id={id('max')}
          name={id('max')}
          label={l.editor.max}
          value={row.max}
          error={errorFor(errors, id('max'))}
          width="short"
        />
      </div>
      <div class="choices">
        <div class="choice">
          <input class="choice-input" type="checkbox" id={id('ce')} name={id('ce')} value="1" checked={row.ce} />
          <label class="choice-label" for={id('ce')}>
            {l.editor.ce}
          </label>
        </div>
        <div class="choice">
          <input
            class="choice-input"
            type="checkbox"
            id={id('remove')}
            name={id('remove')}
            value="1"
            checked={row.remove}
          />
          <label class="choice-label" for={id('remove')}>
            {l.editor.remove}
          </label>
        </div>
      </div>
    </fieldset>
  );
}

/** 编辑职级体系: every level in one form; "add a level" re-renders with one more row (no script). */
export function EditorPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  rows: readonly LevelRow[];
  version?: number | undefined;
  errors: readonly FieldError[];
  /** Warnings shown beside the levels (errors are field errors). */
  warnings?: readonly FieldError[];
  ruleSetTitle?: string | undefined;
  history: readonly SavedLadder[];
  stale?: boolean;
}) {
  const { c, who, rows, errors } = props;
  const m = c.var.m;
  const l = m.ladder;
  const lang = c.var.lang;
  return (
    <Shell c={c} who={who} title={l.editor.title} lead={l.editor.lead} crumbs={[{ label: l.title, href: LADDER }]}>
      {props.stale ? <Notice tone="error">{m.errors.stale}</Notice> : null}
      <ErrorSummary m={m} errors={errors} />
      <Card>
        <p class="muted">{props.ruleSetTitle ? l.editor.checkedAgainst(props.ruleSetTitle) : l.editor.notChecked}</p>
        <form class="form form-wide" method="post" action={`${LADDER}/edit`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={props.version === undefined ? '' : String(props.version)} />
          <input type="hidden" name="rows" value={String(rows.length)} />
          {rows.map((row, i) => (
            <LevelFields m={m} l={l} row={row} index={i} errors={errors} />
          ))}
          <div class="actions">
            <button type="submit" class="btn btn-primary" name="action" value="save">
              {l.editor.save}
            </button>
            <button type="submit" class="btn" name="action" value="add" disabled={rows.length >= 20}>
              {l.editor.add}
            </button>
            <a class="btn" href={LADDER}>
              {l.editor.cancel}
            </a>
          </div>
        </form>
      </Card>
      <div class="card-flush">
        <Card title={l.editor.history} id="history">
          <Table
            caption={l.editor.history}
            columns={[l.editor.colVersion, l.editor.colSavedAt, l.editor.colLevels, l.editor.view]}
            empty={props.history.length ? undefined : l.noneYet}
          >
            {props.history.map((v) => (
              <tr>
                <td data-label={l.editor.colVersion}>{String(v.version)}</td>
                <td data-label={l.editor.colSavedAt}>{formatDate(v.savedAt, lang)}</td>
                <td data-label={l.editor.colLevels}>{l.editor.levelCount(v.levels.length)}</td>
                <td data-label={l.editor.view} class="cell-actions">
                  <a href={`${LADDER}/versions/${v.version}`}>{l.versionTitle(v.version)}</a>
                </td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </Shell>
  );
}

/** One saved version, read only. */
export function VersionPage(props: { c: Context<PageEnv>; who: SignedIn; ladder: SavedLadder }) {
  const { c, who, ladder } = props;
  const l = c.var.m.ladder;
  return (
    <Shell c={c} who={who} title={l.versionTitle(ladder.version)} crumbs={[{ label: l.title, href: LADDER }]}>
      <div class="card-flush">
        <Card title={l.levelsTitle} extra={l.version(ladder.version, formatDate(ladder.savedAt, c.var.lang))}>
          <LevelsTable l={l} rules={c.var.m.policyRules} lang={c.var.lang} levels={ladder.levels} />
        </Card>
      </div>
    </Shell>
  );
}

/** 晋升: the level (above the one held) and the date; refusals say what is missing. */
export function PromotePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  person: { id: string; name: string; ladderLevelId?: string | undefined };
  ladder: SavedLadder;
  qualifiesFor?: string | undefined;
  values: { toLevelId: string; date: string };
  errors: readonly FieldError[];
  /** What the person lacks for the chosen level (shown under the error). */
  missing?: readonly string[];
  promotions: readonly PromotionRecord[];
  formKey: string;
}) {
  const { c, who, person, ladder, errors } = props;
  const m = c.var.m;
  const l = m.ladder;
  const rules = m.policyRules;
  const lang = c.var.lang;
  const nameOf = (id: string | undefined) => (id ? (ladder.levels.find((x) => x.id === id)?.name ?? id) : l.noLevel);
  const held = person.ladderLevelId ? ladder.levels.findIndex((x) => x.id === person.ladderLevelId) : -1;
  const here = `${LADDER}/promote/${person.id}`;
  const details: [string, Child][] = [
    [l.promotion.held, nameOf(person.ladderLevelId)],
    [l.promotion.qualifies, props.qualifiesFor ? nameOf(props.qualifiesFor) : l.nothing],
  ];
  return (
    <Shell
      c={c}
      who={who}
      title={l.promotion.title(person.name)}
      lead={l.promotion.lead}
      crumbs={[{ label: l.title, href: LADDER }]}
      here={here}
    >
      <ErrorSummary m={m} errors={errors} />
      <Card>
        <DescriptionList items={details} />
        {props.missing?.length ? (
          <ul class="missing-list" id="missing">
            {props.missing.map((line) => (
              <li class="finding finding-error">
                <RuleBadge rule="P-C2" rules={rules} /> {line}
              </li>
            ))}
          </ul>
        ) : null}
        <form class="form" method="post" action={here} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={props.formKey} />
          <SelectField
            m={m}
            id="toLevelId"
            name="toLevelId"
            label={l.promotion.level}
            placeholder={l.promotion.choose}
            options={ladder.levels.filter((_, i) => i > held).map((x) => ({ value: x.id, label: x.name }))}
            value={props.values.toLevelId}
            error={errorFor(errors, 'toLevelId')}
          />
          <TextField
            m={m}
            id="date"
            name="date"
            label={l.promotion.date}
            hint={l.promotion.dateHint}
            value={props.values.date}
            error={errorFor(errors, 'date')}
            width="short"
          />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {l.promotion.submit}
            </button>
            <a class="btn" href={LADDER}>
              {l.promotion.cancel}
            </a>
          </div>
        </form>
      </Card>
      <div class="card-flush">
        <Card title={l.promotion.history} id="promotions">
          <Table
            caption={l.promotion.history}
            columns={[l.promotion.colDate, l.promotion.colFrom, l.promotion.colTo, l.promotion.colVersion]}
            empty={props.promotions.length ? undefined : l.promotion.none}
          >
            {props.promotions.map((p) => (
              <tr>
                <td data-label={l.promotion.colDate}>{formatDate(p.date, lang)}</td>
                <td data-label={l.promotion.colFrom}>{nameOf(p.fromLevelId)}</td>
                <td data-label={l.promotion.colTo}>{nameOf(p.toLevelId)}</td>
                <td data-label={l.promotion.colVersion}>{String(p.ladderVersion)}</td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </Shell>
  );
}

export type { Lang };
export { missingLine };
