import { describe, expect, it } from 'vitest';
import { AnswerFinding, canTakeStep, isOverdue, POLICY_RULE_IDS, RaiseFinding } from './rectification.ts';

describe('a finding and its rectification', () => {
  it('cites a rule id of POLICY.md and names the bad field', () => {
    const ok = RaiseFinding.safeParse({
      text: '薪酬低于指导标准',
      ruleId: 'P-W3',
      severity: 'error',
      deadline: '2026-03-01',
    });
    expect(ok.success).toBe(true);
    const bad = RaiseFinding.safeParse({ text: '薪酬', ruleId: 'P-X9', severity: 'error', deadline: '2026-02-30' });
    expect(bad.error?.issues.map((i) => i.path.join('/')).sort()).toEqual(['deadline', 'ruleId']);
    expect(POLICY_RULE_IDS).toContain('N-6');
  });

  it('is answered with what was done and one pointer: an amended version or a month of actuals', () => {
    expect(AnswerFinding.safeParse({ text: '已调薪', version: 2 }).success).toBe(true);
    expect(AnswerFinding.safeParse({ text: '已调薪', month: '2026-02' }).success).toBe(true);
    expect(AnswerFinding.safeParse({ text: '已调薪' }).error?.issues[0]?.path).toEqual(['version']);
    expect(AnswerFinding.safeParse({ text: '已调薪', version: 2, month: '2026-02' }).error?.issues[0]?.path).toEqual([
      'month',
    ]);
  });

  it('moves open → answered → closed, or answered → reopened → answered', () => {
    expect(canTakeStep('open', 'answer')).toBe(true);
    expect(canTakeStep('answered', 'accept')).toBe(true);
    expect(canTakeStep('answered', 'reopen')).toBe(true);
    expect(canTakeStep('reopened', 'answer')).toBe(true);
    expect(canTakeStep('open', 'accept')).toBe(false);
    expect(canTakeStep('closed', 'reopen')).toBe(false);
    expect(canTakeStep('closed', 'answer')).toBe(false);
  });

  it('is overdue after its deadline day until closed', () => {
    expect(isOverdue({ state: 'open', deadline: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ state: 'answered', deadline: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ state: 'closed', deadline: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
