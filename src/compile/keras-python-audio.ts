/**
 * Sound clips in a Keras script: a folder of clips per class, WAV files read and resampled with
 * numpy by the rules of src/data/audio/wav.ts and resample.ts (FLAC, OGG, Opus and MP3 through
 * soundfile, as the browser decodes them for Netloom), then turned into log-mel spectrograms with
 * TensorFlow's own `tf.signal`, which is the definition Netloom's spectrogram follows.
 *
 * The WAV reader is a few lines of numpy rather than `scipy.io.wavfile` or `wave`: `wave` reads no
 * float files, scipy refuses some files Netloom reads (a data size past the end of the file, as
 * streaming recorders write) and would be one more package to install. The same rules in both
 * places make the same samples, which the tests check value for value.
 */
import type { DataConfig } from '../data/config';
import { clipSamples, fftLengthOf, LOG_OFFSET } from '../data/audio/settings';
import type { FractionSplit } from '../data/validation';
import { SOUND_EXTENSIONS } from '../data/images/collect';
import type { TrainingConfig } from '../settings/training';
import type { ModelShapes } from './keras-python-arrays';
import { labelled } from './keras-python-arrays';
import type { DataCode, PyModule, ScriptDataFile } from './keras-python-util';
import { HERE_LINES, pyCommentText, pyNumber, pyPath, pyStrings } from './keras-python-util';

type AudioConfig = Extract<DataConfig, { kind: 'audio' }>;

/**
 * The built-in speech sample as the "Keras script + data" export ships it: a zip beside the
 * script holding `speech-commands/<class>/*.wav`.
 */
export const SPEECH_SAMPLE_ZIP = { path: 'samples/speech-commands.zip', name: 'speech-commands.zip', folder: 'speech-commands' } as const;

/** A float literal even for a whole number (`20.0`): tf.signal's frequency arguments are floats. */
const pyFloat = (n: number) => (Number.isInteger(n) ? `${n}.0` : pyNumber(n));

/** How many clips go through `tf.signal.stft` at once: their spectra must fit in memory. */
const BATCH = 512;

/** A Python tuple's items of file extensions: `".flac", ".ogg"`. */
const pyExtensions = (extensions: readonly string[]) => extensions.map((e) => `".${e}"`).join(', ');

/** `read_wav(path)`: a WAV file's mono samples (float32) and rate, by wav.ts's rules. */
const READ_WAV = [
  'def read_wav(path):',
  '    """Mono samples in [-1, 1] (channels averaged) and the sample rate of a WAV file: integer PCM',
  '    of 8 (unsigned), 16, 24 or 32 bits, 32- or 64-bit float, plain or WAVE_FORMAT_EXTENSIBLE.',
  '    Unknown chunks are skipped and a data size past the end of the file is cut to what is there,',
  '    as Netloom reads WAV (src/data/audio/wav.ts)."""',
  '    with open(path, "rb") as f:',
  '        data = f.read()',
  '    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":',
  '        raise ValueError(f"{path} is not a WAV file (no RIFF/WAVE header)")',
  '',
  '    def number(at, size):',
  '        return int.from_bytes(data[at : at + size], "little")',
  '',
  '    fmt = None',
  '    at = 12',
  '    while at + 8 <= len(data):',
  '        size = min(number(at + 4, 4), len(data) - at - 8)',
  '        body = at + 8',
  '        if data[at : at + 4] == b"fmt ":',
  '            code = number(body, 2)',
  '            if code == 0xFFFE:  # extensible: the sub-format GUID starts with the format code',
  '                code = number(body + 24, 2)',
  '            fmt = (code, number(body + 2, 2), number(body + 4, 4), number(body + 14, 2))',
  '        elif data[at : at + 4] == b"data":',
  '            if fmt is None:',
  '                raise ValueError(f"{path} has no format chunk before its audio data")',
  '            code, channels, rate, bits = fmt',
  '            frames = size // (bits // 8 * channels) if bits >= 8 and channels > 0 else 0',
  '            raw = data[body : body + frames * (bits // 8) * channels]',
  '            if code == 3 and bits in (32, 64):',
  '                x = np.frombuffer(raw, dtype="<f4" if bits == 32 else "<f8").astype(np.float64)',
  '            elif code == 1 and bits == 8:',
  '                x = (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128) / 128',
  '            elif code == 1 and bits == 16:',
  '                x = np.frombuffer(raw, dtype="<i2") / 32768',
  '            elif code == 1 and bits == 24:',
  '                b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int64)',
  '                v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)',
  '                x = (v - (v >= 1 << 23) * (1 << 24)) / 8388608  # sign-extended',
  '            elif code == 1 and bits == 32:',
  '                x = np.frombuffer(raw, dtype="<i4") / 2147483648',
  '            else:',
  '                raise ValueError(f"{path} uses WAV format {code}, {bits} bits a sample, which this script cannot read: save it as PCM WAV")',
  '            if frames == 0 or rate == 0:',
  '                raise ValueError(f"{path} has no audio data")',
  '            return x.reshape(frames, channels).mean(axis=1).astype(np.float32), rate',
  '        at = body + size + size % 2',
  '    raise ValueError(f"{path} has no audio data")',
];

