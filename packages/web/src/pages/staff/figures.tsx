/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { type CertLevel, type Finding, type RegistrationStatus, tenthsToHours } from '@shegong/domain';
import type { Child } from 'hono/jsx';
import { formatDate, formatMoney, type Lang, type Messages } from '../../i18n/index.ts';
import { Tag, type Tone } from '../../layout/components.tsx';
import { FindingList, type PolicyRules } from '../../layout/rule-badge.tsx';

/** Small pieces of the staff pages: tags, figures and the wording of findings. */

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
        tenthsToHours(amount(finding, 'tenthHours')),
        tenthsToHours(amount(finding, 'requiredTenthHours')),
        tenthsToHours(amount(finding, 'shortfallTenthHours')),
      );
    case 'N-5':
      return s.finding.cePeriod(
        tenthsToHours(amount(finding, 'tenthHours')),
        tenthsToHours(amount(finding, 'requiredTenthHours')),
        tenthsToHours(amount(finding, 'shortfallTenthHours')),
      );
    default:
      return finding.message;
  }
}

/** The findings, errors red and warnings amber, each with its rule badge (listed at the top of a page). */
export function Findings(props: {
  s: StaffMessages;
  rules: PolicyRules;
  findings: readonly Finding[];
  lang: Lang;
  empty?: Child;
}) {
  const { s } = props;
  if (!props.findings.length) return props.empty ? <p class="muted">{props.empty}</p> : null;
  return <FindingList rules={props.rules} findings={props.findings} text={(f) => findingText(s, f, props.lang)} />;
}
