/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { type CertLevel, type Finding, findingText, type RegistrationStatus } from '@shegong/domain';
import type { Child } from 'hono/jsx';
import { formatDate, type Lang, type Messages } from '../../i18n/index.ts';
import { Tag, type Tone } from '../../layout/components.tsx';
import { FindingList, type PolicyRules } from '../../layout/rule-badge.tsx';

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

export function registrationFigure(s: StaffMessages, r: RegistrationStatus, lang: Lang): string | undefined {
  return r.expiresOn ? s.figures.registration(formatDate(r.expiresOn, lang), r.daysLeft ?? 0) : undefined;
}

/** The findings, errors red and warnings amber, each with its rule badge (listed at the top of a page). */
export function Findings(props: { rules: PolicyRules; findings: readonly Finding[]; lang: Lang; empty?: Child }) {
  if (!props.findings.length) return props.empty ? <p class="muted">{props.empty}</p> : null;
  return <FindingList rules={props.rules} findings={props.findings} text={(f) => findingText(f, props.lang)} />;
}
