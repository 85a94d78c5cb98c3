import { assessContract, type ContractDraft, ContractDraft as DraftSchema, FANGCHENGGANG_2023 } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { MAX_VERSION_BYTES, timeOrderedId, versionBytes } from './contracts.ts';

describe('timeOrderedId', () => {
  it('is a UUIDv7 whose order is the order of creation', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => timeOrderedId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    // The first 48 bits are the milliseconds.
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(1_700_000_000_000);
  });
});

describe('versionBytes', () => {
  it('keeps the largest draft the schema allows, with its costing, well under the item limit', () => {
    // 500 named posts with 60-character titles (all below the floor: 500 findings), 300 items with
    // 200-character notes: over a megabyte of JSON, but repetitive.
    const posts = Array.from({ length: 500 }, (_, i) => ({
      title: `一线社工${i}`.padEnd(60, '岗'),
      role: 'frontline' as const,
      certLevel: 'assistant' as const,
      ftePercent: (i % 100) + 1,
      months: (i % 12) + 1,
      monthlyPay: 2_000_00 + i * 7,
      personId: `0193a7c2-4f1e-7b3a-9c4d-${String(i).padStart(12, '0')}`,
    }));
    const items = Array.from({ length: 300 }, (_, i) => ({
      line: 'activities' as const,
      category: `活动物资${i}`.padEnd(60, '类'),
      unitPrice: 100 + i,
      unit: '场'.repeat(20),
      quantity: 1 + (i % 5),
      note: `说明${i}`.padEnd(200, '注'),
    }));
    const activities = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
    const draft: ContractDraft = DraftSchema.parse({
      terms: {
        purchaser: { name: '防城港市港口区民政局', region: '450602' },
        number: 'BIG-1',
        title: '大型项目',
        services: ['helping_needy'],
        serviceArea: '港口区',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        value: 9_000_000_00,
        milestones: [{ name: '全款', dueDate: '2026-12-31', amount: 9_000_000_00 }],
      },
      plan: {
        posts,
        lines: { personnel: 0, supervision: 0, activities, management: 0, tax: 0, other: 0 },
        items,
      },
    });
    const rules = FANGCHENGGANG_2023.parameters;
    const assessment = assessContract(draft, rules);
    expect(assessment.findings.length).toBeGreaterThan(500);
    const costed = {
      draft,
      costedPosts: posts.map((p) => ({ ...p, personName: '欧阳'.repeat(10) })),
      ruleSet: { id: '450600-2023-01-01-v1', region: '450600', effectiveFrom: '2023-01-01', version: 1, title: 'x' },
      rules,
      assessment,
    };
    expect(JSON.stringify(costed).length).toBeGreaterThan(400_000);
    expect(versionBytes(costed)).toBeLessThan(MAX_VERSION_BYTES / 2);
  });
});
