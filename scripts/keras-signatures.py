#!/usr/bin/env python3
"""Writes src/compile/keras3-signatures.json: the Keras 3 constructor signatures Netloom's Python
export is checked against (src/compile/keras-signatures.test.ts).

Nothing in CI runs this script; the JSON it writes is committed data, and this file records how it
was made. To refresh it after a Keras upgrade, in a virtual environment with Keras 3 and any backend:

    python -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install keras jax
    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-signatures.py

then review the diff and run the test. Every entry comes from `inspect.signature` on the installed
Keras: per callable, its parameters in order with their kind, their default (as JSON where it is
one) and a coarse "value shape" read from the default, the annotation and the Args section of the
docstring.
"""

import inspect
import json
import math
import os
import platform
import re
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402  (the backend must be chosen before the import)
from keras.src import activations, initializers, losses  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "compile", "keras3-signatures.json")

KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional-only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional-or-keyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword-only",
    inspect.Parameter.VAR_POSITIONAL: "var-positional",
    inspect.Parameter.VAR_KEYWORD: "var-keyword",
}

# What the script generator calls besides keras.layers.* and keras.Input (see
# src/compile/keras-python-*.ts): optimizers, losses, callbacks, regularizers, model and utils.
EXTRA = [
    "keras.Input",
    "keras.Sequential",
    "keras.Model",
    "keras.Model.compile",
    "keras.Model.fit",
    "keras.optimizers.SGD",
    "keras.optimizers.Adam",
    "keras.optimizers.RMSprop",
    "keras.optimizers.Adagrad",
    "keras.optimizers.Adamax",
    "keras.losses.Huber",
    "keras.callbacks.EarlyStopping",
    "keras.callbacks.ReduceLROnPlateau",
    "keras.regularizers.L1",
    "keras.regularizers.L2",
    "keras.regularizers.L1L2",
    "keras.utils.set_random_seed",
    "keras.utils.to_categorical",
    "keras.utils.image_dataset_from_directory",
]


def resolve(dotted):
    """keras.optimizers.Adam -> the object."""
    parts = dotted.split(".")
    assert parts[0] == "keras", dotted
    obj = keras
    for part in parts[1:]:
        obj = getattr(obj, part)
    return obj


def json_value(value):
    """The default as JSON, or None with ok=False when it is not representable."""
    if value is None or isinstance(value, (bool, int, str)):
        return value, True
    if isinstance(value, float):
        return (value, True) if math.isfinite(value) else (None, False)
    if isinstance(value, (tuple, list)):
        items = [json_value(v) for v in value]
        return [v for v, _ in items], all(ok for _, ok in items)
    return None, False


def value_shape(value):
    """A coarse shape of a Python value: int, float, bool, str, None, tuple, nested tuple, layer, callable/object."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, (tuple, list)):
        return "nested tuple" if any(isinstance(v, (tuple, list)) for v in value) else "tuple"
    if isinstance(value, keras.layers.Layer):
        return "layer"
    return "callable/object"


ANNOTATIONS = {int: "int", float: "float", bool: "bool", str: "str", tuple: "tuple", list: "tuple"}


def annotation_shapes(annotation):
    if annotation is inspect.Parameter.empty:
        return []
    if annotation in ANNOTATIONS:
        return [ANNOTATIONS[annotation]]
    return []


# Docstring phrases, checked on the first sentence of an argument's description, in this order.
DOC_RULES = [
    (re.compile(r"tuples? of (?:2|3|two|three) tuples|tuple of tuples|\(\(", re.I), "nested tuple"),
    (re.compile(r"\btuple|\blist\b|\blist/tuple|\btuple/list", re.I), "tuple"),
    (re.compile(r"\bint(?:eger)?s?\b", re.I), "int"),
    (re.compile(r"\bfloats?\b", re.I), "float"),
    (re.compile(r"\bbool(?:ean)?\b", re.I), "bool"),
    (re.compile(r"\bstr(?:ing)?s?\b|\bname of\b|\bone of `\"", re.I), "str"),
    (re.compile(r"\b(?:activation|initializer|regularizer|constraint|loss)\b", re.I), "str"),
    (re.compile(r"\b(?:activation|initializer|regularizer|constraint|loss|function|callable|instance|object)\b", re.I), "callable/object"),
    (re.compile(r"\blayer\b.*\binstance\b|`keras\.layers\.\w+` instance|`Layer`", re.I), "layer"),
]


def doc_args(obj):
    """Argument name -> its description, from the docstring's Args section."""
    doc = inspect.getdoc(obj) or ""
    match = re.search(r"^(?:Args|Arguments):\s*$", doc, re.M)
    if not match:
        return {}
    args = {}
    name = None
    base = None
    for line in doc[match.end():].splitlines():
        if line.strip() == "":
            continue
        indent = len(line) - len(line.lstrip())
        if base is None:
            base = indent
        if indent < base:
            break
        head = re.match(r"\s*(\*{0,2}\w+)(?: \([^)]*\))?:\s*(.*)", line)
        if indent == base and head:
            name = head.group(1).lstrip("*")
            args[name] = head.group(2)
        elif name is not None and indent > base:
            args[name] += " " + line.strip()
        elif indent == base:
            break
    return args


