import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md hold: functions → http | web → core → domain + store. Read from every
 * source file's imports, so a shortcut through the layers fails here before anyone has to spot it.
 */
const root = join(import.meta.dirname, '..', '..');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourcesOf(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module a package's files import (bare specifiers, their package part). */
function importsOf(pkg: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourcesOf(join(root, pkg))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /(?:import|export)[^'"]*?from\s+'([^'.][^']*)'|import\(\s*'([^'.][^']*)'\s*\)/g,
    )) {
      const spec = match[1] ?? match[2] ?? '';
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
      found.set(name, [...(found.get(name) ?? []), relative(root, file)]);
    }
  }
  return found;
}

const ours = (imports: Map<string, string[]>) => [...imports.keys()].filter((n) => n.startsWith('@shegong/')).sort();

describe('the layers', () => {
  it('domain imports nothing of ours', () => {
    expect(ours(importsOf('packages/domain'))).toEqual([]);
  });

  it('store imports only the domain', () => {
    expect(ours(importsOf('packages/store'))).toEqual(['@shegong/domain']);
  });

  it('core holds the use cases and knows no HTTP: no hono, no adapter', () => {
    const imports = importsOf('packages/core');
    expect(ours(imports)).toEqual(['@shegong/domain', '@shegong/sheets', '@shegong/store']);
    const http = [...imports.keys()].filter((n) => n === 'hono' || n.startsWith('@hono/'));
    expect(http.map((n) => imports.get(n))).toEqual([]);
  });

  it('http and web are sibling adapters: neither imports the other', () => {
    expect(ours(importsOf('packages/http'))).not.toContain('@shegong/web');
    expect(ours(importsOf('packages/web'))).not.toContain('@shegong/http');
  });

  it('each package declares the packages of ours it imports', () => {
    for (const pkg of ['packages/domain', 'packages/store', 'packages/core', 'packages/http', 'packages/web']) {
      const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((n) =>
        n.startsWith('@shegong/'),
      );
      expect({ pkg, imports: ours(importsOf(pkg)) }).toEqual({ pkg, imports: declared.sort() });
    }
  });
});
