import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { showsDiagnostics } from './editorSetup';

const text = 'kind: Service\nmetadata:\n  name: web\n';
const marker: Diagnostic = { from: 16, to: 24, severity: 'warning', message: 'no endpoints', source: 'K8S-SVC' };

function withMarkers(state: EditorState, markers: Diagnostic[]): EditorState {
  return state.update(setDiagnostics(state, markers)).state;
}

describe('showsDiagnostics', () => {
  it('is true only for the very markers the editor shows', () => {
    const state = withMarkers(EditorState.create({ doc: text }), [marker]);
    expect(showsDiagnostics(state, [marker])).toBe(true);
    expect(showsDiagnostics(state, [])).toBe(false);
    expect(showsDiagnostics(state, [{ ...marker, message: 'other' }])).toBe(false);
    expect(showsDiagnostics(state, [{ ...marker, severity: 'error' }])).toBe(false);
    expect(showsDiagnostics(state, [marker, { ...marker, from: 30, to: 33 }])).toBe(false);
    expect(showsDiagnostics(EditorState.create({ doc: text }), [])).toBe(true);
  });

  it('follows the markers through an edit made before the new analysis', () => {
    const state = withMarkers(EditorState.create({ doc: text }), [marker]);
    // Typing at the start moves the marker by the typed length.
    const typed = state.update({ changes: { from: 0, insert: '# x\n' } }).state;
    expect(showsDiagnostics(typed, [{ ...marker, from: 20, to: 28 }])).toBe(true);
    expect(showsDiagnostics(typed, [marker])).toBe(false);
  });
});
