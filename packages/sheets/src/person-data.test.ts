import { describe, expect, it } from 'vitest';
import { type PersonDataSheetView, personDataWorkbook } from './person-data.ts';
import { workbookCells } from './read.ts';

const view: PersonDataSheetView = {
  exportedAt: '2026-11-25T08:00:00.000Z',
  organisation: { name: '港口区阳光社会工作服务中心' },
  person: {
    id: 'p1',
    name: '黄小梅',
    idCardNumber: '450602199003070021',
    certificates: [{ level: 'assistant', number: 'Z2021450600123', obtainedOn: '2021-06-20' }],
    continuingEducation: [],
    employment: [],
  },
  member: { email: 'hxm@example.cn' },
  submissions: [],
  promotions: [],
  examCosts: [{ personName: '黄小梅', registrationFee: 180_00, assessment: { total: 728_50 } }],
  postings: [],
  awardClaims: [],
  contractPosts: [],
  payMonths: [],
  auditEvents: [{ action: 'person.create', at: '2026-01-01T00:00:00.000Z' }],
  awardLedger: { total: 1_000_00, entries: [{ amount: 1_000_00, date: '2026-03-01' }] },
};

describe('a person’s data export as a workbook', () => {
  it('has a sheet for the person and one per kind of record, nested values as JSON', async () => {
    const cells = await workbookCells(await personDataWorkbook(view, 'zh-CN'));
    const sheets = new Set(cells.map((c) => c.sheet));
    expect([...sheets]).toEqual(expect.arrayContaining(['个人信息', '证书', '考试费用', '奖励台账', '操作记录']));
    const value = (sheet: string) => cells.filter((c) => c.sheet === sheet).map((c) => c.value);
    expect(value('个人信息')).toEqual(expect.arrayContaining(['idCardNumber', '450602199003070021', 'member.email']));
    expect(value('证书')).toContain('Z2021450600123');
    expect(value('考试费用')).toEqual(expect.arrayContaining([18000, JSON.stringify({ total: 72850 })]));
    expect(value('奖励台账')).toContain(100000);
    expect(value('操作记录')).toContain('person.create');
  });

  it('names its sheets in English for an English reader', async () => {
    const cells = await workbookCells(await personDataWorkbook(view, 'en'));
    expect(new Set(cells.map((c) => c.sheet))).toContain('Personal data');
  });
});
