"""Golden log-mel spectrograms for src/data/audio/spectrogram.test.ts, from numpy alone.

An independent implementation of the definition in src/data/audio/types.ts (AudioSettings): a
naive DFT (a matrix of cos/sin, no FFT), TensorFlow's periodic Hann window, and a mel matrix
built band by band from the mel-spaced edges. Float64 throughout. The test signal is a chirp, a
tone and seeded noise, so every band sees energy.

Run: python3 scripts/audio-reference.py  (writes src/data/audio/fixtures/log-mel-reference.json)
"""

import base64
import json
import os

import numpy as np

LOG_OFFSET = 1e-6
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "data", "audio", "fixtures", "log-mel-reference.json")


def mel(hz):
    return 1127.0 * np.log1p(np.asarray(hz, dtype=np.float64) / 700.0)


def mel_matrix(bands, bins, rate, lower_hz, upper_hz):
    """[bins, bands]: band b rises from edge b to edge b+1 and falls to edge b+2, in mel."""
    edges = np.linspace(mel(lower_hz), mel(upper_hz), bands + 2)
    freqs = np.arange(bins) * (rate / 2.0) / (bins - 1)
    m = mel(freqs)
    out = np.zeros((bins, bands))
    for b in range(bands):
        lo, mid, hi = edges[b], edges[b + 1], edges[b + 2]
        up = (m - lo) / (mid - lo)
        down = (hi - m) / (hi - mid)
        out[:, b] = np.clip(np.minimum(up, down), 0.0, None)
    out[0, :] = 0.0  # no DC bin, as HTK
    return out


def hann(length):
    # TensorFlow's periodic window divides by the length when it is even, by length - 1 when odd.
    divisor = length if length % 2 == 0 else length - 1
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(length) / divisor)


def stft_magnitude(x, frame_length, frame_step):
    fft_length = 1 << int(np.ceil(np.log2(frame_length)))
    count = 1 + (len(x) - frame_length) // frame_step
    frames = np.stack([x[i * frame_step : i * frame_step + frame_length] for i in range(count)]) * hann(frame_length)
    # Naive DFT over the frame's samples: the zero padding to fft_length adds nothing to the sums.
    k = np.arange(fft_length // 2 + 1)[:, None]
    n = np.arange(frame_length)[None, :]
    angle = 2.0 * np.pi * k * n / fft_length
    re = frames @ np.cos(angle).T
    im = -(frames @ np.sin(angle).T)
    return np.sqrt(re**2 + im**2)


def log_mel(x, s):
    magnitude = stft_magnitude(x, s["frameLength"], s["frameStep"])
    bins = magnitude.shape[1]
    weights = mel_matrix(s["melBands"], bins, s["sampleRate"], s["lowerHz"], s["upperHz"])
    return np.log(magnitude @ weights + LOG_OFFSET), weights


def signal(rate, seconds, seed):
    t = np.arange(int(round(rate * seconds))) / rate
    chirp = 0.5 * np.sin(2 * np.pi * (100 * t + 0.5 * (rate / 2.5 - 100) / seconds * t**2))
    tone = 0.2 * np.sin(2 * np.pi * 1000 * t)
    noise = 0.05 * np.random.default_rng(seed).standard_normal(len(t))
    # 16-bit PCM, as a WAV clip holds it: the fixture stores the integers, the test divides by 32768.
    return np.clip(np.round((chirp + tone + noise) * 32768), -32768, 32767).astype(np.int16)


def case(name, settings, seconds, seed, keep_frames):
    pcm = signal(settings["sampleRate"], seconds, seed)
    x = pcm.astype(np.float64) / 32768.0
    values, weights = log_mel(x, settings)
    rows = values if keep_frames is None else values[keep_frames]
    return {
        "name": name,
        "settings": settings,
        "samplesInt16Base64": base64.b64encode(pcm.astype("<i2").tobytes()).decode("ascii"),
        "frames": int(values.shape[0]),
        "keptFrames": list(range(values.shape[0])) if keep_frames is None else keep_frames,
        "logMel": [[round(float(v), 7) for v in row] for row in rows],
        "melMatrix": [[round(float(v), 8) for v in row] for row in weights] if keep_frames is None else None,
    }


def main():
    small = {"sampleRate": 16000, "clipSeconds": 0.25, "frameLength": 200, "frameStep": 100, "melBands": 16, "lowerHz": 40, "upperHz": 7000}
    odd = {"sampleRate": 8000, "clipSeconds": 0.1, "frameLength": 75, "frameStep": 40, "melBands": 10, "lowerHz": 0, "upperHz": 4000}
    defaults = {"sampleRate": 16000, "clipSeconds": 1, "frameLength": 480, "frameStep": 320, "melBands": 40, "lowerHz": 20, "upperHz": 7600}
    fixture = {
        "about": "Written by scripts/audio-reference.py (numpy, naive DFT); compared by src/data/audio/spectrogram.test.ts.",
        "cases": [
            case("small frames, 0.25 s", small, 0.25, 1, None),
            case("odd frame length, 8 kHz", odd, 0.1, 2, None),
            case("defaults, 1 s", defaults, 1, 3, [0, 1, 24, 48]),
        ],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
