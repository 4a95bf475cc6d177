import { useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import type { Dataset } from '../../src/data/types';
import { PredictionBars } from './prediction-bars';
import { predictSample } from '../actions/predict';

const SIZE = 168;

/** Draw a digit (white on black, like MNIST) and see the class probabilities. */
export function TryDraw({ dataset }: { dataset: Dataset }) {
  const [height = 28, width = 28, channels = 1] = dataset.featureShape;
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [probabilities, setProbabilities] = useState<Float32Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ctx = () => canvas.current?.getContext('2d') ?? null;
  const clear = () => {
    const c = ctx();
    if (!c) return;
    c.fillStyle = 'black';
    c.fillRect(0, 0, SIZE, SIZE);
    setProbabilities(null);
  };
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - rect.left) / rect.width) * SIZE, ((e.clientY - rect.top) / rect.height) * SIZE] as const;
  };
  const stroke = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = ctx();
    if (!c || !drawing.current) return;
    const [x, y] = point(e);
    c.lineTo(x, y);
    c.stroke();
  };
  const classify = async () => {
    const small = new OffscreenCanvas(width, height);
    const s = small.getContext('2d');
    if (!s || !canvas.current) return;
    s.drawImage(canvas.current, 0, 0, width, height);
    const rgba = s.getImageData(0, 0, width, height).data;
    const x = new Float32Array(height * width * channels);
    for (let i = 0; i < height * width; i += 1) {
      for (let c = 0; c < channels; c += 1) x[i * channels + c] = (rgba[i * 4 + (channels === 1 ? 0 : c)] ?? 0) / 255;
    }
    try {
      setProbabilities(await predictSample(x));
      setError(null);
    } catch (e) {
      // The bars of an earlier drawing would read as this one's answer.
      setProbabilities(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="train-try train-draw">
      <canvas
        ref={(el) => {
          canvas.current = el;
          if (el && !el.dataset.ready) {
            el.dataset.ready = '1';
            const c = el.getContext('2d');
            if (c) {
              c.fillStyle = 'black';
              c.fillRect(0, 0, SIZE, SIZE);
            }
          }
        }}
        width={SIZE}
        height={SIZE}
        aria-label="Drawing pad: draw a digit"
        data-testid="draw-pad"
        onPointerDown={(e) => {
          const c = ctx();
          if (!c) return;
          drawing.current = true;
          c.strokeStyle = 'white';
          c.lineWidth = 14;
          c.lineCap = 'round';
          c.lineJoin = 'round';
          const [x, y] = point(e);
          c.beginPath();
          c.moveTo(x, y);
        }}
        onPointerMove={stroke}
        onPointerUp={() => {
          drawing.current = false;
          void classify();
        }}
        onPointerLeave={() => (drawing.current = false)}
      />
      <button type="button" className="data-button" onClick={clear}>
        Clear
      </button>
      {error && (
        <p className="train-message is-error" role="alert">
          {error}
        </p>
      )}
      {probabilities && <PredictionBars classes={dataset.classNames ?? []} probabilities={probabilities} />}
    </div>
  );
}
