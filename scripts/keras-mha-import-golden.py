"""Writes src/compile/fixtures/keras3-mha/: small Keras 3 Transformer classifiers with
MultiHeadAttention, each in the TF.js layers format as `tensorflowjs.converters.save_keras_model`
writes it (model.json + group1-shard1of1.bin in its own folder), and golden.json with Keras's own
predictions on fixed token ids, so Netloom's import is checked against Keras without Python at
test time. Run: KERAS_BACKEND=tensorflow python scripts/keras-mha-import-golden.py

The tensorflowjs pip package is not installable here, so `save_keras_model` is reproduced from its
source (tfjs-converter 4.22, keras_h5_conversion.py and write_weights.py): the model is saved with
`model.save("x.h5")` as the converter does, the topology is that file's `model_config` attribute,
and the weights are read from its `model_weights` groups in h5py's order, named as the file names
them, and written back to back as float32 into one shard.
"""

import json
import math
import os
import shutil
import tempfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import h5py  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

L = keras.layers
rng = np.random.default_rng(514)
VOCAB, D, SEQ, CONTEXT = 24, 8, 6, 7
CONVERTED_BY = "TensorFlow.js Converter v4.22.0"
SHARD_BYTES = 4 * 1024 * 1024


def encoder_tail(x, attended, name):
    """Add & norm, a ReLU feed-forward, add & norm, pooled into a 3-class softmax."""
    x = L.LayerNormalization(name=f"{name}_norm_1")(L.Add(name=f"{name}_add_1")([x, attended]))
    ff = L.Dense(D, name=f"{name}_ff_2")(L.Dense(2 * D, activation="relu", name=f"{name}_ff_1")(x))
    x = L.LayerNormalization(name=f"{name}_norm_2")(L.Add(name=f"{name}_add_2")([x, ff]))
    return L.Dense(3, activation="softmax", name="classes")(L.GlobalAveragePooling1D(name="pool")(x))


def self_attention():
    tokens = keras.Input((SEQ,), dtype="int32", name="tokens")
    x = L.Embedding(VOCAB, D, name="embedding")(tokens)
    attended = L.MultiHeadAttention(num_heads=2, key_dim=4, name="multi_head_attention")(x, x)
    return keras.Model(tokens, encoder_tail(x, attended, "block"), name="self_attention")


def causal():
    tokens = keras.Input((SEQ,), dtype="int32", name="tokens")
    x = L.Embedding(VOCAB, D, name="embedding")(tokens)
    attended = L.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=2, name="causal_attention")(x, x, use_causal_mask=True)
    return keras.Model(tokens, encoder_tail(x, attended, "decoder"), name="causal")


def cross_attention():
    tokens = keras.Input((SEQ,), dtype="int32", name="tokens")
    context = keras.Input((CONTEXT,), dtype="int32", name="context")
    q = L.Embedding(VOCAB, D, name="query_embedding")(tokens)
    v = L.Embedding(VOCAB, D, name="context_embedding")(context)
    # The call's keyword arguments as a user may spell them out; all are Keras's defaults but dropout.
    mha = L.MultiHeadAttention(num_heads=2, key_dim=4, value_dim=3, dropout=0.1, name="cross_attention")
    attended = mha(q, v, attention_mask=None, return_attention_scores=False, training=None, use_causal_mask=False)
    return keras.Model([tokens, context], encoder_tail(q, attended, "block"), name="cross_attention")


def separate_key():
    """`mha(q, v, k)` with a key other than the value: Netloom's MultiHeadAttention cannot say it."""
    tokens = keras.Input((SEQ,), dtype="int32", name="tokens")
    context = keras.Input((CONTEXT,), dtype="int32", name="context")
    q = L.Embedding(VOCAB, D, name="query_embedding")(tokens)
    v = L.Embedding(VOCAB, D, name="context_embedding")(context)
    k = L.Dense(D, name="key_projection")(v)
    attended = L.MultiHeadAttention(num_heads=2, key_dim=4, name="keyed_attention")(q, v, k)
    return keras.Model([tokens, context], encoder_tail(q, attended, "block"), name="separate_key")


def attention_mask():
    """A real attention_mask tensor from a second input."""
    tokens = keras.Input((SEQ,), dtype="int32", name="tokens")
    mask = keras.Input((SEQ, SEQ), dtype="bool", name="mask")
    x = L.Embedding(VOCAB, D, name="embedding")(tokens)
    attended = L.MultiHeadAttention(num_heads=2, key_dim=4, name="masked_attention")(x, x, attention_mask=mask)
    return keras.Model([tokens, mask], encoder_tail(x, attended, "block"), name="attention_mask")


