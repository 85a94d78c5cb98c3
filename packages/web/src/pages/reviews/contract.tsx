/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { JurisdictionContractView } from '@shegong/core';
import { REVIEW_RULE_IDS } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
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
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { CostingCard } from '../contracts/saved-costing.tsx';
import { TermsCard } from '../contracts/terms.tsx';
import { StatusTag } from '../contracts/views.tsx';
import { WhyFloor } from '../price-floor/result.tsx';
import { bureauContractHref, REVIEWS } from './paths.ts';
import { ReasonList } from './reasons.tsx';
import { BureauContractSections } from './sections.tsx';

/** What the decision form holds: reason rows as typed (a refused form shows them again). */
export interface ReasonRow {
  text: string;
  ruleId: string;
  field: string;
}

/** How many empty reason rows a fresh form offers (more: 再加一条理由 posts the form back with one more). */
export const BLANK_REASON_ROWS = 2;
/** The most rows a form holds (the decision takes at most 20 reasons). */
export const MAX_REASON_ROWS = 20;

export const reasonFieldId = (i: number, part: keyof ReasonRow) => `reason-${i}-${part}`;

/** The responsible bureau, the organisation, the region, and where the review stands. */
function StandingCard(props: { c: Context<PageEnv>; view: JurisdictionContractView; mine: boolean }) {
  const { c, view } = props;
  const { contract } = view;
  const r = c.var.m.reviews;
  const lang = c.var.lang;
  const review = contract.review;
  return (
    <Card title={r.standTitle} id="standing">
      <p class="figure">
        <StatusTag k={c.var.m.contracts} status={contract.status} />
        <span class="mono muted">{contract.number}</span>
      </p>
      <DescriptionList
        items={[
          [r.organisation, view.organisation.name],
          [r.purchaserRegion, `${contract.purchaser.name} · ${regionName(contract.purchaser.region, lang)}`],
          [r.responsible, review?.bureau.name ?? '—'],
          ...(review && contract.status === 'submitted'
            ? [
                [r.colSubmitted, r.waitingSince(review.bureau.name, formatDate(review.submittedAt, lang))] as [
                  string,
                  string,
                ],
              ]
            : []),
        ]}
      />
      {review && contract.status === 'submitted' && !props.mine ? (
        <Notice tone="info">{r.otherBureau(review.bureau.name)}</Notice>
      ) : null}
    </Card>
  );
}

/** Approve, or return with reasons (rows of text, rule and field); both carry the head's version. */
function DecisionCard(props: {
  c: Context<PageEnv>;
  view: JurisdictionContractView;
  rows: readonly ReasonRow[];
  errors: readonly FieldError[];
}) {
  const { c, view } = props;
  const m = c.var.m;
  const r = m.reviews;
  const action = `${bureauContractHref(view.organisation.id, view.contract.id)}/decision`;
  const rules = REVIEW_RULE_IDS.map((id) => ({ value: id, label: `${id} · ${m.policyRules[id]}` }));
  return (
    <Card title={r.decideTitle} id="decision">
      <p class="hint">{r.decideLead}</p>
      <form method="post" action={action} class="decision-form" novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="version" value={String(view.contract.version)} />
        <input type="hidden" name="reasonRows" value={String(props.rows.length)} />
        <p>
          <button type="submit" name="decision" value="approve" class="btn btn-primary" id="decision-approve">
            {r.approve}
          </button>
        </p>
        <fieldset class="reason-rows" id="reasons">
          <legend>{r.returnIt}</legend>
          {props.rows.map((row, i) => (
            <div class="reason-row">
              <h3 class="contract-subtitle">{r.reasonRow(i + 1)}</h3>
              <TextField
                m={m}
                id={reasonFieldId(i, 'text')}
                name={reasonFieldId(i, 'text')}
                label={r.reasonText}
                value={row.text}
                error={errorFor(props.errors, reasonFieldId(i, 'text'))}
              />
              <SelectField
                m={m}
                id={reasonFieldId(i, 'ruleId')}
                name={reasonFieldId(i, 'ruleId')}
                label={r.reasonRule}
                placeholder={r.noRule}
                options={rules}
                value={row.ruleId}
                error={errorFor(props.errors, reasonFieldId(i, 'ruleId'))}
              />
              <TextField
                m={m}
                id={reasonFieldId(i, 'field')}
                name={reasonFieldId(i, 'field')}
                label={r.reasonField}
                hint={r.reasonFieldHint}
                value={row.field}
                error={errorFor(props.errors, reasonFieldId(i, 'field'))}
              />
            </div>
          ))}
          <p class="form-actions">
            <button type="submit" name="decision" value="return" class="btn btn-danger" id="decision-return">
              {r.returnIt}
            </button>
            <button type="submit" name="decision" value="addRow" class="btn">
              {r.addReason}
            </button>
          </p>
        </fieldset>
      </form>
    </Card>
  );
}

/** The price floor (P-W2) and why it is the smallest value: which condition fails one fen below it. */
function FloorCard(props: { c: Context<PageEnv>; view: JurisdictionContractView }) {
  const { c, view } = props;
  const r = c.var.m.reviews;
  const { floor } = view;
  return (
    <Card title={r.floorTitle} id="floor">
      {floor.priceFloor.feasible ? (
        <p class="figure">
          <strong id="price-floor-value">{formatMoney(floor.priceFloor.value)}</strong>
          <RuleBadge rule="P-W2" rules={c.var.m.policyRules} />
        </p>
      ) : (
        <p>{r.floorNone}</p>
      )}
      <WhyFloor c={c} result={floor} />
    </Card>
  );
}

