export * from './actuals.ts';
export * from './amounts.ts';
export * from './contract.ts';
export * from './costing.ts';
export * from './finding.ts';
export * from './ladder.ts';
export * from './registry.ts';
export { SEVERITIES, type Severity } from './shape.ts';
export { findingText } from './text.ts';
