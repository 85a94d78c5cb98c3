import { describe, expect, it } from 'vitest';
import { budgetUnbalanced, payBelowFloor } from './costing.ts';
import { Finding } from './finding.ts';
import { levelBelowPrevious } from './ladder.ts';
import { EXAMPLES, PAYROLL_ROW_BELOW_FLOOR, PERSON_BELOW_FLOOR } from './test-fixtures.ts';
import { findingText } from './text.ts';

/** Each kind in Chinese (the pages' words) and in English, written out by hand. */
const TEXTS: [Finding, string, string][] = [
  [
    EXAMPLES.payBelowFloor,
    '月薪 ¥3,000.00 低于指导标准 ¥3,200.00，每月差 ¥200.00。',
    'Pay of ¥3,000.00 a month is below the guideline of ¥3,200.00: ¥200.00 short each month.',
  ],
  [
    EXAMPLES.personnelBelowLabourCost,
    '人员经费 ¥69,000.00 低于人力成本 ¥75,227.25，差 ¥6,227.25。',
    'The personnel line of ¥69,000.00 is below the labour cost of ¥75,227.25: ¥6,227.25 short.',
  ],
  [
    EXAMPLES.labourShareBelowMin,
    '人员经费 ¥69,000.00 仅占合同金额的 69%，低于当地下限 70%：至少需要 ¥70,000.00。',
    'The personnel line of ¥69,000.00 is only 69% of the contract value, below the local minimum of 70%: it needs at least ¥70,000.00.',
  ],
  [
    EXAMPLES.managementOverCap,
    '管理费 ¥12,000.00 超过当地上限（合同金额的 10%）：最多 ¥10,000.00。',
    'The management line of ¥12,000.00 is above the local cap of 10% of the value: at most ¥10,000.00.',
  ],
  [
    EXAMPLES.taxUnderBudgeted,
    '税费 ¥2,999.99 低于合同金额的 3%（¥3,000.00）。',
    'The tax line of ¥2,999.99 is below 3% of the contract value (¥3,000.00).',
  ],
  [
    EXAMPLES.budgetUnbalanced,
    '各预算科目合计 ¥96,999.99，少于合同金额 ¥100,000.00。',
    'The budget lines add up to ¥96,999.99, less than the contract value of ¥100,000.00.',
  ],
  [
    EXAMPLES.belowPriceFloor,
    '合同金额 ¥78,000.00 低于最低合同价 ¥78,617.39，差 ¥617.39。起决定作用的是人员经费比例：再少一分钱，人员经费就达不到当地最低比例（人力成本 ¥50,000.00 本身付得起，原因不在薪酬）。',
    'The contract value of ¥78,000.00 is below the price floor of ¥78,617.39: ¥617.39 short. The personnel share sets it: one fen less, and the personnel line falls below the local minimum share (the labour cost of ¥50,000.00 itself fits: pay is not the cause).',
  ],
  [
    EXAMPLES.noPriceFloor,
    '按当地规则，任何合同金额都无法按指导标准支付这些岗位（管理费、税费与人员比例之和过高）。',
    'No contract value pays these posts at the guideline under the local rules (management, tax and the labour share add up too high).',
  ],
  [
    EXAMPLES.termTooLong,
    '合同期限 37 个月，超过任何购买服务合同的上限 36 个月。',
    'A term of 37 months is longer than the 36 months any purchase contract may run.',
  ],
  [
    EXAMPLES.termNeedsStableMark,
    '合同期限 13 个月，超过 12 个月：仅服务稳定、经常性且资金有保障时允许，请勾选该项或缩短期限。',
    'A term of 13 months is longer than 12 months: allowed only for a stable, recurring service with secure funding. Tick that box or shorten the term.',
  ],
  [EXAMPLES.noMilestones, '合同还没有付款节点。', 'The contract has no payment milestones.'],
  [
    EXAMPLES.milestonesUnbalanced,
    '付款节点合计 ¥276,000.00，少于合同金额 ¥280,000.00。',
    'The milestones add up to ¥276,000.00, less than the contract value of ¥280,000.00.',
  ],
  [
    EXAMPLES.actualOverBudget,
    '其他已支出 ¥1,500.00，超出预算 ¥1,000.00，超出 ¥500.00',
    'Other has spent ¥1,500.00, over its budget of ¥1,000.00 by ¥500.00',
  ],
  [
    EXAMPLES.projectedOverBudget,
    '管理费按目前进度预计全期支出 ¥4,400.00，将超出预算 ¥3,000.00，超出 ¥1,400.00',
    'Management is heading over budget: at this rate ¥4,400.00 by the end of the term, ¥1,400.00 over its budget of ¥3,000.00',
  ],
  [
    EXAMPLES.bandBelowFloor,
    '月薪下限 ¥3,199.99 低于助理社会工作师的指导标准 ¥3,200.00，差 ¥0.01',
    'Minimum ¥3,199.99 is below the Assistant social worker floor of ¥3,200.00, short by ¥0.01',
  ],
  [
    EXAMPLES.levelBelowPostClass,
    '中级专业岗位至少需要社会工作师证书，这里只要求“助理社会工作师”',
    'A intermediate post needs at least the Social worker certificate; this asks only for “Assistant social worker”',
  ],
  [EXAMPLES.duplicateLevelId, '代码 junior-1 已被前面的职级使用', 'The id junior-1 is used by an earlier level'],
  [
    EXAMPLES.levelBelowPrevious,
    '要求的最低学历（大专）低于下一级（本科）',
    'Asks for less Minimum education (Associate degree) than the level below (Bachelor)',
  ],
  [
    EXAMPLES.ladderUnchecked,
    '2026年3月1日 地区 450600 没有生效的规则，薪酬区间和证书要求没有检查',
    'No rule set is in force for region 450600 on 1 Mar 2026: pay bands and certificates were not checked',
  ],
  [
    EXAMPLES.registrationExpired,
    '证书 ZL2023-001 的登记已于 2026年4月30日 到期，请尽快办理。',
    'The registration of certificate ZL2023-001 expired on 30 Apr 2026.',
  ],
  [
    EXAMPLES.registrationExpiring,
    '证书 SG2024-007 的登记将于 2026年4月30日 到期（还有 60 天），请办理续期。',
    'The registration of certificate SG2024-007 expires on 30 Apr 2026 (60 days left): renew it now.',
  ],
  [
    EXAMPLES.registrationOverdue,
    '证书 ZL2025-003 于 2025年2月28日 取得，应在 2026年2月28日 前首次登记，至今未登记。',
    'Certificate ZL2025-003, obtained on 28 Feb 2025, should have been registered by 28 Feb 2026 and is not.',
  ],
  [
    EXAMPLES.ceHoursShort,
    '2026 年继续教育 38.5 学时，要求 50 学时，还差 11.5 学时。',
    'Continuing education in 2026: 38.5 of 50 hours, 11.5 short.',
  ],
  [
    EXAMPLES.cePeriodShort,
    '本登记周期继续教育 50 学时，要求 90 学时，还差 40 学时。',
    'Continuing education this registration period: 50 of 90 hours, 40 short.',
  ],
];

