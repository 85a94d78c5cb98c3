import {
  type CertifiedSeries,
  TARGET_STATUSES,
  type TargetFigure,
  type TargetGap,
  type TargetKey,
  type TargetStatus,
} from '@shegong/domain';
import type { Tone } from '../../layout/components.tsx';

/**
 * What the targets pages work out of the dashboard to show it (issue 13): colours, shares and
 * scales. The figures themselves are the domain's; nothing here applies a rule.
 */

/** A status's colour; the page always says the status in words beside it. */
export const STATUS_TONES: Record<TargetStatus, Tone> = {
  met: 'green',
  not_met: 'amber',
  overdue: 'red',
  no_data: 'grey',
};

/**
 * The share of a figure's goal met, 0..1, for the chart of progress per county; undefined where
 * there is nothing to measure against (no_data, or no goal). A goal of 0 is met by any value.
 * Over 1 is cut to 1 (a county with more stations than townships is fully met, not more).
 */
export function shareMet(figure: Pick<TargetFigure, 'value' | 'goal' | 'status'>): number | undefined {
  if (figure.status === 'no_data' || figure.goal === null) return undefined;
  if (figure.goal === 0) return 1;
  return Math.min(1, figure.value / figure.goal);
}

/** How many figures are in each status, in the statuses' order, leaving out those with none. */
export function statusCounts(figures: readonly Pick<TargetFigure, 'status'>[]): [TargetStatus, number][] {
  return TARGET_STATUSES.map((s) => [s, figures.filter((f) => f.status === s).length] as [TargetStatus, number]).filter(
    ([, n]) => n > 0,
  );
}

/** Whether a line of the list says what is needed, or only that the map lacks the data to say. */
export const gapHasNeed = (gap: TargetGap): gap is TargetGap & { need: number } => gap.need !== undefined;

/**
 * The top of the certified chart's scale: the largest of the points, the baseline and the goal,
 * rounded up to a step of 5 (10 below 50 … so the grid lines fall on round numbers); at least 5.
 */
export function seriesTop(series: Pick<CertifiedSeries, 'points' | 'baseline' | 'goal'>): number {
  const max = Math.max(0, ...series.points.map((p) => p.count), series.baseline ?? 0, series.goal ?? 0);
  const step = max <= 50 ? 5 : max <= 200 ? 20 : 100;
  return Math.max(5, Math.ceil(max / step) * step);
}

/** The figures of a county in a fixed column order (P-T1 … P-T7), for the per-county table. */
export const COUNTY_COLUMNS: readonly TargetKey[] = [
  'incubationBases',
  'professionals',
  'registeredOrganisations',
  'stations',
  'certified',
  'certifiedPosts',
];
