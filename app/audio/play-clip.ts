/** A clip being played: stop it early, or wait for its end. */
export interface Playing {
  stop(): void;
  /** Settles when the clip has ended or was stopped. */
  readonly ended: Promise<void>;
}

/**
 * Plays `samples` (mono, -1..1) at `sampleRate` through a context of its own, closed when the
 * clip ends, so nothing stays open between plays. Rejects when the browser cannot play sound.
 */
export async function playClip(samples: Float32Array, sampleRate: number): Promise<Playing> {
  if (typeof AudioContext === 'undefined') throw new Error('This browser cannot play sound here.');
  const context = new AudioContext();
  const buffer = context.createBuffer(1, Math.max(1, samples.length), sampleRate);
  buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  const ended = new Promise<void>((resolve) => {
    source.onended = () => {
      void context.close();
      resolve();
    };
  });
  // A page that has not been clicked yet starts its contexts suspended.
  await context.resume();
  source.start();
  return {
    stop: () => {
      try {
        source.stop();
      } catch {
        // Already ended.
      }
    },
    ended,
  };
}
