/**
 * `npx tsx bench/browser.ts [--port 4322] [--runs 5]`: what a user feels in the browser, measured
 * with Playwright in Debian's chromium against the built app (`dist/`, made by `npx vite build`;
 * this script builds nothing). It starts `vite preview` on the port it is given, prints one JSON
 * line per measure, and stops the preview server it started.
 *
 * Measures: the JavaScript fetched before the first graph (page and workers apart), the cold
 * load to the first graph of the seed sample, keystroke → updated graph on the seed and at
 * 1,000 objects, the longest main-thread task while typing at 1,000 objects and while pasting
 * 10,000 lines, and whether an edit that changes no structure ran the layout again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/workspace';
import { onlineBoutique } from './inputs';
import { stats } from './measure';
import { largeTraceWorkspace, measureTraceFrames } from './traceFrames';

/** One measure, as bench/run.ts prints it. */
export type Row = { name: string; input: string; median: number; p95: number; runs: number; unit: string };

export type BrowserBenchOptions = {
  /** the port `vite preview` listens on (it must be free) */
  port: number;
  /** cold loads to time (the median is reported); 5 by default */
  runs?: number;
  /** keystrokes timed per input; 20 by default */
  keystrokes?: number;
  /** the project folder holding dist/ (this script's parent by default) */
  root?: string;
  /** chromium to drive; Debian's /usr/bin/chromium when it exists */
  executablePath?: string;
  /** called with each row as soon as it is measured */
  onRow?: (row: Row) => void;
};

const SEED = 'the seed sample (go-backend-k8s)';
const EDITOR = '[data-testid="editor"] .cm-content';

/** Online Boutique copied into `copies` namespaces, as one text (35 objects and 980 lines a copy). */
export function boutiqueCopies(copies: number): string {
  return onlineBoutique(copies)
    .map((file) => file.text.trimEnd())
    .join('\n---\n');
}

function row(name: string, input: string, samples: readonly number[], unit: string): Row {
  // The same median and p95 as every other section of the bench.
  const { median, p95 } = stats(samples);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name,
    input,
    median: round(median),
    p95: round(p95),
    runs: samples.length,
    unit,
  };
}

/**
 * What the page records for us, installed before any of its scripts: when the first graph box
 * was drawn, every main-thread long task, when the canvas took each graph, and how many
 * requests went to the layout worker (to tell whether an edit ran the layout again).
 */
function instrumentPage(): void {
  type Probe = {
    firstGraph?: number;
    longTasks: { start: number; duration: number }[];
    layoutRequests: number;
  };
  const probe: Probe = { longTasks: [], layoutRequests: 0 };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (String(url).includes('layout.worker')) {
        const post = this.postMessage.bind(this) as (message: unknown, transfer?: Transferable[]) => void;
        this.postMessage = (message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) => {
          probe.layoutRequests++;
          post(message, transfer as Transferable[]);
        };
      }
    }
  };
  // The first box that takes room on screen; its frame is the first graph.
  const watch = new MutationObserver(() => {
    const box = document.querySelector<HTMLElement>('[data-testid="graph-node"]');
    if (!box || box.getBoundingClientRect().width === 0) return;
    watch.disconnect();
    requestAnimationFrame(() => (probe.firstGraph = performance.now()));
  });
  watch.observe(document, { childList: true, subtree: true });
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx keeps function names with a `__name` helper that the page lacks; the functions sent there need it.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await context.addInitScript(instrumentPage);
  return context;
}

async function firstGraphMs(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __bench: { firstGraph?: number } }).__bench.firstGraph,
    null,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __bench: { firstGraph: number } }).__bench.firstGraph);
}

/** The number of graphs the canvas has taken so far. */
function graphVersion(page: Page): Promise<number> {
  return page.evaluate(() =>
    Number(document.querySelector('[data-graph-version]')?.getAttribute('data-graph-version') ?? 0),
  );
}

/**
 * Waits until the canvas has taken no new graph for `quietMs` and has drawn all of it (a new
 * picture comes into the page in slices, the canvas busy meanwhile), at most `maxMs`.
 */
