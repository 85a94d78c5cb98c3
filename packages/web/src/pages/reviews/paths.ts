/** The addresses of a bureau's review pages (one home for each). */

export const REVIEWS = '/bureau/reviews';

/** A contract of the jurisdiction, as the bureau audits it; `version` shows another version. */
export const bureauContractHref = (organisationId: string, contractId: string, version?: number) =>
  `/bureau/contracts/${encodeURIComponent(organisationId)}/${encodeURIComponent(contractId)}${
    version ? `?version=${version}` : ''
  }`;
