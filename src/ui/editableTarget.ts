/** Whether a key or paste event belongs to a text field (the editor, an input) rather than to the app. */
export function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || !!target.closest('input, textarea, .cm-editor'));
}
