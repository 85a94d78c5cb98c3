/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  BUDGET_LINES,
  type BudgetLine,
  type CertLevel,
  type FloorConditions,
  findingText,
  floorBindingOf,
  floorBindingText,
  type PriceFloorCalculation,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, formatPercent, type Messages } from '../../i18n/index.ts';
import { Card, Notice, Table } from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/** The calculator's result: the floor and why it is the smallest value, its budget, and the labour cost under it. */

type P = Messages['priceFloor'];

interface ResultProps {
  c: Context<PageEnv>;
  result: PriceFloorCalculation;
}

type Floor = PriceFloorCalculation['priceFloor'];
type Feasible = Extract<Floor, { feasible: true }>;
type Infeasible = Extract<Floor, { feasible: false }>;

/** The two conditions at one value, each ✓ or ✗, in words. */
function ConditionList(props: { p: P; at: FloorConditions; labourCost: number }) {
  const { p, at } = props;
  const min = formatPercent(at.labourShare.minLabourShare);
  return (
    <ul class="findings">
      <li class={at.labourCost.holds ? '' : 'finding finding-error'}>
        {(at.labourCost.holds ? p.labourCostHolds : p.labourCostFails)(
          formatMoney(at.labourCost.personnel),
          formatMoney(props.labourCost),
        )}
      </li>
      <li class={at.labourShare.holds ? '' : 'finding finding-error'}>
        {(at.labourShare.holds ? p.shareHolds : p.shareFails)(
          formatMoney(at.labourShare.personnel),
          formatMoney(at.labourShare.required),
          min,
        )}
      </li>
    </ul>
  );
}

function FloorFigure(props: { c: Context<PageEnv>; floor: Feasible }) {
  const m = props.c.var.m;
  const p = m.priceFloor;
  return (
    <dl class="price-floor-figure">
      <dt>{p.floorLabel}</dt>
      <dd>
        <strong class="price-floor-value" id="price-floor-value">
          {formatMoney(props.floor.value)}
        </strong>{' '}
        <RuleBadge rule="P-W2" rules={m.policyRules} figure={p.floorLead} />
      </dd>
    </dl>
  );
}

/**
 * Which condition binds, and both conditions at the floor and just below it (where one fails): the
 * calculator's, and a bureau's audit view of a contract's floor (pages/reviews).
 */
