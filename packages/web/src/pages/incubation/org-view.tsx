/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { IncubationHistory, OwnIncubation } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { Card, DescriptionList, Tag } from '../../layout/components.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { IncubatedFigures } from './figures.tsx';

/** The organisation's own 孵化情况 page. */
export const OWN_INCUBATION = '/org/incubation';

const HISTORY_ORDER = [
  'admittedOn',
  'midtermReviewedOn',
  'extendedOn',
  'endDate',
  'graduatedOn',
  'leftOn',
] as const satisfies readonly (keyof IncubationHistory)[];

/**
 * 孵化情况: the base, the record's stage and dates (not the base's notes), and the figures card
 * exactly as the base sees it. An organisation no base admitted sees a plain sentence saying so.
 */
export function OwnIncubationPage(props: { c: Context<PageEnv>; who: SignedIn; incubation: OwnIncubation }) {
  const { c, who, incubation } = props;
  const m = c.var.m;
  const o = m.incubationRegister.own;
  if (!incubation.incubated)
    return (
      <Shell c={c} who={who} title={o.title}>
        <Card>
          <p>{o.notIncubated}</p>
        </Card>
      </Shell>
    );
  const history: [string, Child][] = HISTORY_ORDER.flatMap((key) => {
    const day = incubation.history[key];
    return day ? [[o[key], day] as [string, Child]] : [];
  });
  return (
    <Shell c={c} who={who} title={o.title} lead={o.lead}>
      <Card title={o.record} id="incubation">
        <DescriptionList
          items={[
            [o.base, incubation.incubatorName],
            [
              o.stage,
              <span class="figure">
                <Tag tone="blue">{m.incubation.stages[incubation.stage]}</Tag>
                {incubation.toBeRegistered ? <Tag tone="amber">{m.incubationRegister.toBeRegistered}</Tag> : null}
              </span>,
            ],
            [o.mode, o.modes[incubation.mode]],
            [o.period, o.periodValue(incubation.periodMonths)],
          ]}
        />
      </Card>
      <IncubatedFigures c={c} figures={incubation.figures} />
      <Card title={o.history} id="incubation-history">
        <DescriptionList items={history} />
      </Card>
    </Shell>
  );
}
