import { findRegion, type Lang } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { NotFound } from '../refusals.ts';
import { targetInputs } from './inputs.ts';
import { type TargetsOverview, targetsOverview } from './overview.ts';

/**
 * The signed-in bureau's targets (issue 13, P-T1..P-T7) on today: a city bureau sees its city and
 * every county of it, a county bureau its own county (P-U1); `county` narrows to one county of
 * that view. Access: any member of a bureau (TARGET_READERS, inputs.ts). Today comes from the
 * context's clock, so the figures and statuses (overdue after a deadline year) follow it.
 */
export async function bureauTargets(ctx: UseCaseContext, county?: string): Promise<TargetsOverview> {
  const overview = targetsOverview(await targetInputs(ctx), ctx.tenant.region, ctx.clock.today(), county);
  // A county outside the view (another city's, or another county than a county bureau's own) is
  // not found: the address says nothing about a place the bureau does not cover.
  if (!overview) throw new NotFound('County not found');
  return overview;
}

/** The targets as xlsx (目标汇总, 分县情况, 缺口清单), in the reader's language. */
export async function targetsFile(ctx: UseCaseContext, lang: Lang, county?: string): Promise<XlsxFile> {
  const { dashboard } = await bureauTargets(ctx, county);
  const region = findRegion(dashboard.scope);
  const title =
    lang === 'en'
      ? `Social-work development targets — ${region?.en ?? dashboard.scope}`
      : `${region?.zh ?? dashboard.scope}社会工作发展目标进度`;
  const bureau = lang === 'en' && ctx.tenant.nameEn ? ctx.tenant.nameEn : ctx.tenant.name;
  const bytes = await (await loadWorkbooks()).targetsWorkbook({ title, bureau, dashboard }, lang);
  return { bytes, fileName: `目标进度-${dashboard.today}.xlsx` };
}
