export * from './incubation.ts';