export function WhyFloor(props: {
  c: Context<PageEnv>;
  result: Pick<PriceFloorCalculation, 'binding' | 'conditions' | 'labourCost'>;
}) {
  const { result } = props;
  const p = props.c.var.m.priceFloor;
  const { conditions } = result;
  return (
    <>
      <h3 class="price-floor-subtitle">{p.whyTitle}</h3>
      <p>{floorBindingText(floorBindingOf(result.binding), props.c.var.lang)}</p>
      {conditions ? (
        <div class="price-floor-why">
          <div>
            <p class="price-floor-at">{p.atFloor(formatMoney(conditions.atFloor.value))}</p>
            <ConditionList p={p} at={conditions.atFloor} labourCost={result.labourCost} />
          </div>
          {conditions.belowFloor ? (
            <div>
              <p class="price-floor-at">{p.belowFloor(formatMoney(conditions.belowFloor.value))}</p>
              <ConditionList p={p} at={conditions.belowFloor} labourCost={result.labourCost} />
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** How a line of the budget at the floor is worked out, in words. */
function lineBasis(p: P, line: BudgetLine, result: PriceFloorCalculation): string {
  switch (line) {
    case 'personnel':
      return p.basis.personnel;
    case 'tax':
      return p.basis.tax(formatPercent(result.rules.taxRate));
    case 'management':
      return p.basis.management(formatPercent(result.managementShare));
    default:
      return p.basis.fixed;
  }
}

/** The budget at the floor: every line with its basis, and the total (the floor itself). */
function FloorBudgetTable(props: ResultProps & { floor: Feasible }) {
  const { result, floor } = props;
  const m = props.c.var.m;
  const p = m.priceFloor;
  return (
    <>
      <h3 class="price-floor-subtitle">{p.linesTitle}</h3>
      <Table caption={p.linesTitle} columns={[p.colLine, p.colAmount, p.colBasis]}>
        {BUDGET_LINES.map((line) => (
          <tr id={`line-${line}`}>
            <td data-label={p.colLine}>{m.contracts.lines[line]}</td>
            <td data-label={p.colAmount} class="num">
              {formatMoney(floor.lines[line])}
            </td>
            <td data-label={p.colBasis}>
              <span class="figure">
                {lineBasis(p, line, result)}
                {line === 'personnel' ? <RuleBadge rule="P-W2" rules={m.policyRules} /> : null}
                {line === 'management' ? <RuleBadge rule="N-7" rules={m.policyRules} /> : null}
              </span>
            </td>
          </tr>
        ))}
        <tr class="row-total">
          <td data-label={p.colLine}>{p.total}</td>
          <td data-label={p.colAmount} class="num">
            {formatMoney(floor.value)}
          </td>
          <td data-label={p.colBasis}>{p.basis.total}</td>
        </tr>
      </Table>
    </>
  );
}

/** No value meets both conditions: why, with the shares that make it so. */
function NoFloorNotice(props: ResultProps & { floor: Infeasible }) {
  const { result } = props;
  const m = props.c.var.m;
  const p = m.priceFloor;
  const { rules } = result;
  return (
    <Notice tone="error">
      <strong>{p.noValueTitle}</strong>{' '}
      {props.floor.reason === 'no_value'
        ? p.noValue(
            formatPercent(rules.taxRate),
            formatPercent(result.managementShare),
            formatPercent(rules.minLabourShare),
          )
        : p.noValueOther}{' '}
      <RuleBadge rule="P-W2" rules={m.policyRules} tone="red" />
    </Notice>
  );
}

/** The labour cost: each post's pay (P-W3 against the floor of its level), SI, HF and cost. */
function LabourCostSection(props: ResultProps) {
  const { c, result } = props;
  const m = c.var.m;
  const p = m.priceFloor;
  const k = m.contracts;
  return (
    <>
      <h3 class="price-floor-subtitle" id="labour">
        {p.labourTitle} {formatMoney(result.labourCost)}
      </h3>
      <p class="muted">{p.labourLead(formatMoney(result.labourCost))}</p>
      <Table
        caption={p.labourTitle}
        columns={[p.colPost, p.colLevel, p.colTime, p.colPay, p.colSi, p.colHf, p.colMonthly, p.colCost]}
        empty={result.posts.length ? undefined : p.noPostsYet}
      >
        {result.posts.map((post, i) => {
          const finding = result.findings.find((f) => f.path === `/posts/${i}/monthlyPay`);
          return (
            <tr id={`cost-${i}`}>
              <td data-label={p.colPost}>
                <span>
                  {post.title}
                  {post.personName ? <span class="muted"> · {post.personName}</span> : null}
                </span>
              </td>
              <td data-label={p.colLevel}>{k.certLevels[post.certLevel as CertLevel]}</td>
              <td data-label={p.colTime}>{p.time(post.ftePercent, post.months)}</td>
              <td data-label={p.colPay}>
                <span class="figure">
                  <span class="num">{formatMoney(post.pay)}</span>
                  {post.payFrom === 'floor' ? <span class="muted">{p.fromFloor}</span> : null}
                  <RuleBadge
                    rule="P-W3"
                    rules={m.policyRules}
                    tone={finding ? 'red' : 'grey'}
                    figure={finding ? findingText(finding, c.var.lang) : undefined}
                  />
                </span>
                {finding ? <p class="finding finding-error">{findingText(finding, c.var.lang)}</p> : null}
              </td>
              <td data-label={p.colSi}>
                <span class="figure">
                  <span class="num">{formatMoney(post.si)}</span>
                  <RuleBadge rule="P-W1" rules={m.policyRules} />
                </span>
              </td>
              <td data-label={p.colHf} class="num">
                {formatMoney(post.hf)}
              </td>
              <td data-label={p.colMonthly} class="num">
                {formatMoney(post.monthly)}
              </td>
              <td data-label={p.colCost} class="num">
                {formatMoney(post.cost)}
              </td>
            </tr>
          );
        })}
      </Table>
    </>
  );
}

/** The result: the floor, why it is the smallest, the budget at the floor, and the labour cost. */
export function Result(props: ResultProps) {
  const { c, result } = props;
  const p = c.var.m.priceFloor;
  const floor = result.priceFloor;
  return (
    <Card title={p.result} id="result">
      <p class="muted">
        {p.ruleSet(result.ruleSet.title, result.ruleSet.version, formatDate(result.ruleSet.effectiveFrom, c.var.lang))}
      </p>
      {floor.feasible ? (
        <>
          <FloorFigure c={c} floor={floor} />
          <WhyFloor {...props} />
          <FloorBudgetTable {...props} floor={floor} />
        </>
      ) : (
        <NoFloorNotice {...props} floor={floor} />
      )}
      <LabourCostSection {...props} />
    </Card>
  );
}
