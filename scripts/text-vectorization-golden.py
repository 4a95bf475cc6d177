"""Writes src/data/text/fixtures/keras-text-vectorization.json: what Keras 3's TextVectorization
(output_mode='int') learns and returns for tricky text, so src/data/text/keras-golden.test.ts can
check Netloom's tokenizer against it without Python.

Needs Keras 3 and TensorFlow (the layer runs on tf.strings whatever the backend):
    KERAS_BACKEND=jax python scripts/text-vectorization-golden.py
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "data", "text", "fixtures", "keras-text-vectorization.json")

SENTENCES = [
    "The cat sat on the mat.",
    "THE CAT, the Cat; the cat!!!",
    "Don't stop-believing: it's 100% (really) [sure]?",
    "e-mail me @ a.b@c.d #tag $5 & co.",
    "  repeated   spaces\tand\ttabs\nnew\r\nlines\x0bvt\x0cff  ",
    "",
    "   ",
    "ÉCOLE école Straße ΣΑΣ İstanbul ÀÉÎ",
    "it’s “quoted” — ok… «guillemets» ¿qué? ¡sí!",
    "no\u00a0break ideographic\u3000space em\u2003space sep\x1cchar",
    "emoji 😀 😀😀 e\u0301 café ｆｕｌｌ！",
    "[UNK] [unk] unk <pad>",
    "a b c d e f g h",
    "h g f e d c b a",
    "zz aa mm zz aa mm",
    "under_score back\\slash pipe|tilde~caret^grave`",
]

UNSEEN = [
    "the cat sat",
    "A brand new sentence, never seen before!",
    "",
    "cat cat cat cat cat cat cat cat cat cat cat cat",
    "😀 école ÉCOLE ｆｕｌｌ！ unk [UNK]",
    "  \t\n ",
]

CASES = [
    {"name": "defaults", "options": {"standardize": "lower_and_strip_punctuation", "split": "whitespace", "maxTokens": None, "outputSequenceLength": None}},
    {"name": "length 6", "options": {"standardize": "lower_and_strip_punctuation", "split": "whitespace", "maxTokens": None, "outputSequenceLength": 6}},
    {"name": "max tokens 10, length 4", "options": {"standardize": "lower_and_strip_punctuation", "split": "whitespace", "maxTokens": 10, "outputSequenceLength": 4}},
    {"name": "max tokens 2", "options": {"standardize": "lower_and_strip_punctuation", "split": "whitespace", "maxTokens": 2, "outputSequenceLength": 3}},
    {"name": "no standardize", "options": {"standardize": None, "split": "whitespace", "maxTokens": None, "outputSequenceLength": 12}},
    {"name": "character", "options": {"standardize": "lower_and_strip_punctuation", "split": "character", "maxTokens": None, "outputSequenceLength": 20}},
    {"name": "character raw, max 12", "options": {"standardize": None, "split": "character", "maxTokens": 12, "outputSequenceLength": 8}},
    {"name": "character, no length", "options": {"standardize": None, "split": "character", "maxTokens": 30, "outputSequenceLength": None}},
]


def run(case):
    o = case["options"]
    layer = keras.layers.TextVectorization(
        max_tokens=o["maxTokens"],
        standardize=o["standardize"],
        split=o["split"],
        output_mode="int",
        output_sequence_length=o["outputSequenceLength"],
    )
    try:
        layer.adapt(SENTENCES)
    except Exception as e:  # Keras 3.15 fails to build an empty lookup table (max_tokens=2)
        return {**case, "error": type(e).__name__}
    texts = SENTENCES + UNSEEN
    out = np.asarray(layer(texts)).astype(int).tolist()
    return {**case, "vocabulary": [str(t) for t in layer.get_vocabulary()], "texts": texts, "output": out}


def main():
    golden = {
        "generator": "scripts/text-vectorization-golden.py",
        "keras": keras.__version__,
        "tensorflow": tf.__version__,
        "backend": keras.backend.backend(),
        "adapt": SENTENCES,
        "cases": [run(c) for c in CASES],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(CASES)} cases to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
