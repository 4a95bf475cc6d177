/**
 * Names a hostile project file could hold, for tests of everything that writes names into
 * generated code (src/lib/py-source.test.ts, src/compile/keras-script-hostile.test.ts). Each one
 * breaks a naive writer somewhere: a comment (line breaks of every kind), a string literal
 * (quotes, backslashes, triple quotes), an f-string (braces), the compiler (NUL), the reader's eye
 * (bidi overrides, zero-width characters) or a limit (length). Test use only.
 */
export const HOSTILE_STRINGS: readonly (readonly [label: string, value: string])[] = [
  ['newline then code', 'x\nimport os; os.system("echo INJECTED-CODE-RAN")'],
  ['leading and trailing newlines', '\nimport os\n'],
  ['carriage return', 'x\rimport os; os.system("echo INJECTED-CODE-RAN")'],
  ['CRLF', 'x\r\nimport os'],
  ['double quote', 'say "hi"'],
  ['single quote', "it's"],
  ['closing a call', '"); __import__("os").system("echo INJECTED-CODE-RAN"); ("'],
  ['closing a single-quoted call', "'); __import__('os').system('echo INJECTED-CODE-RAN'); ('"],
  ['backslash', 'C:\\data\\new'],
  ['trailing backslash', 'ends with \\'],
  ['escaped quote', '\\"'],
  ['triple double quotes', '"""'],
  ['escaped triple quotes', '\\"\\"\\"'],
  ['triple single quotes', "'''"],
  ['docstring break-out', '"""\nimport os\n"""'],
  ['NUL byte', 'nul\0byte'],
  ['line separator', 'x\u2028import os'],
  ['paragraph separator', 'x\u2029import os'],
  ['vertical tab and form feed', 'x\x0bimport os\x0cimport sys'],
  ['NEL and file/group/record separators', 'x\x85import os\x1c\x1d\x1e'],
  ['tab and escape', 'a\tb\x1b[31mred'],
  ['__import__', "__import__('os').system('echo INJECTED-CODE-RAN')"],
  ['f-string field', '{__import__("os").system("echo INJECTED-CODE-RAN")}'],
  ['comment marker', '# not a comment'],
  ['bidi override (Trojan Source)', 'admin\u202e\u2066 # \u2069\u2066'],
  ['zero-width and BOM', 'a\u200bb\ufeffc\u00ad'],
  ['lone surrogates', 'bad\ud800half\udc00'],
  ['non-BMP and accents', 'café 😀 数据 \u{1d11e}'],
  ['astral format character (tag)', 'tag\u{e0041}\u{e007f}'],
  ['path traversal', '../../etc/passwd'],
  ['very long', 'a'.repeat(100_000)],
  ['very long with line breaks', 'import os\n'.repeat(2_000)],
];
