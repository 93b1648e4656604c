import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The import graph of the project's own code (docs/architecture.md, "Which part may import which"):
// no cycles, type-only imports included. The layer rules themselves are lint rules (eslint.config.js).

const root = fileURLToPath(new URL('..', import.meta.url));
const parts = ['contract', 'widget', 'host-page', 'sdk', 'demo', 'mock-api', 'e2e', 'scripts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of parts.flatMap((part) => sources(join(root, part)))) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
    edges.set(
      file,
      specs.map((spec) => resolveImport(file, spec)).filter((target): target is string => target !== undefined),
    );
  }
  return edges;
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(path.slice(path.indexOf(next)).map((f) => relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return found;
}

test('the project has no import cycle', () => {
  const edges = graph();
  expect(edges.size).toBeGreaterThan(300);
  expect(cycles(edges)).toEqual([]);
});

test('the cycle finder finds a cycle', () => {
  const edges = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  expect(cycles(edges).map((cycle) => cycle.length)).toEqual([3]);
});
