/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { CertLevel, Finding, RegistrationStatus } from '@shegong/domain';
import type { Child } from 'hono/jsx';
import { formatDate, formatMoney, type Lang, type Messages } from '../../i18n/index.ts';
import { Tag, type Tone } from '../../layout/components.tsx';

/** Small pieces of the staff pages: rule badges, tags, figures and the wording of findings. */

export type StaffMessages = Messages['staff'];
export type RuleId = keyof StaffMessages['rules'];

/** Tenth-hours as hours with one decimal: 385 → "38.5". */
export const hours = (tenth: number) => (tenth / 10).toFixed(1);

/**
 * A rule id as a small badge that opens (a <details>, no script) the rule and the numbers that
 * went into the figure beside it.
 */
export function RuleBadge(props: { s: StaffMessages; rule: RuleId; figure?: string | undefined; tone?: Tone }) {
  return (
    <details class={`rule-badge rule-badge-${props.tone ?? 'grey'}`}>
      <summary title={props.s.rules[props.rule]}>{props.rule}</summary>
      <span class="rule-badge-text">
        {props.s.rules[props.rule]}
        {props.figure ? <strong class="rule-badge-figure">{props.figure}</strong> : null}
      </span>
    </details>
  );
}

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

export function registrationFigure(s: StaffMessages, r: RegistrationStatus, lang: Lang): string | undefined {
  return r.expiresOn ? s.figures.registration(formatDate(r.expiresOn, lang), r.daysLeft ?? 0) : undefined;
}

const amount = (finding: Finding, key: string): number => Number(finding.amounts?.[key] ?? 0);
const text = (finding: Finding, key: string): string => String(finding.amounts?.[key] ?? '');

/** A finding in the reader's language, from its rule and amounts (the domain's message is English). */
export function findingText(s: StaffMessages, finding: Finding, lang: Lang): string {
  switch (finding.ruleId) {
    case 'P-W3':
      return s.finding.payBelow(
        formatMoney(amount(finding, 'pay')),
        formatMoney(amount(finding, 'floor')),
        formatMoney(amount(finding, 'shortfall')),
      );
    case 'N-4':
      return text(finding, 'status') === 'expired'
        ? s.finding.expired(text(finding, 'number'), formatDate(text(finding, 'expiresOn'), lang))
        : s.finding.expiring(
            text(finding, 'number'),
            formatDate(text(finding, 'expiresOn'), lang),
            amount(finding, 'daysLeft'),
          );
    case 'P-R2':
      return s.finding.ceYear(
        amount(finding, 'year'),
        hours(amount(finding, 'tenthHours')),
        hours(amount(finding, 'requiredTenthHours')),
        hours(amount(finding, 'shortfallTenthHours')),
      );
    case 'N-5':
      return s.finding.cePeriod(
        hours(amount(finding, 'tenthHours')),
        hours(amount(finding, 'requiredTenthHours')),
        hours(amount(finding, 'shortfallTenthHours')),
      );
    default:
      return finding.message;
  }
}

export function isRuleId(s: StaffMessages, id: string): id is RuleId {
  return id in s.rules;
}

/** The findings, errors red and warnings amber, each with its rule badge (listed at the top of a page). */
export function Findings(props: { s: StaffMessages; findings: readonly Finding[]; lang: Lang; empty?: Child }) {
  const { s } = props;
  if (!props.findings.length) return props.empty ? <p class="muted">{props.empty}</p> : null;
  return (
    <ul class="findings">
      {props.findings.map((f) => (
        <li class={`finding finding-${f.severity}`}>
          {isRuleId(s, f.ruleId) ? (
            <RuleBadge s={s} rule={f.ruleId} tone={f.severity === 'error' ? 'red' : 'amber'} />
          ) : (
            <Tag tone={f.severity === 'error' ? 'red' : 'amber'}>{f.ruleId}</Tag>
          )}
          <span>{findingText(s, f, props.lang)}</span>
        </li>
      ))}
    </ul>
  );
}
