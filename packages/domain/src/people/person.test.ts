import { describe, expect, it } from 'vitest';
import { CheckedPersonInput, ContinuingEducation, LadderLevel, PersonInput } from './person.ts';
import { person } from './test-fixtures.ts';

/** What the schema says about one field, as the API's problem would. */
const messagesAt = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('/'), i.message]) ?? [];

describe('the bounds of pay and hours', () => {
  it('names the most a monthly pay may be, in yuan', () => {
    expect(PersonInput.safeParse({ ...person(), monthlyPay: 10_000_000 }).success).toBe(true);
    expect(messagesAt(PersonInput.safeParse({ ...person(), monthlyPay: 10_000_001 }))).toEqual([
      ['monthlyPay', 'cannot exceed ¥100,000.00'],
    ]);
  });

  it('holds a pay band to the same bound, at whichever end is above it', () => {
    const level = {
      id: 'top',
      name: '顶级',
      postClass: 'senior',
      requirements: {
        minCertificate: 'senior',
        minYearsPractice: 0,
        minEducation: 'bachelor',
        continuingEducationUpToDate: false,
      },
      payBand: { min: 9_000_000, max: 10_000_050 },
    };
    expect(messagesAt(LadderLevel.safeParse(level))).toEqual([['payBand/max', 'cannot exceed ¥100,000.00']]);
  });

  it('names the most hours one continuing-education entry may hold', () => {
    const entry = { date: '2026-03-01', tenthHours: 10_001, provider: '市社工协会', topic: '督导' };
    expect(messagesAt(ContinuingEducation.safeParse(entry))).toEqual([['tenthHours', 'cannot exceed 1000 hours']]);
  });
});

describe('working time (P-W3 for part-time staff)', () => {
  it('is asked of part-time staff, as a whole percent of full time', () => {
    expect(PersonInput.safeParse(person({ employmentType: 'part_time', ftePercent: 50 })).success).toBe(true);
    expect(messagesAt(PersonInput.safeParse(person({ employmentType: 'part_time' })))).toEqual([
      ['ftePercent', 'is required for part-time staff: their working time as a percent of full time'],
    ]);
    expect(messagesAt(PersonInput.safeParse(person({ employmentType: 'part_time', ftePercent: 100.5 })))).toEqual([
      ['ftePercent', 'must be a whole percent'],
    ]);
  });

  it('is refused for staff who are not part-time (they work full time)', () => {
    expect(messagesAt(PersonInput.safeParse(person({ employmentType: 'contract', ftePercent: 80 })))).toEqual([
      ['ftePercent', 'is only recorded for part-time staff (the others work full time)'],
    ]);
  });
});

describe('the ID-card number', () => {
  it('is kept with an upper-case check character X, whichever case was typed', () => {
    const parsed = CheckedPersonInput.parse(person({ idCardNumber: ' 11010519491231002x ' }));
    expect(parsed.idCardNumber).toBe('11010519491231002X');
  });
});
