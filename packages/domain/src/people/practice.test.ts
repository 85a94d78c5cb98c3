import { describe, expect, it } from 'vitest';
import type { EmploymentPeriod } from './person.ts';
import { practiceDays, practiceYears, socialWorkRun } from './practice.ts';

const TODAY = '2026-03-01';
const FCG = '450600'; // Fangchenggang; 450602 Gangkou and 450603 Fangcheng and 450681 Dongxing lie in it

const period = (start: string, end: string | undefined, region = '450602', socialWork = true): EmploymentPeriod => ({
  employer: '港口区阳光社会工作服务中心',
  region,
  start,
  ...(end ? { end } : {}),
  socialWork,
});
const staff = (...employment: EmploymentPeriod[]) => ({ employment });

describe('years of social-work practice', () => {
  it('counts an open period to today in whole calendar years', () => {
    // 2021-01-01 + 3 years − 1 day = 2023-12-31: 3 years that day, 2 the day before.
    const p = staff(period('2021-01-01', undefined));
    expect(practiceYears(p, '2023-12-31')).toBe(3);
    expect(practiceYears(p, '2023-12-30')).toBe(2);
    expect(practiceYears(p, '2021-01-01')).toBe(0);
  });

  it('counts overlapping periods once', () => {
    // 2018-01-01 … 2020-12-31 and 2020-01-01 … 2021-12-31 merge into 2018-01-01 … 2021-12-31:
    // 365 + 365 + 366 + 365 = 1461 days = 4 years (not 3 + 2 = 5).
    const p = staff(period('2018-01-01', '2020-12-31'), period('2020-01-01', '2021-12-31', '450100'));
    expect(practiceDays(p, TODAY)).toBe(1461);
    expect(practiceYears(p, TODAY)).toBe(4);
  });

  it('adds up separate periods, anywhere, ignoring work outside social work', () => {
    // 2015: 365 days in Nanning; 2016-2017 not social work; 2019-01-01 … 2020-12-31 = 365 + 366 = 731.
    // 1096 days from 2015-01-01 reach 2018-01-01 (365 + 366 + 365 = 1096 → 2015-01-01 … 2017-12-31): 3 years.
    const p = staff(
      period('2015-01-01', '2015-12-31', '450100'),
      period('2016-01-01', '2017-12-31', '450602', false),
      period('2019-01-01', '2020-12-31'),
    );
    expect(practiceDays(p, TODAY)).toBe(1096);
    expect(practiceYears(p, TODAY)).toBe(3);
  });

  it('counts nothing after today and nothing for a period that has not started', () => {
    // 2025-03-02 … 2026-03-01 is 365 days: one whole year exactly; the rest of 2026 is not yet worked.
    expect(practiceYears(staff(period('2025-03-02', '2026-12-31')), TODAY)).toBe(1);
    expect(practiceYears(staff(period('2026-03-02', undefined)), TODAY)).toBe(0);
    expect(practiceYears(staff(), TODAY)).toBe(0);
  });
});

describe('the unbroken run of social-work employment in the jurisdiction (P-A3)', () => {
  it('runs from the start of an open period to today, both days counted', () => {
    // 2024-03-01 → 2026-03-01 is 365 + 365 = 730 days apart, so 731 days worked.
    expect(socialWorkRun(staff(period('2024-03-01', undefined)), FCG, TODAY, 0)).toEqual({
      start: '2024-03-01',
      end: TODAY,
      days: 731,
      area: FCG,
      ruleId: 'P-A3',
    });
  });

  it('joins adjacent periods, even in different counties of the city', () => {
    const p = staff(period('2023-01-01', '2024-06-30', '450681'), period('2024-07-01', undefined, '450602'));
    expect(socialWorkRun(p, FCG, TODAY, 0)?.start).toBe('2023-01-01');
  });

  it('is broken by a one-day gap with no tolerance, and joined with a tolerance of 1 day', () => {
    // 2024-07-01 is the gap: the next period starts 2024-07-02 > 2024-06-30 + 1 + 0.
    const p = staff(period('2023-01-01', '2024-06-30'), period('2024-07-02', undefined));
    expect(socialWorkRun(p, FCG, TODAY, 0)?.start).toBe('2024-07-02');
    expect(socialWorkRun(p, FCG, TODAY, 1)?.start).toBe('2023-01-01');
    expect(socialWorkRun(p, FCG, TODAY, 30)?.start).toBe('2023-01-01');
  });

  it('joins overlapping periods and a period inside another', () => {
    const p = staff(
      period('2022-01-01', '2023-12-31'),
      period('2023-06-01', '2024-12-31'),
      period('2024-02-01', '2024-03-31'),
      period('2025-01-01', undefined),
    );
    expect(socialWorkRun(p, FCG, TODAY, 0)).toMatchObject({ start: '2022-01-01', end: TODAY });
  });

  it('is broken by work outside the jurisdiction or outside social work', () => {
    const p = staff(
      period('2022-01-01', '2023-12-31', '450602'),
      period('2024-01-01', '2024-12-31', '450100'), // Nanning
      period('2025-01-01', undefined, '450603'),
    );
    expect(socialWorkRun(p, FCG, TODAY, 0)?.start).toBe('2025-01-01');
    expect(socialWorkRun(p, '450000', TODAY, 0)?.start).toBe('2022-01-01'); // all inside Guangxi
    const notSocialWork = staff(
      period('2022-01-01', '2023-12-31'),
      period('2024-01-01', '2024-12-31', '450602', false),
      period('2025-01-01', undefined),
    );
    expect(socialWorkRun(notSocialWork, FCG, TODAY, 0)?.start).toBe('2025-01-01');
  });

  it('counts only the county’s own periods for a county jurisdiction', () => {
    const p = staff(period('2022-01-01', '2023-12-31', '450602'), period('2024-01-01', undefined, '450681'));
    expect(socialWorkRun(p, '450681', TODAY, 0)?.start).toBe('2024-01-01');
  });

  it('reaches today when the last period ends today or later, not when it ended yesterday', () => {
    expect(socialWorkRun(staff(period('2024-01-01', TODAY)), FCG, TODAY, 0)).toMatchObject({ end: TODAY });
    expect(socialWorkRun(staff(period('2024-01-01', '2026-12-31')), FCG, TODAY, 0)).toMatchObject({ end: TODAY });
    expect(socialWorkRun(staff(period('2024-01-01', '2026-02-28')), FCG, TODAY, 0)).toBeUndefined();
  });

  it('has no run for a period that starts tomorrow or for nobody', () => {
    expect(socialWorkRun(staff(period('2026-03-02', undefined)), FCG, TODAY, 0)).toBeUndefined();
    expect(socialWorkRun(staff(), FCG, TODAY, 0)).toBeUndefined();
  });

  it('starts on the first day of work when that is today: one day', () => {
    expect(socialWorkRun(staff(period(TODAY, undefined)), FCG, TODAY, 0)).toMatchObject({ start: TODAY, days: 1 });
  });
});
