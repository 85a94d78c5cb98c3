import {
  CERT_LEVEL_LABELS,
  type CertLevel,
  findingText,
  type LadderInput,
  maskIdCard,
  maskPhone,
  type Person,
  type StaffSummary,
} from '@shegong/domain';
import ExcelJS from 'exceljs';
import { EDUCATION_LABELS, EMPLOYMENT_LABELS } from './labels.ts';
import type { Lang } from './template.ts';
import { hoursCell, yuanCell } from './values.ts';

const YUAN = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } };

interface Column {
  zh: string;
  en: string;
  width: number;
  money?: boolean;
}

/**
 * A sheet with two heading rows (Chinese, then English), frozen under them; amounts are numbers
 * of yuan shown with two decimals, so they can be summed in Excel.
 */
function sheetWith(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.money ? { style: { numFmt: YUAN } } : {}) }));
  const zh = sheet.addRow(columns.map((c) => c.zh));
  const en = sheet.addRow(columns.map((c) => c.en));
  for (const row of [zh, en]) {
    row.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.numFmt = '@';
    });
  }
  zh.font = { bold: true };
  en.font = { italic: true, color: { argb: 'FF555555' } };
  return sheet;
}

const certLabel = (level: CertLevel, lang: Lang) => CERT_LEVEL_LABELS[lang][level];

export interface ExportOptions {
  /** Whether the reader may see full ID-card and phone numbers (hr and admin); masked otherwise. */
  revealPersonalData?: boolean;
  /** The date the figures were worked out for. */
  asOf?: string;
}

/**
 * The staff list: one row per person with the registry's figures, each figure that applies a
 * rule followed by its rule id (P-W3 pay floor, N-4 registration, P-R2 continuing education).
 */
