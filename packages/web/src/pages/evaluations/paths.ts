/** Where the spot-check and evaluation pages live. */
export const BUREAU_EVALUATIONS = '/bureau/evaluations';
export const ORG_EVALUATIONS = '/org/evaluations';

export const spotCheckHref = (year: number | string) => `${BUREAU_EVALUATIONS}/spot-checks/${year}`;
export const evaluateHref = (organisationId: string, contractId: string, query = '') =>
  `${BUREAU_EVALUATIONS}/contracts/${organisationId}/${contractId}/new${query}`;
export const reportHref = (e: { organisationId: string; contractId: string; id: string }) =>
  `${BUREAU_EVALUATIONS}/contracts/${e.organisationId}/${e.contractId}/${e.id}`;
export const ownReportHref = (id: string) => `${ORG_EVALUATIONS}/${id}`;
