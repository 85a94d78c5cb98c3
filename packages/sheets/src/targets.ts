import {
  findRegion,
  type TargetFigure,
  type TargetGap,
  type TargetKey,
  type TargetStatus,
  type TargetsDashboard,
} from '@shegong/domain';
import ExcelJS from 'exceljs';
import type { Lang } from './template.ts';

/** The sheets of the targets workbook (issue 13): the scope's figures, each county's, the lists behind them. */
export const TARGETS_SUMMARY_SHEET = '目标汇总';
export const TARGETS_COUNTY_SHEET = '分县情况';
export const TARGETS_GAPS_SHEET = '缺口清单';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

type Words = Record<Lang, string>;

/** Each target as the policy says it (POLICY.md "Targets"). */
export const TARGET_NAMES: Record<TargetKey, Words> = {
  incubationBases: { 'zh-CN': '县级孵化基地全覆盖', en: 'An incubation base in every county' },
  professionals: { 'zh-CN': '社区专业社工配备', en: 'Social-work professionals in every community' },
  registeredOrganisations: { 'zh-CN': '县级登记社工机构', en: 'A registered social-work organisation in every county' },
  stations: { 'zh-CN': '乡镇（街道）社工站全覆盖', en: 'A social-work station in every township' },
  certified: { 'zh-CN': '持证社工数量翻番', en: 'Certified social workers doubled' },
  talentBases: { 'zh-CN': '社工人才培育基地', en: 'Talent cultivation bases' },
  internshipBases: { 'zh-CN': '社工实习（见习）基地', en: 'Internship bases' },
  certifiedPosts: { 'zh-CN': '社区持证社工岗位', en: 'A post held by a certified worker in every community' },
};

export const TARGET_STATUS_WORDS: Record<TargetStatus, Words> = {
  met: { 'zh-CN': '达标', en: 'Met' },
  not_met: { 'zh-CN': '未达标', en: 'Not met' },
  overdue: { 'zh-CN': '逾期', en: 'Overdue' },
  no_data: { 'zh-CN': '缺少数据', en: 'No data' },
};

const UNIT_WORDS: Record<TargetFigure['unit'], Words> = {
  counties: { 'zh-CN': '个县（市、区）', en: 'counties' },
  townships: { 'zh-CN': '个乡镇（街道）', en: 'townships' },
  communities: { 'zh-CN': '个社区（村）', en: 'communities' },
  people: { 'zh-CN': '人', en: 'people' },
  bases: { 'zh-CN': '个基地', en: 'bases' },
};

const LEVEL_WORDS: Record<TargetGap['level'], Words> = {
  city: { 'zh-CN': '全市', en: 'City' },
  county: { 'zh-CN': '县（市、区）', en: 'County' },
  township: { 'zh-CN': '乡镇（街道）', en: 'Township' },
  community: { 'zh-CN': '社区（村）', en: 'Community' },
};

const KIND_WORDS: Record<string, Words> = {
  township: { 'zh-CN': '乡镇', en: 'Township' },
  street: { 'zh-CN': '街道', en: 'Street' },
  urban: { 'zh-CN': '城市社区', en: 'Urban community' },
  rural: { 'zh-CN': '农村社区（村）', en: 'Rural community' },
};

/** What a place of the list lacks, per target; "缺少数据" where the map cannot say (no `need`). */
const LACKS: Record<TargetKey, Words> = {
  incubationBases: { 'zh-CN': '未建孵化基地', en: 'No incubation base' },
  professionals: { 'zh-CN': '专业社工不足', en: 'Too few professionals' },
  registeredOrganisations: { 'zh-CN': '登记社工机构不足', en: 'Too few registered organisations' },
  stations: { 'zh-CN': '未建社工站', en: 'No social-work station' },
  certified: { 'zh-CN': '持证社工未达目标', en: 'Too few certified social workers' },
  talentBases: { 'zh-CN': '人才培育基地不足', en: 'Too few talent cultivation bases' },
  internshipBases: { 'zh-CN': '实习基地不足', en: 'Too few internship bases' },
  certifiedPosts: { 'zh-CN': '无持证社工岗位', en: 'No post held by a certified worker' },
};
const NO_DATA: Words = { 'zh-CN': '缺少数据（区划或基数未录入）', en: 'No data (places or baseline not recorded)' };

export interface TargetsSheetView {
  /** The bureau and what the workbook holds. */
  title: string;
  /** The bureau's name, printed under the title with the date. */
  bureau: string;
  dashboard: TargetsDashboard;
}

