import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer table (README.md, "How the code is laid out") is enforced by eslint.config.js;
// these snippets prove the rules bite where they should and nowhere else.
const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layer rules', () => {
  it.each([
    ['src/canvas/Probe.tsx', "import { createAppStore } from '../state/store';"],
    ['src/canvas/Probe.tsx', "import { App } from '../ui/App';"],
    ['src/canvas/nested/Probe.tsx', "import type { Store } from '../../state/store';"],
    ['src/core/trace/probe.ts', "import { buildViewGraph } from '../../layout/viewGraph';"],
    ['src/core/probe.ts', "import { layoutGraph } from '../layout/layoutGraph';"],
    ['src/core/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/probe.ts', "import { useState } from 'react';"],
    ['src/layout/probe.ts', "import { create } from 'zustand';"],
    ['src/state/probe.ts', "import { ReactFlow } from '@xyflow/react';"],
    ['src/state/probe.ts', "import { Canvas } from '../canvas/Canvas';"],
    ['src/state/probe.ts', "import { TEST_IDS } from '../testIds';"],
    ['src/ui/probe.ts', "import { Handle } from '@xyflow/react';"],
    ['src/ui/probe.ts', "import { runCli } from '../cli/main';"],
    ['src/workspace/probe.ts', "import { buildViewGraph } from '../layout/viewGraph';"],
    ['src/workspace/probe.ts', "import { createAppStore } from '../state/store';"],
    ['src/workers/probe.ts', "import { analyze } from '../core/analyze';"],
    ['src/render/probe.ts', "import { Canvas } from '../canvas/Canvas';"],
    ['src/cli/probe.ts', "import { createRoot } from 'react-dom/client';"],
    ['src/testIds.ts', "import { analyze } from './core/analyze';"],
    ['src/core/trace/probe.ts', "import { topologyOf } from './testTopology';"],
    ['src/render/probe.ts', "import { xmlProblems } from './xmlWellFormed.testkit';"],
    ['src/core/trace/kubernetes/probe.ts', "import { TopologyBuilder } from './testTopology.testkit';"],
    ['src/layout/probe.ts', "import { cases } from './viewGraph.test';"],
    ['e2e/pages/Probe.ts', "import { createAppStore } from '../../src/state/store';"],
    // A test beside the core may read fixtures, but it still may not reach above the core.
    ['src/core/probe.test.ts', "import { buildViewGraph } from '../layout/viewGraph';"],
  ])('rejects in %s: %s', async (filePath, code) => {
    const errors = await importErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may not import|Test helpers/);
  });

  it('names both places and the table in its message', async () => {
    expect(await importErrors('src/canvas/Probe.tsx', "import { createAppStore } from '../state/store';")).toEqual([
      expect.stringContaining('src/canvas may not import src/state: see the layer table in README.md.'),
    ]);
  });

  it.each([
    ['src/canvas/Probe.tsx', "import { ReactFlow } from '@xyflow/react';\nimport { TEST_IDS } from '../testIds';"],
    ['src/canvas/Probe.tsx', "import type { PositionedGraph } from '../layout/finishLayout';"],
    [
      'src/ui/Probe.tsx',
      "import { Canvas } from '../canvas/Canvas';\nimport { createAppStore } from '../state/store';",
    ],
    [
      'src/state/probe.ts',
      "import { decodeWorkspace } from '../workspace';\nimport { workerClient } from '../workers/workerClient';",
    ],
    ['src/layout/probe.ts', "import { workerClient } from '../workers/workerClient';\nimport ELK from 'elkjs';"],
    [
      'src/workspace/probe.ts',
      "import type { ViewMode } from '../layout/viewGraph';\nimport { analyze } from '../core/analyze';",
    ],
    [
      'src/core/trace/probe.ts',
      "import { parseUrl } from './url';\nimport type { Topology } from '../model/topology';",
    ],
    ['src/core/probe.test.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/trace/probe.test.ts', "import { topologyOf } from './testTopology';"],
    ['src/cli/probe.ts', "import { readFileSync } from 'node:fs';\nimport { renderSvg } from '../render/svg';"],
    ['e2e/pages/Probe.ts', "import { TEST_IDS } from '../../src/testIds';"],
    ['src/main.tsx', "import { App } from './ui/App';\nimport { createAppStore } from './state/store';"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });
});
