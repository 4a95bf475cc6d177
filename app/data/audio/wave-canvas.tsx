import { useEffect, useRef } from 'react';

interface WaveCanvasProps {
  /** Interleaved min/max per stretch, values in [-1, 1] (see `waveformEnvelope`). */
  readonly envelope: Float32Array;
  readonly label: string;
  readonly width?: number;
  readonly height?: number;
}

/** A clip's waveform as a filled envelope, one column per stretch. */
export function WaveCanvas({ envelope, label, width = 200, height = 48 }: WaveCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = getComputedStyle(ref.current as HTMLCanvasElement).color;
    const points = envelope.length / 2;
    const mid = height / 2;
    for (let i = 0; i < points; i++) {
      const lo = envelope[2 * i] ?? 0;
      const hi = envelope[2 * i + 1] ?? 0;
      const x = (i / points) * width;
      const top = mid - hi * mid;
      ctx.fillRect(x, top, Math.max(1, width / points), Math.max(1, (hi - lo) * mid));
    }
  }, [envelope, width, height]);
  return <canvas ref={ref} className="audio-wave" width={width} height={height} role="img" aria-label={label} />;
}
