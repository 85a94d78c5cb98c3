import { createHash } from 'node:crypto';
import type { NewRuleSet } from '@shegong/domain';

/**
 * What a confirmation page showed, as a digest its form carries back: the version read from the
 * form and the id of the version in force it was compared with. A confirmation whose values or
 * comparison are not those shown (changed on the way) digests differently and is shown again
 * instead of published. It is no secret and need not be: it keeps a bureau from publishing what it
 * did not see, not from publishing what it types (which the form lets it do anyway).
 */
export function confirmationDigest(input: NewRuleSet, comparedWith: string | undefined): string {
  // A browser posts a textarea's line breaks as CRLF and a hidden field's as they were parsed (LF);
  // the order of the illustrative boxes is the page's, not the bureau's choice.
  const canonical = {
    ...input,
    notes: input.notes?.replace(/\r\n?/g, '\n'),
    illustrative: [...new Set(input.illustrative)].sort(),
  };
  return createHash('sha256')
    .update(JSON.stringify([comparedWith ?? null, canonical]))
    .digest('base64url');
}
