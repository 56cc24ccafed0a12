import type { SourceFile } from '../model/source';

/** The mistakes a presenter can make on purpose, to show what each one does. */
export type BreakId = 'wrong-target-port' | 'removed-label' | 'deleted-ingress-rule' | 'unpublished-port';

/** One mistake, made on a copy of the files. */
export type Breakage = {
  id: BreakId;
  /** the toggle's label: `Wrong targetPort` */
  label: string;
  /** what was changed, for the caption: `Service api: targetPort 8080 → 8081` */
  change: string;
  /** the files with the mistake in them; every other file and line as it was */
  files: SourceFile[];
};
