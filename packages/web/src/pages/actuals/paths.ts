import { contractHref } from '../contracts/paths.ts';

/** The addresses of a contract's actuals and of one month's entry. */

export const actualsHref = (id: string) => `${contractHref(id)}/actuals`;
export const monthHref = (id: string, month: string) => `${actualsHref(id)}/${month}`;
