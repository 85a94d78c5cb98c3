import type { CertifiedBaseline, Community, Posting, SocialWorkStation, TalentBase, Township } from '@shegong/domain';
import { DEMO_TENANTS } from './demo-data.ts';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people.ts';

/**
 * The demo's map of Fangchenggang (seed part target-map-v1), ILLUSTRATIVE (示例数据): the four
 * counties are the real GB/T 2260 codes (港口区 450602, 防城区 450603, 上思县 450621, 东兴市
 * 450681) and the townships and communities carry plausible local names, but their codes, kinds
 * and the list itself are made up for the demo — not the official statistical division codes.
 * The page shows this as the map's source note. Stations cover every township but one (那琴乡, so
 * P-T4 shows a gap); the 2022 baseline is 180 city-wide; one talent base and one internship base
 * (P-T6 asks for two: a gap); the demo organisations' staff are posted so that some communities
 * meet P-T2/P-T7 and others do not.
 */

export const DEMO_CITY = '450600';
export const DEMO_MAP_NOTE = '示例数据（illustrative）：乡镇、社区名称与代码为演示用，非官方统计用区划代码';

type Kind = Township['kind'];
type Place = [suffix: string, name: string, kind: 'urban' | 'rural'];

/** County → townships (suffix, name, kind) → communities (suffix, name, urban/rural). */
const PLACES: Record<string, [suffix: string, name: string, kind: Kind, communities: Place[]][]> = {
  '450602': [
    [
      '001',
      '渔洲坪街道',
      'street',
      [
        ['001', '渔洲坪社区', 'urban'],
        ['002', '金花茶社区', 'urban'],
      ],
    ],
    [
      '002',
      '白沙万街道',
      'street',
      [
        ['001', '白沙万社区', 'urban'],
        ['002', '北港社区', 'urban'],
      ],
    ],
    [
      '003',
      '沙潭江街道',
      'street',
      [
        ['001', '沙潭江社区', 'urban'],
        ['201', '沙螺寮村', 'rural'],
      ],
    ],
    [
      '100',
      '企沙镇',
      'township',
      [
        ['001', '企沙社区', 'urban'],
        ['201', '山新村', 'rural'],
        ['202', '簕山村', 'rural'],
      ],
    ],
    [
      '101',
      '光坡镇',
      'township',
      [
        ['201', '红沙村', 'rural'],
        ['202', '沙耙墩村', 'rural'],
      ],
    ],
  ],
  '450603': [
    [
      '001',
      '水营街道',
      'street',
      [
        ['001', '水营社区', 'urban'],
        ['002', '迎宾社区', 'urban'],
      ],
    ],
    [
      '002',
      '珠河街道',
      'street',
      [
        ['001', '珠河社区', 'urban'],
        ['201', '针鱼岭村', 'rural'],
      ],
    ],
    [
      '100',
      '华石镇',
      'township',
      [
        ['001', '华石社区', 'urban'],
        ['201', '那湾村', 'rural'],
      ],
    ],
    [
      '101',
      '江山镇',
      'township',
      [
        ['201', '白龙村', 'rural'],
        ['202', '江山村', 'rural'],
      ],
    ],
    [
      '102',
      '茅岭镇',
      'township',
      [
        ['001', '茅岭社区', 'urban'],
        ['201', '大陶村', 'rural'],
      ],
    ],
  ],
  '450621': [
    [
      '100',
      '思阳镇',
      'township',
      [
        ['001', '城南社区', 'urban'],
        ['002', '城北社区', 'urban'],
        ['201', '明江村', 'rural'],
      ],
    ],
    [
      '101',
      '在妙镇',
      'township',
      [
        ['001', '在妙社区', 'urban'],
        ['201', '那布村', 'rural'],
      ],
    ],
    [
      '102',
      '叫安镇',
      'township',
      [
        ['201', '叫安村', 'rural'],
        ['202', '杞平村', 'rural'],
      ],
    ],
    [
      '200',
      '那琴乡',
      'township',
      [
        ['201', '那琴村', 'rural'],
        ['202', '那布庄村', 'rural'],
      ],
    ],
  ],
  '450681': [
    [
      '100',
      '东兴镇',
      'township',
      [
        ['001', '东兴社区', 'urban'],
        ['002', '北仑社区', 'urban'],
        ['201', '竹山村', 'rural'],
      ],
    ],
    [
      '101',
      '江平镇',
      'township',
      [
        ['001', '江平社区', 'urban'],
        ['201', '巫头村', 'rural'],
        ['202', '万尾村', 'rural'],
      ],
    ],
    [
      '102',
      '马路镇',
      'township',
      [
        ['001', '马路社区', 'urban'],
        ['201', '平丰村', 'rural'],
      ],
    ],
  ],
};

