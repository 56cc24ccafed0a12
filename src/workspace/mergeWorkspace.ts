import type { SourceFile } from '../core/model/source';
import { freeName } from './fileNames';

/** The files after adding another workspace's files as tabs, and the names those tabs got. */
export type MergedFiles = { files: SourceFile[]; added: string[]; activeFile: string };

/**
 * Adds `incoming` files after `current` ones as new tabs: nothing local is replaced or lost. A
 * file identical to one already open (same name, same text) is not added twice; a name that is
 * taken gets a fresh one (`deployment-2.yaml`). The active file is the first added one, or the
 * local one when nothing was added.
 */
export function mergeFiles(
  current: readonly SourceFile[],
  incoming: readonly SourceFile[],
  currentActive: string,
): MergedFiles {
  const files = current.map((f) => ({ ...f }));
  const added: string[] = [];
  for (const file of incoming) {
    if (files.some((f) => f.name === file.name && f.text === file.text)) continue;
    const name = freeName(files, file.name);
    files.push({ name, text: file.text });
    added.push(name);
  }
  return { files, added, activeFile: added[0] ?? currentActive };
}
