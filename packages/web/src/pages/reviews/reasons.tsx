/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ReviewReason } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/** A decision's reasons: each with its rule badge and the field it concerns. */
export function ReasonList(props: { c: Context<PageEnv>; reasons: readonly ReviewReason[] }) {
  const { c } = props;
  const r = c.var.m.reviews;
  return (
    <ul class="findings review-reasons">
      {props.reasons.map((reason) => (
        <li class="finding finding-warning">
          {reason.ruleId ? <RuleBadge rule={reason.ruleId} rules={c.var.m.policyRules} tone="amber" /> : null}{' '}
          {reason.text}
          {reason.field ? (
            <span class="muted">
              {' '}
              · {r.field}
              {c.var.m.common.colon}
              {reason.field}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
