/**
 * The installed app's icon: the favicon's three connected layers (index.html), white on the
 * accent colour. The build renders it to PNG (pwa-plugin.ts); the manifest lists those files.
 */

/** The sizes the manifest lists: what Chrome's install prompt and Android's launcher ask for. */
export const ICON_SIZES = [192, 512] as const;

/** Where the PNG of `size` lies in the build, relative to index.html. */
export const iconFileName = (size: number): string => `icons/icon-${size}.png`;

/**
 * A full square (a maskable icon's platform crops it to its own shape), the glyph inside the
 * central 70%, within the safe zone a maskable icon keeps.
 */
export const APP_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="512" height="512">
  <rect width="32" height="32" fill="#4f46e5"/>
  <g transform="translate(4.8 4.8) scale(0.7)">
    <path d="M8 8L24 16L8 24" fill="none" stroke="#ffffff" stroke-width="2.5"/>
    <circle cx="8" cy="8" r="4" fill="#ffffff"/>
    <circle cx="8" cy="24" r="4" fill="#ffffff"/>
    <circle cx="24" cy="16" r="4" fill="#ffffff"/>
  </g>
</svg>
`;
