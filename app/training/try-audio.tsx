import { FileAudio, Mic, MicOff } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { AudioSettings } from '../../src/data/audio/types';
import { clipFromFile, predictClip } from '../actions/predict-audio';
import { MicrophoneError, openMicrophone } from '../audio/microphone';
import type { Microphone } from '../audio/microphone';
import { FilePickButton } from '../file-pick-button';
import { PredictionBars } from './prediction-bars';

// Predictions a second while listening: each waits for the last, so a slow model simply runs fewer.
const LISTEN_EVERY_MS = 250;

/** Predicts the class of an uploaded clip, or of the last clip-length of the microphone several times a second. */
export function TryAudio({ classes, settings }: { readonly classes: readonly string[]; readonly settings: AudioSettings }) {
  const [probabilities, setProbabilities] = useState<Float32Array | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [listening, setListening] = useState(false);
  // While the microphone opens, a second click would open another.
  const [opening, setOpening] = useState(false);
  // Predictions made so far, on the element for tests and screen readers' curiosity alike.
  const [made, setMade] = useState(0);
  const mic = useRef<Microphone | null>(null);

  const show = async (run: () => Promise<Float32Array>) => {
    try {
      setProbabilities(await run());
      setMade((n) => n + 1);
      setError(null);
    } catch (e) {
      setProbabilities(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  useEffect(() => {
    if (!listening) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const clip = mic.current?.latest(settings.clipSeconds) ?? null;
      if (clip !== null) await show(() => predictClip(clip, settings));
      if (!stopped) timer = setTimeout(() => void tick(), LISTEN_EVERY_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [listening, settings]);
  useEffect(() => () => mic.current?.close(), []);

  const toggle = async () => {
    if (listening) {
      setListening(false);
      mic.current?.close();
      mic.current = null;
      return;
    }
    setOpening(true);
    try {
      mic.current = await openMicrophone();
      setError(null);
      setListening(true);
    } catch (e) {
      setError(e instanceof MicrophoneError ? e.message : String(e));
    } finally {
      setOpening(false);
    }
  };

  return (
    <div className="train-try" data-testid="try-audio" data-predictions={made}>
      <FilePickButton
        icon={<FileAudio size={15} aria-hidden />}
        label="Upload a clip to classify"
        testId="try-audio-file"
        accept="audio/*,.wav"
        onFiles={([file]) => file && void show(async () => predictClip(await clipFromFile(file, settings), settings))}
      />
      <button type="button" className="data-button" onClick={() => void toggle()} disabled={opening} aria-pressed={listening} data-testid="try-listen">
        {listening ? <MicOff size={15} aria-hidden /> : <Mic size={15} aria-hidden />} {listening ? 'Stop listening' : 'Listen with the microphone'}
      </button>
      {listening && (
        <p className="muted" role="status">
          Predicting on the last {settings.clipSeconds} s, {1000 / LISTEN_EVERY_MS} times a second at most
        </p>
      )}
      {error && (
        <p className="train-message is-error" role="alert" data-testid="try-audio-error">
          {error}
        </p>
      )}
      {probabilities && <PredictionBars classes={classes} probabilities={probabilities} />}
    </div>
  );
}
