/**
 * SVG to PNG for the CLI, with resvg (`@resvg/resvg-js`): a Rust renderer with no browser, loaded
 * only when a PNG is asked for, so the other commands start without its native binary.
 */
import type * as ResvgModule from '@resvg/resvg-js';
import { PLOT_PNG_SCALE } from '../compile/plot-model';

/** The package's name, as the dependency reads in package.json. */
export const RESVG_PACKAGE = '@resvg/resvg-js';

type Resvg = typeof ResvgModule;

/**
 * `svg` drawn as PNG bytes at `scale` times its size, on white, with the system's fonts (the SVG
 * names Helvetica, Arial and Liberation Sans, which share their metrics). resvg ships a native
 * binary per platform; where none loads, the error says so and points to .svg. `load` is how the
 * module is reached.
 */
export async function svgToPng(svg: string, scale = PLOT_PNG_SCALE, load: () => Promise<Resvg> = () => import('@resvg/resvg-js')): Promise<Uint8Array> {
  let resvg: Resvg;
  try {
    resvg = await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`a PNG needs the ${RESVG_PACKAGE} package, which could not load here (${reason}); write the picture as .svg instead`);
  }
  const renderer = new resvg.Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return new Uint8Array(renderer.render().asPng());
}
