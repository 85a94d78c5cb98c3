export * from './figures.ts';
export * from './incubation.ts';
