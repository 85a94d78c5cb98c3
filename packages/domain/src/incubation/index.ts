export * from './figures.ts';
export * from './incubation.ts';
export * from './support.ts';
export * from './template.ts';
