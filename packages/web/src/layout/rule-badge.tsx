/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Finding } from '@shegong/domain';
import type { Child } from 'hono/jsx';
import type { Messages } from '../i18n/index.ts';
import type { Tone } from './components.tsx';

/** What each policy rule says, keyed by rule id (m.policyRules). */
export type PolicyRules = Messages['policyRules'];
export type PolicyRuleId = keyof PolicyRules;

/** What a rule says, for an id that may come from data (a finding's ruleId); the id itself if unknown. */
function ruleText(rules: PolicyRules, id: string): string {
  return Object.hasOwn(rules, id) ? rules[id as PolicyRuleId] : id;
}

/**
 * A rule id as a small badge that opens (a <details>, no script) what the rule says and, when
 * given, the numbers that went into the figure beside it. Grey unless a tone says otherwise.
 */
export function RuleBadge(props: { rules: PolicyRules; rule: string; figure?: string | undefined; tone?: Tone }) {
  const text = ruleText(props.rules, props.rule);
  return (
    <details class={`rule-badge rule-badge-${props.tone ?? 'grey'}`}>
      <summary title={text}>{props.rule}</summary>
      <span class="rule-badge-text">
        {text}
        {props.figure ? <strong class="rule-badge-figure">{props.figure}</strong> : null}
      </span>
    </details>
  );
}

/** A finding's badge colour: errors red, warnings amber. */
const findingTone = (f: Pick<Finding, 'severity'>): Tone =>
  f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'amber' : 'grey';

/** A finding's rule badge, coloured by its severity. */
export function FindingBadge(props: { rules: PolicyRules; finding: Finding }) {
  const { ruleId } = props.finding;
  return <RuleBadge rule={ruleId} rules={props.rules} tone={findingTone(props.finding)} />;
}

/** Findings as a list, errors red and warnings amber, each with its rule badge and its words. */
export function FindingList(props: {
  rules: PolicyRules;
  findings: readonly Finding[];
  /** The finding in the reader's language (the domain's message is English). */
  text: (finding: Finding) => Child;
}) {
  if (!props.findings.length) return null;
  return (
    <ul class="findings">
      {props.findings.map((f) => (
        <li class={`finding finding-${f.severity}`}>
          <FindingBadge rules={props.rules} finding={f} />
          <span>{props.text(f)}</span>
        </li>
      ))}
    </ul>
  );
}
