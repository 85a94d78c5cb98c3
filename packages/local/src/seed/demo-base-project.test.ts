import { assessContract, CheckedPersonInput, ContractDraft, resolveNamedPosts } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { BASE_OPERATION_CONTRACT, BASE_STAFF } from './demo-base-project.ts';
import { demoRulesOf } from './demo-contracts.ts';
import { DEMO_TENANTS } from './demo-data.ts';

describe('the demo base’s own operation contract (P-I1)', () => {
  it('names only people of the base’s registry, each a valid record', () => {
    for (const person of BASE_STAFF) expect(CheckedPersonInput.safeParse(person.input).error).toBeUndefined();
    const named = BASE_OPERATION_CONTRACT.plan.posts.flatMap((p) => (p.personId ? [p.personId] : []));
    expect(named.every((id) => BASE_STAFF.some((p) => p.id === id))).toBe(true);
  });

  // The demo's rules for the city's purchases (its 2023 set as revised, part rule-sets-v1).
  it('is compliant under the city’s rules, costed with the named people’s pay', () => {
    const draft = ContractDraft.parse(BASE_OPERATION_CONTRACT);
    const people = new Map(BASE_STAFF.map((p) => [p.id, { id: p.id, ...p.input }]));
    const { posts, unknown } = resolveNamedPosts(draft.plan.posts, people, draft.terms.startDate);
    expect(unknown).toEqual([]);
    const assessment = assessContract(
      { ...draft, plan: { ...draft.plan, posts } },
      demoRulesOf(DEMO_TENANTS.find((t) => t.kind === 'incubator')!),
    );
    expect(assessment.findings).toEqual([]);
  });
});
