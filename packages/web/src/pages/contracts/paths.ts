/** The addresses of the contract pages and of the price-floor calculator they link to (one home for each). */

export const CONTRACTS = '/org/contracts';
export const PRICE_FLOOR = '/org/price-floor';

export const contractHref = (id: string) => `${CONTRACTS}/${encodeURIComponent(id)}`;

/** The calculator, prefilled from the contract's posts. */
export const floorHref = (id: string) => `${PRICE_FLOOR}?contract=${encodeURIComponent(id)}`;
