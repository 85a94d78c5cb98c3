/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { awardClaimsWaiting } from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card } from '../../layout/components.tsx';
import { BUREAU_CLAIMS } from './paths.ts';

/**
 * "Award claims waiting" for a bureau's dashboard: the endorsed level-improvement claims this
 * bureau decides (one COUNT Query of its queue), with the way to them.
 */
export const loadAwardClaimsWaiting = (c: Context<PageEnv>) => awardClaimsWaiting(c.var.ctx);

export function AwardClaimsWaitingCard(props: { c: Context<PageEnv>; waiting: number }) {
  const a = props.c.var.m.awards;
  const { waiting } = props;
  return (
    <Card title={a.bureauTitle} id="award-claims-waiting">
      <p>
        <strong>{waiting ? a.waiting(waiting) : a.noneWaiting}</strong>
      </p>
      <p>
        <a class="btn btn-primary" href={BUREAU_CLAIMS}>
          {a.openQueue}
        </a>
      </p>
    </Card>
  );
}
