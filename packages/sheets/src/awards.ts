import { type AwardClaim, CERT_LEVEL_LABELS, findRegion } from '@shegong/domain';
import ExcelJS from 'exceljs';
import type { Lang } from './template.ts';
import { yuanCell } from './values.ts';

/**
 * P-A7: the level-improvement claims as a bureau reports them: one sheet of the claims and their
 * payments (amounts as numbers of yuan, so Excel sums them; each with the rule ids that decided
 * it), and one of the totals by the groupings the page shows.
 */
export const AWARD_CLAIMS_SHEET = '申领与发放';
export const AWARD_TOTALS_SHEET = '汇总';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };
const YUAN = '#,##0.00';

const STATUS_LABELS: Record<Lang, Record<AwardClaim['status'], string>> = {
  'zh-CN': {
    submitted: '待背书',
    endorsed: '待审批',
    approved: '待发放',
    paid: '已发放',
    refused: '未通过',
    withdrawn: '已撤回',
  },
  en: {
    submitted: 'Awaiting endorsement',
    endorsed: 'Awaiting approval',
    approved: 'Awaiting payment',
    paid: 'Paid',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
  },
};

export interface AwardTotalsSheetRow {
  group: string;
  key: string;
  endorsed: number;
  approved: number;
  paid: number;
  refused: number;
  approvedAmount: number;
  paidAmount: number;
}

export interface AwardSheetView {
  title: string;
  asOf: string;
  claims: readonly AwardClaim[];
  totals: readonly AwardTotalsSheetRow[];
}

function heading(sheet: ExcelJS.Worksheet, labels: readonly string[]) {
  const row = sheet.addRow(labels);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.numFmt = '@';
  });
}

export async function awardClaimsWorkbook(view: AwardSheetView, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const workbook = new ExcelJS.Workbook();
  const claims = workbook.addWorksheet(AWARD_CLAIMS_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  claims.columns = [6, 12, 28, 10, 20, 14, 12, 14, 14, 12, 22, 14, 24].map((width, i) => ({
    width,
    ...(i === 7 || i === 11 ? { style: { numFmt: YUAN } } : {}),
  }));
  claims.addRow([view.title]).font = { bold: true, size: 14 };
  claims.addRow([view.asOf]);
  heading(
    claims,
    en
      ? [
          'No.',
          'County',
          'Organisation',
          'Claimant',
          'ID card',
          'Level',
          'Claim date',
          'Award (yuan)',
          'Status',
          'Paid on',
          'Reference',
          'Paid (yuan)',
          'Rules',
        ]
      : [
          '序号',
          '县区',
          '机构',
          '申领人',
          '身份证号',
          '最高等级',
          '申领日期',
          '奖励金额（元）',
          '状态',
          '发放日期',
          '凭证号',
          '发放金额（元）',
          '依据',
        ],
  );
  view.claims.forEach((c, i) => {
    claims.addRow([
      i + 1,
      findRegion(c.region)?.[en ? 'en' : 'zh'] ?? c.region,
      c.organisation,
      c.personName,
      c.idCardMasked,
      CERT_LEVEL_LABELS[lang][c.level],
      c.claimDate,
      yuanCell(c.amount),
      STATUS_LABELS[lang][c.status],
      c.payment?.date ?? null,
      c.payment?.reference ?? null,
      c.payment ? yuanCell(c.payment.amount) : null,
      'P-A2, P-A3, P-A4, P-A5, P-A6',
    ]);
  });
  const totals = workbook.addWorksheet(AWARD_TOTALS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  totals.columns = [14, 28, 10, 10, 10, 10, 16, 16].map((width, i) => ({
    width,
    ...(i >= 6 ? { style: { numFmt: YUAN } } : {}),
  }));
  heading(
    totals,
    en
      ? [
          'Grouping',
          'Group',
          'Awaiting approval',
          'Awaiting payment',
          'Paid',
          'Refused',
          'Approved, unpaid (yuan)',
          'Paid (yuan)',
        ]
      : ['分组方式', '分组', '待审批', '待发放', '已发放', '未通过', '待发放金额（元）', '已发放金额（元）'],
  );
  for (const r of view.totals)
    totals.addRow([
      r.group,
      r.key,
      r.endorsed,
      r.approved,
      r.paid,
      r.refused,
      yuanCell(r.approvedAmount),
      yuanCell(r.paidAmount),
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
