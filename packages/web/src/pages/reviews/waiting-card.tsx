/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { reviewsWaiting } from '@shegong/core';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { Card } from '../../layout/components.tsx';
import { REVIEWS } from './paths.ts';

/**
 * "Reviews waiting" for a bureau's dashboard: the loader counts what waits for this bureau's own
 * decision (one COUNT Query of the review queue), the card shows it with the way to the queue.
 */
export const loadReviewsWaiting = (c: Context<PageEnv>) => reviewsWaiting(c.var.ctx);

export function ReviewsWaitingCard(props: { c: Context<PageEnv>; waiting: number }) {
  const r = props.c.var.m.reviews;
  return (
    <Card title={r.cardTitle} id="reviews-waiting">
      {/* One sentence with the count in it (a bare figure before it said the number twice). */}
      <p>
        <strong>{props.waiting ? r.cardWaiting(props.waiting) : r.cardNone}</strong>
      </p>
      <p>
        <a class="btn btn-primary" href={REVIEWS}>
          {r.cardOpen}
        </a>
      </p>
    </Card>
  );
}