async function settle(page: Page, quietMs = 1500, maxMs = 60_000): Promise<void> {
  const start = Date.now();
  let version = await graphVersion(page);
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await page.waitForTimeout(100);
    const now = await graphVersion(page);
    if (now !== version) {
      version = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) break;
  }
  await page
    .locator('[aria-label="Architecture diagram"][aria-busy="false"]')
    .waitFor({ timeout: Math.max(1000, maxMs - (Date.now() - start)) });
}

/**
 * Presses `key` and times, in the page, the key press to the first frame after the canvas took
 * the graph of the new text. Returns milliseconds.
 */
async function keystrokeToGraph(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __key?: Promise<number> };
    const marker = document.querySelector('[data-graph-version]')!;
    const before = marker.getAttribute('data-graph-version');
    w.__key = new Promise<number>((resolve) => {
      let pressed = 0;
      const onKey = () => (pressed = performance.now());
      document.addEventListener('keydown', onKey, { capture: true, once: true });
      const watch = new MutationObserver(() => {
        if (marker.getAttribute('data-graph-version') === before) return;
        watch.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - pressed));
      });
      watch.observe(marker, { attributes: true });
      // No new graph at all (a layout that failed, a workspace too big): say so rather than wait forever.
      setTimeout(() => {
        watch.disconnect();
        resolve(-1);
      }, 20_000);
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __key: Promise<number> }).__key);
}

/** Puts the editor's cursor at the end of the first line holding `needle`. */
async function cursorAfter(page: Page, needle: string): Promise<void> {
  await page.evaluate((text) => {
    const content = document.querySelector<HTMLElement>('[data-testid="editor"] .cm-content');
    // What EditorView.findFromDOM reads (CodeMirror 6.4x: cmTile.root.view; older: cmView.rootView.view).
    type Holder = { cmTile?: { root?: { view?: unknown } }; cmView?: { rootView?: { view?: unknown } } };
    const holder = content as unknown as Holder | null;
    const view = (holder?.cmTile?.root?.view ?? holder?.cmView?.rootView?.view) as
      | {
          state: { doc: { toString(): string } };
          dispatch(spec: unknown): void;
          focus(): void;
        }
      | undefined;
    if (!view) throw new Error('no editor');
    const doc = view.state.doc.toString();
    const at = doc.indexOf(text);
    if (at < 0) throw new Error(`"${text}" is not in the editor`);
    const end = doc.indexOf('\n', at);
    view.dispatch({ selection: { anchor: end < 0 ? doc.length : end }, scrollIntoView: true });
    view.focus();
  }, needle);
}

/** Replaces the editor's text as a paste of `text` would (one clipboard event, as Ctrl+V makes). */
async function pasteAll(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const target = document.querySelector('[data-testid="editor"] .cm-content')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The longest main-thread task the page saw after `since` (performance.now() time). */
function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }).__bench.longTasks
          .filter((t) => t.start + t.duration >= from)
          .map((t) => t.duration),
      ),
    since,
  );
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** JavaScript the page and its workers fetched before the first graph, gzipped as a server would send it. */
async function initialJavaScript(browser: Browser, url: string): Promise<Row[]> {
  const context = await newContext(browser);
  const bodies = new Map<string, Buffer>();
  const reading: Promise<void>[] = [];
  context.on('response', (response) => {
    if (!/\.m?js(\?|$)/.test(response.url())) return;
    reading.push(
      response.body().then(
        (body) => void bodies.set(response.url(), body),
        () => {},
      ),
    );
  });
  const page = await context.newPage();
  await page.goto(url);
  const firstGraph = await firstGraphMs(page);
  await Promise.all(reading);
  // The page's own timeline lists what its main thread fetched, and when; each worker keeps its own.
  const pageScripts = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js(\?|$)/.test(e.name) && e.startTime <= until)
        .map((e) => e.name),
    firstGraph,
  );
  const workerScripts = new Set<string>();
  for (const worker of page.workers()) {
    workerScripts.add(worker.url());
    const fetched = await worker
      .evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
      .catch(() => [] as string[]);
    for (const name of fetched) if (/\.m?js(\?|$)/.test(name)) workerScripts.add(name);
  }
  const gzip = (names: Iterable<string>) =>
    [...new Set(names)].reduce((sum, name) => sum + gzipSync(bodies.get(name) ?? Buffer.alloc(0)).length, 0);
  const pageOnly = pageScripts.filter((name) => !workerScripts.has(name));
  // ELK's compiled code carries its Java package name: count the fetched scripts that hold it.
  const elkCopies = [...bodies.values()].filter((body) => body.includes('org.eclipse.elk')).length;
  await context.close();
  const files = (names: string[]) => names.map((n) => n.replace(/^.*\//, '')).join(', ');
  console.error(`page JS before the first graph: ${files(pageOnly)}`);
  console.error(`worker JS: ${files([...workerScripts])}`);
  return [
    row('initial JS (page, before first graph)', SEED, [gzip(pageOnly) / 1024], 'KB gzip'),
    row('worker JS fetched at start', SEED, [gzip(workerScripts) / 1024], 'KB gzip'),
    row('ELK copies fetched at start', SEED, [elkCopies], 'count'),
  ];
}

async function coldFirstGraph(browser: Browser, url: string, runs: number): Promise<Row> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A fresh context each run: no HTTP cache, no saved workspace, so the seed sample opens.
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    samples.push(await firstGraphMs(page));
    await context.close();
  }
  return row('cold load → first graph', SEED, samples, 'ms');
}

