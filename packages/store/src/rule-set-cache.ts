import type { RuleSet } from '@shegong/domain';

/**
 * How long this process trusts what it read of "which versions a region has" (its timeline)
 * before asking the table again. A version published by another Lambda instance is seen within
 * this time; the instance that published it forgets the region's timeline as its transaction
 * commits, so it sees the new version at once. A minute: a bureau publishes a few times a year
 * and a version usually takes effect on a later date, while a busy instance asks for the policy
 * of the same few regions on every costing request (three index queries each before this cache).
 */
export const TIMELINE_TTL_MS = 60_000;

/**
 * How many published versions, and how many regions' timelines, a process keeps. A province has
 * about a hundred and fifty region codes with a handful of versions each: far below these, which
 * only stop a process that is asked about every region of China from growing without end.
 */
export const MAX_VERSIONS = 2_000;
export const MAX_TIMELINES = 1_000;

interface Timeline {
  /** The region's versions, by effective date then version, oldest first. */
  versions: readonly RuleSet[];
  readAt: number;
}

/**
 * What this process knows of published policy. A published version never changes (a correction is
 * a new version), so a version read once is kept for the process's life; only a region's timeline
 * (which versions exist, so which is in force on a date) goes stale, and is kept briefly.
 */
export class RuleSetCache {
  private readonly versions = new Map<string, RuleSet>();
  private readonly timelines = new Map<string, Timeline>();

  constructor(private readonly now: () => number = Date.now) {}

  version(id: string): RuleSet | undefined {
    const found = this.versions.get(id);
    if (found) remember(this.versions, id, found, MAX_VERSIONS); // now the most recently used
    return found;
  }

  /** Kept frozen: one object now serves every request, so a caller that changed it would change it for all. */
  rememberVersion(ruleSet: RuleSet): void {
    remember(this.versions, ruleSet.id, deepFreeze(ruleSet), MAX_VERSIONS);
  }

  /** The region's versions, if read less than TIMELINE_TTL_MS ago. */
  timeline(region: string): readonly RuleSet[] | undefined {
    const found = this.timelines.get(region);
    if (!found) return undefined;
    if (this.now() - found.readAt >= TIMELINE_TTL_MS) {
      this.timelines.delete(region);
      return undefined;
    }
    return found.versions;
  }

  rememberTimeline(region: string, versions: readonly RuleSet[]): void {
    const sorted = versions.map(deepFreeze).sort(byDateThenVersion);
    for (const version of sorted) this.rememberVersion(version);
    remember(this.timelines, region, { versions: sorted, readAt: this.now() }, MAX_TIMELINES);
  }

  /** A version was just published for the region: its timeline is out of date. */
  forgetTimeline(region: string): void {
    this.timelines.delete(region);
  }
}

/** The latest version of a timeline that starts on or before the date (of one date, the highest). */
export function latestOn(versions: readonly RuleSet[], date: string): RuleSet | undefined {
  let found: RuleSet | undefined;
  for (const version of versions) {
    if (version.effectiveFrom > date) break;
    found = version;
  }
  return found;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const byDateThenVersion = (a: RuleSet, b: RuleSet) =>
  a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1;

/** Sets a key as the newest; past the limit, the oldest set goes (a Map keeps insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as string);
}

/**
 * One cache per table in the process, shared by every Store and repository on it: published
 * policy is the same whoever reads it, so one tenant's read warms the next tenant's costing.
 */
const caches = new Map<string, RuleSetCache>();

export function ruleSetCacheOf(tableName: string): RuleSetCache {
  let cache = caches.get(tableName);
  if (!cache) {
    cache = new RuleSetCache();
    caches.set(tableName, cache);
  }
  return cache;
}
