import { decodeBytes } from '../core/parse/encoding';
import type { AppStore } from '../state/store';
import { decodeWorkspace } from '../workspace';

const YAML_NAME = /\.(ya?ml|json)$/i;

/** Adds dropped or opened files to the workspace as new tabs; returns the names used. */
export async function addFilesToWorkspace(store: AppStore, files: readonly File[]): Promise<string[]> {
  const names: string[] = [];
  for (const file of files) {
    // UTF-16 and Latin-1 files are read as what they are; binary stays as UTF-8 would read it,
    // so the problems list names it (INPUT-ENCODING).
    const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    const text = decoded.encoding === 'binary' ? await file.text() : decoded.text;
    // A downloaded workspace (Download workspace, when saving failed) opens as its files.
    if (/\.portolan\.json$/i.test(file.name)) {
      const decoded = decodeWorkspace(text);
      if (decoded.ok) {
        for (const saved of decoded.workspace.files) names.push(store.getState().addFile(saved.name, saved.text));
        continue;
      }
    }
    const name = YAML_NAME.test(file.name) ? file.name : `${file.name}.yaml`;
    names.push(store.getState().addFile(name, text));
  }
  return names;
}