/** What typing measured: the first keystroke on its own, then the steady state. */
type Typing = { first: number[]; steady: number[] };

/**
 * Types at the end of the line holding `needle`: first two letters and two Backspaces (the text
 * is as it was; the first key is timed on its own: the page's code runs cold, as at a user's
 * first keystroke), then `count` keys, half letters, half Backspace, timed: the steady state
 * of someone typing, as the core section times its keystrokes after five untimed ones.
 */
async function typing(page: Page, needle: string, count: number): Promise<Typing> {
  await cursorAfter(page, needle);
  await page.waitForTimeout(300);
  const press = async (keys: string[]): Promise<number[]> => {
    const samples: number[] = [];
    for (const [i, key] of keys.entries()) {
      const ms = await keystrokeToGraph(page, key);
      if (ms < 0) {
        console.error(`no new graph within 20 s of keystroke ${i + 1} at "${needle}": typing stopped`);
        break;
      }
      samples.push(ms);
    }
    return samples;
  };
  const warm = await press(['x', 'x', 'Backspace', 'Backspace']);
  const keys = Array.from({ length: count }, (_, i) => (i < count / 2 ? 'x' : 'Backspace'));
  return { first: warm.slice(0, 1), steady: warm.length === 4 ? await press(keys) : [] };
}

/** The two rows of a typing run. */
function typingRows(input: string, typed: Typing): Row[] {
  return [
    row('first keystroke → updated graph', input, typed.first, 'ms'),
    row('keystroke → updated graph', input, typed.steady, 'ms'),
  ];
}