/** Sound formats libsndfile (through soundfile) reads that the browser also decodes for Netloom. */
const SOUNDFILE_EXTENSIONS = ['flac', 'ogg', 'oga', 'opus', 'mp3'];

/** `read_sound(path)`: a FLAC, OGG, Opus or MP3 clip through soundfile, mono as the browser makes it. */
const READ_SOUND = [
  'def soundfile_ready():',
  '    try:',
  '        import soundfile  # noqa: F401',
  '    except ImportError:',
  '        return False',
  '    return True',
  '',
  '',
  'def read_sound(path):',
  '    """Mono samples (float32, channels averaged) and the sample rate of a FLAC, OGG, Opus or MP3',
  '    clip, decoded by libsndfile (pip install soundfile). The browser decodes these for Netloom: a',
  '    lossless clip gives the same samples, a lossy one may differ by its decoder\'s rounding."""',
  '    import soundfile',
  '',
  '    try:',
  '        data, rate = soundfile.read(path, dtype="float32", always_2d=True)',
  "    except RuntimeError as error:  # libsndfile's errors, in every soundfile release",
  '        raise ValueError(f"{path} cannot be decoded ({error})") from error',
  '    return data.mean(axis=1, dtype=np.float32), rate',
];

/** `load_clip(path)`: resampled with np.interp as resampleLinear, then fitted to the clip length. */
const LOAD_CLIP = [
  'def load_clip(path):',
  '    """A clip as Netloom prepares it: resampled to SAMPLE_RATE by linear interpolation (sample i',
  '    read at position i * rate / SAMPLE_RATE, as src/data/audio/resample.ts), then cut or',
  '    zero-padded at the end to CLIP_SAMPLES. (The browser resamples a FLAC, OGG or MP3 clip',
  '    itself, by its own rule, where its rate is not SAMPLE_RATE.)"""',
  '    samples, rate = read_wav(path) if path.lower().endswith((".wav", ".wave")) else read_sound(path)',
  '    if rate != SAMPLE_RATE:',
  '        count = int(np.floor(len(samples) * SAMPLE_RATE / rate + 0.5))',
  '        positions = np.arange(count) * rate / SAMPLE_RATE',
  '        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)',
  '    clip = np.zeros(CLIP_SAMPLES, dtype=np.float32)',
  '    clip[: min(len(samples), CLIP_SAMPLES)] = samples[:CLIP_SAMPLES]',
  '    return clip',
];

