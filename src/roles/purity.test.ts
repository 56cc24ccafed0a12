import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// src/roles is pure: the layout, the renderer, the inspector and a worker all read it, so it
// imports only src/core and itself (no React, DOM, zustand, React Flow or elkjs).
const ROOT = new URL('./', import.meta.url);
const files = (readdirSync(ROOT, { recursive: true }) as string[]).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
);

describe('src/roles imports', () => {
  it.each(files)('%s imports only src/core and src/roles', (name) => {
    const text = readFileSync(new URL(name, ROOT), 'utf8');
    const depth = name.split('/').length - 1;
    for (const [, target] of text.matchAll(/from '([^']+)'/g)) {
      expect(target!.startsWith('.'), `${name}: ${target}`).toBe(true);
      const up = target!.match(/^(\.\.\/)*/)![0].length / 3;
      if (up > depth) expect(target!.replace(/^(\.\.\/)+/, ''), `${name}: ${target}`).toMatch(/^core\//);
    }
  });
});
