import { z } from 'zod';
import { roundHalfUp } from '../costing/rounding.ts';
import { CERT_LEVELS, type RuleSetParameters } from '../rules/rule-set.ts';
import { count, fen } from '../units/units.ts';
import { highestCertificate } from './certificates.ts';
import type { EmploymentType, PersonInput } from './person.ts';

/** P-W1: staff on establishment are paid by state rules, not by the employer's guideline. */
export const STATE_PAID_EMPLOYMENT: readonly EmploymentType[] = ['civil_servant', 'public_institution'];

/** P-W3: a person's monthly gross pay against the guideline floor of their highest certificate. */
export const PayCheck = z.object({
  certLevel: z.enum(CERT_LEVELS),
  floor: fen.describe('The floor the pay is held to, fen a month: fullTimeFloor × ftePercent / 100, half-up'),
  fullTimeFloor: fen.describe('The guideline floor for the certificate level, fen a month'),
  ftePercent: count.describe('Working time, whole percent of full time (100 unless part-time)'),
  pay: fen.describe('The person’s monthly gross pay, fen'),
  shortfall: fen.describe('floor − pay when pay is below the floor, else 0 (always 0 when exempt)'),
  ruleId: z.enum(['P-W3', 'P-W1']),
  exempt: z.boolean().describe('On establishment (P-W1): paid by state rules, not checked against the floor'),
});
export type PayCheck = z.infer<typeof PayCheck>;

/**
 * P-W3: monthly gross pay against the local guideline floor for the highest certificate held
 * today. Pay exactly at the floor is fine; one fen below is a shortfall of 1. The floor is a
 * full-time month's: part-time staff are held to it in proportion to their working time
 * (ftePercent), rounded half-up to the fen as COSTING.md rounds; a part-time record kept from
 * before working time was asked counts as full time. Staff on civil-service or public-institution
 * establishment are paid by state rules (P-W1): exempt, no shortfall.
 */
export function payCheck(person: PersonInput, rules: RuleSetParameters, today: string): PayCheck {
  const certLevel = highestCertificate(person, today);
  const fullTimeFloor = rules.payFloor[certLevel];
  const ftePercent = person.employmentType === 'part_time' ? (person.ftePercent ?? 100) : 100;
  const floor = roundHalfUp(fullTimeFloor * ftePercent, 100);
  const pay = person.monthlyPay;
  const figures = { certLevel, floor, fullTimeFloor, ftePercent, pay };
  if (STATE_PAID_EMPLOYMENT.includes(person.employmentType))
    return { ...figures, shortfall: 0, ruleId: 'P-W1', exempt: true };
  return { ...figures, shortfall: Math.max(0, floor - pay), ruleId: 'P-W3', exempt: false };
}
