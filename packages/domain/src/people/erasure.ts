import { z } from 'zod';
import { plainLine } from '../text/plain-text.ts';

/**
 * PIPL art. 47: why a person's personal data is erased (their request, the end of the purpose).
 * The reason goes into the audit event, so the form asks for the ground, not for personal details.
 */
export const PersonErasure = z
  .strictObject({
    reason: plainLine(z.string().trim().min(2, 'is required').max(200)).describe(
      'Why (e.g. 本人申请删除 / the person asked): recorded in the audit event; name no personal data',
    ),
  })
  .meta({ id: 'PersonErasure' });
export type PersonErasure = z.infer<typeof PersonErasure>;
