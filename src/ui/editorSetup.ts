import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { forEachDiagnostic, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Diagnostic } from '../core/model/diagnostics';

// Colours come from CSS variables, so one style serves the light and the dark theme.
const highlightStyle = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--syntax-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syntax-number)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.labelName, tags.typeName], color: 'var(--syntax-meta)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--syntax-punctuation)' },
]);

const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--editor-bg)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: 'var(--text-faint)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--accent)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': {
    backgroundColor: 'var(--editor-selection) !important',
  },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
});

/**
 * Past this many lines a file is edited as plain text: CodeMirror's YAML parser would otherwise
 * spend its 100 ms slices on it for seconds after a paste, and typing in it would wait. Portolan's
 * own diagnostics (the lint markers) still come, from the analysis worker.
 */
export const PLAIN_TEXT_LINES = 4000;

// The YAML language sits in a compartment, so a file can drop it when it grows past the limit.
const language = new Compartment();
const languageFor = (doc: Text): Extension => (doc.lines > PLAIN_TEXT_LINES ? [] : yaml());

// A change that takes a file across the limit swaps the language in the same transaction,
// before the parser sees the new text.
const languageBySize = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  const before = tr.startState.doc.lines > PLAIN_TEXT_LINES;
  const after = tr.newDoc.lines > PLAIN_TEXT_LINES;
  return before === after ? null : { effects: language.reconfigure(languageFor(tr.newDoc)) };
});

/** A new editor state for `doc`: YAML, or plain text when the file is too long to parse as you type. */
export function createEditorState(doc: string, extensions: Extension[]): EditorState {
  const state = EditorState.create({ doc, extensions });
  return state.doc.lines > PLAIN_TEXT_LINES
    ? state.update({ effects: language.reconfigure(languageFor(state.doc)) }).state
    : state;
}

/** The editor's fixed extensions; `onChange` and `onCursor` connect it to the store. */
export function editorExtensions(handlers: {
  onUpdate: (update: import('@codemirror/view').ViewUpdate) => void;
}): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    language.of(yaml()),
    languageBySize,
    syntaxHighlighting(highlightStyle),
    editorTheme,
    EditorView.lineWrapping,
    // Tab indents; Escape then Tab leaves (CodeMirror's tab-focus mode), as the hint says.
    EditorView.contentAttributes.of({ 'aria-label': 'File text. Press Escape then Tab to leave the editor.' }),
    EditorView.updateListener.of(handlers.onUpdate),
  ];
}

/** 1-based line and column → offset in a CodeMirror document, clamped to it. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const lineInfo = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(lineInfo.to, lineInfo.from + Math.max(0, column - 1));
}

/** Our diagnostics of one file → CodeMirror's lint diagnostics. */
export function toCodeMirrorDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  return diagnostics.map((d) => {
    const from = d.span ? Math.min(d.span.start.offset, doc.length) : offsetOf(doc, d.line, d.column);
    let to = d.span ? Math.min(Math.max(d.span.end.offset, from), doc.length) : from;
    if (to === from) to = Math.min(doc.lineAt(from).to, from + 1);
    return { from, to, severity: d.severity, message: d.message, source: d.code };
  });
}

/**
 * Whether `state` already shows exactly `diagnostics` (the markers it holds were mapped through
 * the user's edits). Then nothing is dispatched: a dispatch re-syncs the DOM selection, which
 * forces a layout of the whole page, a picture of 1,000 boxes included.
 */
export function showsDiagnostics(state: EditorState, diagnostics: readonly CmDiagnostic[]): boolean {
  const key = (d: CmDiagnostic, from = d.from, to = d.to) =>
    `${from}:${to}:${d.severity}:${d.source ?? ''}:${d.message}`;
  const shown: string[] = [];
  forEachDiagnostic(state, (d, from, to) => shown.push(key(d, from, to)));
  if (shown.length !== diagnostics.length) return false;
  const wanted = diagnostics.map((d) => key(d)).sort();
  shown.sort();
  return shown.every((k, i) => k === wanted[i]);
}
