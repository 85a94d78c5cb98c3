import { z } from 'zod';
import { CHAIN_EVENT_TYPES } from './chain.ts';

/** An event of a contract's history as the API shows it (chain.ts ChainEvent). */
export const ChainEventView = z
  .object({
    seq: z.number().int().min(1),
    type: z.enum(CHAIN_EVENT_TYPES),
    at: z.string().describe('When it was recorded (ISO 8601)'),
    actor: z.object({ tenantId: z.string(), userId: z.string() }).describe('Who did it, in which tenant'),
    data: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .describe('What it concerns: a version, a month, a finding; the audit action and state hash'),
    prevHash: z.string().describe('SHA-256 of the event before (64 zeros for the first)'),
    hash: z.string().describe('SHA-256 of this event’s canonical JSON (seq, type, at, actor, data, prevHash)'),
  })
  .meta({ id: 'HistoryEvent' });

/** Whether the whole chain verifies, or the first link that breaks. */
export const ChainVerdictView = z
  .object({
    verified: z.boolean(),
    length: z.number().int().describe('How many events were read'),
    brokenAt: z
      .object({
        seq: z.number().int(),
        what: z.enum(['content_changed', 'link_broken', 'event_missing']),
      })
      .optional()
      .describe('The first broken link, when not verified'),
  })
  .meta({ id: 'HistoryVerification' });
