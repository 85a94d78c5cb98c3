import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest files first, so that no long file starts last and leaves one worker busy while the other
 * waits. Vitest's own order does this from its cache of past durations; a fresh clone (CI) has no
 * cache, and vitest then runs larger files first. Some of the longest files are small, though: the
 * isolation matrix's files (matrix-*.test.ts) declare their families of cases in a few lines and
 * hold everything else in ./matrix.ts. So without a cache, a file weighs its own size plus the size
 * of the modules beside it that it imports (`./x.ts`), and the heaviest go first. Projects keep
 * vitest's order (by name, one after another), so each worker keeps reusing its modules
 * (`isolate: false`) within a project.
 */
export default class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cached = (spec: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
    if (files.every(cached)) return super.sort(files);
    const weights = new Map(files.map((spec) => [spec, weight(spec.moduleId)]));
    return [...files].sort((a, b) => {
      if (a.project.name !== b.project.name) return a.project.name < b.project.name ? -1 : 1;
      return weights.get(b)! - weights.get(a)!;
    });
  }
}

/** A test file's size plus that of the modules beside it it imports. */
function weight(file: string): number {
  const text = readFileSync(file, 'utf8');
  const siblings = [...text.matchAll(/from '\.\/([\w.-]+\.tsx?)'/g)].map((m) => join(dirname(file), m[1]!));
  return text.length + siblings.reduce((sum, path) => sum + (statSync(path, { throwIfNoEntry: false })?.size ?? 0), 0);
}
