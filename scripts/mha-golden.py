"""Writes src/layers/tfjs-extra/fixtures/mha-golden.json: Keras 3's MultiHeadAttention outputs
and attention scores for fixed inputs and weights (by Keras weight name), so the TF.js class is checked against Keras
without Python at test time. Run: KERAS_BACKEND=jax python scripts/mha-golden.py
"""

import json
import os

import numpy as np
import keras

rng = np.random.default_rng(14)


def r(*shape):
    return np.round(rng.uniform(-1, 1, size=shape), 4).astype("float32")


# Keras 3.15's fused path (dropout 0, JAX dot_product_attention) fails when value_dim differs
# from key_dim; dropout > 0 takes its einsum path, and dropout does nothing outside training.
CASES = [
    # name, layer kwargs, query shape, value shape (None: self-attention), causal
    ("self", dict(num_heads=2, key_dim=3), (2, 4, 5), None, False),
    ("self-causal", dict(num_heads=2, key_dim=3, value_dim=2, dropout=0.1), (2, 4, 5), None, True),
    ("cross", dict(num_heads=3, key_dim=2, value_dim=4, output_shape=6, dropout=0.1), (2, 3, 5), (2, 6, 4), False),
    ("cross-no-bias", dict(num_heads=1, key_dim=4, use_bias=False), (1, 2, 3), (1, 5, 2), False),
]

out = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "cases": []}
for name, kwargs, q_shape, v_shape, causal in CASES:
    layer = keras.layers.MultiHeadAttention(**kwargs, name="mha")
    query = r(*q_shape)
    value = query if v_shape is None else r(*v_shape)
    layer(query, value, use_causal_mask=causal)
    weights = {}
    for w in layer.weights:
        value_w = r(*w.shape)
        w.assign(value_w)
        weights[w.path.split("/", 1)[1]] = {"shape": list(w.shape), "values": value_w.ravel().tolist()}
    y = np.asarray(layer(query, value, use_causal_mask=causal))
    # The softmax probabilities (batch, heads, query, key), which try-it draws as heatmaps.
    _, scores = layer(query, value, use_causal_mask=causal, return_attention_scores=True)
    scores = np.asarray(scores)
    out["cases"].append(
        {
            "name": name,
            "config": {k: v for k, v in kwargs.items()},
            "use_causal_mask": causal,
            "query": {"shape": list(q_shape), "values": query.ravel().tolist()},
            "value": None if v_shape is None else {"shape": list(v_shape), "values": value.ravel().tolist()},
            "weights": weights,
            "output": {"shape": list(y.shape), "values": [round(float(v), 7) for v in y.ravel()]},
            "scores": {"shape": list(scores.shape), "values": [round(float(v), 7) for v in scores.ravel()]},
        }
    )

path = os.path.join(os.path.dirname(__file__), "..", "src", "layers", "tfjs-extra", "fixtures", "mha-golden.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print("wrote", path, [c["name"] for c in out["cases"]])
