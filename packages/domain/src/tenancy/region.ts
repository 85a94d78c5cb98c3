import { z } from 'zod';

/**
 * Administrative divisions (GB/T 2260) Shegong knows by name. Jurisdiction follows the code:
 * a city (xxxx00) contains its counties (xxxxNN); a province (xx0000) contains its cities.
 */
export const Region = z.object({
  code: z.string().describe('GB/T 2260 region code'),
  zh: z.string(),
  en: z.string(),
});
export type Region = z.infer<typeof Region>;

const REGIONS: readonly Region[] = [
  { code: '450000', zh: '广西壮族自治区', en: 'Guangxi Zhuang Autonomous Region' },
  { code: '450100', zh: '南宁市', en: 'Nanning' },
  { code: '450600', zh: '防城港市', en: 'Fangchenggang' },
  { code: '450602', zh: '港口区', en: 'Gangkou District' },
  { code: '450603', zh: '防城区', en: 'Fangcheng District' },
  { code: '450621', zh: '上思县', en: 'Shangsi County' },
  { code: '450681', zh: '东兴市', en: 'Dongxing' },
];

const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

export function knownRegions(): readonly Region[] {
  return REGIONS;
}

export function findRegion(code: string): Region | undefined {
  return BY_CODE.get(code);
}

export function isKnownRegion(code: string): boolean {
  return BY_CODE.has(code);
}

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The city a region belongs to (a city is its own city). Provinces have none. */
export function cityOf(code: string): string | undefined {
  return regionLevel(code) === 'province' ? undefined : `${code.slice(0, 4)}00`;
}

/** The chain from a region up to its province, nearest first: 450681 → 450600 → 450000. */
export function regionChain(code: string): string[] {
  const chain = [code];
  const level = regionLevel(code);
  if (level === 'county') chain.push(`${code.slice(0, 4)}00`);
  if (level !== 'province') chain.push(`${code.slice(0, 2)}0000`);
  return chain;
}

/** Whether `code` lies inside the jurisdiction of `scope` (a region lies inside itself). */
export function isWithin(code: string, scope: string): boolean {
  return regionChain(code).includes(scope);
}
