/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { IncubationOverview } from '@shegong/core';
import { INCUBATION_STAGES } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card, Table } from '../../layout/components.tsx';
import { TEMPLATE_PAGE } from './template.tsx';

/** The base's dashboard card: applications waiting for a decision, and the organisations admitted by stage. */
export function IncubationCard(props: { c: Context<PageEnv>; overview: IncubationOverview }) {
  const k = props.c.var.m.incubation;
  const { overview } = props;
  const admitted = INCUBATION_STAGES.reduce((sum, stage) => sum + overview.byStage[stage], 0);
  return (
    <Card title={k.cardTitle} id="incubation">
      <p>
        <strong>{k.waiting(overview.applicationsWaiting)}</strong>
      </p>
      {admitted ? (
        <Table caption={k.byStage} columns={[k.stage, k.count]}>
          {INCUBATION_STAGES.map((stage) => (
            <tr>
              <td data-label={k.stage}>{k.stages[stage]}</td>
              <td data-label={k.count} class="num">
                {overview.byStage[stage]}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>{k.none}</p>
      )}
      <p>
        <a href={TEMPLATE_PAGE}>{props.c.var.m.incubationSupport.editTemplate}</a>
      </p>
    </Card>
  );
}