/** Every measure, against `vite preview` started on `options.port`; the server is stopped after. */
export async function measureBrowser(options: BrowserBenchOptions): Promise<Row[]> {
  const root = options.root ?? join(dirname(fileURLToPath(import.meta.url)), '..');
  const runs = options.runs ?? 5;
  const keystrokes = options.keystrokes ?? 20;
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist/ is not built: run `npx vite build` first');
  const executablePath = options.executablePath ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const server = await startPreview(root, options.port);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const rows: Row[] = [];
  const add = (r: Row) => {
    rows.push(r);
    options.onRow?.(r);
  };
  try {
    const url = `http://127.0.0.1:${options.port}/`;
    for (const r of await initialJavaScript(browser, url)) add(r);
    add(await coldFirstGraph(browser, url, runs));

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    await firstGraphMs(page);
    await page.locator(EDITOR).waitFor();
    await settle(page, 800);
    for (const r of typingRows(SEED, await typing(page, '- name: golang-backend-api', keystrokes))) add(r);

    // An edit that changes no structure (a comment, then an env value) must not reach the layout.
    const layoutRequests = () =>
      page.evaluate(() => (window as unknown as { __bench: { layoutRequests: number } }).__bench.layoutRequests);
    const before = await layoutRequests();
    await cursorAfter(page, 'imagePullPolicy: Always');
    await page.keyboard.type(' # pulled each start', { delay: 20 });
    await cursorAfter(page, 'sslmode=disable');
    await page.keyboard.type('&connect_timeout=5', { delay: 20 });
    await settle(page, 800);
    add(row('layout runs after comment and env edits', SEED, [(await layoutRequests()) - before], 'count'));

    // 10,000 lines pasted over the seed: the longest task from the paste until the graph settles.
    const paste = boutiqueCopies(11);
    const pasteStart = await now(page);
    await pasteAll(page, paste);
    await settle(page, 2000, 120_000);
    add(
      row(
        'longest task while pasting',
        `${paste.split('\n').length.toLocaleString('en')} lines`,
        [await longestTaskSince(page, pasteStart)],
        'ms',
      ),
    );

    // 1,000 objects (Online Boutique in 28 namespaces) pasted, as the app draws them (past 300
    // boxes most groups start closed); typing in a Service's name, a box's title, redraws.
    const big = boutiqueCopies(28);
    await pasteAll(page, big);
    await settle(page, 2000, 120_000);
    const drawnInput = `${(28 * 35).toLocaleString('en')} objects, as drawn`;
    const drawnStart = await now(page);
    const needle = 'kind: Service\nmetadata:\n  namespace: shop-0\n  name: frontend';
    for (const r of typingRows(drawnInput, await typing(page, needle, keystrokes))) add(r);
    add(row('longest task while typing', drawnInput, [await longestTaskSince(page, drawnStart)], 'ms'));
    await context.close();

    // 1,000 objects (Online Boutique in 28 namespaces, a file each), every namespace open (the
    // worst case: an app that closes groups on its own draws far less), then typing in it: the
    // Service's name is a box's title, so each keystroke redraws.
    const bigContext = await newContext(browser);
    const bigPage = await bigContext.newPage();
    const { trace: _trace, ...workspace } = largeTraceWorkspace(28);
    await bigPage.goto(`${url}#${encodeShareFragment(workspace)}`);
    await firstGraphMs(bigPage);
    await bigPage.locator(EDITOR).waitFor();
    await settle(bigPage, 2000, 120_000);
    const bigInput = `${(28 * 35).toLocaleString('en')} objects, all open`;
    const typingStart = await now(bigPage);
    for (const r of typingRows(bigInput, await typing(bigPage, needle, keystrokes))) add(r);
    add(row('longest task while typing', bigInput, [await longestTaskSince(bigPage, typingStart)], 'ms'));
    await bigContext.close();

    // A trace playing on the 1,000-object picture, every namespace open: the time between frames.
    const traceContext = await newContext(browser);
    const frames = await measureTraceFrames(await traceContext.newPage(), { appUrl: url });
    const traceInput = `${(28 * 35).toLocaleString('en')} objects, ${frames.frames} frames`;
    add({ ...row('trace animation frame', traceInput, [frames.p95], 'ms'), p95: frames.p95 });
    add(row('trace animation worst frame', traceInput, [frames.worst], 'ms'));
    await traceContext.close();
  } finally {
    await browser.close();
    await stopPreview(server);
  }
  return rows;
}

/** Starts vite's own process (not an npx wrapper) so that stopping it stops the server. */
async function startPreview(root: string, port: number): Promise<ChildProcess> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let failed = '';
  server.stderr?.on('data', (chunk: Buffer) => (failed += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview stopped: ${failed.trim()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopPreview(server);
  throw new Error(`vite preview did not answer on port ${port} within 30 s`);
}

async function stopPreview(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  await measureBrowser({
    port: Number(arg('port') ?? process.env.E2E_PORT ?? 4322),
    runs: Number(arg('runs') ?? 5),
    keystrokes: Number(arg('keystrokes') ?? 20),
    onRow: (r) => console.log(JSON.stringify(r)),
  });
}
