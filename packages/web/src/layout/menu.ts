import {
  CONTRACT_READERS,
  INCUBATION_STAFF,
  OWN_EVALUATION_READERS,
  PEOPLE_READERS,
  PRICE_FLOOR_USERS,
  RECTIFICATION_READERS,
  SUBMISSION_REVIEWERS,
} from '@shegong/core';
import type { TenantKind } from '@shegong/domain';
import type { Messages } from '../i18n/index.ts';
import type { IconName } from './icons.tsx';

/**
 * The left menu of each kind of tenant. Entries marked `soon` are features later issues build:
 * they lead to a "coming soon" page that still needs sign-in, so no link is dead. An issue that
 * builds one removes its `soon` and mounts its own route at the same path.
 */
export interface MenuEntry {
  href: string;
  label: Exclude<keyof Messages['nav'], 'label' | 'menu' | 'breadcrumbs' | 'home' | 'soon'>;
  icon: IconName;
  soon?: true;
  /** Only these roles see the entry (its page refuses the others); everyone when absent. */
  roles?: readonly string[];
  /** A count shown as a badge beside the label (shell.tsx reads it for the signed-in member). */
  count?: MenuCount;
  /** Other paths whose pages belong to this entry (a register's rows open elsewhere). */
  also?: readonly string[];
}

/**
 * The counts a menu shows: what waits for the bureau's review decision; the organisation's
 * contracts a bureau returned; the findings it has to answer (open, reopened or overdue).
 */
export type MenuCount =
  | 'reviewsWaiting'
  | 'contractsReturned'
  | 'rectificationsToAnswer'
  | 'applicationsWaiting'
  | 'awardClaimsWaiting';

/** The entries a member with these roles sees. */
export function visibleEntries(kind: TenantKind, roles: readonly string[]): readonly MenuEntry[] {
  return MENUS[kind].filter((e) => !e.roles || e.roles.some((r) => roles.includes(r)));
}

const MY_ORGANISATION: MenuEntry = { href: '/my/organisation', label: 'myOrganisation', icon: 'building' };

/**
 * The entries of a tenant's own purchased-service project: an organisation's, and an incubation
 * base's (P-I1), which uses the same pages at the same paths under the same policies.
 */
const OWN_PROJECT: readonly MenuEntry[] = [
  // A contract's costing shows named persons' pay: the registry's readers only (CONTRACT_READERS).
  {
    href: '/org/contracts',
    label: 'contracts',
    icon: 'contract',
    roles: CONTRACT_READERS.roles,
    count: 'contractsReturned',
  },
  // The calculator reads named persons' pay, which staff do not see of others (PRICE_FLOOR_USERS).
  {
    href: '/org/price-floor',
    label: 'priceFloor',
    icon: 'calculator',
    roles: PRICE_FLOOR_USERS.roles,
  },
  // The registry shows everyone's record: its readers only; every member opens their own (我的档案).
  { href: '/org/staff', label: 'staff', icon: 'people', roles: PEOPLE_READERS.roles },
  { href: '/org/submissions', label: 'submissions', icon: 'approve', roles: SUBMISSION_REVIEWERS.roles },
  { href: '/my/record', label: 'myRecord', icon: 'people' },
  { href: '/org/ladder', label: 'ladder', icon: 'ladder' },
  // Findings bureaus raised: whoever reads contracts (the badge counts those to answer or overdue).
  {
    href: '/org/rectifications',
    label: 'rectifications',
    icon: 'check',
    roles: RECTIFICATION_READERS.roles,
    count: 'rectificationsToAnswer',
  },
  // The bureaus' evaluations of the organisation's contracts: those who read its contracts.
  {
    href: '/org/evaluations',
    label: 'evaluations',
    icon: 'review',
    roles: OWN_EVALUATION_READERS.roles as readonly string[],
  },
];

export const MENUS: Record<TenantKind, readonly MenuEntry[]> = {
  org: [
    { href: '/org', label: 'dashboard', icon: 'dashboard' },
    ...OWN_PROJECT,
    { href: '/org/awards', label: 'awards', icon: 'award' },
    // The bureau's rules in force for the organisation's region (read only).
    { href: '/rules', label: 'rules', icon: 'rules' },
    MY_ORGANISATION,
  ],
  incubator: [
    { href: '/incubator', label: 'dashboard', icon: 'dashboard' },
    // Intake (入驻申请): the base's staff; the badge counts the applications waiting for review.
    {
      href: '/incubator/applications',
      label: 'applications',
      icon: 'approve',
      roles: INCUBATION_STAFF.roles as readonly string[],
      count: 'applicationsWaiting',
    },
    {
      href: '/incubator/orgs',
      label: 'incubated',
      icon: 'seedling',
      roles: INCUBATION_STAFF.roles as readonly string[],
      // The base's template (milestones and graduation criteria) serves its records.
      also: ['/incubator/template'],
    },
    // The base's own project (P-I1): the organisation's pages at the organisation's paths, gated by
    // the same policies (the base's project roles; operators run intake only).
    ...OWN_PROJECT,
    { href: '/rules', label: 'rules', icon: 'rules' },
    MY_ORGANISATION,
  ],
  bureau: [
    { href: '/bureau', label: 'dashboard', icon: 'dashboard' },
    // In the order of a bureau's work: what waits for a decision, the register, follow-up, rules.
    { href: '/bureau/reviews', label: 'reviews', icon: 'review', count: 'reviewsWaiting' },
    // 台账: every contract of the jurisdiction (JURISDICTION_READERS: every member of a bureau).
    // A contract of the register opens at /bureau/contracts/…: still the register's.
    { href: '/bureau/register', label: 'register', icon: 'contract', also: ['/bureau/contracts'] },
    { href: '/bureau/rectifications', label: 'rectifications', icon: 'check' },
    // The incubation bases of the jurisdiction and their county coverage (P-T1): every member (BASE_READERS).
    { href: '/bureau/bases', label: 'bases', icon: 'seedling' },
    { href: '/bureau/evaluations', label: 'evaluations', icon: 'review' },
    { href: '/bureau/claims', label: 'claims', icon: 'approve', count: 'awardClaimsWaiting' },
    // The city's targets (P-T1 … P-T7) and the map they are counted over.
    { href: '/bureau/targets', label: 'targets', icon: 'dashboard', also: ['/bureau/map'] },
    { href: '/bureau/rules', label: 'rules', icon: 'rules' },
    MY_ORGANISATION,
  ],
  platform: [{ href: '/platform/tenants', label: 'tenants', icon: 'tenants' }, MY_ORGANISATION],
};

/** Where a signed-in user lands: the first entry of their menu. */
export function homeOf(kind: TenantKind): string {
  return (MENUS[kind][0] as MenuEntry).href;
}

/** The entry a path belongs to: the longest href that is the path or a parent of it. */
export function activeEntry(kind: TenantKind, path: string): MenuEntry | undefined {
  const under = (href: string) => path === href || path.startsWith(`${href}/`);
  return MENUS[kind]
    .flatMap((entry) => [entry.href, ...(entry.also ?? [])].filter(under).map((href) => ({ entry, href })))
    .sort((a, b) => b.href.length - a.href.length)[0]?.entry;
}
