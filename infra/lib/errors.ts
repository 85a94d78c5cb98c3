/** A deployment setting (CDK context) that cannot work, told in one sentence; bin prints only the message. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}
