import {
  type Certificate,
  ContinuingEducation,
  certificateProblems,
  type EmploymentPeriod,
  isHiddenCharacterIssue,
  isKnownRegion,
  isValidIdCardNumber,
  PersonInput,
  type RuleSetParameters,
} from '@shegong/domain';
import ExcelJS from 'exceljs';
import { COLUMN_BY_KEY, ROSTER_COLUMNS, ROSTER_SHEET, type RosterKey } from './columns.ts';
import { parseCsv } from './csv.ts';
import { CERTIFICATE_LABELS, codeOf, EDUCATION_LABELS, EMPLOYMENT_LABELS } from './labels.ts';
import {
  CellProblem,
  type CellValue,
  cellText,
  readDate,
  readHours,
  readWholePercent,
  readYesNo,
  readYuan,
} from './values.ts';

/** The most rows one file may hold. */
export const MAX_ROSTER_ROWS = 5000;

export interface RowError {
  /** The row as the spreadsheet numbers it (the headings are row 1). */
  row: number;
  /** The column's Chinese heading, as in the template. */
  column: string;
  message: string;
  messageEn: string;
}

export interface ParsedRoster {
  /** The people to write: empty unless every row is valid. */
  rows: { row: number; input: PersonInput }[];
  errors: RowError[];
  /** Rows with data in the file (valid or not). */
  count: number;
}

export interface RosterContext {
  /** The importing organisation: the employer of 本单位入职日期's period. */
  employer: string;
  /** Its region code (GB/T 2260). */
  region: string;
  /** Today in China, for the ID number's birth date (tests pin it). */
  today?: string;
  /** The rule set in force, for N-4's registration term (without one, only the dates' order is checked). */
  rules?: RuleSetParameters | undefined;
}

const DEFAULT_CONTEXT: RosterContext = { employer: '本单位', region: '450602' };

/** The cells of a file, row by row, as the spreadsheet numbers them. */
async function readGrid(buffer: Buffer, kind: 'xlsx' | 'csv'): Promise<{ row: number; cells: CellValue[] }[]> {
  if (kind === 'csv') return parseCsv(buffer).map((cells, i) => ({ row: i + 1, cells }));
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's load() is typed for the older Buffer shape; it reads any Uint8Array.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ROSTER_SHEET) ?? workbook.worksheets[0];
  if (!sheet) return [];
  const grid: { row: number; cells: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value as CellValue;
    });
    grid.push({ row: number, cells });
  });
  return grid;
}

function problem(row: number, key: RosterKey | string, zh: string, en: string): RowError {
  const column = key in COLUMN_BY_KEY ? COLUMN_BY_KEY[key as RosterKey].zh : key;
  return { row, column, message: zh, messageEn: en };
}

/**
 * Reads a roster and checks every row and every column before anything is written: the headings,
 * each cell (dates, yuan, labels, the ID number's check digit), the person as a whole (the
 * PersonInput schema) and duplicates within the file. A file with any error gives no rows to
 * write; the caller writes nothing unless `errors` is empty.
 */
