/**
 * The targets' pages (issue 13, POLICY.md P-T1 … P-T7): the bureau's dashboard (目标进度), the map it
 * is counted over (区划与站点), and where an organisation posts its staff to a community.
 */
export const TARGETS = '/bureau/targets';
export const TARGETS_XLSX = '/bureau/targets.xlsx';
export const TARGETS_PRINT = '/bureau/targets/print';
export const targetsCountyPath = (county: string) => `${TARGETS}/counties/${encodeURIComponent(county)}`;

/** The bureau's map: townships and communities (xlsx import), stations, the P-T5 baseline, talent bases. */
export const MAP = '/bureau/map';
export const MAP_TABS = ['places', 'stations', 'baseline', 'bases'] as const;
export type MapTab = (typeof MAP_TABS)[number];
export const mapTabPath = (tab: MapTab) => (tab === 'places' ? MAP : `${MAP}/${tab}`);
