/** The bureau's register (台账) and its dashboard. */
export const BUREAU_HOME = '/bureau';
export const REGISTER = '/bureau/register';
export const REGISTER_EXPORT = '/bureau/register/export.xlsx';
/** A contract in the jurisdiction, as the bureau opens it (the review's contract page). */
export const bureauContractHref = (organisationId: string, contractId: string) =>
  `/bureau/contracts/${organisationId}/${contractId}`;
