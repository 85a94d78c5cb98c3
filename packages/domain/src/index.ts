export * from './people/person.ts';
export * from './rules/rule-set.ts';
export * from './tenancy/region.ts';
export * from './tenancy/schemas.ts';
export * from './tenancy/tenant.ts';
export * from './tenancy/uscc.ts';
