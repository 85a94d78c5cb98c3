/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { IncubatedFigures as Figures } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import { Card, DescriptionList, Tag } from '../../layout/components.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/** Whether any won contract breaks a rule: a tag, and a red badge per rule broken. */
export function BreachFigure(props: { c: Context<PageEnv>; breach: NonNullable<Figures['current']>['ruleBreach'] }) {
  const { c, breach } = props;
  const r = c.var.m.incubationRegister;
  if (!breach.breaks) return <Tag tone="green">{r.compliant}</Tag>;
  return (
    <span class="figure">
      <Tag tone="red">{r.breaks(breach.contracts)}</Tag>{' '}
      {breach.ruleIds.map((rule) => (
        <RuleBadge rules={c.var.m.policyRules} rule={rule} tone="red" />
      ))}
    </span>
  );
}

/**
 * What a base sees of an organisation it incubates, and what the organisation sees of itself: the
 * same figures object, the same card (the record's overview page includes it too). A closed record
 * says when it closed and that the base no longer follows the current figures.
 */
export function IncubatedFigures(props: { c: Context<PageEnv>; figures: Figures }) {
  const { c, figures } = props;
  const f = c.var.m.incubationRegister.figures;
  const months: [string, string] = [f.months, f.monthsValue(figures.monthsInIncubation)];
  const { current, closed } = figures;
  return (
    <Card
      title={f.title}
      id="incubated-figures"
      extra={current ? f.asOf(formatDate(current.asOf, c.var.lang)) : undefined}
    >
      {current ? (
        <DescriptionList
          items={[
            months,
            [f.members, String(current.members)],
            [f.staff, String(current.registryStaff)],
            [f.certified, String(current.certifiedStaff)],
            [f.contractsWon, f.contractsValue(current.contractsWon.count, formatMoney(current.contractsWon.value))],
            [f.breach, <BreachFigure c={c} breach={current.ruleBreach} />],
          ]}
        />
      ) : (
        <DescriptionList items={[months]} />
      )}
      <p class="hint figures-note">
        {closed
          ? f.closedNote(c.var.m.incubation.stages[closed.stage], formatDate(closed.on, c.var.lang))
          : f.aggregatesNote}
      </p>
    </Card>
  );
}
