/** The AWS adapters, kept out of the main entry so local runs and tests never load their SDKs. */
export { CognitoDirectory, ExternalDirectory } from './identity/cognito.ts';
export { KeycloakDirectory } from './identity/keycloak.ts';
export { SesMailer } from './identity/ses.ts';
