import type { Context } from 'hono';
import { z } from 'zod';
import type { PageCookies } from '../session/cookies.ts';

/**
 * What a form post hands to the page it redirects to (post-redirect-get). A new invitation's
 * link exists only at creation (only its hash is stored), so it travels here, in a short-lived
 * httpOnly cookie of this site, and is shown on the next page. Read back through a schema: a
 * cookie is input like any other.
 */
const INVITATION_LINK = /^https?:\/\/[^\s"'<>]+\/invite\/[A-Za-z0-9_-]{43}$/;
const link = z.string().regex(INVITATION_LINK);

export const NOTICES = ['revoked', 'rolesSaved', 'disabled', 'enabled', 'notRevocable', 'stale'] as const;
export type NoticeKey = (typeof NOTICES)[number];

/** What the platform's tenant page says after an action on the tenant. */
export const TENANT_NOTICES = ['suspended', 'restored', 'stale', 'notSuspended', 'cannotReissue'] as const;

/** What the incubation base's pages say after an action on an application or a record. */
export const INCUBATION_NOTICES = [
  'moved',
  'noted',
  'declined',
  'stale',
  'decided',
  'cannotMove',
  'cannotReissue',
] as const;

const Flash = z.discriminatedUnion('t', [
  z.object({ t: z.literal('invited'), email: z.string(), link, mailed: z.boolean(), expiresOn: z.string() }),
  z.object({ t: z.literal('tenant'), name: z.string(), email: z.string(), link, expiresOn: z.string() }),
  z.object({ t: z.literal('joined'), org: z.string(), email: z.string() }),
  z.object({ t: z.literal('notice'), key: z.enum(NOTICES), arg: z.string() }),
  z.object({ t: z.literal('reissued'), tenantId: z.string(), email: z.string(), link, expiresOn: z.string() }),
  z.object({ t: z.literal('tenantNotice'), key: z.enum(TENANT_NOTICES), arg: z.string() }),
  // An admission's first administrator link (only its hash is stored), for the application page.
  z.object({
    t: z.literal('admitted'),
    applicationId: z.string(),
    name: z.string(),
    email: z.string(),
    link,
    mailed: z.boolean(),
    expiresOn: z.string(),
  }),
  z.object({ t: z.literal('incubationNotice'), key: z.enum(INCUBATION_NOTICES), arg: z.string() }),
  // A public application's receipt, for the page the applicant lands on after sending it.
  z.object({
    t: z.literal('applied'),
    incubatorId: z.string(),
    id: z.string(),
    incubatorName: z.string(),
    submittedAt: z.string(),
  }),
]);
export type Flash = z.infer<typeof Flash>;

/** Ten minutes: long enough to copy a link (and to reload the page), short enough not to linger. */
const FLASH_SECONDS = 600;

export function setFlash(c: Context, cookies: PageCookies, flash: Flash): void {
  cookies.set(c, 'flash', Buffer.from(JSON.stringify(flash)).toString('base64url'), FLASH_SECONDS);
}

export function peekFlash(c: Context, cookies: PageCookies): Flash | undefined {
  const raw = cookies.get(c, 'flash');
  if (!raw) return undefined;
  try {
    const parsed = Flash.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a flash of one kind; a notice is shown once, so reading it clears it. */
export function takeFlash<T extends Flash['t']>(
  c: Context,
  cookies: PageCookies,
  kind: T,
): Extract<Flash, { t: T }> | undefined {
  const flash = peekFlash(c, cookies);
  if (flash?.t !== kind) return undefined;
  if (kind === 'notice' || kind === 'tenantNotice' || kind === 'incubationNotice') cookies.clear(c, 'flash');
  return flash as Extract<Flash, { t: T }>;
}