export const DEMO_TOWNSHIPS: readonly Township[] = Object.entries(PLACES).flatMap(([county, townships]) =>
  townships.map(([suffix, name, kind]) => ({ code: `${county}${suffix}`, name, county, kind })),
);

export const DEMO_COMMUNITIES: readonly Community[] = Object.entries(PLACES).flatMap(([county, townships]) =>
  townships.flatMap(([suffix, , , communities]) =>
    communities.map(([own, name, kind]) => ({
      code: `${county}${suffix}${own}`,
      name,
      township: `${county}${suffix}`,
      kind,
    })),
  ),
);

/** The township P-T4 shows without a station. */
export const DEMO_TOWNSHIP_WITHOUT_STATION = '450621200';

/** A station in every township but one, opened between 2022 and 2024 (fixed ids: reseeding finds them). */
export const DEMO_STATIONS: readonly SocialWorkStation[] = DEMO_TOWNSHIPS.filter(
  (t) => t.code !== DEMO_TOWNSHIP_WITHOUT_STATION,
).map((t, i) => ({
  id: `0190b000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
  name: `${t.name}社工站`,
  township: t.code,
  openedOn: `${2022 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
}));

/** P-T5: 180 certified social workers in 2022 (illustrative), and per county. */
export const DEMO_BASELINE: CertifiedBaseline = {
  year: 2022,
  city: 180,
  counties: { '450602': 62, '450603': 48, '450621': 24, '450681': 46 },
};

const YANGGUANG = DEMO_TENANTS.find((t) => t.domain === 'yangguang.demo')!;

/** P-T6: one talent cultivation base (city) and one internship base (港口区): one short of two. */
export const DEMO_TARGET_BASES: readonly TalentBase[] = [
  {
    id: '0190b000-0000-7000-8000-00000000b001',
    kind: 'talent',
    name: '防城港市社会工作人才培育基地',
    region: DEMO_CITY,
    organisationId: YANGGUANG.id,
    recognisedOn: '2024-05-20',
  },
  {
    id: '0190b000-0000-7000-8000-00000000b002',
    kind: 'internship',
    name: '港口区阳光社会工作实习基地',
    region: '450602',
    organisationId: YANGGUANG.id,
    recognisedOn: '2025-03-01',
  },
];

const staffOf = (domain: string) => DEMO_PEOPLE.find((o) => o.tenant.domain === domain)!.people;
const certified = (p: DemoPerson) => p.input.certificates.length > 0;

/**
 * Who is posted where: certified people first where a community is met, uncertified ones where it
 * stays short. Chosen by certificate, not by index, so the picture holds whatever order the demo
 * people come in.
 */
function postingsOf(domain: string, plan: [community: string, certified: boolean, from: string, until?: string][]) {
  const people = staffOf(domain);
  const organisationId = DEMO_TENANTS.find((t) => t.domain === domain)!.id;
  const pools = { true: people.filter(certified), false: people.filter((p) => !certified(p)) };
  const used = { true: 0, false: 0 };
  return plan.map(([community, wantCertified, from, until]): Posting => {
    const key = String(wantCertified) as 'true' | 'false';
    const person = pools[key][used[key]++];
    if (!person) throw new Error(`not enough ${key === 'true' ? 'certified' : 'uncertified'} people at ${domain}`);
    return {
      personId: person.id,
      organisationId,
      community,
      from,
      ...(until ? { until } : {}),
    };
  });
}

/** The demo postings: 港口区 by 阳光, 东兴 by 同心. */
export const DEMO_POSTINGS: readonly (Posting & { id: string })[] = [
  ...postingsOf('yangguang.demo', [
    // 渔洲坪社区: two certified: P-T2 and P-T7 met.
    ['450602001001', true, '2025-03-01'],
    ['450602001001', true, '2025-03-01'],
    // 金花茶社区: one certified: P-T7 met, P-T2 1 of 2.
    ['450602001002', true, '2025-06-01'],
    // 白沙万社区: one without a certificate.
    ['450602002001', false, '2025-06-01'],
    // 企沙社区 had a certified worker until 2025; now nobody.
    ['450602100001', true, '2024-03-01', '2025-12-31'],
    // 山新村 (rural): one certified: met.
    ['450602100201', true, '2025-09-01'],
  ]),
  ...postingsOf('tongxin.demo', [
    // 东兴社区: two certified: met.
    ['450681100001', true, '2025-02-01'],
    ['450681100001', true, '2025-02-01'],
    // 竹山村: one certified: met.
    ['450681100201', true, '2025-04-01'],
    // 江平社区: one without a certificate.
    ['450681101001', false, '2025-04-01'],
  ]),
].map((p, i) => ({ ...p, id: `0190b000-0000-7000-8000-${String(0xc000 + i).padStart(12, '0')}` }));
