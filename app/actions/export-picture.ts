import { PLOT_PNG_SCALE, plotModelSvg } from '../../src/compile/plot-model';
import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';
import { download, downloadBaseName } from './save-file';

/** The picture of the current model, or null (with a notice saying why) when there is none to draw. */
function pictureSvg(): string | null {
  const { graph, showNotice } = useStore.getState();
  // The model's own analysis: a model that does not fit the chosen data still has a picture.
  const analysis = analysisOf(graph);
  if (graph.nodes.length === 0 || analysis.hasErrors) {
    showNotice({ kind: 'error', text: graph.nodes.length === 0 ? 'There is no model to draw yet' : 'Fix the problems shown on the model before drawing it' });
    return null;
  }
  return plotModelSvg(graph, { analysis });
}

/**
 * `svg` drawn on a canvas `scale` times its size, on white, as PNG. The SVG goes in as a data:
 * URL: the page's Content-Security-Policy lets images come from data: but not from blob:.
 */
export async function rasterizeSvg(svg: string, scale = PLOT_PNG_SCALE): Promise<Blob> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the browser could not draw the SVG'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const width = Number(/\swidth="(\d+)"/.exec(svg)?.[1] ?? image.naturalWidth);
  const height = Number(/\sheight="(\d+)"/.exec(svg)?.[1] ?? image.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('the browser gave no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas made no PNG'))), 'image/png'));
}

/** Downloads the model's picture, as `keras.utils.plot_model` draws it, as `<project>.svg`. */
export function exportPictureSvg(): void {
  const svg = pictureSvg();
  if (svg === null) return;
  download(`${downloadBaseName(useStore.getState().name)}.svg`, svg, 'image/svg+xml');
}

/** Downloads the model's picture as `<project>.png`, drawn at twice its size. */
export async function exportPicturePng(): Promise<void> {
  const svg = pictureSvg();
  if (svg === null) return;
  const s = useStore.getState();
  try {
    download(`${downloadBaseName(s.name)}.png`, await rasterizeSvg(svg), 'image/png');
  } catch (error) {
    s.showNotice({ kind: 'error', text: `The picture could not be made: ${error instanceof Error ? error.message : String(error)}` });
  }
}
