import { describe, expect, it } from 'vitest';
import { assessExamCostClaim } from './exam-costs.ts';
import { type ExamCostRecord, examCostReport, InternshipDecision, RecognitionInput } from './records.ts';

const record = (personId: string, personName: string, examDate: string, fen: number): ExamCostRecord => {
  const claim = { examDate, level: 'assistant' as const, registrationFee: fen, textbooks: 0, travel: 0 };
  return {
    id: `${personId}-${examDate}`,
    personId,
    personName,
    ...claim,
    assessment: assessExamCostClaim(claim, { examFirstYear: 2023 }),
    recordedAt: '2026-11-30T00:00:00Z',
    by: { userId: 'u' },
  };
};

describe('the exam-cost report (P-A1)', () => {
  it('totals by year (newest first) and person, to the fen', () => {
    const report = examCostReport([
      record('a', '张三', '2024-06-15', 180_01),
      record('b', '李四', '2025-06-14', 99_99),
      record('a', '张三', '2025-11-02', 1),
    ]);
    expect(report.years.map((y) => [y.year, y.total])).toEqual([
      [2025, 100_00],
      [2024, 180_01],
    ]);
    expect(report.years[0]!.people.map((p) => [p.personId, p.exams, p.total]).sort()).toEqual([
      ['a', 1, 1],
      ['b', 1, 99_99],
    ]);
    expect(report).toMatchObject({ ruleId: 'P-A1', total: 280_01 });
  });

  it('is empty for no records', () => {
    expect(examCostReport([])).toEqual({ ruleId: 'P-A1', years: [], total: 0 });
  });
});

describe('inputs of the bureau', () => {
  it('needs a reason to refuse an internship claim', () => {
    expect(InternshipDecision.safeParse({ approved: false }).success).toBe(false);
    expect(InternshipDecision.safeParse({ approved: false, reason: '缺少见习协议' }).success).toBe(true);
    expect(InternshipDecision.safeParse({ approved: true }).success).toBe(true);
  });

  it('keeps a recognition’s date in its year (P-A8)', () => {
    const base = { authority: 'national', kind: 'advanced_unit', year: 2025 } as const;
    expect(RecognitionInput.safeParse({ ...base, recognisedOn: '2024-12-31' }).success).toBe(false);
    expect(RecognitionInput.safeParse({ ...base, recognisedOn: '2025-12-31' }).success).toBe(true);
  });
});
