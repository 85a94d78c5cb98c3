/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CERT_LEVELS, EDUCATION_LEVELS, POST_CLASSES, type SavedLadder } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, type Messages } from '../../i18n/index.ts';
import {
  Card,
  Checkbox,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  optionsOf,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { LADDER } from './views.tsx';

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
        {/* The level's code stays with it (people hold it) but is no one's to type: new levels get one. */}
        <input type="hidden" name={id('id')} value={row.id} />
        <SelectField
          m={m}
          id={id('postClass')}
          name={id('postClass')}
          label={l.editor.postClass}
          placeholder={l.promotion.choose}
          options={optionsOf(POST_CLASSES, (v) => l.postClasses[v])}
          value={row.postClass}
          error={errorFor(errors, id('postClass'))}
        />
        <SelectField
          m={m}
          id={id('minCertificate')}
          name={id('minCertificate')}
          label={l.editor.minCertificate}
          placeholder={l.promotion.choose}
          options={optionsOf(CERT_LEVELS, (v) => l.certLevels[v])}
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
          options={optionsOf(EDUCATION_LEVELS, (v) => l.education[v])}
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
        <Checkbox id={id('ce')} label={l.editor.ce} checked={row.ce} />
        <Checkbox id={id('remove')} label={l.editor.remove} checked={row.remove} />
      </div>
    </fieldset>
  );
}

/** The most levels a ladder has ("add a level" stops there; the route reads no more rows). */
export const MAX_LEVELS = 20;

/** Every level's inputs in one form, checked against the rule set in force when saved. */
function LevelsForm(props: {
  c: Context<PageEnv>;
  rows: readonly LevelRow[];
  version?: number | undefined;
  errors: readonly FieldError[];
  ruleSetTitle?: string | undefined;
}) {
  const { c, rows, errors } = props;
  const m = c.var.m;
  const l = m.ladder;
  return (
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
          <button type="submit" class="btn" name="action" value="add" disabled={rows.length >= MAX_LEVELS}>
            {l.editor.add}
          </button>
          <a class="btn" href={LADDER}>
            {l.editor.cancel}
          </a>
        </div>
      </form>
    </Card>
  );
}

/** The saved versions, each linking to its read-only page. */
function LadderHistory(props: { c: Context<PageEnv>; history: readonly SavedLadder[] }) {
  const l = props.c.var.m.ladder;
  return (
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
              <td data-label={l.editor.colSavedAt}>{formatDate(v.savedAt, props.c.var.lang)}</td>
              <td data-label={l.editor.colLevels}>{l.editor.levelCount(v.levels.length)}</td>
              <td data-label={l.editor.view} class="cell-actions">
                <a href={`${LADDER}/versions/${v.version}`}>{l.versionTitle(v.version)}</a>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}

/** 编辑职级体系: every level in one form; "add a level" re-renders with one more row (no script). */
export function EditorPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  rows: readonly LevelRow[];
  version?: number | undefined;
  errors: readonly FieldError[];
  ruleSetTitle?: string | undefined;
  history: readonly SavedLadder[];
  stale?: boolean;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const l = m.ladder;
  return (
    <Shell c={c} who={who} title={l.editor.title} lead={l.editor.lead} crumbs={[{ label: l.title, href: LADDER }]}>
      {props.stale ? <Notice tone="error">{m.errors.stale}</Notice> : null}
      <ErrorSummary m={m} errors={props.errors} />
      <LevelsForm
        c={c}
        rows={props.rows}
        version={props.version}
        errors={props.errors}
        ruleSetTitle={props.ruleSetTitle}
      />
      <LadderHistory c={c} history={props.history} />
    </Shell>
  );
}
