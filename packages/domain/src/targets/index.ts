export * from './dashboard.ts';
export * from './map.ts';
export * from './map-edits.ts';
export * from './map-import.ts';
export * from './parameters.ts';
export * from './series.ts';
export * from './workers.ts';
