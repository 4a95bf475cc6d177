/**
 * Build-side half of offline use (vite.config.ts): the web manifest, its PNG icons and a Workbox
 * service worker (vite-plugin-pwa's generateSW) that precaches every file of the build, so the
 * editor, its workers, the wasm binaries and the built-in samples load with no network after the
 * first visit. The page registers it in production builds only (app/offline/register-offline.ts).
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_ICON_SVG, ICON_SIZES, iconFileName } from './app-icon.ts';

/**
 * Every file a visit may fetch: the bundle, its workers and wasm files, the manifest and icons,
 * and public/'s samples and pretrained model. Source maps and the samples' licence text are not
 * fetched by the page.
 */
const PRECACHE_GLOBS = ['**/*'];
const PRECACHE_IGNORES = ['**/*.map', 'samples/LICENSES.md'];

/**
 * The largest file precached. Workbox's default (2 MiB) would quietly leave out the main bundle
 * (tfjs is most of it) and the digits sample; the build fails instead if a file is over this.
 */
const PRECACHE_MAX_BYTES = 16 * 1024 * 1024;

/** Renders the app icon at each manifest size with resvg, as PNG files of the build (`icons/icon-192.png`). */
function appIcons(): Plugin {
  return {
    name: 'netloom:app-icons',
    apply: 'build',
    async generateBundle() {
      const { Resvg } = await import('@resvg/resvg-js');
      for (const size of ICON_SIZES) {
        const png = new Resvg(APP_ICON_SVG, { fitTo: { mode: 'width', value: size } }).render().asPng();
        this.emitFile({ type: 'asset', fileName: iconFileName(size), source: new Uint8Array(png) });
      }
    },
  };
}

/** The icon plugin and vite-plugin-pwa, configured for Netloom. */
export function netloomPwa(): Plugin[] {
  return [
    appIcons(),
    ...VitePWA({
      // The page registers the worker itself (register-offline.ts), after the editor has started;
      // the plugin's inline register script would break the Content-Security-Policy.
      injectRegister: false,
      // A new version waits until the user reloads (a notice offers it): reloading by itself
      // could cut a training run short.
      registerType: 'prompt',
      manifest: {
        name: 'Netloom',
        short_name: 'Netloom',
        description: 'Keras, but visual, in the browser: build, check, train and export neural networks.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f7f7f8',
        theme_color: '#4f46e5',
        icons: [
          ...ICON_SIZES.map((size) => ({ src: iconFileName(size), sizes: `${size}x${size}`, type: 'image/png' })),
          { src: iconFileName(512), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: PRECACHE_GLOBS,
        globIgnores: PRECACHE_IGNORES,
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
        // The first visit's page is served by the worker as soon as it is installed, so a sample
        // loaded before any reload already comes from the cache.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ];
}