function headed(
  workbook: ExcelJS.Workbook,
  name: string,
  view: TargetsSheetView,
  columns: readonly Column[],
  lang: Lang,
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([view.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${view.bureau}　${view.dashboard.today}`]);
  const heading = sheet.addRow(columns.map((c) => c[lang]));
  heading.font = { bold: true };
  heading.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.numFmt = '@';
  });
  return sheet;
}

interface Column extends Words {
  width: number;
}

const FIGURE_COLUMNS: readonly Column[] = [
  { 'zh-CN': '目标', en: 'Target', width: 30 },
  { 'zh-CN': '规则', en: 'Rule', width: 8 },
  { 'zh-CN': '现状', en: 'Value', width: 10 },
  { 'zh-CN': '目标值', en: 'Goal', width: 10 },
  { 'zh-CN': '单位', en: 'Unit', width: 14 },
  { 'zh-CN': '完成期限（年底）', en: 'Due by end of', width: 14 },
  { 'zh-CN': '状态', en: 'Status', width: 10 },
];

/** The cells of one figure: value and goal as numbers (summable), the rule and status as words. */
function figureCells(f: TargetFigure, lang: Lang): (string | number | null)[] {
  return [
    TARGET_NAMES[f.key][lang],
    f.ruleId,
    f.value,
    f.goal,
    UNIT_WORDS[f.unit][lang],
    f.deadlineYear,
    TARGET_STATUS_WORDS[f.status][lang],
  ];
}

const regionWords = (code: string | undefined, lang: Lang) => {
  if (code === undefined) return '';
  const region = findRegion(code);
  return region ? (lang === 'en' ? region.en : region.zh) : code;
};

/** One line of a list behind a number, in the reader's words (the domain's message is English). */
export function gapLacks(key: TargetKey, gap: TargetGap, lang: Lang): string {
  return gap.need === undefined ? NO_DATA[lang] : LACKS[key][lang];
}

/**
 * The targets as a bureau files them: 目标汇总 (the scope's figures), 分县情况 (each county's, a row
 * per county and target), 缺口清单 (every place behind a shortfall, with what it has and needs).
 * Every figure carries its rule id in its own column; counts are numbers so Excel sums them.
 */
export async function targetsWorkbook(view: TargetsSheetView, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  const { dashboard } = view;

  const summary = headed(workbook, TARGETS_SUMMARY_SHEET, view, FIGURE_COLUMNS, lang);
  for (const f of dashboard.figures) summary.addRow(figureCells(f, lang));

  const county = headed(
    workbook,
    TARGETS_COUNTY_SHEET,
    view,
    [{ 'zh-CN': '县（市、区）', en: 'County', width: 14 }, ...FIGURE_COLUMNS],
    lang,
  );
  for (const c of dashboard.counties)
    for (const f of c.figures) county.addRow([regionWords(c.county, lang), ...figureCells(f, lang)]);

  const gaps = headed(
    workbook,
    TARGETS_GAPS_SHEET,
    view,
    [
      { 'zh-CN': '规则', en: 'Rule', width: 8 },
      { 'zh-CN': '目标', en: 'Target', width: 30 },
      { 'zh-CN': '县（市、区）', en: 'County', width: 14 },
      { 'zh-CN': '层级', en: 'Level', width: 12 },
      { 'zh-CN': '代码', en: 'Code', width: 14 },
      { 'zh-CN': '名称', en: 'Name', width: 18 },
      { 'zh-CN': '类型', en: 'Kind', width: 14 },
      { 'zh-CN': '现有', en: 'Has', width: 8 },
      { 'zh-CN': '需要', en: 'Needs', width: 8 },
      { 'zh-CN': '缺口', en: 'Lacks', width: 24 },
      { 'zh-CN': '说明（英文）', en: 'Details', width: 60 },
    ],
    lang,
  );
  for (const f of dashboard.figures)
    for (const g of f.gaps)
      gaps.addRow([
        g.ruleId,
        TARGET_NAMES[f.key][lang],
        regionWords(g.county ?? (g.level === 'city' ? g.code : undefined), lang),
        LEVEL_WORDS[g.level][lang],
        g.code,
        g.name ?? regionWords(g.level === 'county' || g.level === 'city' ? g.code : undefined, lang),
        g.kind ? (KIND_WORDS[g.kind]?.[lang] ?? g.kind) : '',
        g.have,
        g.need ?? null,
        gapLacks(f.key, g, lang),
        g.message,
      ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
