import { isolationMatrix } from './matrix.ts';

/** The isolation matrix (matrix.ts): roles and kinds a route does not admit. */
await isolationMatrix('isolation-roles', ['wrongRoles', 'wrongKinds']);
