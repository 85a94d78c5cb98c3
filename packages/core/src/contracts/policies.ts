import { PROJECT_KINDS } from '@shegong/domain';

/**
 * Who reads contracts: the members who read the staff registry. A contract's costing shows each
 * named person's pay, which the registry shows only to these roles (not to `staff`).
 */
export const CONTRACT_READERS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr', 'finance', 'project_manager'] } as const;
/** Who creates, edits, amends, moves and previews them. */
export const CONTRACT_WRITERS = { kinds: PROJECT_KINDS, roles: ['admin', 'project_manager', 'finance'] } as const;
/** Who exports them: the same people who read them (the figures include named persons' pay). */
export const CONTRACT_EXPORTERS = CONTRACT_READERS;
/**
 * Who may try prices: the contract writers and hr. It writes nothing, but a named person's pay is
 * read from the registry, which staff do not see of others.
 */
export const PRICE_FLOOR_USERS = {
  kinds: PROJECT_KINDS,
  roles: ['admin', 'project_manager', 'finance', 'hr'],
} as const;
/** Who reads a contract's actuals: the contract's readers (the payroll is each person's pay). */
export const ACTUALS_READERS = CONTRACT_READERS;
/** Who records them. */
export const ACTUALS_WRITERS = { kinds: PROJECT_KINDS, roles: ['admin', 'finance', 'project_manager'] } as const;
