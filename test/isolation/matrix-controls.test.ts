import { isolationMatrix } from './matrix.ts';

/** The isolation matrix (matrix.ts): a staff member's own record, and the controls (last: they may write). */
await isolationMatrix('isolation-controls', ['ownRecords', 'controls']);