/** The named people: certificate level and pay against the floor of that level (P-W3). */
function StaffingCard(props: { c: Context<PageEnv>; view: JurisdictionContractView }) {
  const { c, view } = props;
  const r = c.var.m.reviews;
  const k = c.var.m.contracts;
  const { version } = view;
  return (
    <Card title={r.staffingTitle} id="staffing">
      <Table
        caption={r.staffingTitle}
        columns={[r.colPost, r.colPerson, r.colCert, r.colPay, r.colFloor, r.colAgainst]}
      >
        {version.costedPosts.map((post) => {
          const floor = version.rules.payFloor[post.certLevel];
          const pay = post.monthlyPay ?? floor;
          return (
            <tr>
              <td data-label={r.colPost}>{post.title}</td>
              <td data-label={r.colPerson}>{post.personName ?? r.unnamed}</td>
              <td data-label={r.colCert}>{k.certLevels[post.certLevel]}</td>
              <td data-label={r.colPay} class="num">
                {formatMoney(pay)}
              </td>
              <td data-label={r.colFloor} class="num">
                {formatMoney(floor)}
              </td>
              <td data-label={r.colAgainst}>
                {pay < floor ? (
                  <span class="figure">
                    <Tag tone="red">{r.belowFloor(formatMoney(floor - pay))}</Tag>
                    <RuleBadge rule="P-W3" rules={c.var.m.policyRules} tone="red" />
                  </span>
                ) : (
                  <Tag tone="green">{r.atOrAbove}</Tag>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
    </Card>
  );
}

/** Every version, each a link; the one shown marked. */
function VersionsCard(props: { c: Context<PageEnv>; view: JurisdictionContractView }) {
  const { c, view } = props;
  const r = c.var.m.reviews;
  const numbers = Array.from({ length: view.contract.currentVersion }, (_, i) => view.contract.currentVersion - i);
  return (
    <Card title={r.versionsTitle} id="versions">
      <ul class="version-links">
        {numbers.map((n) => (
          <li>
            <a href={bureauContractHref(view.organisation.id, view.contract.id, n)}>{r.versionLabel(n)}</a>
            {n === view.version.number ? <Tag tone="blue">{r.showing}</Tag> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function HistoryCard(props: { c: Context<PageEnv>; view: JurisdictionContractView }) {
  const { c, view } = props;
  const k = c.var.m.contracts;
  return (
    <Card title={c.var.m.reviews.historyTitle} id="history">
      <ol class="status-history">
        {view.contract.history.map((h) => (
          <li>
            <strong>{k.statuses[h.to]}</strong>{' '}
            <span class="muted">
              {formatDate(h.date, c.var.lang)}
              {h.note ? ` · ${h.note}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

function ReviewsCard(props: { c: Context<PageEnv>; view: JurisdictionContractView }) {
  const { c, view } = props;
  const r = c.var.m.reviews;
  return (
    <Card title={r.reviewsTitle} id="reviews">
      {view.reviews.length ? (
        <ol class="review-log">
          {view.reviews.map((review) => (
            <li>
              <Tag tone={review.decision === 'approve' ? 'green' : 'amber'}>{r.decisions[review.decision]}</Tag>{' '}
              <span class="muted">
                {r.decidedBy(review.decidedByName, review.bureau.name, formatDate(review.decidedAt, c.var.lang))} ·{' '}
                {r.versionLabel(review.contractVersion)}
              </span>
              {review.reasons.length ? <ReasonList c={c} reasons={review.reasons} /> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{r.noReviews}</p>
      )}
    </Card>
  );
}

/**
 * A contract of the jurisdiction as a bureau audits it: where the review stands (and, for the
 * responsible bureau's reviewer while it waits, the decision), the terms, the costing with its
 * findings and rule badges, the price floor and why, the staffing, the versions, the history, the
 * reviews; then the sections other features add (sections.ts).
 */
export async function BureauContractPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  view: JurisdictionContractView;
  /** The signed-in member may decide (a reviewer or admin of the responsible bureau, while it waits). */
  decides: boolean;
  rows: readonly ReasonRow[];
  errors: readonly FieldError[];
  notice?: string | undefined;
}) {
  const { c, who, view } = props;
  const m = c.var.m;
  const { contract, version } = view;
  const sections = await Promise.all(BureauContractSections.map((Section) => Section({ c, view })));
  return (
    <Shell
      c={c}
      who={who}
      title={contract.title}
      crumbs={[{ label: m.reviews.title, href: REVIEWS }]}
      here={bureauContractHref(view.organisation.id, contract.id)}
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <ErrorSummary m={m} errors={props.errors} />
      <StandingCard c={c} view={view} mine={contract.review?.bureau.id === who.tenant.id} />
      {props.decides ? <DecisionCard c={c} view={view} rows={props.rows} errors={props.errors} /> : null}
      <TermsCard c={c} version={version} />
      <CostingCard c={c} version={version} title={m.contracts.contract.costingTitle(version.number)} />
      <FloorCard c={c} view={view} />
      <StaffingCard c={c} view={view} />
      <VersionsCard c={c} view={view} />
      <HistoryCard c={c} view={view} />
      <ReviewsCard c={c} view={view} />
      {sections}
    </Shell>
  );
}
