import { z } from 'zod';

/**
 * What every finding has, whatever its kind: a rule applied to a figure (DESIGN.md "Findings").
 * Each kind's module fixes its severity and rule id and types its amounts; this builds the object
 * schema around them, so the six fields are spelt once.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `payBelowFloor` → `PayBelowFloorFinding`: the schema's name in the OpenAPI document. */
const schemaId = (kind: string) => `${kind.charAt(0).toUpperCase()}${kind.slice(1)}Finding`;

export function findingSchema<
  K extends string,
  S extends z.ZodType<Severity>,
  R extends z.ZodType<string>,
  A extends z.ZodType<object>,
>(kind: K, fields: { severity: S; ruleId: R; amounts: A; description: string }) {
  return z
    .object({
      kind: z.literal(kind),
      severity: fields.severity,
      /** The rule of POLICY.md the finding applies. */
      ruleId: fields.ruleId,
      path: z.string().meta({ description: 'JSON pointer to the figure the finding concerns' }),
      message: z.string().meta({ description: 'The finding in English (findingText in the reader’s language)' }),
      amounts: fields.amounts,
    })
    .meta({ id: schemaId(kind), description: fields.description });
}
