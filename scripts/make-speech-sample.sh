#!/usr/bin/env bash
# Makes public/samples/speech-commands.zip: 8 spoken command words, 30 clips each, synthesised
# with espeak-ng in varied voices, speeds and pitches, placed at a varying offset in exactly 1 s
# of 16 kHz mono, over low background noise, as 8-bit unsigned PCM WAV (16-bit made the zip about
# twice the size for no audible gain over the noise). Needs `apt-get install espeak-ng sox zip`.
#
# Every choice comes from the clip's index (no random numbers), sox runs in repeatable mode (-R,
# a fixed seed for its noise and dither) and the zip holds fixed timestamps and no extra fields,
# so re-running with the same espeak-ng and sox gives the same bytes.
#
# Usage, from the repository root: bash scripts/make-speech-sample.sh
set -euo pipefail
export LC_ALL=C TZ=UTC

WORDS=(yes no up down left right stop go)
CLIPS_PER_WORD=30
RATE=16000
CLIP_SAMPLES=16000
VOICES=(en-us en-gb en-gb-x-rp en-029 en-gb-scotland en-gb-x-gbclan en-gb-x-gbcwmd en-us-nyc)
VARIANTS=(m1 m2 m3 m4 m5 m6 m7 f1 f2 f3 f4 f5)
NOISES=(whitenoise pinknoise brownnoise)
NOISE_SECONDS=20
OUT="public/samples/speech-commands.zip"

for tool in espeak-ng sox soxi zip; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install espeak-ng sox zip" >&2; exit 1; }
done
[ -d public/samples ] || { echo "run from the repository root" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/speech-commands"

# One long stretch of each noise colour; each clip takes 1 s of it from its own offset, so the
# noise differs from clip to clip while -R keeps it the same from run to run.
for noise in "${NOISES[@]}"; do
  sox -R -n -r "$RATE" -c 1 -b 16 "$work/$noise.wav" synth "$NOISE_SECONDS" "$noise"
done

for w in "${!WORDS[@]}"; do
  word=${WORDS[$w]}
  mkdir -p "$root/$word"
  for ((i = 0; i < CLIPS_PER_WORD; i++)); do
    k=$((w * CLIPS_PER_WORD + i))
    voice=${VOICES[$((i % ${#VOICES[@]}))]}
    variant=${VARIANTS[$(((i * 5 + w) % ${#VARIANTS[@]}))]}
    speed=$((120 + (i * 37 + w * 11) % 81))  # words a minute, 120..200
    pitch=$((20 + (i * 23 + w * 7) % 61))    # espeak-ng's 0..99 scale, 20..80
    gain=$((-2 - (k * 7) % 8))               # speech peak, -2..-9 dB
    noise=${NOISES[$((k % ${#NOISES[@]}))]}
    noise_db=$((-30 - (k * 11) % 16))         # noise level after normalising, -30..-45 dB
    noise_at=$(((k * 7919) % ((NOISE_SECONDS - 1) * RATE)))

    espeak-ng -v "$voice+$variant" -s "$speed" -p "$pitch" -w "$work/raw.wav" "$word"
    # 16 kHz mono, leading and trailing silence cut, peak at the clip's gain.
    sox -R "$work/raw.wav" -r "$RATE" -c 1 -b 16 "$work/speech.wav" \
      silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse norm "$gain"
    len=$(soxi -s "$work/speech.wav")
    if ((len > CLIP_SAMPLES - 800)); then
      # Too slow to fit: speed it up to 0.95 s (tempo keeps the pitch).
      sox -R "$work/speech.wav" "$work/fit.wav" tempo -s "$(awk -v l="$len" -v c="$CLIP_SAMPLES" 'BEGIN { printf "%.4f", l / (c - 800) }')"
      mv "$work/fit.wav" "$work/speech.wav"
      len=$(soxi -s "$work/speech.wav")
    fi
    slack=$((CLIP_SAMPLES - len))
    if ((slack < 0)); then slack=0; fi
    # Start between 10% and 90% of the room left, so the word is not always centred.
    before=$((slack * (10 + (k * 37) % 81) / 100))
    sox -R "$work/speech.wav" "$work/placed.wav" pad "${before}s" "$((slack - before))s" trim 0 "${CLIP_SAMPLES}s"
    sox -R "$work/$noise.wav" "$work/bg.wav" trim "${noise_at}s" "${CLIP_SAMPLES}s" norm "$noise_db"
    name=$(printf '%s-%02d.wav' "$word" "$((i + 1))")
    sox -R -m -v 1 "$work/placed.wav" -v 1 "$work/bg.wav" -b 8 -e unsigned-integer "$root/$word/$name"
  done
done

# Fixed timestamps, sorted entries, no extra fields (-X) and no directory entries (-D).
find "$root" -exec touch -d '2026-01-01 00:00:00' {} +
rm -f "$OUT"
(cd "$work" && find speech-commands -type f | sort | zip -X -D -9 -q "$OLDPWD/$OUT" -@)
echo "wrote $OUT: $(find "$root" -name '*.wav' | wc -l) clips, $(stat -c %s "$OUT") bytes"
