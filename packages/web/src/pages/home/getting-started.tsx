/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { GettingStarted, GettingStartedStep } from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card, Tag } from '../../layout/components.tsx';
import { roleName } from '../../layout/labels.tsx';
import { CONTRACTS } from '../contracts/paths.ts';
import { IMPORT_PAGE } from '../imports/routes.tsx';
import { CREDIT_CODE_PAGE, OWN_INCUBATION } from '../incubation/paths.ts';

/** Where each step is done. */
const HREFS: Record<GettingStartedStep, string> = {
  creditCode: CREDIT_CODE_PAGE,
  members: '/my/organisation',
  roster: IMPORT_PAGE,
  ladder: '/org/ladder',
  contract: `${CONTRACTS}/new`,
};

/** A new organisation's first steps, each done or with the way to do it (core/onboarding says which are done). */
export function GettingStartedCard(props: { c: Context<PageEnv>; progress: GettingStarted }) {
  const m = props.c.var.m;
  const g = m.dashboard.gettingStarted;
  const p = m.incubationPages.gettingStarted;
  // The step of an organisation a base admitted is named in the incubation pages' section.
  const labels = { ...g.steps, creditCode: p.creditCode };
  const { steps, incubator } = props.progress;
  const done = steps.filter((s) => s.done).length;
  return (
    <Card title={g.title} id="getting-started" extra={<span class="muted">{g.progress(done, steps.length)}</span>}>
      <p>{g.lead}</p>
      {incubator ? (
        <p id="incubated-by">
          {p.base(props.c.var.lang === 'en' && incubator.nameEn ? incubator.nameEn : incubator.name)}{' '}
          <a href={OWN_INCUBATION}>{p.baseSees}</a>
        </p>
      ) : null}
      <ol class="checklist">
        {steps.map((s) => (
          <li class={s.done ? 'checklist-done' : ''} id={`step-${s.step}`}>
            <Tag tone={s.done ? 'green' : 'grey'}>{s.done ? g.done : g.todo}</Tag> <span>{labels[s.step].label}</span>
            {s.done ? null : s.yours ? (
              <a class="checklist-action" href={HREFS[s.step]}>
                {labels[s.step].action}
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
