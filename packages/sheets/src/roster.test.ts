import { FANGCHENGGANG_2023, idCardCheckCharacter, type Person, PersonInput } from '@shegong/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, ROSTER_SHEET } from './columns.ts';
import { csvLine } from './csv.ts';
import { staffWorkbook } from './exports.ts';
import { parseRoster } from './parse.ts';
import { rosterTemplate } from './template.ts';
import { CellProblem, readYuan, yuanCell } from './values.ts';

const CONTEXT = { employer: '港口区阳光社会工作服务中心', region: '450602', today: '2026-01-15' };

/** A valid ID number born on 1990-01-01 in 港口区, with sequence `n` (check digit computed). */
function idNumber(n: number): string {
  const first17 = `45060219900101${String(n).padStart(3, '0')}`;
  return first17 + idCardCheckCharacter(first17);
}

/** One roster row in template column order. */
function row(n: number, change: Partial<Record<string, string>> = {}): string[] {
  const values: Record<string, string> = {
    姓名: `测试${n}`,
    身份证号: idNumber(n),
    手机号: `138${String(n).padStart(8, '0')}`,
    学历: '本科',
    '社工专业(是/否)': '是',
    用工形式: '合同制',
    '月薪(元)': '4200',
    证书等级: '助理社会工作师',
    证书编号: `ZS2020${String(n).padStart(5, '0')}`,
    取得日期: '2020-11-01',
    登记日期: '2021-03-01',
    登记有效期至: '2024-03-01',
    本单位入职日期: '2021-07-01',
    '之前社工工作(地区代码:起:止;…)': '',
    '继续教育(日期:学时:机构:主题;…)': '',
    ...change,
  };
  return ROSTER_COLUMNS.map((c) => values[c.zh] ?? '');
}

function csv(rows: string[][], bom = true): Buffer {
  const text = [ROSTER_COLUMNS.map((c) => c.zh), ...rows].map(csvLine).join('\r\n');
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf-8');
}

