import { formatShape } from '../../../src/graph/shape';
import { formatCount } from '../../../src/lib/format-count';
import type { LoadedData } from '../../store/data-slice';
import { useStore } from '../../store/store';
import { SkippedFiles } from '../skipped-files';
import { SpectrogramCanvas } from './spectrogram-canvas';
import { WaveCanvas } from './wave-canvas';
import { PlayClipButton } from './play-clip-button';

type LoadedAudio = Extract<LoadedData, { kind: 'audio' }>;

/** What a folder of sound clips became: counts per class, and a waveform and spectrogram of each class's first clip, which can be played. */
export function AudioSummary({ loaded }: { readonly loaded: LoadedAudio }) {
  const settings = useStore((s) => (s.data.kind === 'audio' ? s.data.settings : null));
  const { dataset, previews, counts } = loaded;
  const [frames = 0, bands = 0] = dataset.featureShape;
  return (
    <>
      <p className="muted" data-testid="audio-summary">
        {formatCount(dataset.count)} clips · {formatShape(dataset.featureShape)} spectrogram each · {dataset.classNames?.length} classes
        {settings && ` · ${settings.sampleRate / 1000} kHz, ${settings.clipSeconds} s`}
      </p>
      <div className="audio-grid" data-testid="audio-grid">
        {(dataset.classNames ?? []).map((name) => {
          const preview = previews[name];
          return (
            <section key={name} className="audio-grid__class" aria-label={`Class ${name}`}>
              <h4>
                {name}{' '}
                <span className="muted" data-testid={`class-count-${name}`}>
                  {formatCount(counts[name] ?? 0)} clips
                </span>
                {preview && settings && <PlayClipButton samples={preview.clip} sampleRate={settings.sampleRate} what={`the first clip of ${name}`} />}
              </h4>
              {preview && (
                <div className="audio-grid__pictures" title={preview.path}>
                  <WaveCanvas envelope={preview.waveform} label={`Waveform of ${preview.path}`} />
                  <SpectrogramCanvas values={preview.spectrogram} frames={frames} bands={bands} label={`Spectrogram of ${preview.path}`} />
                </div>
              )}
            </section>
          );
        })}
      </div>
      <SkippedFiles skipped={loaded.skipped} />
    </>
  );
}
