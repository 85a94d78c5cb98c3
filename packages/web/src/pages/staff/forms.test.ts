import { Invalid } from '@shegong/core';
import type { PersonInput } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import {
  checkPerson,
  DATE_FIELDS,
  LIST_FORMS,
  listFormRefusal,
  NEW_PERSON_FIELDS,
  PERSON_FIELDS,
  personForm,
  personFromForm,
  personValues,
  type Values,
} from './forms.tsx';

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

describe('the add form’s employment start and working time', () => {
  const here = { name: '港口区阳光社会工作服务中心', region: '450602' };
  const checkNew = (values: Values) =>
    checkPerson(zhCN, personFromForm(values, undefined, here), { fields: NEW_PERSON_FIELDS, values });

  it('starts a new person with social work here from the day given', () => {
    const checked = checkNew(core({ employedSince: '2024-06-23' }));
    expect('input' in checked && checked.input.employment).toEqual([
      { employer: '港口区阳光社会工作服务中心', region: '450602', start: '2024-06-23', socialWork: true },
    ]);
  });

  it('names the start when it is missing or not a date', () => {
    for (const employedSince of ['', '2024-02-30'])
      expect(checkNew(core({ employedSince }))).toEqual({
        errors: [{ field: 'employedSince', message: zhCN.staff.errors.employedSince }],
      });
  });

  it('reads the working time of part-time staff as a whole percent, and names it when wrong', () => {
    const partTime = core({ employedSince: '2024-06-23', employmentType: 'part_time', ftePercent: '50' });
    const checked = checkNew(partTime);
    expect('input' in checked && checked.input.ftePercent).toBe(50);
    for (const ftePercent of ['', '50%', '0'])
      expect(checkNew({ ...partTime, ftePercent })).toEqual({
        errors: [{ field: 'ftePercent', message: zhCN.staff.errors.ftePercent }],
      });
  });
});

describe('what the certificate form shows for an N-4 refusal', () => {
  const certForm = LIST_FORMS.find((f) => f.list === 'certificates')!;

  it('puts each problem on its field in the page’s words', () => {
    const refusal = new Invalid('Some certificates’ registrations are not valid (N-4)', {
      fields: [
        {
          path: '/certificates/1/registeredOn',
          code: 'registeredBeforeObtained',
          message: 'must not be before the certificate was obtained (2024-06-23) (N-4)',
          amounts: { obtainedOn: '2024-06-23' },
        },
        {
          path: '/certificates/1/registrationExpiresOn',
          code: 'registrationTermMismatch',
          message: 'must be 2027-09-01: a registration is valid 3 years from its date (N-4)',
          amounts: { expected: '2027-09-01', years: 3 },
        },
      ],
    });
    expect(listFormRefusal(zhCN, refusal, certForm).map((e) => [e.field, e.message])).toEqual([
      ['registeredOn', '登记日期不能早于取得证书的日期（2024-06-23）'],
      ['registrationExpiresOn', '登记有效期至应为 2027-09-01：登记自登记之日起有效 3 年（N-4）'],
    ]);
  });
});

describe('the staff forms’ inputs (issue 10, point 8)', () => {
  it('makes every date a date picker, read back as typed or picked, and gives money and hours a decimal keypad', () => {
    const specs = [
      personForm(zhCN.staff, '/x', 'x', [], true),
      ...LIST_FORMS.map((f) => f.spec(zhCN.staff, '/x')),
    ].flatMap((spec) => spec.fields);
    const dates = specs.filter((f) => f.kind === 'date').map((f) => f.name);
    expect(new Set(dates)).toEqual(DATE_FIELDS);
    for (const name of ['monthlyPay', 'tenthHours', 'ftePercent'])
      expect(specs.find((f) => f.name === name)?.kind, name).toBe('decimal');
  });
});
