import type { Principal } from '../tenancy/tenant.ts';
import { maskIdCard, maskPhone } from './id-card.ts';
import type { Person } from './person.ts';

/** DESIGN.md, security model: ID-card and phone numbers are shown in full only to hr and admin. */
export function seesPersonalData(principal: Pick<Principal, 'roles'>): boolean {
  return principal.roles.some((r) => r === 'hr' || r === 'admin');
}

/** The person as this member may see them: personal numbers masked unless they need them. */
export function maskPersonalData<T extends Pick<Person, 'idCardNumber' | 'phone'>>(
  person: T,
  principal: Pick<Principal, 'roles'>,
): T {
  if (seesPersonalData(principal)) return person;
  return { ...person, idCardNumber: maskIdCard(person.idCardNumber), phone: maskPhone(person.phone) };
}
