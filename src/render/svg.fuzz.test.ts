import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSettings, fuzzTimeout } from '../core/fuzzSettings.testkit';
import type { PositionedGraph, PositionedNode } from '../layout/finishLayout';
import { groupNode, viewOnlyBox } from '../layout/viewNodes';
import { renderSvg } from './svg';
import { xmlProblems } from './xmlWellFormed.testkit';

// User text as an attacker writes it, mixed with any string at all.
const hostile = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onload='alert(1)",
    ']]><svg onload=alert(1)>',
    '&amp;&lt;&#x3c;',
    '</text><foreignObject><iframe src="javascript:alert(1)"/></foreignObject>',
    '\u0000\u0008\u001b[2J\ufffe\ud800',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const graph = fc
  .record({
    group: hostile,
    boxes: fc.array(fc.record({ title: hostile, subtitle: hostile, lines: fc.array(hostile, { maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    label: hostile,
  })
  .map(({ group, boxes, label }): PositionedGraph => {
    const nodes: PositionedNode[] = [
      { ...groupNode('g', group, group, undefined), x: 0, y: 0, width: 800, height: 600 },
    ];
    boxes.forEach((box, i) =>
      nodes.push({
        ...viewOnlyBox({ id: `b${i}`, role: 'registry', kind: 'Registry', parent: 'g', ...box }),
        x: 20,
        y: 40 + i * 120,
      }),
    );
    const edges = boxes.slice(1).map((_, i) => ({
      id: `e${i}`,
      source: `b${i}`,
      target: `b${i + 1}`,
      kind: 'routes' as const,
      label,
      dashed: false,
    }));
    return { nodes, edges, width: 800, height: 600 };
  });

const FORBIDDEN_TAGS = /<\s*(script|foreignObject|iframe|img|a|image|use|animate|set)\b/i;
const EVENT_ATTRIBUTE = /\son[a-z]+\s*=/i;

describe('renderSvg with any user text (property)', () => {
  it(
    'emits well-formed SVG in which user text is only ever text',
    () => {
      fc.assert(
        fc.property(graph, hostile, fc.constantFrom('light' as const, 'dark' as const), (positioned, title, theme) => {
          const svg = renderSvg(positioned, { theme, title });
          expect(xmlProblems(svg)).toEqual([]);
          expect(svg).not.toMatch(FORBIDDEN_TAGS);
          // Real tags only: in text, `<` is always escaped, so every `<…>` is markup we wrote.
          for (const tag of svg.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(EVENT_ATTRIBUTE);
          // eslint-disable-next-line no-control-regex
          expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        }),
        fuzzSettings(100),
      );
    },
    fuzzTimeout(100, 100),
  );
});