def first_sentence(text):
    text = re.sub(r"\s+", " ", text).strip()
    # A full stop ends it, except in "e.g." and "i.e.".
    end = re.search(r"(?<!\be\.g)(?<!\bi\.e)(?<!\be)(?<!\bi)\.(?:\s|$)", text)
    sentence = text[: end.start() + 1] if end else text
    return sentence[:160]


# Where a docstring's first sentence misleads the word rules above: PReLU's shared_axes "share
# learnable parameters for the activation function" reads as a callable, but it takes axes.
# EarlyStopping's min_delta says no type and defaults to the int 0, but it is a change of a loss
# (Keras keeps abs(min_delta) and compares floats with it), so it takes a float.
DOC_SHAPE_OVERRIDES = {
    ("PReLU", "shared_axes"): ["tuple", "list", "int"],
    ("EarlyStopping", "min_delta"): ["float", "int"],
}


def doc_shapes(description):
    sentence = first_sentence(description)
    shapes = []
    for pattern, shape in DOC_RULES:
        if pattern.search(sentence) and shape not in shapes:
            shapes.append(shape)
    return shapes


WORDS = {"one": 1, "two": 2, "three": 3}
LENGTH = re.compile(r"(?:tuple|list)(?:/(?:tuple|list))? of (\d+|one|two|three) (?:int|integer|tuple)", re.I)
CHOICE = re.compile(r"\b(?:one of|either)\b", re.I)


def sentences(text):
    text = re.sub(r"\s+", " ", text).strip()
    return [s for s in re.split(r"(?<!\be\.g)(?<!\bi\.e)(?<!\be)(?<!\bi)\.(?:\s|$)", text) if s]


def doc_length(description):
    """The tuple length the description names ("tuple/list of 2 integers"), if any."""
    match = LENGTH.search(first_sentence(description))
    if not match:
        return None
    word = match.group(1).lower()
    return WORDS.get(word) or int(word)


def doc_options(description):
    """The strings a description lists as the choices ("either `"valid"` or `"same"`"), if any."""
    for sentence in sentences(description):
        if CHOICE.search(sentence):
            options = re.findall(r'"([\w-]+)"', sentence)
            if options:
                return options
    return []


def class_rank(obj):
    """2 for Conv2D, ZeroPadding2D...: the tuple length of its per-axis parameters; None elsewhere."""
    match = re.search(r"([123])D", obj.__name__) if inspect.isclass(obj) else None
    return int(match.group(1)) if match else None


def describe(obj, skip_self):
    """The parameters of a function, or of a class's constructor, in order."""
    target = obj.__init__ if inspect.isclass(obj) else obj
    signature = inspect.signature(target)
    docs = doc_args(obj)
    if inspect.isclass(obj) and not docs:
        docs = doc_args(obj.__init__)
    params = []
    for i, p in enumerate(signature.parameters.values()):
        if skip_self and i == 0 and p.name == "self":
            continue
        entry = {"name": p.name, "kind": KINDS[p.kind]}
        if p.default is not inspect.Parameter.empty:
            value, ok = json_value(p.default)
            if ok:
                entry["default"] = value
            else:
                entry["default_repr"] = repr(p.default)
            entry["shape"] = value_shape(p.default)
        else:
            entry["required"] = p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        shapes = annotation_shapes(p.annotation)
        override = DOC_SHAPE_OVERRIDES.get((getattr(obj, "__name__", ""), p.name))
        if p.name in docs:
            found = override if override is not None else doc_shapes(docs[p.name])
            shapes += [s for s in found if s not in shapes]
            entry["doc"] = first_sentence(docs[p.name])
            length = doc_length(docs[p.name])
            rank = class_rank(obj)
            if length is not None and rank is not None and length != rank:
                # Some docstrings are copied from the layer of another rank (Conv2DTranspose's
                # says "tuple/list of 1 integer"); the class's rank is what it takes.
                entry["doc_length_note"] = f"the docstring says {length}; the class is {rank}D"
                length = rank
            if length is not None:
                entry["doc_length"] = length
            options = doc_options(docs[p.name])
            if options:
                entry["doc_options"] = options
        if shapes:
            entry["doc_shapes"] = shapes
        params.append(entry)
    return params


