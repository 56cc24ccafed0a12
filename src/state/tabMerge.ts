import type { SourceFile } from '../core/model/source';
import { freeName } from '../workspace';

/**
 * What a merge did that the user must be told of: a file both tabs changed, and the name the
 * version that had to move got (`ours`: this tab's edit moved; else the other tab's).
 */
export type MergeConflict = { file: string; keptAs: string; moved: 'ours' | 'theirs' };

/**
 * Merges the files another tab saved (`theirs`) into this tab's (`ours`), file by file, against
 * `base`: the files as this tab last read them from storage. A file only one side changed takes
 * that side; one both changed keeps both, the second beside the first as `name-2.yaml`, so no
 * edit is ever overwritten in silence. Which version keeps the name depends on the texts alone
 * (the one that sorts first): two tabs that each merge the other's save end with the same files. `written` holds the texts this tab saved since `base`: theirs
 * being one of them means the other tab has merely caught up with us.
 */
export function mergeTabFiles(
  base: readonly SourceFile[],
  ours: readonly SourceFile[],
  theirs: readonly SourceFile[],
  written: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): { files: SourceFile[]; conflicts: MergeConflict[] } {
  const baseText = new Map(base.map((f) => [f.name, f.text]));
  const theirText = new Map(theirs.map((f) => [f.name, f.text]));
  const ourNames = new Set(ours.map((f) => f.name));
  const theirTexts = new Set(theirs.map((f) => f.text));
  const files: SourceFile[] = [];
  const conflicts: MergeConflict[] = [];
  const extra: (SourceFile & { moved: MergeConflict['moved'] })[] = [];

  for (const file of ours) {
    const was = baseText.get(file.name);
    const their = theirText.get(file.name);
    const oursChanged = file.text !== was;
    if (their === undefined) {
      // They closed it. If we never touched it, close it here too; else keep our edit.
      if (was !== undefined && !oursChanged) continue;
      files.push(file);
      continue;
    }
    const theirsChanged = their !== was && !written.get(file.name)?.has(their);
    if (!theirsChanged || their === file.text) files.push(file);
    // Ours is already among theirs (they merged it in, under another name): nothing is lost.
    else if (!oursChanged || theirTexts.has(file.text)) files.push({ name: file.name, text: their });
    else if (file.text <= their) {
      files.push(file);
      extra.push({ name: file.name, text: their, moved: 'theirs' });
    } else {
      files.push({ name: file.name, text: their });
      extra.push({ name: file.name, text: file.text, moved: 'ours' });
    }
  }
  for (const file of theirs) {
    // A file they opened (not one we closed since our last read).
    if (!ourNames.has(file.name) && !baseText.has(file.name)) files.push({ ...file });
  }
  for (const file of extra) {
    const keptAs = freeName(files, file.name);
    files.push({ name: keptAs, text: file.text });
    conflicts.push({ file: file.name, keptAs, moved: file.moved });
  }
  return { files, conflicts };
}
