import { collectableImage, extensionOf, isJunkName } from '../images/formats';
import { SOUND_EXTENSIONS } from '../images/collect';
import type { ClassFileKind } from '../images/collect';

/** Extensions of sound files a browser may decode; WAV is read everywhere, and the CLI reads FLAC, Ogg Vorbis and MP3 too. */
const AUDIO_EXTENSIONS = SOUND_EXTENSIONS;

/** Whether a path names a sound file by its extension. */
export const isAudioPath = (path: string): boolean => AUDIO_EXTENSIONS.has(extensionOf(path));

/** Whether a path names a WAV file, which Netloom decodes itself (in the worker and the CLI). */
export const isWavPath = (path: string): boolean => ['wav', 'wave'].includes(extensionOf(path));

/** Whether a zip or folder entry is a sound clip the audio loader keeps (not hidden, not `__MACOSX`). */
export const collectableAudio = (path: string): boolean => isAudioPath(path) && !path.split(/[\\/]/).some(isJunkName);

/** The sound clips a class folder may hold. */
export const AUDIO_FILES: ClassFileKind = {
  accept: isAudioPath,
  plural: 'sound clips',
  formats: 'WAV; OGG, MP3, WebM, M4A or FLAC where the browser decodes them',
  example: 'yes/1.wav and no/2.wav',
  notOne: (ext) => `not a sound file (${ext === '' ? 'no extension' : `.${ext}`})`,
};

/** Whether paths (a zip's names, say) hold more sound clips than images: where a dropped zip should go. */
export function mostlySound(paths: readonly string[]): boolean {
  let sounds = 0;
  let images = 0;
  for (const p of paths) {
    if (collectableAudio(p)) sounds++;
    else if (collectableImage(p)) images++;
  }
  return sounds > images;
}