def attention_scores():
    """return_attention_scores=True: the layer has a second output, the scores."""
    tokens = keras.Input((SEQ,), dtype="int32", name="tokens")
    x = L.Embedding(VOCAB, D, name="embedding")(tokens)
    attended, _scores = L.MultiHeadAttention(num_heads=2, key_dim=4, name="scored_attention")(x, x, return_attention_scores=True)
    return keras.Model(tokens, encoder_tail(x, attended, "block"), name="attention_scores")


# name, builder, whether Netloom imports it (the others are refused; no golden outputs).
MODELS = [
    ("self-attention", self_attention, True),
    ("causal", causal, True),
    ("cross-attention", cross_attention, True),
    ("separate-key", separate_key, False),
    ("attention-mask", attention_mask, False),
    ("attention-scores", attention_scores, False),
]


def set_weights(model):
    """Fixed values for every weight (LayerNormalization's gamma around 1), so nothing is an initializer's."""
    for w in model.weights:
        values = np.round(rng.uniform(-0.6, 0.6, size=w.shape), 4)
        if w.path.endswith("gamma"):
            values = 1 + values / 2
        w.assign(values.astype("float32"))


def h5_group_weights(group):
    """keras_h5_conversion._convert_h5_group: a leaf's `weight_names` in order, else its keys in order."""
    if "weight_names" in group.attrs:
        names = [n.decode("utf8") if isinstance(n, bytes) else n for n in group.attrs["weight_names"].tolist()]
        return [{"name": n[:-2] if n.endswith(":0") else n, "data": np.array(group[n])} for n in names]
    return [entry for key in group.keys() for entry in h5_group_weights(group[key])]


def save_keras_model(model, folder):
    """tensorflowjs.converters.save_keras_model, as in tfjs-converter 4.22."""
    handle, h5_path = tempfile.mkstemp(suffix=".h5")
    os.close(handle)
    model.save(h5_path)
    with h5py.File(h5_path, "r") as h5:
        topology = {"keras_version": h5.attrs["keras_version"], "backend": h5.attrs["backend"]}
        topology["model_config"] = json.loads(h5.attrs["model_config"])
        if "training_config" in h5.attrs:
            topology["training_config"] = json.loads(h5.attrs["training_config"])
        group = [entry for name in h5["model_weights"] for entry in h5_group_weights(h5["model_weights"][name])]
    os.remove(h5_path)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    data = b"".join(np.ascontiguousarray(e["data"]).tobytes() for e in group)
    shards = max(1, math.ceil(len(data) / SHARD_BYTES))
    paths = [f"group1-shard{i + 1}of{shards}.bin" for i in range(shards)]
    for i, path in enumerate(paths):
        with open(os.path.join(folder, path), "wb") as f:
            f.write(data[i * SHARD_BYTES : (i + 1) * SHARD_BYTES])
    manifest = [{"paths": paths, "weights": [{"name": e["name"], "shape": list(e["data"].shape), "dtype": e["data"].dtype.name} for e in group]}]
    model_json = {
        "format": "layers-model",
        "generatedBy": f"keras v{topology['keras_version']}",
        "convertedBy": CONVERTED_BY,
        "modelTopology": topology,
        "weightsManifest": manifest,
    }
    with open(os.path.join(folder, "model.json"), "wt") as f:
        json.dump(model_json, f)


def feeds(model):
    """Three fixed sequences of token ids per token input (and a lower-triangular mask for a mask input)."""
    out = {}
    for tensor in model.inputs:
        name, shape = tensor.name, tuple(tensor.shape[1:])
        if tensor.dtype == "bool":
            out[name] = np.broadcast_to(np.tril(np.ones(shape, dtype=bool)), (3, *shape))
        else:
            out[name] = rng.integers(1, VOCAB, size=(3, *shape)).astype("int32")
    return out


root = os.path.join(os.path.dirname(__file__), "..", "src", "compile", "fixtures", "keras3-mha")
golden = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "models": {}}
for name, build, imports in MODELS:
    model = build()
    set_weights(model)
    save_keras_model(model, os.path.join(root, name))
    if imports:
        x = feeds(model)
        y = np.asarray(model.predict(x if len(x) > 1 else next(iter(x.values())), verbose=0))
        golden["models"][name] = {
            "inputs": {k: {"shape": list(v.shape), "values": v.ravel().tolist()} for k, v in x.items()},
            "output": {"shape": list(y.shape), "values": [round(float(v), 7) for v in y.ravel()]},
        }

with open(os.path.join(root, "golden.json"), "w") as f:
    json.dump(golden, f, separators=(",", ":"))
    f.write("\n")
print("wrote", root, [m[0] for m in MODELS])
