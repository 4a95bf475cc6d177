/** The image formats a browser decodes everywhere, and so the ones a folder may hold. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

const formatByExtension: Readonly<Record<string, ImageFormat>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
};

/** The lower-case extension of a path's file name without the dot, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format a path's extension names (case-insensitive), or undefined for other files. */
export function formatFromPath(path: string): ImageFormat | undefined {
  return formatByExtension[extensionOf(path)];
}

/**
 * The format the bytes really are, from their signature. Files are often misnamed (a JPEG saved
 * as .png); browsers sniff, so the Node decoder does too.
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const at = (i: number, ...sig: number[]) => sig.every((b, k) => bytes[i + k] === b);
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (at(0, 0x42, 0x4d)) return 'bmp';
  return undefined;
}

/**
 * Whether a path names an image that `collectImageFiles` would keep (right extension, not hidden,
 * not in `__MACOSX`): what a zip reader extracts up front.
 */
export function collectableImage(path: string): boolean {
  const segments = path.split(/[\\/]/);
  return formatFromPath(path) !== undefined && !segments.some(isJunkName);
}

/** Names an OS or an archiver adds that nobody means as data, so they are skipped silently. */
export function isJunkName(segment: string): boolean {
  return segment.startsWith('.') || segment === '__MACOSX' || segment === 'Thumbs.db' || segment === 'desktop.ini';
}
