/** The bureau's page of the incubation bases in its jurisdiction. */
export const BASES = '/bureau/bases';
