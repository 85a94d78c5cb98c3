/**
 * Regions where Amazon Cognito user pools are not offered. There the stack needs an external OIDC
 * provider (`-c oidcIssuer=… -c oidcAudience=…`) instead of a user pool.
 *
 * Source: "Getting Started with Amazon Web Services in China" (docs.amazonaws.cn): user pools are not
 * available in Beijing (cn-north-1), and Cognito is not offered in Ningxia (cn-northwest-1) at all.
 * Check the AWS regional services list before adding a new region here.
 */
export const regionsWithoutCognitoUserPools: readonly string[] = ['cn-north-1', 'cn-northwest-1'];

export function hasCognitoUserPools(region: string): boolean {
  return !regionsWithoutCognitoUserPools.includes(region);
}