export async function parseRoster(
  buffer: Buffer,
  kind: 'xlsx' | 'csv',
  context: RosterContext = DEFAULT_CONTEXT,
): Promise<ParsedRoster> {
  let grid: { row: number; cells: CellValue[] }[];
  try {
    grid = await readGrid(buffer, kind);
  } catch {
    return {
      rows: [],
      count: 0,
      errors: [
        problem(
          1,
          '文件',
          kind === 'xlsx' ? '无法读取这个 xlsx 文件' : '无法读取这个 csv 文件',
          `This file cannot be read as ${kind}`,
        ),
      ],
    };
  }
  const [header, ...body] = grid;
  if (!header) return { rows: [], count: 0, errors: [problem(1, '文件', '文件是空的', 'The file is empty')] };

  // Headings: every template heading once, nothing else (an unknown one is likely a renamed column).
  const headings = header.cells.map((c) => cellText(c));
  const index = new Map<RosterKey, number>();
  const errors: RowError[] = [];
  headings.forEach((heading, i) => {
    if (!heading) return;
    const column = ROSTER_COLUMNS.find((c) => c.zh === heading);
    if (!column)
      errors.push(problem(1, heading, '不是模板中的列名', 'is not a heading of the template; download it again'));
    else if (index.has(column.key)) errors.push(problem(1, heading, '这一列出现了两次', 'appears twice'));
    else index.set(column.key, i);
  });
  for (const column of ROSTER_COLUMNS) {
    if (!index.has(column.key))
      errors.push(problem(1, column.zh, '缺少这一列（请使用下载的模板）', 'this column is missing (use the template)'));
  }
  if (errors.length) return { rows: [], errors, count: body.length };

  const dataRows = body.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  if (dataRows.length === 0)
    return { rows: [], count: 0, errors: [problem(2, '文件', '没有人员数据', 'The file has no people')] };
  if (dataRows.length > MAX_ROSTER_ROWS) {
    return {
      rows: [],
      count: dataRows.length,
      errors: [
        problem(
          dataRows[MAX_ROSTER_ROWS]!.row,
          '文件',
          `一个文件最多 ${MAX_ROSTER_ROWS} 人，请分成几个文件`,
          `A file holds at most ${MAX_ROSTER_ROWS} people; split it`,
        ),
      ],
    };
  }

  const rows: ParsedRoster['rows'] = [];
  const seenId = new Map<string, number>();
  const seenCertificate = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const at = (key: RosterKey) => cells[index.get(key)!];
    const rowErrors: RowError[] = [];
    const read = <T>(key: RosterKey, reader: (value: CellValue) => T): T | undefined => {
      try {
        const value = reader(at(key));
        const empty = value === undefined || value === '';
        if (empty && COLUMN_BY_KEY[key].required) rowErrors.push(problem(row, key, '必填', 'is required'));
        return empty ? undefined : value;
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        rowErrors.push(problem(row, key, error.zh, error.en));
        return undefined;
      }
    };
    const label = <T extends string>(key: RosterKey, labels: Record<T, { zh: string; en: string }>) =>
      read(key, (v) => {
        const text = cellText(v);
        if (!text) return undefined;
        const code = codeOf(labels, text);
        if (!code) {
          const choices = Object.values<{ zh: string }>(labels).map((l) => l.zh);
          throw new CellProblem(`应为以下之一：${choices.join('、')}`, `must be one of: ${choices.join(', ')}`);
        }
        return code;
      });

    const name = read('name', cellText);
    const idCardNumber = read('idCardNumber', (v) => {
      if (typeof v === 'number')
        throw new CellProblem(
          '身份证号被存成了数字，后几位已丢失；请把这一列设为文本后重新填写',
          'was stored as a number, losing its last digits; format the column as text and re-enter it',
        );
      const text = cellText(v).toUpperCase();
      if (text && !isValidIdCardNumber(text, context.today))
        throw new CellProblem(
          '不是有效的身份证号（位数、出生日期或校验位不对）',
          'is not a valid ID number (length, birth date or check digit)',
        );
      return text;
    });
    const phone = read('phone', (v) => {
      const text = cellText(v).replace(/[\s-]/g, '');
      if (text && !/^1\d{10}$/.test(text))
        throw new CellProblem('应为 11 位手机号码', 'must be an 11-digit mobile number');
      return text;
    });
    const education = label('education', EDUCATION_LABELS);
    const socialWorkMajor = read('socialWorkMajor', readYesNo);
    const employmentType = label('employmentType', EMPLOYMENT_LABELS);
    const monthlyPay = read('monthlyPay', (v) => readYuan(v, PersonInput.shape.monthlyPay));
    const ftePercent = read('ftePercent', readWholePercent);

    const certificateLevel = label('certificateLevel', CERTIFICATE_LABELS);
    const certificateNumber = read('certificateNumber', cellText);
    const obtainedOn = read('obtainedOn', readDate);
    const registeredOn = read('registeredOn', readDate);
    const registrationExpiresOn = read('registrationExpiresOn', readDate);
    const certificates: Certificate[] = [];
    const anyCertificate = [certificateNumber, obtainedOn, registeredOn, registrationExpiresOn].some(Boolean);
    if (certificateLevel || anyCertificate) {
      const missing = (
        [
          ['certificateLevel', certificateLevel],
          ['certificateNumber', certificateNumber],
          ['obtainedOn', obtainedOn],
        ] as const
      ).filter(([key, value]) => !value && !rowErrors.some((e) => e.column === COLUMN_BY_KEY[key].zh));
      for (const [key] of missing)
        rowErrors.push(problem(row, key, '填写了证书时必填', 'is required when a certificate is given'));
      if (certificateLevel && certificateNumber && obtainedOn) {
        const certificate: Certificate = {
          level: certificateLevel,
          number: certificateNumber,
          obtainedOn,
          ...(registeredOn ? { registeredOn } : {}),
          ...(registrationExpiresOn ? { registrationExpiresOn } : {}),
        };
        // N-4: the registration's dates, as the registry refuses them when typed on a page.
        for (const p of certificateProblems(certificate, context.rules)) rowErrors.push(registrationProblem(row, p));
        certificates.push(certificate);
      }
    }

    const employment: EmploymentPeriod[] = [];
    const hiredOn = read('hiredOn', readDate);
    if (hiredOn)
      employment.push({ employer: context.employer, region: context.region, start: hiredOn, socialWork: true });
    const earlier = read('earlierWork', (v) => readEarlierWork(cellText(v)));
    if (earlier) employment.unshift(...earlier);
    const continuingEducation = read('continuingEducation', (v) => readContinuingEducation(cellText(v))) ?? [];

    if (rowErrors.length === 0) {
      const candidate = {
        name,
        idCardNumber,
        phone,
        education: { level: education, socialWorkMajor },
        employmentType,
        ...(ftePercent === undefined ? {} : { ftePercent }),
        monthlyPay,
        employment,
        certificates,
        continuingEducation,
      };
      const parsed = PersonInput.safeParse(candidate);
      if (parsed.success) rows.push({ row, input: parsed.data });
      else for (const issue of parsed.error.issues) rowErrors.push(schemaProblem(row, issue, employmentType));
    }

    // Duplicates within the file, named at the later row with the earlier one.
    if (idCardNumber) {
      const first = seenId.get(idCardNumber);
      if (first)
        rowErrors.push(
          problem(row, 'idCardNumber', `与第 ${first} 行的身份证号重复`, `repeats the ID number of row ${first}`),
        );
      else seenId.set(idCardNumber, row);
    }
    if (certificateNumber) {
      const first = seenCertificate.get(certificateNumber);
      if (first)
        rowErrors.push(
          problem(
            row,
            'certificateNumber',
            `与第 ${first} 行的证书编号重复`,
            `repeats the certificate number of row ${first}`,
          ),
        );
      else seenCertificate.set(certificateNumber, row);
    }
    errors.push(...rowErrors);
  }
  // A file with errors writes nothing, so it gives no rows either.
  return errors.length ? { rows: [], errors, count: dataRows.length } : { rows, errors, count: dataRows.length };
}

