import { useEffect, useRef } from 'react';
import { spectrogramColour } from './spectrogram-colour';

interface SpectrogramCanvasProps {
  /** `[frames, bands]` row-major log-mel values. */
  readonly values: Float32Array;
  readonly frames: number;
  readonly bands: number;
  readonly label: string;
}

/**
 * A spectrogram as a picture: time left to right, low frequencies at the bottom, louder brighter,
 * each clip scaled from its own quietest to its loudest value.
 */
export function SpectrogramCanvas({ values, frames, bands, label }: SpectrogramCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || frames === 0 || bands === 0) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi > lo ? hi - lo : 1;
    const image = ctx.createImageData(frames, bands);
    for (let t = 0; t < frames; t++) {
      for (let b = 0; b < bands; b++) {
        const [r, g, bl] = spectrogramColour(((values[t * bands + b] ?? lo) - lo) / span);
        const at = ((bands - 1 - b) * frames + t) * 4;
        image.data[at] = r;
        image.data[at + 1] = g;
        image.data[at + 2] = bl;
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [values, frames, bands]);
  return <canvas ref={ref} className="audio-spectrogram" width={frames} height={bands} role="img" aria-label={label} />;
}