/** The template, with rows typed into 人员名册 as a person would in Excel. */
async function filledTemplate(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await rosterTemplate()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ROSTER_SHEET)!;
  rows.forEach((values, i) => {
    sheet.getRow(i + 2).values = values;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the roster template', () => {
  it('has the Chinese headings, drop-downs for the enumerated columns and a sheet of instructions', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rosterTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('人员名册')!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(ROSTER_COLUMNS.map((c) => c.zh));
    expect(headings.slice(0, 7)).toEqual([
      '姓名',
      '身份证号',
      '手机号',
      '学历',
      '社工专业(是/否)',
      '用工形式',
      '月薪(元)',
    ]);
    // 学历 is column D: its drop-down reaches row 5 001.
    expect(sheet.getCell('D5001').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"高中及以下,中专,大专,本科,硕士,博士"'],
    });
    expect(sheet.getCell('F2').dataValidation?.formulae).toEqual(['"在编公务员,事业编制,合同制,非全日制"']);
    expect(sheet.getCell('E2').dataValidation?.formulae).toEqual(['"是,否"']);
    expect(sheet.getCell('H2').dataValidation?.formulae).toEqual(['"助理社会工作师,社会工作师,高级社会工作师"']);
    expect(sheet.getCell('B2').numFmt).toBe('@');
    const help = workbook.getWorksheet('填写说明')!;
    const helpText = JSON.stringify(help.getSheetValues());
    expect(helpText).toContain('11010519491231002X');
    expect(helpText).toContain('一行一人');
  });

  it('round-trips: three rows typed into the template parse into three people', async () => {
    const file = await filledTemplate([
      row(1),
      row(2, { '月薪(元)': '3200.5', 证书等级: '', 证书编号: '', 取得日期: '', 登记日期: '', 登记有效期至: '' }),
      row(3, {
        '之前社工工作(地区代码:起:止;…)': '东兴市同心社工站|450681:2018-03-01:2021-06-30',
        '继续教育(日期:学时:机构:主题;…)': '2025-04-12:6.5:防城港市社会工作协会:个案督导',
      }),
    ]);
    const { rows, errors } = await parseRoster(file, 'xlsx', CONTEXT);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]!.input).toEqual({
      name: '测试1',
      idCardNumber: idNumber(1),
      phone: '13800000001',
      education: { level: 'bachelor', socialWorkMajor: true },
      employmentType: 'contract',
      monthlyPay: 420000,
      employment: [{ employer: CONTEXT.employer, region: '450602', start: '2021-07-01', socialWork: true }],
      certificates: [
        {
          level: 'assistant',
          number: 'ZS202000001',
          obtainedOn: '2020-11-01',
          registeredOn: '2021-03-01',
          registrationExpiresOn: '2024-03-01',
        },
      ],
      continuingEducation: [],
    });
    // ¥3,200.50 is 320 050 fen, read from the text, not through a float.
    expect(rows[1]!.input).toMatchObject({ monthlyPay: 320050, certificates: [] });
    expect(rows[2]!.input.employment).toEqual([
      { employer: '东兴市同心社工站', region: '450681', start: '2018-03-01', end: '2021-06-30', socialWork: true },
      { employer: CONTEXT.employer, region: '450602', start: '2021-07-01', socialWork: true },
    ]);
    expect(rows[2]!.input.continuingEducation).toEqual([
      { date: '2025-04-12', tenthHours: 65, provider: '防城港市社会工作协会', topic: '个案督导' },
    ]);
  });

  it('reads date cells and number cells as Excel stores them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rosterTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(ROSTER_SHEET)!;
    const values: unknown[] = row(1);
    values[2] = 13800000001; // 手机号 as a number
    values[6] = 3200.5; // 月薪 as a number
    values[12] = new Date(Date.UTC(2021, 6, 1)); // 本单位入职日期 as a date cell
    sheet.getRow(2).values = values as ExcelJS.CellValue[];
    const { rows, errors } = await parseRoster(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', CONTEXT);
    expect(errors).toEqual([]);
    expect(rows[0]!.input).toMatchObject({ phone: '13800000001', monthlyPay: 320050 });
    expect(rows[0]!.input.employment[0]!.start).toBe('2021-07-01');
  });
});

describe('what a roster must say (issue 10)', () => {
  const RULES_CONTEXT = { ...CONTEXT, rules: FANGCHENGGANG_2023.parameters };

  it('takes the working time of part-time staff, and names it where it is missing or not theirs', async () => {
    const { rows, errors } = await parseRoster(
      csv([row(1, { 用工形式: '非全日制', '工作时间(%)': '50' }), row(2, { '工作时间(%)': '50%' })]),
      'csv',
      CONTEXT,
    );
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, '工作时间(%)', '仅非全日制人员填写工作时间；其他用工形式留空'],
    ]);
    expect(rows).toEqual([]);
    const partTime = await parseRoster(csv([row(1, { 用工形式: '非全日制', '工作时间(%)': '50' })]), 'csv', CONTEXT);
    expect(partTime.rows[0]?.input).toMatchObject({ employmentType: 'part_time', ftePercent: 50 });
    const missing = await parseRoster(
      csv([row(1, { 用工形式: '非全日制' }), row(2, { '工作时间(%)': '一半' })]),
      'csv',
      CONTEXT,
    );
    expect(missing.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '工作时间(%)', '非全日制人员必填工作时间（占全日制的百分比）'],
      [3, '工作时间(%)', '应为 1 到 100 的整数（占全日制的百分比）'],
    ]);
  });

  it('refuses a registration before the certificate, and an expiry that is not the term’s (N-4)', async () => {
    const { errors } = await parseRoster(
      csv([
        row(1, { 登记日期: '2020-10-31', 登记有效期至: '' }),
        row(2, { 登记有效期至: '2028-02-28' }),
        row(3, { 登记日期: '', 登记有效期至: '2023-10-31' }),
        row(4),
      ]),
      'csv',
      RULES_CONTEXT,
    );
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '登记日期', '登记日期不能早于取得日期（2020-11-01）'],
      [3, '登记有效期至', '应为 2024-03-01：登记自登记之日起有效 3 年（N-4）'],
      [4, '登记有效期至', '按此有效期推算，登记日期（2020-10-31）早于取得日期（2020-11-01）'],
    ]);
  });
});

