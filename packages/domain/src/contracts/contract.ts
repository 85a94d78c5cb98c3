import { z } from 'zod';
import { ContractAmount } from '../costing/budget.ts';
import { BUDGET_LINES } from '../costing/lines.ts';
import { Post } from '../costing/post.ts';
import { addMonths, isRealIsoDate } from '../people/dates.ts';
import { isoDate } from '../rules/rule-set.ts';
import { regionCode } from '../tenancy/schemas.ts';
import { plainLine, plainNotes } from '../text/plain-text.ts';
import { termMonths } from './term.ts';

/**
 * A government purchase contract (政府购买服务合同) as an organisation records it: the terms it
 * signed (N-2), the services bought (P-S1), its staffing plan and budget (P-W2, P-W3). The terms
 * and the plan together are one version; a signed contract changes only by an amendment, which
 * adds a version and keeps the earlier ones.
 */

/** P-S1: the service catalogue, 17 kinds plus volunteer management. */
export const SERVICES = [
  'helping_needy',
  'emergency_rescue',
  'emotional_counselling',
  'psychological_comfort',
  'spiritual_care',
  'behaviour_correction',
  'social_rehabilitation',
  'rights_protection',
  'crisis_intervention',
  'relationship_mediation',
  'conflict_resolution',
  'capacity_building',
  'resource_linking',
  'social_integration',
  'project_design',
  'evaluation_research',
  'professional_supervision',
  'volunteer_management',
] as const;
export type Service = (typeof SERVICES)[number];

/**
 * draft → submitted → approved → signed → running → closed. A submitted contract waits for the
 * bureau's review (review.ts): approved, or returned to draft with reasons. A submitted or approved
 * contract may be withdrawn to draft; only an approved one is recorded as signed.
 */
