/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { PromotionRecord, SavedLadder } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { LADDER, promoteHref } from './views.tsx';

interface PromoteProps {
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
}

/** A level's name by id; the "no level" words for none (a person not yet on the ladder). */
const levelName = (c: Context<PageEnv>, ladder: SavedLadder, id: string | undefined) =>
  id ? (ladder.levels.find((x) => x.id === id)?.name ?? id) : c.var.m.ladder.noLevel;

/** The level held and the highest qualified for; what is missing for the chosen one; the form (levels above the held one only). */
function PromotionForm(props: PromoteProps) {
  const { c, person, ladder, errors } = props;
  const m = c.var.m;
  const l = m.ladder;
  const held = person.ladderLevelId ? ladder.levels.findIndex((x) => x.id === person.ladderLevelId) : -1;
  const details: [string, Child][] = [
    [l.promotion.held, levelName(c, ladder, person.ladderLevelId)],
    [l.promotion.qualifies, props.qualifiesFor ? levelName(c, ladder, props.qualifiesFor) : l.nothing],
  ];
  return (
    <Card>
      <DescriptionList items={details} />
      {props.missing?.length ? (
        <ul class="missing-list" id="missing">
          {props.missing.map((line) => (
            <li class="finding finding-error">
              <RuleBadge rule="P-C2" rules={m.policyRules} /> {line}
            </li>
          ))}
        </ul>
      ) : null}
      <form class="form" method="post" action={promoteHref(person.id)} novalidate>
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
          type="date"
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
  );
}

/** The person's promotions so far, each with the ladder version it was made under. */
function PromotionHistory(props: PromoteProps) {
  const { c, ladder, promotions } = props;
  const l = c.var.m.ladder;
  return (
    <div class="card-flush">
      <Card title={l.promotion.history} id="promotions">
        <Table
          caption={l.promotion.history}
          columns={[l.promotion.colDate, l.promotion.colFrom, l.promotion.colTo, l.promotion.colVersion]}
          empty={promotions.length ? undefined : l.promotion.none}
        >
          {promotions.map((p) => (
            <tr>
              <td data-label={l.promotion.colDate}>{formatDate(p.date, c.var.lang)}</td>
              <td data-label={l.promotion.colFrom}>{levelName(c, ladder, p.fromLevelId)}</td>
              <td data-label={l.promotion.colTo}>{levelName(c, ladder, p.toLevelId)}</td>
              <td data-label={l.promotion.colVersion}>{String(p.ladderVersion)}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}

/** 晋升: the level (above the one held) and the date; refusals say what is missing. */
export function PromotePage(props: PromoteProps) {
  const { c, who, person } = props;
  const m = c.var.m;
  const l = m.ladder;
  return (
    <Shell
      c={c}
      who={who}
      title={l.promotion.title(person.name)}
      lead={l.promotion.lead}
      crumbs={[{ label: l.title, href: LADDER }]}
      here={promoteHref(person.id)}
    >
      <ErrorSummary m={m} errors={props.errors} />
      <PromotionForm {...props} />
      <PromotionHistory {...props} />
    </Shell>
  );
}
