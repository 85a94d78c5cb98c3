/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  bureauOverdueRectifications,
  type ContractHistoryPage,
  jurisdictionContractHistory,
  jurisdictionContractRectifications,
  organisationRectificationCounts,
  permits,
  RECTIFICATION_READERS,
  RECTIFICATION_SUPERVISORS,
} from '@shegong/core';
import type { RectificationView } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card } from '../../layout/components.tsx';
import { BUREAU_RECTIFICATIONS, ORG_RECTIFICATIONS } from './paths.ts';
import { HistorySection, RectificationSection } from './views.tsx';

/**
 * What the dashboards and the bureau's contract page show of rectification and history: each a
 * loader (undefined where the member does not see it) and a component, for the pages that own
 * those screens to place.
 */

/** The bureau's count of overdue findings, for its dashboard. */
export async function bureauRectificationCard(c: Context<PageEnv>): Promise<number | undefined> {
  if (!permits(RECTIFICATION_SUPERVISORS, c.var.principal)) return undefined;
  return bureauOverdueRectifications(c.var.ctx);
}

export function BureauRectificationCard(props: { c: Context<PageEnv>; overdue: number }) {
  const r = props.c.var.m.rectification.card;
  return (
    <Card title={r.bureauTitle} id="rectification-overdue">
      <p>{r.bureauBody(props.overdue)}</p>
      <a href={`${BUREAU_RECTIFICATIONS}?state=overdue`}>{r.link}</a>
    </Card>
  );
}

/** The organisation's findings to answer and overdue, for its dashboard. */
export async function orgRectificationCard(
  c: Context<PageEnv>,
): Promise<{ toAnswer: number; overdue: number } | undefined> {
  if (!permits(RECTIFICATION_READERS, c.var.principal)) return undefined;
  return organisationRectificationCounts(c.var.ctx);
}

export function OrgRectificationCard(props: { c: Context<PageEnv>; counts: { toAnswer: number; overdue: number } }) {
  const r = props.c.var.m.rectification.card;
  const { toAnswer, overdue } = props.counts;
  return (
    <Card title={r.orgTitle} id="rectification-to-answer">
      <p>{r.orgBody(toAnswer, overdue)}</p>
      <a href={overdue ? `${ORG_RECTIFICATIONS}?state=overdue` : `${ORG_RECTIFICATIONS}?state=open`}>{r.link}</a>
    </Card>
  );
}

/** The bureau contract page's sections of this feature: the findings (and raising one) and the verified history. */
export interface BureauRectificationSections {
  organisationId: string;
  contractId: string;
  findings: readonly RectificationView[];
  history: ContractHistoryPage;
}

/** Loads them for a contract in the bureau's jurisdiction (NotFound outside it). */
export async function bureauContractSections(
  c: Context<PageEnv>,
  organisationId: string,
  contractId: string,
): Promise<BureauRectificationSections> {
  const [findings, history] = await Promise.all([
    jurisdictionContractRectifications(c.var.ctx, organisationId, contractId),
    jurisdictionContractHistory(c.var.ctx, organisationId, contractId, { limit: 50 }),
  ]);
  return { organisationId, contractId, findings, history };
}

export function BureauContractRectification(props: { c: Context<PageEnv>; sections: BureauRectificationSections }) {
  const { c, sections } = props;
  return (
    <>
      <RectificationSection
        c={c}
        side="bureau"
        findings={sections.findings}
        raise={{ organisationId: sections.organisationId, contractId: sections.contractId }}
      />
      <HistorySection c={c} history={sections.history} />
    </>
  );
}