export const CONTRACT_STATUSES = ['draft', 'submitted', 'approved', 'signed', 'running', 'closed'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The roles a post can have in a project team. */
export const POST_ROLES = ['frontline', 'supervisor', 'project_lead', 'support'] as const;
export type PostRole = (typeof POST_ROLES)[number];

/** Budget lines other than personnel, which are itemised as a purchaser's budget sheet lists them. */
export const ITEMISED_LINES = BUDGET_LINES.filter((l) => l !== 'personnel') as Exclude<
  (typeof BUDGET_LINES)[number],
  'personnel'
>[];
export type ItemisedLine = (typeof ITEMISED_LINES)[number];

/** A name, title or other one line a user types: required, bounded, plain (text/plain-text.ts). */
const text = (max: number) =>
  plainLine(z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`));
/** A note or reason: may run to several lines. */
const notes = (max: number) => plainNotes(z.string().trim().max(max, `must be at most ${max} characters`));
const fen = ContractAmount;

export const Purchaser = z.strictObject({
  /** The purchasing body (购买主体), e.g. 防城港市民政局. */
  name: text(100),
  /** Its region: the bureaus whose jurisdiction contains it may see the contract. */
  region: regionCode,
});

export const Deliverable = z.strictObject({
  name: text(100),
  /** How it is measured (指标), e.g. 服务人次. */
  indicator: text(100),
  target: z.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(100_000_000),
  unit: text(20),
});
export type Deliverable = z.infer<typeof Deliverable>;

/** N-3: a payment milestone, paid after the buyer's check. */
export const Milestone = z.strictObject({
  name: text(100),
  dueDate: isoDate,
  amount: fen,
  /** What must be met first (e.g. 中期评估合格). */
  condition: plainLine(z.string().trim().max(200)).optional(),
});
export type Milestone = z.infer<typeof Milestone>;

/** No rule set allows more (the rule-set schema's own ceiling for N-1). */
const MAX_TERM_MONTHS = 120;

export const ContractTerms = z
  .strictObject({
    purchaser: Purchaser,
    /** The purchaser's contract number (合同编号). */
    number: text(60),
    title: text(120),
    services: z
      .array(z.enum(SERVICES, { error: 'must be a service from the P-S1 catalogue' }))
      .min(1, 'name at least one service (P-S1)')
      .max(SERVICES.length)
      .refine((s) => new Set(s).size === s.length, 'lists a service twice'),
    serviceArea: text(200),
    startDate: isoDate,
    endDate: isoDate,
    /** N-1: the service is stable and recurring and its funding secure, so the term may exceed a year. */
    stableRecurring: z.boolean().default(false),
    /** The contract value V, fen. */
    value: fen,
    deliverables: z.array(Deliverable).max(50).default([]),
    milestones: z.array(Milestone).max(36).default([]),
  })
  .refine((t) => t.endDate >= t.startDate, { message: 'must not be before the start date', path: ['endDate'] })
  .refine((t) => t.endDate < addMonths(t.startDate, MAX_TERM_MONTHS), {
    message: `must be within ${MAX_TERM_MONTHS / 12} years of the start date`,
    path: ['endDate'],
  });
export type ContractTerms = z.infer<typeof ContractTerms>;

/**
 * One post of the staffing plan. With a `personId` from the staff registry, the person's pay and
 * highest certificate on the start date replace `certLevel` and `monthlyPay` when the plan is costed.
 */
export const ContractPost = Post.extend({
  title: text(60),
  role: z.enum(POST_ROLES, { error: `must be one of ${POST_ROLES.join(', ')}` }),
  personId: z.string().max(40).optional(),
});
export type ContractPost = z.infer<typeof ContractPost>;

/** A row of a purchaser's budget sheet: 费用类别, 单价, 单位, 数量, 总额 (= unit price × quantity), 备注. */
export const BudgetItem = z.strictObject({
  line: z.enum(ITEMISED_LINES as [ItemisedLine, ...ItemisedLine[]], {
    error: `must be one of ${ITEMISED_LINES.join(', ')}`,
  }),
  category: text(60),
  unitPrice: fen,
  unit: text(20),
  quantity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(1_000_000),
  note: notes(200).optional(),
});
export type BudgetItem = z.infer<typeof BudgetItem>;

export const BudgetLinesInput = z.strictObject({
  personnel: fen,
  supervision: fen,
  activities: fen,
  management: fen,
  tax: fen,
  other: fen,
});

export const ContractPlan = z.strictObject({
  posts: z.array(ContractPost).max(500, 'at most 500 posts'),
  lines: BudgetLinesInput,
  /** Optional itemisation of the non-personnel lines; an itemised line must equal its items' sum. */
  items: z.array(BudgetItem).max(300).default([]),
});
export type ContractPlan = z.infer<typeof ContractPlan>;

/**
 * The whole of one version: what is created, edited as a draft, or amended. Checks that need both
 * halves are refused here with the field they concern: a post longer than the term, a milestone
 * outside it, an itemised line that is not the sum of its items.
 */
export const ContractDraft = z
  .strictObject({ terms: ContractTerms, plan: ContractPlan })
  .superRefine((draft, ctx) => {
    const { terms, plan } = draft;
    // A missing or unreal date, or an end before the start, is reported on the terms already (and
    // the term cannot be counted from it).
    if (!isRealIsoDate(terms.startDate) || !isRealIsoDate(terms.endDate) || terms.endDate < terms.startDate) return;
    const months = termMonths(terms.startDate, terms.endDate);
    plan.posts.forEach((post, i) => {
      if (post.months > months)
        ctx.addIssue({
          code: 'custom',
          path: ['plan', 'posts', i, 'months'],
          message: `cannot exceed the contract term of ${months} months`,
        });
    });
    terms.milestones.forEach((m, i) => {
      if (m.dueDate < terms.startDate || m.dueDate > addMonths(terms.endDate, 3))
        ctx.addIssue({
          code: 'custom',
          path: ['terms', 'milestones', i, 'dueDate'],
          message: 'must fall within the contract term (or the 3 months after it, for the final payment)',
        });
    });
    for (const line of ITEMISED_LINES) {
      const items = plan.items.filter((item) => item.line === line);
      if (items.length === 0) continue;
      const sum = items.reduce((total, item) => total + item.unitPrice * item.quantity, 0);
      if (sum !== plan.lines[line])
        ctx.addIssue({
          code: 'custom',
          path: ['plan', 'lines', line],
          message: `must equal the sum of its items, ${sum} fen`,
        });
    }
  })
  .meta({ id: 'ContractDraft', description: 'The whole of one version of a contract: its terms and its plan' });
export type ContractDraft = z.infer<typeof ContractDraft>;

/** An amendment of a signed or running contract: the new version, and why and from when. */
export const Amendment = z.strictObject({
  reason: notes(500).min(1, 'is required'),
  effectiveDate: isoDate,
  draft: ContractDraft,
});
export type Amendment = z.infer<typeof Amendment>;

/** A status change, with the date it happened (signed on, started on, closed on). */
export const Transition = z.strictObject({
  to: z.enum(CONTRACT_STATUSES, { error: `must be one of ${CONTRACT_STATUSES.join(', ')}` }),
  date: isoDate.optional(),
  note: notes(500).optional(),
});
export type Transition = z.infer<typeof Transition>;

/**
 * The statuses an organisation may move each status to. submitted → approved (or back to draft,
 * returned) is the bureau's review decision (review.ts), never the organisation's own move.
 */
export const NEXT_STATUSES: Record<ContractStatus, readonly ContractStatus[]> = {
  draft: ['submitted'],
  submitted: ['draft'],
  approved: ['draft', 'signed'],
  signed: ['running'],
  running: ['closed'],
  closed: [],
};

/** Only a draft is edited in place; a signed or running contract changes by amendment. */
export const isEditable = (status: ContractStatus) => status === 'draft';
export const isAmendable = (status: ContractStatus) => status === 'signed' || status === 'running';
/** Actuals are recorded while the contract is signed or running (and corrected after it closes). */
export const takesActuals = (status: ContractStatus) =>
  status === 'signed' || status === 'running' || status === 'closed';
