import type { PersonInput } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { checkPerson, LIST_FORMS, PERSON_FIELDS, personFromForm, personValues, type Values } from './forms.tsx';

/** The core form as a person fills it in, with some fields typed over. */
const core = (over: Values = {}): Values => ({
  name: '黄小梅',
  idCardNumber: '450602199001011239',
  phone: '13812345678',
  educationLevel: 'bachelor',
  socialWorkMajor: 'yes',
  employmentType: 'contract',
  monthlyPay: '3600',
  ...over,
});

const checkCore = (values: Values, m = zhCN) =>
  checkPerson(m, personFromForm(values), { fields: PERSON_FIELDS, values });

const ceForm = LIST_FORMS.find((f) => f.list === 'continuingEducation')!;
const checkCe = (values: Values) => {
  const candidate = {
    ...(checkCore(core()) as { input: PersonInput }).input,
    continuingEducation: [ceForm.build(values)],
  };
  return checkPerson(zhCN, candidate, { fields: ceForm.fields, values, list: 'continuingEducation', index: 0 });
};

describe('the staff forms’ amounts', () => {
  it('read pay and hours exactly through the money module', () => {
    const checked = checkCore(core({ monthlyPay: '¥3,600.5' }));
    expect('input' in checked && checked.input.monthlyPay).toBe(360_050);
    const entry = checkCe({ date: '2026-03-01', tenthHours: '2.5', provider: '市社工协会', topic: '督导' });
    expect('input' in entry && entry.input.continuingEducation[0]?.tenthHours).toBe(25);
  });

  it('show pay back as it was typed: whole yuan bare, otherwise two decimals', () => {
    const person = { ...(checkCore(core()) as { input: PersonInput }).input, id: 'p', createdAt: '', version: 1 };
    expect(personValues({ ...person, monthlyPay: 320_050 }).monthlyPay).toBe('3200.50');
    expect(personValues({ ...person, monthlyPay: 320_000 }).monthlyPay).toBe('3200');
  });

  it('say what is wrong with an amount in the money module’s words, after the field’s label', () => {
    expect(checkCore(core({ monthlyPay: '3600.505' }))).toEqual({
      errors: [{ field: 'monthlyPay', message: '月薪（税前，元）：金额最多两位小数（到分）' }],
    });
    expect(checkCore(core({ monthlyPay: '' }), en)).toEqual({
      errors: [{ field: 'monthlyPay', message: 'Monthly gross pay (yuan): enter an amount' }],
    });
    expect(checkCe({ date: '2026-03-01', tenthHours: '2.55', provider: '市社工协会', topic: '督导' })).toEqual({
      errors: [{ field: 'tenthHours', message: '学时：学时最多一位小数' }],
    });
  });

  it('name the schema’s bound, where the pay or the hours are above it', () => {
    // The old form stopped at seven digits; the schema's ¥100,000.00 a month is what holds now.
    expect(checkCore(core({ monthlyPay: '100000.01' }))).toEqual({
      errors: [{ field: 'monthlyPay', message: '月薪（税前，元）：不能超过 ¥100,000.00' }],
    });
    expect(checkCe({ date: '2026-03-01', tenthHours: '1000.1', provider: '市社工协会', topic: '督导' })).toEqual({
      errors: [{ field: 'tenthHours', message: '学时：不能超过 1000 学时' }],
    });
  });

  it('keep the form’s own message for hours that are a number but not enough', () => {
    expect(checkCe({ date: '2026-03-01', tenthHours: '0', provider: '市社工协会', topic: '督导' })).toEqual({
      errors: [{ field: 'tenthHours', message: zhCN.staff.errors.tenthHours }],
    });
  });
});
