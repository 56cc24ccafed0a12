/** The inspector: what the selected object is and how it connects (placeholder). */
export function Inspector() {
  return null;
}