def base_layer():
    """Keyword arguments every layer takes: Layer.__init__'s own, and the ones it pops from **kwargs."""
    params = describe(keras.layers.Layer, True)
    source = inspect.getsource(keras.layers.Layer.__init__)
    popped = sorted(set(re.findall(r'kwargs\.pop\(\s*"(\w+)"', source)))
    named = {p["name"] for p in params}
    for name in popped:
        if name not in named:
            params.append({"name": name, "kind": "keyword-only", "default": None, "shape": "None", "popped_from_kwargs": True})
    return [p for p in params if p["kind"] != "var-keyword"]


def layer_classes():
    """Every Layer subclass keras.layers exports, by its exported name (aliases point at the first name)."""
    out = {}
    first_name = {}
    for name in sorted(dir(keras.layers)):
        obj = getattr(keras.layers, name)
        if not (inspect.isclass(obj) and issubclass(obj, keras.layers.Layer)):
            continue
        entry = {"kind": "class", "python": f"keras.layers.{name}"}
        if id(obj) in first_name:
            entry["alias_of"] = f"layers.{first_name[id(obj)]}"
        else:
            first_name[id(obj)] = name
        entry["params"] = describe(obj, True)
        out[f"layers.{name}"] = entry
    return out


def extras():
    out = {}
    for dotted in EXTRA:
        obj = resolve(dotted)
        kind = "class" if inspect.isclass(obj) else "function"
        out[dotted] = {"kind": kind, "python": dotted, "params": describe(obj, True)}
    for name in sorted(activations.ALL_OBJECTS_DICT):
        dotted = f"keras.activations.{name}"
        fn = getattr(keras.activations, name, None)
        if fn is not None and callable(fn):
            out[dotted] = {"kind": "function", "python": dotted, "params": describe(fn, False)}
    return out


def dumps(table):
    """JSON with one line per parameter: a readable diff when Keras changes, and a small file."""
    line = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    out = ["{"]
    for i, (key, value) in enumerate(table.items()):
        comma = "," if i < len(table) - 1 else ""
        if key == "callables":
            out.append(f'  "callables": {{')
            items = list(value.items())
            for j, (name, entry) in enumerate(items):
                head = {k: v for k, v in entry.items() if k != "params"}
                params = ",\n".join(f"      {line(p)}" for p in entry["params"])
                body = line(head)[:-1] + (', "params": [\n' + params + "\n    ]}" if params else ', "params": []}')
                out.append(f"    {line(name)}: {body}" + ("," if j < len(items) - 1 else ""))
            out.append("  }" + comma)
        elif key == "base_layer":
            out.append('  "base_layer": [\n' + ",\n".join(f"    {line(p)}" for p in value) + "\n  ]" + comma)
        else:
            out.append(f"  {line(key)}: {line(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    table = {
        "about": (
            "Keras 3 signatures, generated by scripts/keras-signatures.py with inspect.signature; "
            "do not edit by hand. Checked against Netloom's Keras lines by src/compile/keras-signatures.test.ts."
        ),
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "python_version": platform.python_version(),
        "names": {
            # Strings keras.activations.get / initializers.get / losses.get accept.
            "activations": sorted(activations.ALL_OBJECTS_DICT),
            "initializers": sorted(initializers.ALL_OBJECTS_DICT),
            "losses": sorted(losses.ALL_OBJECTS_DICT),
        },
        "base_layer": base_layer(),
        "callables": {**layer_classes(), **extras()},
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(dumps(table))
    print(f"wrote {os.path.relpath(OUT)}: {len(table['callables'])} callables, Keras {keras.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