/** `[单位|]地区代码:起:止;…` → earlier social-work periods. */
function readEarlierWork(text: string): EmploymentPeriod[] | undefined {
  if (!text) return undefined;
  return text
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part, i) => {
      const bar = part.split(/[|｜]/);
      const employer = bar.length > 1 ? bar[0]!.trim() : '此前社工单位';
      const fields = bar
        .at(-1)!
        .split(/[:：]/)
        .map((f) => f.trim());
      const where = `第 ${i + 1} 段`;
      if (fields.length !== 3 || !fields[0] || !fields[1])
        throw new CellProblem(
          `${where}应写成 地区代码:起始日期:结束日期`,
          `period ${i + 1} must be region code:start:end`,
        );
      const [region, from, to] = fields as [string, string, string];
      if (!isKnownRegion(region))
        throw new CellProblem(`${where}的地区代码 ${region} 不认识`, `period ${i + 1}: unknown region code ${region}`);
      const start = readDate(from)!;
      const end = to ? readDate(to) : undefined;
      if (end && end < start)
        throw new CellProblem(`${where}的结束日期早于起始日期`, `period ${i + 1} ends before it starts`);
      return { employer, region, start, ...(end ? { end } : {}), socialWork: true };
    });
}

/** `日期:学时:机构:主题;…` → continuing-education entries (the topic may hold colons). */
function readContinuingEducation(text: string): ContinuingEducation[] | undefined {
  if (!text) return undefined;
  return text
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part, i) => {
      const [date, hours, provider, ...topic] = part.split(/[:：]/).map((f) => f.trim());
      if (!date || !hours || !provider || topic.length === 0 || !topic.join(':'))
        throw new CellProblem(
          `第 ${i + 1} 条应写成 日期:学时:机构:主题`,
          `entry ${i + 1} must be date:hours:provider:topic`,
        );
      const tenthHours = readHours(hours, ContinuingEducation.shape.tenthHours);
      if (tenthHours < 1)
        throw new CellProblem(`第 ${i + 1} 条的学时应大于 0`, `entry ${i + 1}: hours must be above 0`);
      return { date: readDate(date)!, tenthHours, provider, topic: topic.join(':') };
    });
}

