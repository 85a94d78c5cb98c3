export * from './budget.ts';
export * from './lines.ts';
export * from './post.ts';
export * from './price-floor.ts';
export * from './rounding.ts';
