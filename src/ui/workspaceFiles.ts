import type { AppStore } from '../state/store';

const YAML_NAME = /\.(ya?ml|json)$/i;

/** Adds dropped or opened files to the workspace as new tabs; returns the names used. */
export async function addFilesToWorkspace(store: AppStore, files: readonly File[]): Promise<string[]> {
  const names: string[] = [];
  for (const file of files) {
    const text = await file.text();
    const name = YAML_NAME.test(file.name) ? file.name : `${file.name}.yaml`;
    names.push(store.getState().addFile(name, text));
  }
  return names;
}
