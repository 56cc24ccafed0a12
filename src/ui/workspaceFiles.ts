import { decodeBytes } from '../core/parse/encoding';
import type { AppStore } from '../state/store';
import { decodeWorkspace, mergeFiles } from '../workspace';

// YAML, and the files Compose reads beside it (a `.env`, an nginx `*.conf`), keep their names.
const KEPT_NAME = /\.(ya?ml|json|conf)$|(^|\.)env(\.|$)/i;
/** What the Share dialog downloads: a whole workspace, opened back into tabs. */
const WORKSPACE_FILE = /\.portolan\.json$/i;

/**
 * Adds dropped or opened files to the workspace as new tabs; returns the names used. A
 * `.portolan.json` workspace file adds its files as tabs (never replacing a local one) and brings
 * its trace into the trace bar; one that cannot be read opens as a plain tab like any text.
 */
export async function addFilesToWorkspace(store: AppStore, files: readonly File[]): Promise<string[]> {
  const names: string[] = [];
  for (const file of files) {
    // UTF-16 and Latin-1 files are read as what they are; binary stays as UTF-8 would read it,
    // so the problems list names it (INPUT-ENCODING).
    const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    const text = decoded.encoding === 'binary' ? await file.text() : decoded.text;
    if (WORKSPACE_FILE.test(file.name)) {
      const result = decodeWorkspace(text);
      if (result.ok) {
        const state = store.getState();
        const merged = mergeFiles(state.files, result.workspace.files, state.activeFile);
        const trace = result.workspace.trace;
        store.setState({
          files: merged.files,
          activeFile: merged.activeFile,
          ...(trace ? { traceUrl: trace.url, traceFrom: trace.from } : {}),
        });
        names.push(...merged.added);
        continue;
      }
    }
    const name = KEPT_NAME.test(file.name) ? file.name : `${file.name}.yaml`;
    names.push(store.getState().addFile(name, text));
  }
  return names;
}
