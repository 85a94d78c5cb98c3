import type { CertLevel, RuleSetParameters } from '../rules/rule-set.ts';
import { highestCertificate } from './certificates.ts';
import type { EmploymentType, PersonInput } from './person.ts';

/** P-W1: staff on establishment are paid by state rules, not by the employer's guideline. */
export const STATE_PAID_EMPLOYMENT: readonly EmploymentType[] = ['civil_servant', 'public_institution'];

export interface PayCheck {
  certLevel: CertLevel;
  /** The guideline floor for the certificate level, fen a month. */
  floor: number;
  /** The person's monthly gross pay, fen. */
  pay: number;
  /** floor − pay when pay is below the floor, else 0 (always 0 when exempt). */
  shortfall: number;
  ruleId: 'P-W3' | 'P-W1';
  exempt: boolean;
}

/**
 * P-W3: monthly gross pay against the local guideline floor for the highest certificate held
 * today. Pay exactly at the floor is fine; one fen below is a shortfall of 1. Staff on civil-service
 * or public-institution establishment are paid by state rules (P-W1): exempt, no shortfall.
 */
export function payCheck(person: PersonInput, rules: RuleSetParameters, today: string): PayCheck {
  const certLevel = highestCertificate(person, today);
  const floor = rules.payFloor[certLevel];
  const pay = person.monthlyPay;
  if (STATE_PAID_EMPLOYMENT.includes(person.employmentType))
    return { certLevel, floor, pay, shortfall: 0, ruleId: 'P-W1', exempt: true };
  return { certLevel, floor, pay, shortfall: Math.max(0, floor - pay), ruleId: 'P-W3', exempt: false };
}
