import { useEffect, useId, useMemo, useState } from 'react';
import { useStoreApi } from '../state/StoreProvider';
import { shareableWorkspaceOf } from '../state/workspaceState';
import { SHARE_IDS } from '../testIds';
import { encodeShareFragment, encodeWorkspace, LONG_LINK_LENGTH, type Workspace } from '../workspace';
import { redactSecrets } from '../workspace/redactSecrets';
import { appBaseUrl, copyText, downloadText, embedUrl, shareLinkUrl } from './pageAddress';

/** Which dialog: the link, or the embed snippets. */
export type DialogKind = 'link' | 'embed';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fileStem(workspace: Workspace): string {
  const first = workspace.files[0]?.name.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-');
  return first || 'workspace';
}

function kilobytes(length: number): string {
  return `${(length / 1024).toFixed(1)} KB`;
}

/** One text to copy, with its Copy button. */
function CopyField({ label, value, testId, rows }: { label: string; value: string; testId: string; rows?: number }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const id = useId();
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <div className="share-field-row">
        {rows ? (
          <textarea
            id={id}
            readOnly
            rows={rows}
            value={value}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <input id={id} readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button
          className="button"
          data-testid={SHARE_IDS.copy}
          onClick={() => void copyText(value).then((ok) => setCopied(ok ? 'yes' : 'no'))}
        >
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'no' && <p className="share-note">The browser refused the clipboard: select the text and copy it.</p>}
    </div>
  );
}

/** The Share dialog (a link) or the Embed dialog (snippets), built from the workspace as it is now. */
export function ShareDialog({ kind, onClose }: { kind: DialogKind; onClose: () => void }) {
  const store = useStoreApi();
  const titleId = useId();
  const [snapshot] = useState(() => shareableWorkspaceOf(store.getState()));
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [theme, setTheme] = useState<'' | 'light' | 'dark'>('');
  const [autoplay, setAutoplay] = useState(false);
  const redaction = useMemo(() => redactSecrets(snapshot.files), [snapshot]);
  const workspace = useMemo<Workspace>(
    () => (includeSecrets ? snapshot : { ...snapshot, files: redaction.files }),
    [snapshot, includeSecrets, redaction],
  );
  const fragment = useMemo(() => encodeShareFragment(workspace), [workspace]);
  const base = appBaseUrl();
  const link = shareLinkUrl(base, fragment);
  const embed = embedUrl(base, fragment, { ...(theme ? { theme } : {}), autoplay: autoplay && !!snapshot.trace });
  const shown = kind === 'link' ? link : embed;
  const long = shown.length > LONG_LINK_LENGTH;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const iframe = `<iframe src="${escapeHtml(embed)}" title="Architecture diagram (Portolan)" width="800" height="500" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  const picture = new URL('social.png', base).href;
  const markdown = `[![Architecture diagram, open it in Portolan](${picture})](${link})`;

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={SHARE_IDS.dialog}
        data-kind={kind}
      >
        <header className="modal-header">
          <h2 id={titleId}>{kind === 'link' ? 'Share a link' : 'Embed in a page'}</h2>
          <button
            className="button icon-button"
            aria-label="Close"
            data-testid={SHARE_IDS.dialogClose}
            onClick={onClose}
            autoFocus
          >
            ×
          </button>
        </header>
        <p className="share-note">
          The link holds your files, view{snapshot.trace ? ', trace' : ''} and zoom after the <code>#</code>, which
          browsers never send to a server: whoever opens it sees exactly this, in their own browser.
        </p>
        <label className="share-secrets">
          <input
            type="checkbox"
            checked={includeSecrets}
            data-testid={SHARE_IDS.includeSecrets}
            onChange={(e) => setIncludeSecrets(e.currentTarget.checked)}
          />
          Include secrets
          <span className="share-note" data-testid={SHARE_IDS.secretCount} data-count={redaction.count}>
            {redaction.count === 0
              ? ' (none found)'
              : includeSecrets
                ? ` — ${redaction.count} secret value${redaction.count === 1 ? '' : 's'} will be in the link`
                : ` — ${redaction.count} secret value${redaction.count === 1 ? ' is' : 's are'} replaced by <redacted> or ••••`}
          </span>
        </label>
        {kind === 'link' ? (
          <CopyField label="Link" value={link} testId={SHARE_IDS.link} />
        ) : (
          <>
            <div className="share-options">
              <label className="field">
                Theme
                <select
                  value={theme}
                  data-testid={SHARE_IDS.embedTheme}
                  onChange={(e) => setTheme(e.currentTarget.value as '' | 'light' | 'dark')}
                >
                  <option value="">The reader's</option>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </select>
              </label>
              <label className="field" title={snapshot.trace ? undefined : 'Trace a request first'}>
                <input
                  type="checkbox"
                  checked={autoplay}
                  disabled={!snapshot.trace}
                  data-testid={SHARE_IDS.embedAutoplay}
                  onChange={(e) => setAutoplay(e.currentTarget.checked)}
                />
                Play the trace when it loads
              </label>
            </div>
            <CopyField label="HTML (<iframe>)" value={iframe} testId={SHARE_IDS.iframeSnippet} rows={4} />
            <CopyField
              label="Markdown (a picture that links to the diagram)"
              value={markdown}
              testId={SHARE_IDS.markdownSnippet}
              rows={3}
            />
            <p className="share-note">
              Markdown cannot hold an iframe: the picture is Portolan's preview; put your own export in its place to
              show this diagram.
            </p>
          </>
        )}
        <p className={long ? 'share-warning' : 'share-note'} data-testid={long ? SHARE_IDS.longWarning : undefined}>
          {long
            ? `This ${kind === 'link' ? 'link' : 'address'} is ${kilobytes(shown.length)}: many blog platforms and chat apps cut links longer than about 8 KB. Download the workspace as a file instead; Portolan opens it with Open… or by dropping it on the page.`
            : `${kilobytes(shown.length)}.`}
        </p>
        <div className="modal-actions">
          <button
            className="button"
            data-testid={SHARE_IDS.download}
            onClick={() => downloadText(`${fileStem(workspace)}.portolan.json`, encodeWorkspace(workspace))}
          >
            Download .portolan.json
          </button>
        </div>
      </div>
    </div>
  );
}
