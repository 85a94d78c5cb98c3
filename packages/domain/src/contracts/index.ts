export * from './actual-months.ts';
export * from './actuals.ts';
export * from './amendment.ts';
export * from './assessment.ts';
export * from './contract.ts';
export * from './floor-explanation.ts';
export * from './records.ts';
export * from './term.ts';
