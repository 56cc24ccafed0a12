/**
 * The built app (dist/, which `npm run bench` builds first): the gzip size of every chunk, what
 * index.html fetches before any dynamic import (the initial JavaScript), and how many chunks
 * carry the layout engine (ELK must ship once).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { row, type Row } from './measure';

const DIST = new URL('../dist/', import.meta.url);
/** A string only ELK's compiled code holds. */
const ELK_MARK = 'org.eclipse.elk';

const gzipKB = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;

/** The chunks index.html loads itself: its module scripts and the module preloads. */
function initialChunks(): string[] {
  const html = readFileSync(new URL('index.html', DIST), 'utf8');
  const found = new Set<string>();
  for (const match of html.matchAll(
    /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g,
  )) {
    found.add(match[1]!);
  }
  // Static imports between chunks, followed to their end (Vite preloads them, but be sure).
  const queue = [...found];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const code = readFileSync(new URL(file, DIST), 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const next = `assets/${match[1]!}`;
      if (found.has(next)) continue;
      found.add(next);
      queue.push(next);
    }
  }
  return [...found];
}

export function benchBundle(): Row[] {
  const assets = readdirSync(new URL('assets/', DIST)).filter((f) => f.endsWith('.js'));
  const rows: Row[] = [];
  const initial = initialChunks();
  const initialKB = initial.reduce((n, file) => n + gzipKB(readFileSync(new URL(file, DIST))), 0);
  rows.push(
    row({
      section: 'bundle',
      name: 'initial JavaScript (gzip)',
      input: initial.map((f) => f.replace(/^assets\//, '')).join(' + '),
      unit: 'KB',
      samples: [initialKB],
      budget: { kind: 'max', max: 200 },
    }),
  );
  const withElk = assets.filter((file) => readFileSync(new URL(`assets/${file}`, DIST), 'utf8').includes(ELK_MARK));
  rows.push(
    row({
      section: 'bundle',
      name: 'chunks that carry ELK',
      input: withElk.join(', ') || 'none',
      unit: 'count',
      samples: [withElk.length],
      budget: { kind: 'max', max: 1 },
    }),
  );
  for (const file of assets.sort()) {
    const bytes = readFileSync(new URL(`assets/${file}`, DIST));
    rows.push(
      row({
        section: 'bundle',
        name: file.replace(/-[\w-]{8}\.js$/, '.js'),
        input: `${Math.round(bytes.length / 1024)} KB raw`,
        unit: 'KB',
        samples: [gzipKB(bytes)],
        budget: { kind: 'none' },
      }),
    );
  }
  return rows;
}