describe('findingText', () => {
  it.each(TEXTS.map(([f, zh, en]) => [f.kind, f, zh, en] as const))(
    'says %s in Chinese and English',
    (_, f, zh, en) => {
      expect(findingText(f, 'zh-CN')).toBe(zh);
      expect(findingText(f, 'en')).toBe(en);
    },
  );

  it('has a sentence for every kind', () => {
    const kinds = Finding.options.map((member) => member.shape.kind.value);
    expect(TEXTS.map(([f]) => f.kind).sort()).toEqual([...kinds].sort());
  });

  it('says P-W3 as each page says it: a month’s payroll row, a person in the registry, a planned post', () => {
    const row = PAYROLL_ROW_BELOW_FLOOR;
    expect(findingText(row, 'zh-CN')).toBe(
      '2026年1月：王芳 的应发工资 ¥3,700.00 低于该证书等级的指导标准 ¥3,800.00，差 ¥100.00',
    );
    expect(findingText(row, 'en')).toBe(
      'Jan 2026: 王芳 was paid ¥3,700.00, below the guideline floor of ¥3,800.00 for their level by ¥100.00',
    );
    const person = PERSON_BELOW_FLOOR;
    expect(findingText(person, 'zh-CN')).toBe('月薪 ¥2,999.99 低于指导标准 ¥3,000.00，每月差 ¥0.01。');
    expect(findingText(person, 'en')).toBe('Pay ¥2,999.99 is below the floor ¥3,000.00: ¥0.01 short each month.');
    // A part-time person is held to the floor in proportion to their working time.
    const partTime = payBelowFloor({ ...PERSON_BELOW_FLOOR.amounts, path: '/monthlyPay', ftePercent: 50 });
    expect(findingText(partTime, 'zh-CN')).toBe(
      '月薪 ¥2,999.99 低于按工作时间 50% 折算的指导标准 ¥3,000.00，每月差 ¥0.01。',
    );
    expect(findingText(partTime, 'en')).toBe(
      'Pay ¥2,999.99 is below the floor ¥3,000.00 for 50 % of full time: ¥0.01 short each month.',
    );
  });

  it('says which way a budget is off', () => {
    const over = budgetUnbalanced({ value: 100_000_00, linesTotal: 100_000_01 });
    expect(findingText(over, 'zh-CN')).toBe('各预算科目合计 ¥100,000.01，多于合同金额 ¥100,000.00。');
    expect(findingText(over, 'en')).toBe(
      'The budget lines add up to ¥100,000.01, more than the contract value of ¥100,000.00.',
    );
  });

  it('names a lower requirement by what it is: a certificate, years or education', () => {
    const cert = levelBelowPrevious({ level: 2, requirement: 'minCertificate', has: 'social_worker', below: 'senior' });
    expect(findingText(cert, 'zh-CN')).toBe('要求的最低证书（社会工作师）低于下一级（高级社会工作师）');
    const years = levelBelowPrevious({ level: 2, requirement: 'minYearsPractice', has: 2, below: 3 });
    expect(findingText(years, 'zh-CN')).toBe('要求的最低从业年限（2）低于下一级（3）');
    expect(findingText(years, 'en')).toBe('Asks for less Minimum years of practice (2) than the level below (3)');
  });
});
