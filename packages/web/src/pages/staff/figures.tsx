/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type CertLevel,
  type CeStatus,
  type Finding,
  findingText,
  listedRegistration,
  type Person,
  type RegistrationStatus,
  type StaffSummary,
  tenthsToHours,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, type Lang, type Messages } from '../../i18n/index.ts';
import { Tag, type Tone } from '../../layout/components.tsx';
import { FindingList, type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';

/** Small pieces of the staff pages: tags, figures and the findings. */

export type StaffMessages = Messages['staff'];

const CERT_TONES: Record<CertLevel, Tone> = {
  none: 'grey',
  assistant: 'blue',
  social_worker: 'cyan',
  senior: 'purple',
};

export function CertTag(props: { s: StaffMessages; level: CertLevel }) {
  return <Tag tone={CERT_TONES[props.level]}>{props.s.certLevels[props.level]}</Tag>;
}

const REGISTRATION_TONES: Record<RegistrationStatus['status'], Tone> = {
  unregistered: 'grey',
  valid: 'green',
  expiring: 'amber',
  expired: 'red',
};

export function RegistrationTag(props: { s: StaffMessages; status: RegistrationStatus['status'] }) {
  return <Tag tone={REGISTRATION_TONES[props.status]}>{props.s.registration[props.status]}</Tag>;
}

function registrationFigure(s: StaffMessages, r: RegistrationStatus, lang: Lang): string | undefined {
  return r.expiresOn ? s.figures.registration(formatDate(r.expiresOn, lang), r.daysLeft ?? 0) : undefined;
}

/** A registration's status with its N-4 badge: the expiry and the days left are in the badge. */
export function RegistrationFigure(props: { c: Context<PageEnv>; registration: RegistrationStatus }) {
  const s = props.c.var.m.staff;
  const r = props.registration;
  return (
    <span class="figure">
      <RegistrationTag s={s} status={r.status} />
      <RuleBadge
        rule="N-4"
        rules={props.c.var.m.policyRules}
        figure={registrationFigure(s, r, props.c.var.lang)}
        tone={r.status === 'expired' ? 'red' : r.status === 'expiring' ? 'amber' : 'grey'}
      />
    </span>
  );
}

/** The registration that matters most for the list: a lapsed, lapsing or overdue one (as the findings weigh them), else the best. */
export function ListedRegistration(props: { c: Context<PageEnv>; summary: StaffSummary }) {
  const r = listedRegistration(props.summary);
  if (!r) return <span class="muted">{props.c.var.m.staff.registration.none}</span>;
  return <RegistrationFigure c={props.c} registration={r} />;
}

/** Continuing-education hours against those required, amber when short, with the rule that requires them (P-R2 a year, N-5 a period). */
export function CeHours(props: {
  s: StaffMessages;
  rules: PolicyRules;
  total: CeStatus['year'] | NonNullable<CeStatus['period']>;
  strong?: boolean;
}) {
  const { s, total } = props;
  const short = total.shortfallTenthHours > 0;
  const done = tenthsToHours(total.tenthHours);
  const required = tenthsToHours(total.requiredTenthHours);
  const hours = s.hours(done, required);
  return (
    <>
      {props.strong ? (
        <strong class={short ? 'text-warning' : undefined}>{hours}</strong>
      ) : (
        <span class={short ? 'text-warning' : undefined}>{hours}</span>
      )}
      <RuleBadge
        rule={total.ruleId}
        rules={props.rules}
        figure={s.figures.hours(done, required)}
        tone={short ? 'amber' : 'grey'}
      />
    </>
  );
}

/** The pay: against the floor of the certificate level, the P-W3 badge and the shortfall in red. */
export function PayFigure(props: { c: Context<PageEnv>; person: Person; summary?: StaffSummary | undefined }) {
  const s = props.c.var.m.staff;
  const rules = props.c.var.m.policyRules;
  const pay = props.summary?.pay;
  if (!pay) return <span>{formatMoney(props.person.monthlyPay)}</span>;
  if (pay.exempt)
    return (
      <span class="figure">
        <span>{formatMoney(pay.pay)}</span>
        <RuleBadge rule="P-W1" rules={rules} figure={s.exempt} />
      </span>
    );
  const level = s.certLevels[pay.certLevel];
  const figure =
    pay.ftePercent < 100
      ? s.figures.partTimePay(
          formatMoney(pay.pay),
          formatMoney(pay.floor),
          level,
          pay.ftePercent,
          formatMoney(pay.fullTimeFloor),
        )
      : s.figures.pay(formatMoney(pay.pay), formatMoney(pay.floor), level);
  return (
    <span class="figure">
      <span class={pay.shortfall > 0 ? 'text-error' : undefined}>
        {formatMoney(pay.pay)} / {formatMoney(pay.floor)}
      </span>
      <RuleBadge rule="P-W3" rules={rules} figure={figure} tone={pay.shortfall > 0 ? 'red' : 'grey'} />
      {pay.shortfall > 0 ? <strong class="text-error">{s.shortBy(formatMoney(pay.shortfall))}</strong> : null}
    </span>
  );
}

/** The findings, errors red and warnings amber, each with its rule badge (listed at the top of a page). */
export function Findings(props: { rules: PolicyRules; findings: readonly Finding[]; lang: Lang; empty?: Child }) {
  if (!props.findings.length) return props.empty ? <p class="muted">{props.empty}</p> : null;
  return <FindingList rules={props.rules} findings={props.findings} text={(f) => findingText(f, props.lang)} />;
}
