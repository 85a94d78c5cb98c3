/** Where the rectification pages live. */
export const BUREAU_RECTIFICATIONS = '/bureau/rectifications';
export const ORG_RECTIFICATIONS = '/org/rectifications';

export type Side = 'bureau' | 'org';

export const listHref = (side: Side) => (side === 'bureau' ? BUREAU_RECTIFICATIONS : ORG_RECTIFICATIONS);
export const findingHref = (side: Side, id: string) => `${listHref(side)}/${id}`;
/** The bureau's form to raise a finding on an organisation's contract. */
export const raiseHref = (organisationId: string, contractId: string) =>
  `/bureau/contracts/${organisationId}/${contractId}/findings/new`;
