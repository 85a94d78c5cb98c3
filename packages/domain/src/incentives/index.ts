export * from './award-claim.ts';
export * from './continuity.ts';
export * from './exam-costs.ts';
export * from './internships.ts';
export * from './level-award.ts';
export * from './organisation-awards.ts';
export * from './parameters.ts';
export * from './records.ts';
