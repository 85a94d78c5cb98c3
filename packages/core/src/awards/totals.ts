import { type AwardClaim, BUREAU_CLAIM_STATUSES, type BureauClaimStatus, type Lang } from '@shegong/domain';
import { publicClaim } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { jurisdictionAwards } from './bureau.ts';

/**
 * P-A7: the bureau collects and totals the claims (由各级民政统计汇总). Totals of the claims that
 * reached the jurisdiction's bureaus (endorsed and after), by period, county, level and
 * organisation: how many in each state, and the fen approved (waiting to be paid) and paid.
 *
 * Choice: a claim's period is the quarter of its payment date once paid (what the budget paid in
 * that quarter), else of its claim date. Historical awards (paid before the product) are not
 * claims and are not counted here; the history tab lists them.
 */

export interface AwardTotalRow {
  key: string;
  /** What the key names, where it is an organisation (its name). */
  label?: string;
  counts: Record<BureauClaimStatus, number>;
  /** Approved and not yet paid, fen. */
  approvedAmount: number;
  paidAmount: number;
}

export interface AwardTotals {
  byPeriod: AwardTotalRow[];
  byCounty: AwardTotalRow[];
  byLevel: AwardTotalRow[];
  byOrganisation: AwardTotalRow[];
  all: AwardTotalRow;
}

/** The quarter a claim counts in: `2026-Q3`. */
export function claimPeriod(claim: Pick<AwardClaim, 'status' | 'claimDate' | 'payment'>): string {
  const day = claim.status === 'paid' && claim.payment ? claim.payment.date : claim.claimDate;
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

const emptyRow = (key: string, label?: string): AwardTotalRow => ({
  key,
  ...(label ? { label } : {}),
  counts: { endorsed: 0, approved: 0, paid: 0, refused: 0 },
  approvedAmount: 0,
  paidAmount: 0,
});

function addTo(row: AwardTotalRow, claim: AwardClaim): void {
  const status = claim.status as BureauClaimStatus;
  row.counts[status] += 1;
  if (status === 'approved') row.approvedAmount += claim.amount;
  if (status === 'paid') row.paidAmount += claim.payment?.amount ?? claim.amount;
}

function grouped(claims: readonly AwardClaim[], keyOf: (c: AwardClaim) => string, labelOf?: (c: AwardClaim) => string) {
  const rows = new Map<string, AwardTotalRow>();
  for (const claim of claims) {
    const key = keyOf(claim);
    const row = rows.get(key) ?? emptyRow(key, labelOf?.(claim));
    addTo(row, claim);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The totals of a set of claims (pure: the use case reads them, the export reuses it). */
export function awardTotalsOf(claims: readonly AwardClaim[]): AwardTotals {
  const all = emptyRow('all');
  for (const claim of claims) addTo(all, claim);
  return {
    byPeriod: grouped(claims, claimPeriod),
    byCounty: grouped(claims, (c) => c.region),
    byLevel: grouped(claims, (c) => c.level),
    byOrganisation: grouped(
      claims,
      (c) => c.organisationId,
      (c) => c.organisation,
    ),
    all,
  };
}

/** Every claim that reached the jurisdiction's bureaus, oldest first by region (one Query per state). */
export async function jurisdictionClaims(ctx: UseCaseContext): Promise<AwardClaim[]> {
  const reads = jurisdictionAwards(ctx);
  const lists = await Promise.all(BUREAU_CLAIM_STATUSES.map((s) => reads.all(s)));
  return lists.flat().map(publicClaim);
}

/** P-A7: the jurisdiction's totals. */
export async function awardTotals(ctx: UseCaseContext): Promise<AwardTotals> {
  return awardTotalsOf(await jurisdictionClaims(ctx));
}

const GROUP_NAMES = {
  'zh-CN': { byPeriod: '季度', byCounty: '县区', byLevel: '等级', byOrganisation: '机构' },
  en: { byPeriod: 'Quarter', byCounty: 'County', byLevel: 'Level', byOrganisation: 'Organisation' },
} as const;

/** P-A7: the jurisdiction's claims and payments, and their totals, as an xlsx the bureau files. */
export async function awardClaimsFile(ctx: UseCaseContext, lang: Lang): Promise<XlsxFile> {
  const claims = await jurisdictionClaims(ctx);
  const totals = awardTotalsOf(claims);
  const names = GROUP_NAMES[lang];
  const rows = (['byPeriod', 'byCounty', 'byLevel', 'byOrganisation'] as const).flatMap((group) =>
    totals[group].map((r) => ({
      group: names[group],
      key: r.label ?? r.key,
      ...r.counts,
      approvedAmount: r.approvedAmount,
      paidAmount: r.paidAmount,
    })),
  );
  const today = ctx.clock.today();
  const workbooks = await loadWorkbooks();
  const bytes = await workbooks.awardClaimsWorkbook(
    {
      title:
        lang === 'en'
          ? `${ctx.tenant.name}: level-improvement awards (P-A7)`
          : `${ctx.tenant.name}专业水平提升奖励汇总（P-A7）`,
      asOf: today,
      claims,
      totals: rows,
    },
    lang,
  );
  return { bytes, fileName: `水平提升奖励-${today}.xlsx` };
}
