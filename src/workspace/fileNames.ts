import type { SourceFile } from '../core/model/source';

/** A file name that is not taken yet, based on `wanted` (`a.yaml` → `a-2.yaml`). */
export function freeName(files: readonly SourceFile[] | ReadonlySet<string>, wanted: string): string {
  const taken: ReadonlySet<string> = 'has' in files ? files : new Set(files.map((f) => f.name));
  if (!taken.has(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const stem = dot > 0 ? wanted.slice(0, dot) : wanted;
  const ext = dot > 0 ? wanted.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
