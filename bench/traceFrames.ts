/**
 * Frame times while a trace animates on a 1,000-object graph, in the browser: `measureTraceFrames(page)`
 * opens Online Boutique copied into 28 namespaces (1,300 objects with their pods) as a share link
 * with every namespace open (about 1,040 boxes in the application view), plays a trace across it
 * and records the time between animation frames. For `npm run bench`; never a timed test.
 *
 * Alone: `npx tsx bench/traceFrames.ts http://127.0.0.1:4173/` against a served build.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { onlineBoutique } from './inputs';
import { DEFAULT_VIEW, encodeShareFragment, type Workspace } from '../src/workspace';
import { TEST_IDS, TRACE_IDS } from '../src/testIds';

export type TraceFrames = {
  /** 95th percentile of the time between two frames, ms */
  p95: number;
  /** the longest frame, ms */
  worst: number;
  /** frames recorded */
  frames: number;
};

export type TraceFramesOptions = {
  /** copies of Online Boutique, one namespace each (28 ≈ 1,000 objects before pods) */
  copies?: number;
  /** how long to record, from the moment the trace starts to play */
  durationMs?: number;
  /** the app's address (default: the page's baseURL, `/`) */
  appUrl?: string;
};

/** Online Boutique in `copies` namespaces, as a workspace with every namespace open and a trace across the middle one. */
export function largeTraceWorkspace(copies = 28): Workspace {
  const namespaces = Array.from({ length: copies }, (_, i) => `shop-${i}`);
  const middle = namespaces[Math.floor(copies / 2)]!;
  return {
    files: onlineBoutique(copies),
    activeFile: `${namespaces[0]}.yaml`,
    view: {
      ...DEFAULT_VIEW,
      viewMode: 'application',
      expandedStacks: [],
      collapsedGroups: [],
      // Opened by hand: the whole picture, as an app without closing would draw it.
      openedGroups: namespaces.map((n) => `ns:${n}`),
    },
    trace: { url: `http://frontend-external.${middle}.lb/`, from: '', step: 0 },
  };
}

/** Plays a trace on the 1,000-object picture and returns the frame-time p95 and worst, in ms. */
export async function measureTraceFrames(page: Page, options: TraceFramesOptions = {}): Promise<TraceFrames> {
  const { copies = 28, durationMs = 6000, appUrl = '/' } = options;
  const fragment = encodeShareFragment(largeTraceWorkspace(copies));
  await page.goto(`${appUrl.split('#')[0]}#${fragment}`);
  // The picture is drawn (React Flow renders the boxes in view: the camera frames the trace), all
  // of it (a new picture comes into the page in slices: the canvas is busy until the last), and has settled.
  await page.getByTestId(TEST_IDS.node).first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10, null, {
    timeout: 60_000,
  });
  await page.locator('[aria-label="Architecture diagram"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  // A string, not a function: tsx (esbuild) would wrap a function's inner names in a helper the page lacks.
  await page.evaluate(`(() => {
    const deltas = [];
    window.__traceFrames = new Promise((resolve) => {
      let last = 0;
      let start = 0;
      const tick = (now) => {
        if (last) deltas.push(now - last);
        else start = now;
        last = now;
        if (now - start < ${Number(durationMs)}) requestAnimationFrame(tick);
        else resolve(deltas);
      };
      requestAnimationFrame(tick);
    });
  })()`);
  await page.getByTestId(TRACE_IDS.run).click();
  const deltas = (await page.evaluate('window.__traceFrames')) as number[];
  const sorted = [...deltas].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p95: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0),
    worst: round(sorted.at(-1) ?? 0),
    frames: sorted.length,
  };
}

// Run alone: `npx tsx bench/traceFrames.ts URL` prints the figures of three runs.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    ...(readableChromium() ? { executablePath: readableChromium() } : {}),
    args: ['--disable-gpu', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  for (let run = 0; run < 3; run++)
    console.log(JSON.stringify(await measureTraceFrames(page, { appUrl: process.argv[2] })));
  await browser.close();
}

function readableChromium(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}
