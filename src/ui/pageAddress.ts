/** The address the app is served at: the page's URL without query or fragment (works from any sub-path). */
export function appBaseUrl(location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return location.origin + location.pathname;
}

/** A share link: the app's address with the workspace in the fragment, which no server ever sees. */
export function shareLinkUrl(base: string, fragment: string): string {
  return `${base}#${fragment}`;
}

/** An embed's address: `?embed`, its options, and the workspace in the fragment. */
export function embedUrl(
  base: string,
  fragment: string,
  options: { theme?: 'light' | 'dark'; autoplay?: boolean } = {},
): string {
  const query = [
    'embed',
    ...(options.theme ? [`theme=${options.theme}`] : []),
    ...(options.autoplay ? ['autoplay'] : []),
  ];
  return `${base}?${query.join('&')}#${fragment}`;
}

/** Saves text as a file through the browser's download, no server involved. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text to the clipboard; false when the browser refuses (no secure context, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
