/**
 * SVG to PNG for the CLI, with resvg (`@resvg/resvg-js`): a Rust renderer with no browser, loaded
 * only when a PNG is asked for, so the other commands start without it.
 */

import { PLOT_PNG_SCALE } from '../compile/plot-model';

/** The part of `@resvg/resvg-js` used here. */
interface ResvgModule {
  readonly Resvg: new (
    svg: string,
    options: { fitTo: { mode: 'zoom'; value: number }; font: { loadSystemFonts: boolean; defaultFontFamily: string }; background: string },
  ) => { render(): { asPng(): Uint8Array } };
}

/** The package's name, as the dependency reads in package.json. */
export const RESVG_PACKAGE = '@resvg/resvg-js';

/**
 * `svg` drawn as PNG bytes at `scale` times its size, on white, with the system's fonts (the SVG
 * names Helvetica, Arial and Liberation Sans, which share their metrics). A missing resvg is an
 * error saying what to install; `load` is how the module is reached.
 */
export async function svgToPng(svg: string, scale = PLOT_PNG_SCALE, load: () => Promise<unknown> = () => import(RESVG_PACKAGE)): Promise<Uint8Array> {
  let resvg: ResvgModule;
  try {
    resvg = (await load()) as ResvgModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`a PNG needs the ${RESVG_PACKAGE} package, which is not installed: install it, or write the picture as .svg`);
    }
    throw error;
  }
  const renderer = new resvg.Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return new Uint8Array(renderer.render().asPng());
}
