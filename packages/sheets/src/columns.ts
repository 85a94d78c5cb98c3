import { CERTIFICATE_LABELS, EDUCATION_LABELS, EMPLOYMENT_LABELS, zhLabels } from './labels.ts';

/**
 * The roster's columns: one row is one person, with their one (highest) certificate. Further
 * certificates and continuing-education entries beyond the roster's are added on the person's
 * page; a second row with the same 身份证号 is an error, never a merge, so a typo cannot quietly
 * attach one person's certificate to another.
 */
export interface RosterColumn {
  key: RosterKey;
  /** The heading, exactly as the template writes it; a file's headings must match. */
  zh: string;
  en: string;
  required: boolean;
  /** What to write, for 填写说明 (Chinese, then English). */
  help: string;
  helpEn: string;
  example: string;
  width: number;
  /** A drop-down of these labels in the template. */
  list?: readonly string[];
  /** Text format (@) so Excel keeps leading zeros and all 18 digits. */
  text?: boolean;
}

export type RosterKey =
  | 'name'
  | 'idCardNumber'
  | 'phone'
  | 'education'
  | 'socialWorkMajor'
  | 'employmentType'
  | 'monthlyPay'
  | 'certificateLevel'
  | 'certificateNumber'
  | 'obtainedOn'
  | 'registeredOn'
  | 'registrationExpiresOn'
  | 'hiredOn'
  | 'earlierWork'
  | 'continuingEducation'
  | 'ftePercent';

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    key: 'name',
    zh: '姓名',
    en: 'Name',
    required: true,
    help: '与身份证一致',
    helpEn: 'as on the ID card',
    example: '李娜',
    width: 10,
  },
  {
    key: 'idCardNumber',
    zh: '身份证号',
    en: 'ID card number',
    required: true,
    help: '18 位居民身份证号码，最后一位可为 X；按文本填写，系统核对校验位',
    helpEn: '18-character resident ID number, the last may be X; entered as text; the check digit is verified',
    example: '11010519491231002X',
    width: 22,
    text: true,
  },
  {
    key: 'phone',
    zh: '手机号',
    en: 'Mobile phone',
    required: true,
    help: '11 位手机号码',
    helpEn: '11-digit mobile number',
    example: '13800138000',
    width: 14,
    text: true,
  },
  {
    key: 'education',
    zh: '学历',
    en: 'Education',
    required: true,
    help: `从下拉列表选择：${zhLabels(EDUCATION_LABELS).join('、')}`,
    helpEn: 'pick from the list',
    example: '本科',
    width: 12,
    list: zhLabels(EDUCATION_LABELS),
  },
  {
    key: 'socialWorkMajor',
    zh: '社工专业(是/否)',
    en: 'Social-work major (yes/no)',
    required: true,
    help: '最高学历的专业是否为社会工作：是 或 否',
    helpEn: 'whether the highest degree is in social work: 是 (yes) or 否 (no)',
    example: '是',
    width: 10,
    list: ['是', '否'],
  },
  {
    key: 'employmentType',
    zh: '用工形式',
    en: 'Employment type',
    required: true,
    help: `从下拉列表选择：${zhLabels(EMPLOYMENT_LABELS).join('、')}`,
    helpEn: 'pick from the list',
    example: '合同制',
    width: 12,
    list: zhLabels(EMPLOYMENT_LABELS),
  },
  {
    key: 'monthlyPay',
    zh: '月薪(元)',
    en: 'Monthly gross pay (yuan)',
    required: true,
    help: '税前月工资，单位元，最多两位小数，如 4200 或 4200.50',
    helpEn: 'monthly gross pay in yuan, at most two decimals',
    example: '4200.50',
    width: 12,
  },
  {
    key: 'certificateLevel',
    zh: '证书等级',
    en: 'Certificate level',
    required: false,
    help: `无证书则留空；否则从下拉列表选择最高一级：${zhLabels(CERTIFICATE_LABELS).join('、')}`,
    helpEn: 'empty if none; otherwise the highest level held',
    example: '社会工作师',
    width: 16,
    list: zhLabels(CERTIFICATE_LABELS),
  },
  {
    key: 'certificateNumber',
    zh: '证书编号',
    en: 'Certificate number',
    required: false,
    help: '有证书时必填；全系统唯一',
    helpEn: 'required with a certificate; unique',
    example: '2019GX0450123',
    width: 18,
    text: true,
  },
  {
    key: 'obtainedOn',
    zh: '取得日期',
    en: 'Date obtained',
    required: false,
    help: '有证书时必填，如 2019-11-02',
    helpEn: 'required with a certificate',
    example: '2019-11-02',
    width: 12,
  },
  {
    key: 'registeredOn',
    zh: '登记日期',
    en: 'Registration date',
    required: false,
    help: '证书登记（注册）日期，可留空',
    helpEn: 'registration date of the certificate, optional',
    example: '2023-03-15',
    width: 12,
  },
  {
    key: 'registrationExpiresOn',
    zh: '登记有效期至',
    en: 'Registration valid until',
    required: false,
    help: '登记有效期的最后一天，须晚于登记日期',
    helpEn: 'the last day the registration is valid; after the registration date',
    example: '2026-03-14',
    width: 14,
  },
  {
    key: 'hiredOn',
    zh: '本单位入职日期',
    en: 'Joined this organisation',
    required: true,
    help: '在本单位从事社会工作的起始日期',
    helpEn: 'date the person started social work here',
    example: '2021-07-01',
    width: 14,
  },
  {
    key: 'earlierWork',
    zh: '之前社工工作(地区代码:起:止;…)',
    en: 'Earlier social work (region:from:to;…)',
    required: false,
    help: '此前在其他单位从事社会工作的经历，每段写成 地区代码:起始日期:结束日期，多段用分号隔开；可在前面加单位名称和竖线，如 东兴市同心社工站|450681:2018-03-01:2021-06-30',
    helpEn:
      'earlier social-work employment, each period as region code:start:end, separated by semicolons; optionally prefixed by the employer and a bar',
    example: '东兴市同心社工站|450681:2018-03-01:2021-06-30',
    width: 36,
    text: true,
  },
  {
    key: 'continuingEducation',
    zh: '继续教育(日期:学时:机构:主题;…)',
    en: 'Continuing education (date:hours:provider:topic;…)',
    required: false,
    help: '继续教育记录，每条写成 日期:学时:机构:主题，多条用分号隔开；学时可有一位小数',
    helpEn: 'entries as date:hours:provider:topic, separated by semicolons; hours may have one decimal',
    example: '2025-04-12:6:防城港市社会工作协会:儿童保护个案督导',
    width: 40,
    text: true,
  },
  {
    // Last, so files laid out before it keep their column letters; P-W3 compares part-time pay by it.
    key: 'ftePercent',
    zh: '工作时间(%)',
    en: 'Working time (% of full time)',
    required: false,
    help: '仅非全日制人员填写：工作时间占全日制的百分比，1 到 100 的整数，如 50；月薪按此比例与指导标准比较。其他用工形式留空',
    helpEn:
      'part-time staff only: working time as a whole percent of full time, 1 to 100, e.g. 50; pay is compared with the floor in this proportion. Empty for the others',
    example: '',
    width: 12,
  },
];

export const COLUMN_BY_KEY = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c])) as Record<
  RosterKey,
  RosterColumn
>;

export const ROSTER_SHEET = '人员名册';
export const HELP_SHEET = '填写说明';
/** Rows the template's drop-downs and text formats cover (the import takes up to 5 000 rows). */
export const TEMPLATE_ROWS = 5000;