/** `class_clips(folder)`: a class's WAV files in Netloom's order (src/data/images/collect.ts). */
const CLASS_CLIPS = [
  'def natural_key(name):',
  '    """Netloom\'s order of names, a file browser\'s: digit runs as numbers and case aside, so',
  "    clip2.wav comes before clip10.wav. (The browser's collation also sets accents and most",
  '    symbols aside; names that differ only in those may sort otherwise here.)"""',
  '    return [int(p) if i % 2 else p.casefold() for i, p in enumerate(re.split(r"(\\d+)", name))], name',
  '',
  '',
  `SOUNDFILE_SOUNDS = (${pyExtensions(SOUNDFILE_EXTENSIONS)})`,
  `OTHER_SOUNDS = (${pyExtensions([...SOUND_EXTENSIONS].filter((e) => !['wav', 'wave', ...SOUNDFILE_EXTENSIONS].includes(e)))})`,
  '',
  '',
  'def is_junk(name):',
  '    # Hidden files and what archivers and file managers add, which Netloom skips too.',
  '    return name.startswith(".") or name in ("__MACOSX", "Thumbs.db", "desktop.ini")',
  '',
  '',
  'def class_clips(folder):',
  '    """The sound clips of a class folder and its subfolders, in Netloom\'s order (by path), empty',
  '    files left out as Netloom leaves them out. WAV, FLAC, OGG, Opus and MP3 clips are read; WebM,',
  '    M4A and AAC clips, which the browser decoded for Netloom, are counted and left out with a note."""',
  '    found = []',
  '    others = 0',
  '    decoded = 0',
  '    for root, dirs, files in os.walk(folder):',
  '        dirs[:] = [d for d in dirs if not is_junk(d)]',
  '        for name in files:',
  '            path = os.path.join(root, name)',
  '            if is_junk(name) or os.path.getsize(path) == 0:',
  '                continue',
  '            if name.lower().endswith((".wav", ".wave")):',
  '                found.append(path)',
  '            elif name.lower().endswith(SOUNDFILE_SOUNDS):',
  '                found.append(path)',
  '                decoded += 1',
  '            elif name.lower().endswith(OTHER_SOUNDS):',
  '                others += 1',
  '    if decoded and not soundfile_ready():',
  "        raise SystemExit(f\"{folder} holds {decoded} FLAC, OGG or MP3 clip{'' if decoded == 1 else 's'}: pip install soundfile to read them\")",
  '    if others:',
  "        print(f\"Left out {others} clip{'' if others == 1 else 's'} in {folder} that this script cannot read (WebM, M4A or AAC): convert them, e.g. ffmpeg -i clip.m4a clip.wav\")",
  '    return sorted(found, key=lambda path: natural_key(os.path.relpath(path, DATA_DIR).replace(os.sep, "/")))',
];

/** `log_mel(clips)`: tf.signal's STFT, magnitude, mel matrix and log, as spectrogram.ts. */
const LOG_MEL = [
  'def log_mel(clips):',
  '    """Log-mel spectrograms of a batch of clips, [clips, frames, MEL_BANDS, 1]: the periodic Hann',
  '    window, no end padding, the STFT magnitude, the mel matrix and log(mel + LOG_OFFSET), the',
  '    definition Netloom computes in the browser (src/data/audio/spectrogram.ts)."""',
  '    stft = tf.signal.stft(',
  '        clips,',
  '        frame_length=FRAME_LENGTH,',
  '        frame_step=FRAME_STEP,',
  '        fft_length=FFT_LENGTH,',
  '        window_fn=tf.signal.hann_window,',
  '        pad_end=False,',
  '    )',
  '    weights = tf.signal.linear_to_mel_weight_matrix(MEL_BANDS, FFT_LENGTH // 2 + 1, SAMPLE_RATE, LOWER_HZ, UPPER_HZ)',
  '    mel = tf.tensordot(tf.abs(stft), weights, 1)',
  '    return tf.math.log(mel + LOG_OFFSET).numpy()[..., np.newaxis]',
];

/** Where the clips are: a folder the user has, or the speech sample's zip, unzipped on first run. */
function source(data: AudioConfig): { about: string[]; folder: string; files: ScriptDataFile[]; unzip: string[] } {
  const title = pyCommentText(data.folderName);
  if (data.sampleId !== undefined) {
    const { name, path, folder } = SPEECH_SAMPLE_ZIP;
    return {
      about: [
        `# Netloom's "${title}" sample, which Netloom's "Keras script + data" export puts beside this`,
        `# script as ${name} (${folder}/<class>/*.wav): unzip it here, or let the lines below do it.`,
      ],
      folder,
      files: [{ kind: 'sample', name, path }],
      unzip: [
        `if not os.path.isdir(DATA_DIR) and os.path.isfile(${pyPath(name)}):`,
        `    with zipfile.ZipFile(${pyPath(name)}) as archive:`,
        '        archive.extractall(HERE)',
      ],
    };
  }
  return {
    about: [
      `# The sound clips "${title}" loaded in Netloom, one subfolder of WAV files per class`,
      `# (${title}/<class>/*.wav). Put the folder beside this script, or change DATA_DIR.`,
    ],
    folder: data.folderName,
    files: [{ kind: 'user', name: data.folderName }],
    unzip: [],
  };
}