describe('checking a roster', () => {
  it('names the row and the 身份证号 column of a bad ID number, and gives no rows to write', async () => {
    const bad = row(2, { 身份证号: `${idNumber(2).slice(0, 17)}${idNumber(2).endsWith('0') ? '1' : '0'}` });
    const { rows, errors } = await parseRoster(await filledTemplate([row(1), bad, row(3)]), 'xlsx', CONTEXT);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        row: 3,
        column: '身份证号',
        message: '不是有效的身份证号（位数、出生日期或校验位不对）',
        messageEn: 'is not a valid ID number (length, birth date or check digit)',
      },
    ]);
  });

  it('checks every row and every column, not just the first error', async () => {
    const { errors } = await parseRoster(
      csv([
        row(1, { 学历: '大学', '月薪(元)': '4200.123' }),
        row(2),
        row(3, { 手机号: '12345', 取得日期: '2023-02-29', 用工形式: '' }),
      ]),
      'csv',
      CONTEXT,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '学历'],
      [2, '月薪(元)'],
      [4, '手机号'],
      [4, '用工形式'],
      [4, '取得日期'],
    ]);
    expect(errors.find((e) => e.column === '取得日期')?.message).toBe('2023-02-29 这一天不存在');
    expect(errors.find((e) => e.column === '用工形式')?.message).toBe('必填');
  });

  it('refuses the same ID number or certificate number twice in one file, naming the earlier row', async () => {
    const { errors } = await parseRoster(
      csv([row(1), row(2, { 身份证号: idNumber(1) }), row(3, { 证书编号: 'ZS202000001' })]),
      'csv',
      CONTEXT,
    );
    expect(errors).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号', message: '与第 2 行的身份证号重复' }),
      expect.objectContaining({ row: 4, column: '证书编号', message: '与第 2 行的证书编号重复' }),
    ]);
  });

  it('reads csv with or without the BOM Excel writes, and quoted fields', async () => {
    const withBom = await parseRoster(csv([row(1, { 姓名: '"李, 娜"' })]), 'csv', CONTEXT);
    expect(withBom.errors).toEqual([]);
    expect(withBom.rows[0]!.input.name).toBe('"李, 娜"');
    const withoutBom = await parseRoster(csv([row(1)], false), 'csv', CONTEXT);
    expect(withoutBom.rows).toHaveLength(1);
  });

  it('needs the template’s headings', async () => {
    const text = `${['名字', ...ROSTER_COLUMNS.slice(1).map((c) => c.zh)].join(',')}\n${row(1).join(',')}`;
    const { errors } = await parseRoster(Buffer.from(text), 'csv', CONTEXT);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, '名字'],
      [1, '姓名'],
    ]);
  });

  it('refuses a name holding a text-direction override, in Chinese first, naming the character', async () => {
    const { rows, errors } = await parseRoster(
      await filledTemplate([row(1, { 姓名: '黄\u202E小梅' })]),
      'xlsx',
      CONTEXT,
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        row: 2,
        column: '姓名',
        message: '含有看不见的控制字符或文字方向字符（U+202E），请删除后重新上传',
        messageEn: 'must not contain control or text-direction characters (found U+202E)',
      },
    ]);
  });

  it('asks for the certificate number and date when a level is given', async () => {
    const { errors } = await parseRoster(csv([row(1, { 证书编号: '', 取得日期: '' })]), 'csv', CONTEXT);
    expect(errors.map((e) => e.column)).toEqual(['证书编号', '取得日期']);
  });
});

