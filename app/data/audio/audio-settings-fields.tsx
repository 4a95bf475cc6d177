import { audioFeatureShape, audioSettingsProblem, audioSettingsSchema } from '../../../src/data/audio/settings';
import type { AudioSettings } from '../../../src/data/audio/types';
import { formatShape } from '../../../src/graph/shape';

interface AudioSettingsFieldsProps {
  readonly value: AudioSettings;
  readonly onChange: (next: AudioSettings) => void;
}

type NumberKey = Exclude<keyof AudioSettings, 'sampleRate'>;

const FIELDS: readonly { key: NumberKey; label: string; step: number; title: string }[] = [
  { key: 'clipSeconds', label: 'length (s)', step: 0.1, title: 'Each clip is cut or padded with silence at its end to this length' },
  { key: 'frameLength', label: 'frame', step: 1, title: 'Samples per STFT frame (tf.signal.stft frame_length)' },
  { key: 'frameStep', label: 'hop', step: 1, title: 'Samples from one frame to the next (tf.signal.stft frame_step)' },
  { key: 'melBands', label: 'mel bands', step: 1, title: 'Mel filters (tf.signal.linear_to_mel_weight_matrix num_mel_bins)' },
  { key: 'lowerHz', label: 'from Hz', step: 10, title: 'Lowest frequency of the mel filters' },
  { key: 'upperHz', label: 'to Hz', step: 10, title: 'Highest frequency of the mel filters, at most half the sample rate' },
];

/** What is wrong with `s`, field by field then as a whole; null when it makes a spectrogram. */
export function audioSettingsError(s: AudioSettings): string | null {
  const parsed = audioSettingsSchema.safeParse(s);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = FIELDS.find((f) => f.key === issue?.path[0])?.label ?? String(issue?.path[0] ?? 'a setting');
    return `${field}: ${issue?.message ?? 'invalid'}`;
  }
  return audioSettingsProblem(s);
}

/** The sample rate, clip length, STFT frame and hop, and mel filters of sound clips, with the spectrogram shape they give. */
export function AudioSettingsFields({ value, onChange }: AudioSettingsFieldsProps) {
  const error = audioSettingsError(value);
  return (
    <>
      <label>
        rate{' '}
        <select value={value.sampleRate} onChange={(e) => onChange({ ...value, sampleRate: Number(e.target.value) })} aria-label="Sample rate">
          {[8000, 16000, 22050, 44100].map((hz) => (
            <option key={hz} value={hz}>
              {hz / 1000} kHz
            </option>
          ))}
        </select>
      </label>
      {FIELDS.map((f) => (
        <label key={f.key} title={f.title}>
          {f.label}{' '}
          <input
            type="number"
            className="audio-number"
            step={f.step}
            value={value[f.key]}
            aria-label={`Audio ${f.label}`}
            onChange={(e) => onChange({ ...value, [f.key]: e.target.valueAsNumber })}
          />
        </label>
      ))}
      {error === null ? (
        <p className="muted" data-testid="audio-shape">
          log-mel spectrogram {formatShape(audioFeatureShape(value))} a clip
        </p>
      ) : (
        <p className="is-error" role="alert" data-testid="audio-settings-error">
          {error}
        </p>
      )}
    </>
  );
}
