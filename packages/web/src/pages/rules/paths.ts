/** The addresses of the rule-set pages: the bureau's own (publish, history) and everyone's read-only view. */

export const BUREAU_RULES = '/bureau/rules';
export const RULES = '/rules';
