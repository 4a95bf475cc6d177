import { Play, Square } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { playClip } from '../../audio/play-clip';
import type { Playing } from '../../audio/play-clip';

interface PlayClipButtonProps {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** What is played, for the button's name: `the first clip of yes`. */
  readonly what: string;
}

/** Plays a clip as the model hears it (resampled, cut to length); a second press stops it. */
export function PlayClipButton({ samples, sampleRate, what }: PlayClipButtonProps) {
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<Playing | null>(null);
  useEffect(() => () => current.current?.stop(), []);

  const toggle = async () => {
    if (current.current) {
      current.current.stop();
      return;
    }
    setProblem(null);
    try {
      const p = await playClip(samples, sampleRate);
      current.current = p;
      setPlaying(true);
      await p.ended;
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      current.current = null;
      setPlaying(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="audio-play"
        aria-label={`${playing ? 'Stop' : 'Play'} ${what}`}
        aria-pressed={playing}
        title={`${playing ? 'Stop' : 'Play'} ${what}, as the model hears it`}
        onClick={() => void toggle()}
        data-testid="audio-play"
        data-playing={playing}
      >
        {playing ? <Square size={12} aria-hidden /> : <Play size={12} aria-hidden />}
      </button>
      {problem !== null && (
        <span className="train-message is-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
