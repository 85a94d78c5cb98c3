import { z } from 'zod';
import { ActualMonth } from '../contracts/actuals.ts';
import { isoDate } from '../rules/rule-set.ts';
import { plainNotes } from '../text/plain-text.ts';

/**
 * Findings a bureau raises on a contract in its jurisdiction, and their rectification (整改): the
 * organisation answers with what it did, the bureau accepts and closes the finding, or reopens it
 * with a reason, and the organisation answers again.
 *
 *   open ──answer──▶ answered ──accept──▶ closed
 *                       │  ▲
 *                  reopen│  │answer
 *                       ▼  │
 *                     reopened
 */

/** Every rule id of shared/POLICY.md: a finding cites one of these. */
export const POLICY_RULE_IDS = [
  'P-U1',
  'P-T1',
  'P-T2',
  'P-T3',
  'P-T4',
  'P-T5',
  'P-T6',
  'P-T7',
  'P-S1',
  'P-R1',
  'P-R2',
  'P-C1',
  'P-C2',
  'P-W1',
  'P-W2',
  'P-W3',
  'P-W4',
  'P-A1',
  'P-A2',
  'P-A3',
  'P-A4',
  'P-A5',
  'P-A6',
  'P-A7',
  'P-A8',
  'P-A9',
  'P-I1',
  'N-1',
  'N-2',
  'N-3',
  'N-4',
  'N-5',
  'N-6',
  'N-7',
] as const;
export type PolicyRuleId = (typeof POLICY_RULE_IDS)[number];

export const RECTIFICATION_STATES = ['open', 'answered', 'reopened', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export const RECTIFICATION_SEVERITIES = ['error', 'warning'] as const;

/** What a bureau's list shows: every finding not closed, those of them past their deadline, or the closed. */
export const RECTIFICATION_FILTERS = ['open', 'overdue', 'closed'] as const;
export type RectificationFilter = (typeof RECTIFICATION_FILTERS)[number];

const text = (max: number) =>
  plainNotes(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));
const versionNumber = z.number().int('must be a whole number').min(1, 'must be 1 or more').max(9999);

/** What a finding concerns, optionally: one version of the contract, or one month of its actuals. */
export const FindingConcerns = z
  .strictObject({ version: versionNumber.optional(), month: ActualMonth.optional() })
  .refine((c) => !(c.version !== undefined && c.month !== undefined), {
    message: 'names a version or a month, not both',
    path: ['month'],
  });

/** What a bureau raises. */
export const RaiseFinding = z.strictObject({
  text: text(2000),
  ruleId: z.enum(POLICY_RULE_IDS, { error: 'must be a rule id of POLICY.md, like P-W3' }),
  severity: z.enum(RECTIFICATION_SEVERITIES, { error: 'must be error or warning' }),
  deadline: isoDate,
  concerns: FindingConcerns.optional(),
});
export type RaiseFinding = z.infer<typeof RaiseFinding>;

/**
 * What the organisation answers: what it did, and the evidence it points to — the amended version
 * of the contract or the month of actuals that shows the rectification (exactly one: an answer
 * without a pointer could not be checked).
 */
export const AnswerFinding = z
  .strictObject({ text: text(2000), version: versionNumber.optional(), month: ActualMonth.optional() })
  .superRefine((a, ctx) => {
    if (a.version === undefined && a.month === undefined)
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'name the amended version or the month of actuals' });
    if (a.version !== undefined && a.month !== undefined)
      ctx.addIssue({ code: 'custom', path: ['month'], message: 'names a version or a month, not both' });
  });
export type AnswerFinding = z.infer<typeof AnswerFinding>;

/** Why the bureau reopens a finding. */
export const ReopenFinding = z.strictObject({ reason: text(1000) });
export type ReopenFinding = z.infer<typeof ReopenFinding>;

/** One step of a finding's life, oldest first. */
export const RectificationStep = z.object({
  action: z.enum(['raised', 'answered', 'accepted', 'reopened']),
  at: z.string().describe('When (ISO 8601)'),
  by: z.object({ tenantId: z.string(), userId: z.string() }),
  text: z.string().optional().describe('The answer, or the reason for reopening'),
  version: z.number().int().optional().describe('The amended version the answer points to'),
  month: z.string().optional().describe('The month of actuals the answer points to'),
});
export type RectificationStep = z.infer<typeof RectificationStep>;

/** A finding as stored (in the raising bureau's partition) and shown to both sides. */
export const Rectification = z
  .object({
    id: z.string(),
    bureauId: z.string(),
    bureauName: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    contractId: z.string(),
    contractNumber: z.string(),
    contractTitle: z.string(),
    region: z.string().describe('The purchaser’s region of the contract'),
    text: z.string(),
    ruleId: z.enum(POLICY_RULE_IDS),
    severity: z.enum(RECTIFICATION_SEVERITIES),
    deadline: z.string().describe('YYYY-MM-DD'),
    concerns: z.object({ version: z.number().int().optional(), month: z.string().optional() }).optional(),
    state: z.enum(RECTIFICATION_STATES),
    steps: z.array(RectificationStep),
    raisedAt: z.string(),
    version: z.number().int().describe('Send back as If-Match to accept, reopen or answer'),
  })
  .meta({ id: 'Rectification' });
export type Rectification = z.infer<typeof Rectification>;

/** A finding as shown: with whether it is overdue today. */
export const RectificationView = Rectification.extend({
  overdue: z.boolean().describe('The deadline has passed and the finding is not closed'),
}).meta({ id: 'RectificationView' });
export type RectificationView = z.infer<typeof RectificationView>;

/** Whether a finding is overdue on `today` (YYYY-MM-DD, China): past its deadline and not closed. */
export function isOverdue(finding: Pick<Rectification, 'state' | 'deadline'>, today: string): boolean {
  return finding.state !== 'closed' && finding.deadline < today;
}

export function rectificationView(finding: Rectification, today: string): RectificationView {
  return { ...finding, overdue: isOverdue(finding, today) };
}

/** Which states each step may be taken from. */
export const RECTIFICATION_MOVES = {
  answer: ['open', 'reopened'],
  accept: ['answered'],
  reopen: ['answered'],
} as const satisfies Record<string, readonly RectificationState[]>;
export type RectificationMove = keyof typeof RECTIFICATION_MOVES;

/** The state a step leads to. */
export const RECTIFICATION_RESULT: Record<RectificationMove, RectificationState> = {
  answer: 'answered',
  accept: 'closed',
  reopen: 'reopened',
};

/** Whether a finding in `state` may take `move`. */
export function canTakeStep(state: RectificationState, move: RectificationMove): boolean {
  return (RECTIFICATION_MOVES[move] as readonly RectificationState[]).includes(state);
}
