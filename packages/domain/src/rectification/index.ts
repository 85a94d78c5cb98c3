export * from './rectification.ts';