/**
 * A folder of WAV clips, one subfolder per class, as `x` of `[clips, frames, melBands, 1]` and
 * class ids, split as Netloom splits. Clips are taken as Netloom takes them: class by class in the
 * project's class order (the subfolder names in natural order when it has none), each class's
 * files, subfolders included, in natural path order; unreadable clips left out.
 */
export function audioData(data: AudioConfig, training: TrainingConfig, shapes: ModelShapes, split: FractionSplit): DataCode {
  const s = data.settings;
  const fftLength = fftLengthOf(s.frameLength);
  const { about, folder, files, unzip } = source(data);
  const classes = data.classes
    ? [`CLASSES = ${pyStrings(data.classes)}`]
    : [
        'CLASSES = sorted(',
        '    (name for name in os.listdir(DATA_DIR) if os.path.isdir(os.path.join(DATA_DIR, name)) and not is_junk(name)),',
        '    key=natural_key,',
        ')',
      ];
  const lines = [
    ...about,
    '# Each clip becomes a log-mel spectrogram as in Netloom: resampled, fitted to the clip length,',
    '# then tf.signal.stft, its magnitude, a mel matrix and a log. WAV clips are read with numpy,',
    '# FLAC, OGG, Opus and MP3 with soundfile; a WebM, M4A or AAC clip that the browser decoded is',
    '# left out (and the split then differs).',
    ...HERE_LINES,
    `DATA_DIR = ${pyPath(folder)}`,
    ...unzip,
    `SAMPLE_RATE = ${s.sampleRate}`,
    `CLIP_SAMPLES = ${clipSamples(s)}  # ${pyNumber(s.clipSeconds)} s`,
    `FRAME_LENGTH = ${s.frameLength}`,
    `FRAME_STEP = ${s.frameStep}`,
    `FFT_LENGTH = ${fftLength}`,
    `MEL_BANDS = ${s.melBands}`,
    `LOWER_HZ = ${pyFloat(s.lowerHz)}`,
    `UPPER_HZ = ${pyFloat(s.upperHz)}`,
    `LOG_OFFSET = ${pyNumber(LOG_OFFSET)}`,
    '',
    '',
    ...READ_WAV,
    '',
    '',
    ...READ_SOUND,
    '',
    '',
    ...LOAD_CLIP,
    '',
    '',
    ...LOG_MEL,
    '',
    '',
    ...CLASS_CLIPS,
    '',
    '',
    ...classes,
    'labels, clips = [], []',
    'for label, name in enumerate(CLASSES):',
    '    for path in class_clips(os.path.join(DATA_DIR, name)):',
    '        try:',
    '            clips.append(load_clip(path))',
    '        except ValueError as error:',
    '            # Netloom leaves out a clip it cannot read too, so both train on the same clips.',
    '            print("Skipped", error)',
    '            continue',
    '        labels.append(label)',
    'labels = np.array(labels, dtype=np.int64)',
    'clips = np.stack(clips)',
    `# ${BATCH} clips at a time, so that a big folder's spectra fit in memory.`,
    `x = np.concatenate([log_mel(clips[i : i + ${BATCH}]) for i in range(0, len(clips), ${BATCH})])`,
  ];
  const width = shapes.outputs[0]?.at(-1);
  const count = data.classes?.length ?? width ?? 2;
  const code = labelled(lines, files, count, training, shapes, split);
  const needs: PyModule[] = ['tensorflow', ...(unzip.length > 0 ? (['zipfile'] as const) : [])];
  // The speech sample is WAV; a user's folder may hold FLAC, OGG or MP3 clips, read with soundfile.
  const pip = data.sampleId === undefined ? [...code.pip, 'soundfile'] : code.pip;
  return { ...code, pip, needs: new Set<PyModule>([...code.needs, 'os', 're', ...needs]) };
}
