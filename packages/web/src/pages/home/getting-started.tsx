/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { GettingStarted, GettingStartedStep } from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card, Tag } from '../../layout/components.tsx';
import { roleName } from '../../layout/labels.tsx';
import { CONTRACTS } from '../contracts/paths.ts';
import { IMPORT_PAGE } from '../imports/routes.tsx';

/** Where each step is done. */
const HREFS: Record<GettingStartedStep, string> = {
  members: '/my/organisation',
  roster: IMPORT_PAGE,
  ladder: '/org/ladder',
  contract: `${CONTRACTS}/new`,
};

/** A new organisation's first steps, each done or with the way to do it (core/onboarding says which are done). */
export function GettingStartedCard(props: { c: Context<PageEnv>; progress: GettingStarted }) {
  const m = props.c.var.m;
  const g = m.dashboard.gettingStarted;
  const { steps } = props.progress;
  const done = steps.filter((s) => s.done).length;
  return (
    <Card title={g.title} id="getting-started" extra={<span class="muted">{g.progress(done, steps.length)}</span>}>
      <p>{g.lead}</p>
      <ol class="checklist">
        {steps.map((s) => (
          <li class={s.done ? 'checklist-done' : ''} id={`step-${s.step}`}>
            <Tag tone={s.done ? 'green' : 'grey'}>{s.done ? g.done : g.todo}</Tag> <span>{g.steps[s.step].label}</span>
            {s.done ? null : s.yours ? (
              <a class="checklist-action" href={HREFS[s.step]}>
                {g.steps[s.step].action}
              </a>
            ) : (
              <span class="muted checklist-action">{g.byOthers(s.roles.map((r) => roleName(m, r)).join('、'))}</span>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
