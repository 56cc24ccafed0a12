import { lazy, Suspense, useState } from 'react';
import { SHARE_IDS } from '../testIds';
import type { DialogKind } from './ShareDialog';

// The dialogs load when first opened: redacting secrets needs the YAML parser, which the page
// does not otherwise carry.
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** The toolbar's Share and Embed buttons and their dialogs. */
export function ShareMenu() {
  const [open, setOpen] = useState<DialogKind | null>(null);
  return (
    <>
      <button
        className="button"
        data-testid={SHARE_IDS.shareButton}
        title="A link that carries your files, view and trace"
        onClick={() => setOpen('link')}
      >
        Share
      </button>
      <button
        className="button"
        data-testid={SHARE_IDS.embedButton}
        title="An <iframe> or Markdown snippet for a blog post"
        onClick={() => setOpen('embed')}
      >
        Embed
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog kind={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </>
  );
}
