import {
  type BureauMap,
  type CertifiedSeries,
  certifiedSeries,
  countyView,
  FANGCHENGGANG_TARGETS,
  staffInCounty,
  type TargetFacts,
  type TargetParameters,
  type TargetsDashboard,
  targetsDashboard,
  targetsView,
} from '@shegong/domain';

/**
 * What the bureau's targets pages and API show (issue 13, P-T1..P-T7): the dashboard of the scope
 * on the day, and the P-T5 certified count over time for its chart. Worked out from the inputs
 * alone (no store), so the figures are the domain's and the adapters only present them.
 */
export interface TargetsOverview {
  dashboard: TargetsDashboard;
  series: CertifiedSeries;
  /** Whether the map holds any township or community yet (the pages' empty state says what to do first). */
  hasPlaces: boolean;
}

/** The dashboard's inputs as targetInputs gathers them for the calling bureau's city. */
export interface TargetInputs {
  map: BureauMap;
  facts: TargetFacts;
}

/**
 * The overview a bureau of `region` is shown on `today`: its city's whole dashboard for a city
 * bureau, its own county's for a county bureau (P-U1); narrowed to `county` when one is asked for.
 * Undefined when the region or the county lies outside the map's city (the caller answers 404: an
 * address naming another city's county says nothing about it).
 *
 * The series starts in the P-T5 base year (2022): the chart is drawn against that year's baseline.
 */
export function targetsOverview(
  inputs: TargetInputs,
  region: string,
  today: string,
  county?: string,
  params: TargetParameters = FANGCHENGGANG_TARGETS,
): TargetsOverview | undefined {
  const { map, facts } = inputs;
  const view = targetsView(targetsDashboard(map, facts, today, params), region);
  const dashboard = county === undefined || !view ? view : countyView(view, county);
  if (!dashboard) return undefined;
  const cityWide = dashboard.scope === map.city;
  const staff = cityWide ? facts.staff : staffInCounty(facts.staff, facts.organisations, dashboard.scope);
  const baseline = cityWide ? map.baseline?.city : map.baseline?.counties?.[dashboard.scope];
  const series = certifiedSeries(staff, params.certifiedBaseYear, today, baseline, params);
  return { dashboard, series, hasPlaces: mapHasPlaces(map) };
}

/** Whether the map holds any place the per-place targets are counted over (the page's empty state). */
export function mapHasPlaces(map: BureauMap): boolean {
  return map.townships.length > 0 || map.communities.length > 0;
}