/** N-4's refusal of a certificate's registration dates, on its column in Chinese. */
function registrationProblem(row: number, p: ReturnType<typeof certificateProblems>[number]): RowError {
  const a = p.amounts;
  const zh =
    p.code === 'registrationTermMismatch'
      ? `应为 ${a.expected}：登记自登记之日起有效 ${a.years} 年（N-4）`
      : p.field === 'registeredOn'
        ? `登记日期不能早于取得日期（${a.obtainedOn}）`
        : `按此有效期推算，登记日期（${a.registeredOn}）早于取得日期（${a.obtainedOn}）`;
  return problem(row, p.field, zh, p.message);
}

/** What the schema still finds once every cell has been read (lengths, mostly), on its column. */
function schemaProblem(
  row: number,
  issue: { path: readonly PropertyKey[]; message: string; code?: string; params?: unknown },
  employmentType: string | undefined,
): RowError {
  const [first, second, third] = issue.path.map(String);
  const key: RosterKey =
    first === 'education'
      ? second === 'level'
        ? 'education'
        : 'socialWorkMajor'
      : first === 'certificates'
        ? ((
            {
              level: 'certificateLevel',
              number: 'certificateNumber',
              obtainedOn: 'obtainedOn',
              registeredOn: 'registeredOn',
              registrationExpiresOn: 'registrationExpiresOn',
            } as Record<string, RosterKey>
          )[third ?? ''] ?? 'certificateNumber')
        : first === 'employment'
          ? 'earlierWork'
          : first === 'continuingEducation'
            ? 'continuingEducation'
            : (first as RosterKey) in COLUMN_BY_KEY
              ? (first as RosterKey)
              : 'name';
  const zh =
    key === 'registrationExpiresOn'
      ? '登记有效期须晚于登记日期'
      : isHiddenCharacterIssue(issue)
        ? `含有看不见的控制字符或文字方向字符（${(issue.params as { character?: string }).character}），请删除后重新上传`
        : key === 'ftePercent'
          ? employmentType === 'part_time'
            ? '非全日制人员必填工作时间（占全日制的百分比）'
            : '仅非全日制人员填写工作时间；其他用工形式留空'
          : `不符合要求（${issue.message}）`;
  return problem(row, key, zh, issue.message);
}
