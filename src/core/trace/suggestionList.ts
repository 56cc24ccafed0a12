import type { TraceSuggestion } from './suggest';

/** A list of suggestions that keeps each request (client and URL) once, in the order first added. */
export function suggestionList(): { add: (suggestion: TraceSuggestion) => void; list: TraceSuggestion[] } {
  const list: TraceSuggestion[] = [];
  const seen = new Set<string>();
  return {
    list,
    add: (suggestion) => {
      const key = `${suggestion.from ?? ''} ${suggestion.url}`;
      if (seen.has(key)) return;
      seen.add(key);
      list.push(suggestion);
    },
  };
}
