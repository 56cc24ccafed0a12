/**
 * The browser's side of the exports: a file saved through a blob URL (no request leaves the
 * page), an SVG drawn to a PNG on a canvas, text put on the clipboard. The exports themselves
 * are made by src/render (pure).
 */

/** Saves `blob` as a file named `name`, as a download from a blob URL. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text (an SVG, an HTML page) as a file of the given type. */
export function saveText(text: string, name: string, type: string): void {
  saveFile(new Blob([text], { type: `${type};charset=utf-8` }), name);
}

/** The picture's size in CSS pixels, from the SVG's own width and height. */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg [^>]*?\bwidth="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

/**
 * An SVG drawn to a PNG `scale` times its size, by the browser itself: the SVG is loaded as an
 * image from a blob URL (the page's CSP allows `img-src blob:`) and painted on a canvas. An SVG
 * loaded as an image runs no script and fetches nothing, and ours asks for nothing.
 */
export async function svgToPng(svg: string, scale = 2): Promise<{ blob: Blob; width: number; height: number }> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser made no PNG');
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Puts text on the clipboard; rejects where the browser refuses (no permission, no secure context). */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('this browser gives no access to the clipboard');
  await navigator.clipboard.writeText(text);
}