describe('yuan in a cell', () => {
  it.each<[unknown, number]>([
    [3200.5, 320050], // a number cell, read through its shortest decimal form
    ['3200.50', 320050],
    ['3,200.50', 320050],
    ['3,200.05', 320005],
    ['¥4200', 420000],
    ['0.01', 1],
    [0.29, 29], // 0.29 × 100 is 28.999… in floating point; the text is read instead
  ])('%s → %i fen', (cell, fen) => {
    expect(readYuan(cell as string)).toBe(fen);
  });

  it('is nothing when the cell is empty (the column says whether it is required)', () => {
    expect(readYuan('')).toBeUndefined();
    expect(readYuan(null)).toBeUndefined();
  });

  /** The problem a cell raises, in both languages. */
  const problem = (cell: string, bound?: { maxValue: number | null }) => {
    try {
      readYuan(cell, bound);
    } catch (error) {
      if (error instanceof CellProblem) return [error.zh, error.en];
    }
    return undefined;
  };

  it('refuses what is not an amount in the money module’s words, Chinese and English', () => {
    expect(problem('3200.555')).toEqual(['金额最多两位小数（到分）', 'at most two decimals (fen)']);
    expect(problem('-1')).toEqual(['金额不能为负', 'cannot be negative']);
    expect(problem('abc')).toEqual(['应为以元为单位的金额，如 3200.50', 'must be an amount in yuan, like 3200.50']);
    expect(problem('123456789012')).toEqual([
      '金额过大：整数部分最多 11 位',
      'too large: at most 11 digits before the point',
    ]);
  });

  it('refuses an amount above its column’s schema, naming the bound in yuan', () => {
    expect(problem('100000.01', PersonInput.shape.monthlyPay)).toEqual([
      '不能超过 ¥100,000.00',
      'cannot exceed ¥100,000.00',
    ]);
  });

  it('is written back as the number a yuan cell holds, the nearest double to the exact decimal', () => {
    expect(yuanCell(320050)).toBe(3200.5);
    expect(yuanCell(29)).toBe(0.29);
    expect(yuanCell(1)).toBe(0.01);
  });
});

describe('a bad amount in a roster', () => {
  it('is reported on its column in the money module’s words, with the schema’s bound', async () => {
    const { errors } = await parseRoster(
      csv([
        row(1, { '月薪(元)': '4200.123' }),
        row(2, { '月薪(元)': '100000.01' }),
        row(3, { '继续教育(日期:学时:机构:主题;…)': '2025-04-12:2.55:防城港市社会工作协会:个案督导' }),
      ]),
      'csv',
      CONTEXT,
    );
    expect(errors).toEqual([
      { row: 2, column: '月薪(元)', message: '金额最多两位小数（到分）', messageEn: 'at most two decimals (fen)' },
      { row: 3, column: '月薪(元)', message: '不能超过 ¥100,000.00', messageEn: 'cannot exceed ¥100,000.00' },
      {
        row: 4,
        column: '继续教育(日期:学时:机构:主题;…)',
        message: '学时最多一位小数',
        messageEn: 'at most one decimal',
      },
    ]);
  });
});

describe('the staff export', () => {
  const person: Person = {
    id: 'p1',
    createdAt: '2026-01-01T00:00:00Z',
    version: 1,
    name: '李娜',
    idCardNumber: idNumber(7),
    phone: '13812345678',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 320050,
    employment: [],
    certificates: [],
    continuingEducation: [],
  };

  it('masks ID numbers unless the reader may see them, and writes yuan with two decimals', async () => {
    const read = async (reveal: boolean) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await staffWorkbook([person], [undefined], 'zh-CN', { revealPersonalData: reveal })) as unknown as ArrayBuffer,
      );
      return workbook.worksheets[0]!;
    };
    const masked = await read(false);
    expect(masked.getCell('A1').value).toBe('姓名');
    expect(masked.getCell('A2').value).toBe('Name');
    expect(masked.getCell('B3').value).toBe(`450602********${idNumber(7).slice(-4)}`);
    expect(masked.getCell('C3').value).toBe('138****5678');
    expect(masked.getCell('J3').value).toBe(3200.5);
    expect(masked.getCell('J3').numFmt).toBe('#,##0.00');
    expect((await read(true)).getCell('B3').value).toBe(idNumber(7));
  });
});
