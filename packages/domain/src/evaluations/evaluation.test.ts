import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_TEMPLATE,
  EvaluationTemplateInput,
  finalEvaluationOverdue,
  gradeOf,
  scoreEvaluation,
  scoreProblems,
} from './evaluation.ts';

const thresholds = { excellent: 90, good: 80, pass: 60 };

describe('N-6 evaluation grades', () => {
  it.each([
    [59, 'fail'],
    [60, 'pass'],
    [79, 'pass'],
    [80, 'good'],
    [89, 'good'],
    [90, 'excellent'],
  ])('%i points is %s', (points, grade) => {
    expect(gradeOf(points * 100, thresholds)).toBe(grade);
  });

  it('89.99 is still good: the threshold is a whole point', () => {
    expect(gradeOf(8999, thresholds)).toBe('good');
  });

  it('follows the rule set’s own thresholds', () => {
    expect(gradeOf(8500, { excellent: 85, good: 75, pass: 60 })).toBe('excellent');
  });

  it('totals weighted scores in hundredths of a point, half up per indicator', () => {
    const indicators = [
      { name: 'a', weight: 50, maxScore: 3 },
      { name: 'b', weight: 50, maxScore: 10 },
    ];
    // a: 2/3 × 50 = 33.333… → 3333; b: 9/10 × 50 = 45 → 4500.
    const scored = scoreEvaluation(indicators, [2, 9], thresholds);
    expect(scored.indicators.map((i) => i.points)).toEqual([3333, 4500]);
    expect(scored.total).toBe(7833);
    expect(scored).toMatchObject({ grade: 'pass', ruleId: 'N-6' });
  });

  it('the default template scores out of 100', () => {
    const indicators = DEFAULT_EVALUATION_TEMPLATE.indicators;
    expect(scoreEvaluation(indicators, [20, 40, 20, 20], thresholds).total).toBe(10_000);
    expect(scoreEvaluation(indicators, [18, 36, 18, 17], thresholds)).toMatchObject({ total: 8900, grade: 'good' });
  });

  it('refuses a score above its indicator’s maximum, or the wrong number of scores', () => {
    const indicators = DEFAULT_EVALUATION_TEMPLATE.indicators;
    expect(scoreProblems(indicators, [21, 40, 20, 20])).toEqual([
      { path: '/scores/0', message: 'cannot exceed 20 (项目管理)' },
    ]);
    expect(scoreProblems(indicators, [20])).toHaveLength(1);
  });
});

describe('evaluation templates', () => {
  const valid = {
    name: 'T',
    indicators: [
      { name: 'a', weight: 60, maxScore: 10 },
      { name: 'b', weight: 40, maxScore: 10 },
    ],
  };
  it('takes weights that add up to 100', () => {
    expect(EvaluationTemplateInput.safeParse(valid).success).toBe(true);
    expect(EvaluationTemplateInput.safeParse(DEFAULT_EVALUATION_TEMPLATE).success).toBe(false); // strict: no id
  });

  it('refuses weights that do not add up to 100, naming the field', () => {
    const result = EvaluationTemplateInput.safeParse({
      ...valid,
      indicators: [
        { name: 'a', weight: 60, maxScore: 10 },
        { name: 'b', weight: 30, maxScore: 10 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['indicators', 'the weights must add up to 100, not 90'],
    ]);
  });

  it('refuses an indicator named twice, and a weight of 0', () => {
    const twice = EvaluationTemplateInput.safeParse({
      ...valid,
      indicators: [
        { name: 'a', weight: 50, maxScore: 10 },
        { name: 'a', weight: 50, maxScore: 10 },
      ],
    });
    expect(twice.error?.issues.map((i) => i.path.join('/'))).toEqual(['indicators/1/name']);
    const zero = EvaluationTemplateInput.safeParse({
      ...valid,
      indicators: [
        { name: 'a', weight: 0, maxScore: 10 },
        { name: 'b', weight: 100, maxScore: 10 },
      ],
    });
    expect(zero.error?.issues.map((i) => i.path.join('/'))).toContain('indicators/0/weight');
  });
});

describe('final evaluation', () => {
  it('is overdue once the contract’s last month has passed without one', () => {
    expect(finalEvaluationOverdue('2026-06-30', '2026-06-30', false)).toBe(false);
    expect(finalEvaluationOverdue('2026-06-15', '2026-07-01', false)).toBe(true);
    expect(finalEvaluationOverdue('2026-06-15', '2026-07-01', true)).toBe(false);
  });
});
