import { useEffect, useRef } from 'react';
import type { Microphone } from '../../audio/microphone';

/** The microphone's loudness as a bar, redrawn every frame without re-rendering React. */
export function LevelMeter({ mic }: { readonly mic: Microphone | null }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mic === null) return;
    let frame = requestAnimationFrame(function draw() {
      const percent = Math.round(mic.level() * 100);
      if (bar.current) {
        bar.current.style.width = `${percent}%`;
        bar.current.parentElement?.setAttribute('aria-valuenow', String(percent));
      }
      frame = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(frame);
  }, [mic]);
  return (
    <div className="audio-level" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} data-testid="mic-level">
      <div ref={bar} className="audio-level__bar" />
    </div>
  );
}