export async function staffWorkbook(
  people: readonly Person[],
  summaries: readonly (StaffSummary | undefined)[],
  lang: Lang = 'zh-CN',
  options: ExportOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  const t = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
  const sheet = sheetWith(workbook, '人员 Staff', [
    { zh: '姓名', en: 'Name', width: 10 },
    { zh: '身份证号', en: 'ID card number', width: 22 },
    { zh: '手机号', en: 'Mobile phone', width: 14 },
    { zh: '学历', en: 'Education', width: 12 },
    { zh: '社工专业', en: 'Social-work major', width: 10 },
    { zh: '用工形式', en: 'Employment type', width: 14 },
    { zh: '证书等级', en: 'Certificate level', width: 16 },
    { zh: '证书编号', en: 'Certificate numbers', width: 20 },
    { zh: '社工从业年限', en: 'Years of practice', width: 10 },
    { zh: '月薪(元)', en: 'Monthly pay (yuan)', width: 12, money: true },
    { zh: '指导线(元)', en: 'Pay floor (yuan)', width: 12, money: true },
    { zh: '低于指导线(元)', en: 'Shortfall (yuan)', width: 12, money: true },
    { zh: '薪酬规则', en: 'Pay rule', width: 8 },
    { zh: '登记状态', en: 'Registration', width: 14 },
    { zh: '登记有效期至', en: 'Registration valid until', width: 14 },
    { zh: '登记规则', en: 'Registration rule', width: 8 },
    { zh: '本年继续教育(学时)', en: 'CE hours this year', width: 12 },
    { zh: '本年要求(学时)', en: 'CE hours required', width: 12 },
    { zh: '继续教育规则', en: 'CE rule', width: 8 },
    { zh: '提示', en: 'Findings', width: 50 },
  ]);
  const registrationWords: Record<string, { zh: string; en: string }> = {
    unregistered: { zh: '未登记', en: 'Not registered' },
    valid: { zh: '有效', en: 'Valid' },
    expiring: { zh: '即将到期', en: 'Expiring' },
    expired: { zh: '已过期', en: 'Expired' },
  };
  people.forEach((person, i) => {
    const summary = summaries[i];
    // The registration that matters: the highest certificate's.
    const registration = summary?.registrations
      .filter((r) => r.level === summary.certLevel)
      .sort((a, b) => (b.expiresOn ?? '').localeCompare(a.expiresOn ?? ''))[0];
    sheet.addRow([
      person.name,
      options.revealPersonalData ? person.idCardNumber : maskIdCard(person.idCardNumber),
      options.revealPersonalData ? person.phone : maskPhone(person.phone),
      t(EDUCATION_LABELS[person.education.level]),
      person.education.socialWorkMajor ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否',
      t(EMPLOYMENT_LABELS[person.employmentType]),
      summary ? certLabel(summary.certLevel, lang) : '',
      person.certificates.map((c) => c.number).join('; '),
      summary?.practiceYears ?? null,
      yuanCell(person.monthlyPay),
      summary ? yuanCell(summary.pay.floor) : null,
      summary ? yuanCell(summary.pay.shortfall) : null,
      summary?.pay.ruleId ?? '',
      registration ? t(registrationWords[registration.status]!) : '',
      registration?.expiresOn ?? '',
      registration ? registration.ruleId : '',
      summary ? hoursCell(summary.ce.year.tenthHours) : null,
      summary ? hoursCell(summary.ce.year.requiredTenthHours) : null,
      summary ? summary.ce.year.ruleId : '',
      summary?.findings.map((f) => `[${f.ruleId}] ${findingText(f, lang)}`).join('\n') ?? '',
    ]);
  });
  note(workbook, lang, [
    ['金额单位为元，保留两位小数。', 'Amounts are in yuan with two decimals.'],
    [
      '规则编号（P-W3、N-4、P-R2 等）见 POLICY.md：P-W3 指导线，N-4 证书登记，P-R2 年度继续教育。',
      'Rule ids (P-W3, N-4, P-R2…): P-W3 pay floor, N-4 certificate registration, P-R2 yearly continuing education.',
    ],
    options.revealPersonalData
      ? ['本表含完整身份证号和手机号，请妥善保管。', 'This file holds full ID and phone numbers: keep it safe.']
      : ['身份证号和手机号已部分隐藏。', 'ID and phone numbers are masked.'],
    ...(options.asOf ? ([[`计算日期：${options.asOf}`, `Figures as of ${options.asOf}`]] as [string, string][]) : []),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What the ladder export needs of one person's standing (the ladder API's shape). */
export interface StandingRow {
  name: string;
  monthlyPay: number;
  heldLevelId?: string;
  /** Absent when no rule set is in force (no standing is better than a guessed one). */
  standing?: {
    qualifiesFor?: string;
    next?: { levelId: string; missing: { requirement: string; needed: unknown; has: unknown }[] };
    band?: { levelId: string; min: number; max: number; pay: number; inBand: boolean; ruleId: string };
  };
}

/** The ladder: its levels (requirements, pay band) on one sheet, who stands where on another. */
export async function ladderWorkbook(
  ladder: LadderInput & { version?: number },
  standings: readonly StandingRow[],
  lang: Lang = 'zh-CN',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong 社工';
  const nameOf = (id: string | undefined) => ladder.levels.find((l) => l.id === id)?.name ?? id ?? '';
  const levels = sheetWith(workbook, '职级 Ladder', [
    { zh: '顺序', en: 'Order', width: 6 },
    { zh: '职级编号', en: 'Level id', width: 14 },
    { zh: '职级名称', en: 'Level', width: 16 },
    { zh: '岗位类别', en: 'Post class', width: 12 },
    { zh: '最低证书', en: 'Minimum certificate', width: 16 },
    { zh: '最低从业年限', en: 'Minimum years', width: 10 },
    { zh: '最低学历', en: 'Minimum education', width: 12 },
    { zh: '继续教育达标', en: 'CE up to date', width: 10 },
    { zh: '薪酬下限(元)', en: 'Band minimum (yuan)', width: 14, money: true },
    { zh: '薪酬上限(元)', en: 'Band maximum (yuan)', width: 14, money: true },
    { zh: '规则', en: 'Rules', width: 12 },
  ]);
  const postClass: Record<string, { zh: string; en: string }> = {
    none: { zh: '无', en: 'None' },
    junior: { zh: '初级', en: 'Junior' },
    intermediate: { zh: '中级', en: 'Intermediate' },
    senior: { zh: '高级', en: 'Senior' },
  };
  const t = (l: { zh: string; en: string } | undefined) => (l ? (lang === 'en' ? l.en : l.zh) : '');
  ladder.levels.forEach((level, i) => {
    levels.addRow([
      i + 1,
      level.id,
      level.name,
      t(postClass[level.postClass]),
      certLabel(level.requirements.minCertificate, lang),
      level.requirements.minYearsPractice,
      t(EDUCATION_LABELS[level.requirements.minEducation]),
      level.requirements.continuingEducationUpToDate ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否',
      yuanCell(level.payBand.min),
      yuanCell(level.payBand.max),
      'P-C1, P-C2, P-W3',
    ]);
  });
  const people = sheetWith(workbook, '人员职级 Standings', [
    { zh: '姓名', en: 'Name', width: 10 },
    { zh: '现任职级', en: 'Level held', width: 16 },
    { zh: '可达最高职级', en: 'Qualifies for', width: 16 },
    { zh: '下一职级', en: 'Next level', width: 16 },
    { zh: '尚缺条件', en: 'Still lacking', width: 40 },
    { zh: '月薪(元)', en: 'Monthly pay (yuan)', width: 12, money: true },
    { zh: '薪酬带下限(元)', en: 'Band minimum (yuan)', width: 14, money: true },
    { zh: '薪酬带上限(元)', en: 'Band maximum (yuan)', width: 14, money: true },
    { zh: '在薪酬带内', en: 'Inside band', width: 10 },
    { zh: '规则', en: 'Rule', width: 8 },
  ]);
  for (const row of standings) {
    const band = row.standing?.band;
    people.addRow([
      row.name,
      nameOf(row.heldLevelId),
      nameOf(row.standing?.qualifiesFor),
      nameOf(row.standing?.next?.levelId),
      row.standing?.next?.missing.map((m) => `${m.requirement}: ${String(m.needed)} (${String(m.has)})`).join('; ') ??
        '',
      yuanCell(row.monthlyPay),
      band ? yuanCell(band.min) : null,
      band ? yuanCell(band.max) : null,
      band ? (band.inBand ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否') : '',
      band?.ruleId ?? '',
    ]);
  }
  note(workbook, lang, [
    ['金额单位为元，保留两位小数。', 'Amounts are in yuan with two decimals.'],
    [
      'P-C1 岗位与证书对应，P-C2 职级与薪酬带，P-W3 薪酬指导线。',
      'P-C1 post class and certificate, P-C2 ladder and pay band, P-W3 pay floor.',
    ],
    ...(ladder.version
      ? ([[`职级体系版本 ${ladder.version}`, `Ladder version ${ladder.version}`]] as [string, string][])
      : []),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function note(workbook: ExcelJS.Workbook, lang: Lang, lines: [string, string][]) {
  const sheet = workbook.addWorksheet('说明 Notes');
  sheet.columns = [{ width: 80 }, { width: 80 }];
  for (const [zh, en] of lines) sheet.addRow(lang === 'en' ? [en, zh] : [zh, en]);
}
