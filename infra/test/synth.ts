import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { defineApp } from '../lib/app.ts';
import type { ShegongStack } from '../lib/stack.ts';

/** cdk.json's context (feature flags), so tests synthesize exactly what `pnpm synth` does. */
const cdkContext: Record<string, unknown> = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../cdk.json'), 'utf8'),
).context;

export interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}
export type Resources = Record<string, Resource>;

export interface Synthesized {
  app: App;
  stack: ShegongStack;
  template: Template;
  resources: Resources;
  /** The whole template as one string, for "never contains" checks. */
  text: string;
  cleanUp(): void;
}

/**
 * Builds the app as bin/shegong.ts does (same defineApp, so cdk-nag runs as a validation plugin and an
 * unacknowledged finding makes this throw) and synthesizes it once. Bundling takes seconds: call it
 * once per variant in beforeAll.
 */
export function synth(context: Record<string, string> = {}): Synthesized {
  const app = new App({
    context: { ...cdkContext, ...context },
    outdir: mkdtempSync(join(tmpdir(), 'shegong-infra-')),
  });
  const stack = defineApp(app);
  const template = Template.fromStack(stack);
  const json = template.toJSON();
  return {
    app,
    stack,
    template,
    resources: json.Resources,
    text: JSON.stringify(json),
    cleanUp: () => rmSync(app.outdir, { recursive: true, force: true }),
  };
}

/** Every AwsSolutions finding (errors and warnings) that is not acknowledged, as `rule at path` lines. */
export function nagFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} (${v.severity}) at ${r.constructPath}`),
  );
}

/** Every acknowledgement (suppression) in the tree: rule id and reason. */
export function acknowledgements(scope: IConstruct): { id: string; reason: string; path: string }[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          id: id.replace(/^annotation::/i, ''),
          reason,
          path: c.node.path,
        })),
      ),
  );
}

/** CDK's own warnings and errors on the stack (deprecations, misconfigurations). */
export function cdkMessages(stack: ShegongStack): string[] {
  const annotations = Annotations.fromStack(stack);
  return [...annotations.findWarning('*', Match.anyValue()), ...annotations.findError('*', Match.anyValue())].map(
    (m) => `${m.id}: ${JSON.stringify(m.entry.data)}`,
  );
}

export function ofType(resources: Resources, type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

export function onlyOfType(resources: Resources, type: string): [string, Resource] {
  const found = ofType(resources, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as [string, Resource];
}

/** The API function (the other is the import worker, started by the table's stream). */
export function apiFunction(resources: Resources): [string, Resource] {
  const found = ofType(resources, 'AWS::Lambda::Function').filter(([, r]) =>
    String(r.Properties.Description ?? '').includes('API and web pages'),
  );
  if (found.length !== 1) throw new Error(`expected one API function, found ${found.length}`);
  return found[0] as [string, Resource];
}

/** The environment variables of the API function. */
export function functionEnvironment(resources: Resources): Record<string, unknown> {
  const [, fn] = apiFunction(resources);
  return (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

/** IAM statements of every inline policy in the template. */
export function policyStatements(
  resources: Resources,
): { Action: string | string[]; Resource: unknown; [key: string]: unknown }[] {
  return ofType(resources, 'AWS::IAM::Policy').flatMap(
    ([, r]) =>
      (r.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
  );
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
