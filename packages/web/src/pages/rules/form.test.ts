import { FANGCHENGGANG_2023, type RuleSetParameters, withParameterDefaults } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { formOf, readRuleSetForm } from './form.ts';

/** The form prefilled from Fangchenggang's rule set, titled, with some values typed over. */
function typed(values: Record<string, string>) {
  const form = formOf(FANGCHENGGANG_2023, '2026-01-01');
  form.values.title = '测试';
  Object.assign(form.values, values);
  return readRuleSetForm(form);
}

describe('yuan and percent in the publish form', () => {
  it('reads yuan and percent into exact fen and basis points through the money module', () => {
    // 0.29 × 100 and 0.57 × 100 are 28.999… and 56.999… in floating point; the form never goes there.
    const read = typed({
      'payFloor.assistant': '3,200.5',
      'payFloor.none': '0.29',
      'socialInsurance.pension': '16',
      'socialInsurance.medical': '6.8',
      'socialInsurance.maternity': '0.57',
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.input.parameters.payFloor).toMatchObject({ assistant: 320_050, none: 29 });
    expect(read.input.parameters.socialInsurance).toMatchObject({ pension: 1600, medical: 680, maternity: 57 });
  });

  it('shows stored values back as the form reads them, and reads back exactly what it prefilled', () => {
    const form = formOf(FANGCHENGGANG_2023, '2026-01-01');
    expect(form.values['payFloor.assistant']).toBe('3200');
    expect(form.values['socialInsurance.medical']).toBe('6.8');
    form.values.title = FANGCHENGGANG_2023.title;
    const read = readRuleSetForm(form);
    // The award parameters added later (P-A1, P-A8, P-A9) come back with their defaults filled in.
    expect(read.ok && read.input.parameters).toEqual(withParameterDefaults(FANGCHENGGANG_2023).parameters);
  });

  it('leaves P-A9’s rates absent when empty, and reads them in yuan when given', () => {
    const empty = typed({});
    expect(empty.ok && empty.input.parameters.awards.internshipRates).toBeUndefined();
    const given = typed({ 'awards.internshipRates.internship': '1500', 'awards.internshipRates.insurance': '45.5' });
    expect(given.ok && given.input.parameters.awards.internshipRates).toEqual({ internship: 150_000, insurance: 4550 });
    expect(given.ok && given.input.parameters.awards.examFirstYear).toBe(2023);
  });

  it('prefills a parameter added since the version in force was published with its default', () => {
    const { projectionTolerance: _absent, ...older } = FANGCHENGGANG_2023.parameters;
    const form = formOf({ ...FANGCHENGGANG_2023, parameters: older as RuleSetParameters }, '2026-01-01');
    expect(form.values['projectionTolerance.share']).toBe('1');
    expect(form.values['projectionTolerance.amount']).toBe('100');
  });

  it('names each refused value by its parameter path, with the money module’s reason', () => {
    const read = typed({
      'payFloor.senior': 'lots',
      'payFloor.assistant': '3200.505',
      // 10 001 bp: above 100 %.
      'socialInsurance.pension': '100.01',
      // ¥100,000,000.01: a whole amount, but above the schema's bound for a parameter in fen.
      'housingFund.baseCap': '100000000.01',
      'awards.continuityYears': '2.5',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.unreadable).toEqual([
      { field: 'payFloor.assistant', kind: 'yuan', refusal: { problem: 'tooManyDecimals' } },
      { field: 'payFloor.senior', kind: 'yuan', refusal: { problem: 'notANumber' } },
      { field: 'socialInsurance.pension', kind: 'percent', refusal: { problem: 'tooLarge' } },
      { field: 'housingFund.baseCap', kind: 'yuan', refusal: { above: 10_000_000_000 } },
      { field: 'awards.continuityYears', kind: 'whole' },
    ]);
    // The holes those leave are not reported twice by the schema.
    expect(read.issues).toEqual([]);
  });

  it('leaves what the schema checks to the schema, by its path', () => {
    const read = typed({ title: '' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.unreadable).toEqual([]);
    expect(read.issues.map((i) => i.field)).toEqual(['title']);
  });
});
