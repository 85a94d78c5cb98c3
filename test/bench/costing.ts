import {
  assessContract,
  CERT_LEVELS,
  ContractDraft,
  costPlan,
  FANGCHENGGANG_2023,
  type PostInput,
} from '@shegong/domain';

/** A plan of `count` posts over `months` months: every level, FTEs 10–100 %, half with a given pay. */
export function benchPlan(count: number, months: number): PostInput[] {
  const posts: PostInput[] = [];
  for (let n = 0; n < count; n++) {
    const certLevel = CERT_LEVELS[n % CERT_LEVELS.length] as PostInput['certLevel'];
    const post: PostInput = { certLevel, ftePercent: 10 + ((n * 7) % 91), months };
    posts.push(n % 2 === 0 ? post : { ...post, monthlyPay: 300_000 + n * 1_237 });
  }
  return posts;
}

/**
 * Costing a plan of 200 posts over 36 months with its budget checks (`costPlan`, pure, no I/O):
 * the median of `runs` timed runs after `warmup` untimed ones, in ms.
 */
export function costTwoHundredPosts(runs = 1001, warmup = 200): { median: number; runs: number } {
  const rules = FANGCHENGGANG_2023.parameters;
  const posts = benchPlan(200, 36);
  const budget = {
    value: 500_000_000,
    lines: {
      personnel: 400_000_000,
      supervision: 10_000_000,
      activities: 25_000_000,
      management: 50_000_000,
      tax: 15_000_000,
      other: 0,
    },
  };
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += costPlan({ posts, budget, rules }).labourCost;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    sink += costPlan({ posts, budget, rules }).labourCost;
    times.push(performance.now() - started);
  }
  if (sink <= 0) throw new Error('bench plan costed nothing');
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, runs };
}

/** Median of timed runs after untimed ones, in ms (`work` returns a number so nothing is optimised away). */
function medianOf(work: () => number, runs: number, warmup: number): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    sink += work();
    times.push(performance.now() - started);
  }
  if (Number.isNaN(sink)) throw new Error('bench work returned nothing');
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * What saving or previewing a contract of 200 posts over 36 months computes: the draft validated
 * (`ContractDraft.parse`) and assessed (`assessContract`: post costs, budget checks, N-1/N-3 and the
 * price floor). Medians in ms.
 */
export function assessTwoHundredPostContract(
  runs = 501,
  warmup = 100,
): { parse: number; assess: number; runs: number } {
  const rules = FANGCHENGGANG_2023.parameters;
  const value = 500_000_000;
  const raw = {
    terms: {
      purchaser: { name: '防城港市民政局', region: '450600' },
      number: 'BENCH-1',
      title: '基准测算合同',
      services: ['helping_needy'],
      serviceArea: '防城港市',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      stableRecurring: true,
      value,
      milestones: [{ name: '全款', dueDate: '2026-01-31', amount: value }],
    },
    plan: {
      posts: benchPlan(200, 36).map((p, n) => ({ ...p, title: `岗位${n + 1}`, role: 'frontline' })),
      lines: {
        personnel: 400_000_000,
        supervision: 10_000_000,
        activities: 25_000_000,
        management: 50_000_000,
        tax: 15_000_000,
        other: 0,
      },
    },
  };
  const draft = ContractDraft.parse(raw);
  return {
    parse: medianOf(() => ContractDraft.parse(raw).plan.posts.length, runs, warmup),
    assess: medianOf(() => assessContract(draft, rules).costing.labourCost, runs, warmup),
    runs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { median, runs } = costTwoHundredPosts();
  console.log(`cost 200 posts × 36 months (costPlan), median of ${runs}: ${median.toFixed(3)} ms`);
  const contract = assessTwoHundredPostContract();
  console.log(
    `validate a 200-post contract (ContractDraft.parse), median of ${contract.runs}: ${contract.parse.toFixed(3)} ms`,
  );
  console.log(
    `assess a 200-post contract (assessContract), median of ${contract.runs}: ${contract.assess.toFixed(3)} ms`,
  );
}
