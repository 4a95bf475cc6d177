"""Writes src/layers/tfjs-extra/fixtures/position-embedding-golden.json: outputs of KerasHub's
PositionEmbedding and TokenAndPositionEmbedding math (keras_hub is not installed here, so the two
classes below are the plain-Keras ones Netloom's script defines, from keras_hub's source), and
Keras 3's gelu (exact and approximate) with its gradient, for fixed inputs and weights.
Run: KERAS_BACKEND=jax python scripts/position-embedding-golden.py
"""

import json
import os

import jax
import jax.numpy as jnp
import keras
import numpy as np

rng = np.random.default_rng(15)


def r(*shape):
    return np.round(rng.uniform(-1, 1, size=shape), 4).astype("float32")


class PositionEmbedding(keras.layers.Layer):
    def __init__(self, sequence_length, initializer="glorot_uniform", **kwargs):
        super().__init__(**kwargs)
        self.sequence_length = int(sequence_length)
        self.initializer = keras.initializers.get(initializer)

    def build(self, input_shape):
        self.position_embeddings = self.add_weight(
            name="embeddings", shape=(self.sequence_length, input_shape[-1]), initializer=self.initializer
        )

    def call(self, inputs):
        shape = keras.ops.shape(inputs)
        table = keras.ops.convert_to_tensor(self.position_embeddings)[: shape[-2]]
        return keras.ops.broadcast_to(table, shape)


class TokenAndPositionEmbedding(keras.layers.Layer):
    def __init__(self, vocabulary_size, sequence_length, embedding_dim, **kwargs):
        super().__init__(**kwargs)
        self.embedding_dim = embedding_dim
        self.token_embedding = keras.layers.Embedding(vocabulary_size, embedding_dim, name="token_embedding")
        self.position_embedding = PositionEmbedding(sequence_length, name="position_embedding")

    def build(self, input_shape):
        self.token_embedding.build(input_shape)
        self.position_embedding.build(tuple(input_shape) + (self.embedding_dim,))

    def call(self, inputs):
        tokens = self.token_embedding(inputs)
        return tokens + self.position_embedding(tokens)


def weights_of(layer, name):
    out = {}
    for w in layer.weights:
        value = r(*w.shape)
        w.assign(value)
        out[w.path.removeprefix(name + "/")] = {"shape": list(w.shape), "values": value.ravel().tolist()}
    return out


def arr(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "values": [round(float(v), 8) for v in a.ravel()]}


cases = []
for name, seq_len, shape in [("full", 4, (2, 4, 3)), ("shorter", 6, (2, 3, 2))]:
    layer = PositionEmbedding(seq_len, name="pe")
    x = r(*shape)
    layer(x)
    w = weights_of(layer, "pe")
    cases.append({"name": name, "kind": "PositionEmbedding", "config": {"sequence_length": seq_len}, "input": arr(x), "weights": w, "output": arr(layer(x))})
for name, cfg, ids in [
    ("tokens-full", dict(vocabulary_size=7, sequence_length=3, embedding_dim=4), [[1, 6, 0], [3, 3, 2]]),
    ("tokens-shorter", dict(vocabulary_size=5, sequence_length=6, embedding_dim=2), [[4, 0, 1, 2]]),
]:
    layer = TokenAndPositionEmbedding(**cfg, name="tpe")
    x = np.array(ids, dtype="int32")
    layer(x)
    w = weights_of(layer, "tpe")
    cases.append({"name": name, "kind": "TokenAndPositionEmbedding", "config": cfg, "input": arr(x), "weights": w, "output": arr(layer(x))})

xs = np.array([-4, -2.5, -1, -0.7, -0.3, -0.01, 0, 0.01, 0.3, 0.7, 1, 2.5, 4], dtype="float32")
gelu = {}
for label, approximate in [("gelu", False), ("gelu_approximate", True)]:
    f = lambda v: keras.activations.gelu(v, approximate=approximate)
    gelu[label] = {"x": xs.tolist(), "y": arr(f(jnp.asarray(xs)))["values"], "dy": arr(jax.vmap(jax.grad(f))(jnp.asarray(xs)))["values"]}

out = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "cases": cases, "gelu": gelu}
path = os.path.join(os.path.dirname(__file__), "..", "src", "layers", "tfjs-extra", "fixtures", "position-embedding-golden.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print("wrote", path, [c["name"] for c in cases])
