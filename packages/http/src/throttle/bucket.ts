/**
 * Token buckets by key (a tenant, or a source IP), in this instance's memory. A bucket holds up to
 * `burst` tokens and gains `rate` a second; a request takes one, or is told how long until one is
 * there.
 *
 * Why in memory and not in the table: a bucket in DynamoDB is exact across every Lambda instance,
 * but costs a conditional UpdateItem (a write) on every request, adds a round trip to each (GET
 * /v1/me would go from one read to a read and a write) and makes one tenant's hot bucket item a
 * hot partition. In memory costs nothing per request; the price is accuracy: with N warm instances
 * a tenant could get up to N × its rate. N is bounded by the function's reserved concurrency, and
 * the stage's own throttle bounds the total, so what this prevents is what the issue asks: one
 * tenant taking a whole instance's (and so the stage's) capacity while the others wait.
 */
export interface BucketSettings {
  /** Tokens gained per second (the sustained rate). */
  rate: number;
  /** Most tokens held (the burst allowed after a quiet spell). */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept at most; beyond it the least recently used go (a full bucket is the same as none). */
const MAX_BUCKETS = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: BucketSettings,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(settings.rate > 0 && settings.burst >= 1))
      throw new Error('a bucket needs a positive rate and a burst of at least 1');
  }

  /** Takes a token for `key`: 0 when taken, else the seconds until one will be there. */
  take(key: string): number {
    const now = this.now();
    const { rate, burst } = this.settings;
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(burst, held.tokens + ((now - held.at) / 1000) * rate) : burst;
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      this.evict();
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return (1 - tokens) / rate;
  }

  private evict(): void {
    while (this.buckets.size > MAX_BUCKETS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}
