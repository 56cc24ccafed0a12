import { useEffect, useState } from 'react';
import type { ExportSource } from '../render/exports';
import type { Theme } from '../roles';
import type { AppStore, Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { EXPORT_IDS } from '../testIds';
import { copyText, saveFile, saveText, svgToPng } from './exportFiles';
import './exportMenu.css';
import { useMenu } from './useMenu';

const selectHasGraph = (s: Store) => s.positioned !== null && s.positioned.nodes.length > 0;
const selectHasTrace = (s: Store) => (s.trace?.hops.length ?? 0) > 0;

type ExportAction = 'svg' | 'png' | 'animated-svg' | 'html' | 'mermaid';

/** How long a confirmation stays under the button. */
const STATUS_MS = 4000;

/** The theme the canvas shows now: "system" resolved as the page resolves it. */
function shownTheme(store: AppStore): Theme {
  const { theme } = store.getState();
  if (theme !== 'system') return theme;
  return store.env.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * What is on screen, as the exports take it: the store's laid-out graph (the canvas's places,
 * view and layers), its topology, the current trace and the theme shown. A fresh id seed per
 * export, so two exports pasted into one page never share an id.
 */
function currentSource(store: AppStore): ExportSource | undefined {
  const state = store.getState();
  if (!state.positioned) return undefined;
  return {
    positioned: state.positioned,
    topology: state.topology,
    theme: shownTheme(store),
    trace: state.trace,
    ...(state.traceUrl.trim() ? { traceUrl: state.traceUrl.trim() } : {}),
    ...(state.traceFrom ? { traceFrom: state.traceFrom } : {}),
    idSeed: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
  };
}

/** Makes one export and hands it to the browser; returns the confirmation to show. */
async function runExport(store: AppStore, action: ExportAction): Promise<string> {
  const source = currentSource(store);
  if (!source) return 'Nothing to export yet.';
  // The exporters load on the first export: the page starts without them.
  const { exportAnimatedSvg, exportHtml, exportMermaid, exportSvg } = await import('../render/exports');
  switch (action) {
    case 'svg':
      saveText(exportSvg(source), 'portolan.svg', 'image/svg+xml');
      return 'Saved portolan.svg';
    case 'png': {
      const { blob, width, height } = await svgToPng(exportSvg(source), 2);
      saveFile(blob, 'portolan.png');
      return `Saved portolan.png (${width}×${height})`;
    }
    case 'animated-svg': {
      const svg = exportAnimatedSvg(source);
      if (!svg) return 'Trace a request first.';
      saveText(svg, 'portolan-trace.svg', 'image/svg+xml');
      return 'Saved portolan-trace.svg';
    }
    case 'html':
      saveText(exportHtml(source), 'portolan.html', 'text/html');
      return 'Saved portolan.html';
    case 'mermaid':
      await copyText(exportMermaid(source, true));
      return 'Copied a Mermaid flowchart to the clipboard';
  }
}

const ITEMS: { action: ExportAction; testId: string; title: string; description: string; needsTrace?: boolean }[] = [
  {
    action: 'svg',
    testId: EXPORT_IDS.svg,
    title: 'SVG',
    description: 'The picture as shown: self-contained, scales to any size',
  },
  { action: 'png', testId: EXPORT_IDS.png, title: 'PNG (2×)', description: 'Sharp on high-density screens' },
  {
    action: 'animated-svg',
    testId: EXPORT_IDS.animatedSvg,
    title: 'Animated SVG of the trace',
    description: 'The request hop by hop, animated with CSS: no script',
    needsTrace: true,
  },
  {
    action: 'html',
    testId: EXPORT_IDS.html,
    title: 'HTML file',
    description: 'One page that works offline: the picture, the animated trace and its hops',
  },
  {
    action: 'mermaid',
    testId: EXPORT_IDS.mermaid,
    title: 'Copy as Mermaid',
    description: 'A flowchart GitHub, GitLab and many blogs render from Markdown',
  },
];

/** The Export menu: the picture as SVG, PNG, animated SVG, HTML, or Mermaid on the clipboard. */
export function ExportMenu() {
  const store = useStoreApi();
  const hasGraph = useAppStore(selectHasGraph);
  const hasTrace = useAppStore(selectHasTrace);
  const { open, setOpen, root } = useMenu();
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const choose = (action: ExportAction) => {
    setOpen(false);
    runExport(store, action).then(
      (text) => setStatus({ text, failed: false }),
      (error: unknown) =>
        setStatus({ text: `Export failed: ${error instanceof Error ? error.message : String(error)}`, failed: true }),
    );
  };

  return (
    <div className="menu export-menu" ref={root}>
      <button
        className="button"
        data-testid={EXPORT_IDS.button}
        aria-expanded={open}
        aria-haspopup="menu"
        disabled={!hasGraph}
        title={hasGraph ? 'Export the picture' : 'Nothing to export yet'}
        onClick={() => {
          // Fetch the exporters while the user picks a format (the clipboard wants a quick answer).
          if (!open) void import('../render/exports');
          setOpen((o) => !o);
        }}
      >
        Export ▾
      </button>
      {open && hasGraph && (
        <ul className="menu-list export-menu-list" role="menu">
          {ITEMS.map((item) => {
            const disabled = item.needsTrace && !hasTrace;
            return (
              <li key={item.action} role="none">
                <button
                  role="menuitem"
                  className="menu-item"
                  data-testid={item.testId}
                  disabled={disabled}
                  title={disabled ? 'Trace a request first' : undefined}
                  onClick={() => choose(item.action)}
                >
                  <span className="menu-item-title">{item.title}</span>
                  <span className="menu-item-description">
                    {disabled ? 'Trace a request first (the trace bar)' : item.description}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {status && (
        <span
          className={status.failed ? 'export-status export-status-failed' : 'export-status'}
          role="status"
          data-testid={EXPORT_IDS.status}
        >
          {status.text}
        </span>
      )}
    </div>
  );
}
