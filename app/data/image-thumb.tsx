import { useEffect, useRef } from 'react';

interface ImageThumbProps {
  /** One sample, HWC, values in [0, 1]. */
  readonly pixels: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly label: string;
}

/** Draws one image sample onto a small canvas, scaled up crisply. */
export function ImageThumb({ pixels, height, width, channels, label }: ImageThumbProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < height * width; i += 1) {
      for (let c = 0; c < 3; c += 1) image.data[i * 4 + c] = Math.round(255 * (pixels[i * channels + (channels === 1 ? 0 : c)] ?? 0));
      image.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels, height, width, channels]);
  return <canvas ref={ref} className="data-thumb" width={width} height={height} role="img" aria-label={label} />;
}
