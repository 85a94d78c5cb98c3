/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { bureauTargets } from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card } from '../../layout/components.tsx';
import { TARGETS } from './paths.ts';
import { FigureBadge, StatusSummary, StatusTag } from './views.tsx';

/**
 * The bureau dashboard's card of the targets (UI.md: "targets by county" on the bureau's
 * dashboard): how many are met, and each one that is not, worst first, linking to 目标进度.
 */
export async function targetsDashboardCard(c: Context<PageEnv>) {
  const { dashboard } = await bureauTargets(c.var.ctx);
  const t = c.var.m.targets;
  const order = { overdue: 0, not_met: 1, no_data: 2, met: 3 } as const;
  const open = dashboard.figures.filter((f) => f.status !== 'met').sort((a, b) => order[a.status] - order[b.status]);
  return (
    <Card title={t.title} id="targets-card" extra={<a href={TARGETS}>{t.cardOpen}</a>}>
      <StatusSummary c={c} figures={dashboard.figures} today={dashboard.today} />
      {open.length ? (
        <ul class="target-open">
          {open.map((f) => (
            <li>
              <StatusTag c={c} figure={f} /> {t.names[f.key]}{' '}
              <span class="nowrap">{t.valueOf(f.value, f.goal, t.units[f.unit])}</span> <FigureBadge c={c} figure={f} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t.cardAllMet}</p>
      )}
    </Card>
  );
}
