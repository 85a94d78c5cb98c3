import { z } from 'zod';
import { plainLine } from '../text/plain-text.ts';
import { bp, count, instant } from '../units/units.ts';
import { SampleCandidate, SampleStratum, SamplingAlgorithm } from './sampling.ts';

/** What a bureau sends to draw the year's sample (N-6). */
export const NewSpotCheck = z.strictObject({
  year: z.number({ error: 'must be a year' }).int('must be a year').min(2000).max(2100),
  stratified: z.boolean().default(false),
  /** Any text; absent, the platform picks 128 random bits. Recorded either way. */
  seed: plainLine(z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters')).optional(),
});
export type NewSpotCheck = z.infer<typeof NewSpotCheck>;

/** A year's draw as recorded: everything needed to draw it again. */
export const SpotCheck = z
  .object({
    id: z.string().describe('The year: one draw per bureau per year'),
    year: count,
    bureauId: z.string(),
    jurisdiction: z.string().describe('The bureau’s region code'),
    stratified: z.boolean(),
    seed: z.string(),
    algorithm: SamplingAlgorithm,
    share: bp.describe('N-6: the share drawn, from the rule set in force on the draw'),
    ruleId: z.literal('N-6'),
    ruleSet: z.object({ id: z.string(), title: z.string() }),
    populationOrder: z.literal('id ascending by UTF-16 code unit').describe('How the population is ordered'),
    populationSize: count,
    population: z.array(SampleCandidate).describe('Running contracts of more than 12 months in the year, by id'),
    sample: z.array(z.string()).describe('The ids drawn, in population order'),
    strata: z.array(SampleStratum),
    drawnAt: instant,
    drawnBy: z.string(),
  })
  .meta({ id: 'SpotCheck', description: 'A year’s reproducible spot-check sample (N-6)' });
export type SpotCheck = z.infer<typeof SpotCheck>;

/** A draw recomputed from its record: whether it gives the same sample. */
export const SpotCheckVerification = z
  .object({
    id: z.string(),
    matches: z.boolean(),
    recorded: z.array(z.string()),
    redrawn: z.array(z.string()),
    algorithm: SamplingAlgorithm,
  })
  .meta({ id: 'SpotCheckVerification' });
export type SpotCheckVerification = z.infer<typeof SpotCheckVerification>;
