"""The shape of generated Python scripts, for keras-script-hostile.test.ts.

Usage: python3 script_shape.py FILE...   (prints one JSON object: file -> shape)

A script's shape is what it does with its names taken out: the modules it imports, the kinds of
its top-level statements, and its whole syntax tree with every string constant blanked. A name
that is written safely changes string constants only, so the shape of a script with a hostile
name must equal the shape of the same script with a harmless one; an injected statement, import
or call changes it. The string constants are listed too, to check that each name reads back
exactly.
"""
import ast
import json
import sys


class BlankStrings(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant(value="") if isinstance(node.value, str) else node


def imported_modules(tree):
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            modules.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("__import__", "eval", "exec", "compile"):
            modules.add("<" + node.func.id + ">")
    return sorted(modules)


def shape(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source, filename=path)
    except (SyntaxError, ValueError) as error:
        return {"error": f"{type(error).__name__}: {error}"}
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return {
        "imports": imported_modules(tree),
        "top": [type(node).__name__ for node in tree.body],
        "tree": ast.dump(BlankStrings().visit(tree)),
        "strings": strings,
        "lines": source.count(b"\n") + 1,
    }


if __name__ == "__main__":
    # ensure_ascii: lone surrogates in a name survive the trip to JSON and back.
    json.dump({path: shape(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=True)
