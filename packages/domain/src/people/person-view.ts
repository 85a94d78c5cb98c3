import { z } from 'zod';
import { STAFF_FLAGS } from './flags.ts';
import { Person } from './person.ts';
import { StaffSummary } from './staff-summary.ts';

/** A person as a member may see them: masked where their role says so, with today's summary and flags. */
export const PersonView = Person.extend({
  summary: StaffSummary.extend({ flags: z.array(z.enum(STAFF_FLAGS)) })
    .meta({
      id: 'StaffSummary',
      description:
        'What the registry says about the person today under the rule set in force: P-R2 and N-5 hours (tenths), N-4 registrations, practice years, the P-A3 run, pay against the P-W3 floor (fen), and the flags they raise',
    })
    .optional(),
}).meta({ id: 'PersonWithSummary' });
export type PersonView = z.infer<typeof PersonView>;
