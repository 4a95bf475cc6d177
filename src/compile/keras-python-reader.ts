/**
 * The CSV reader of a Keras script, in Python: it reads a file the way Netloom's own reader does
 * (src/data/csv.ts, csv-header.ts, csv-cells.ts), so the script sees the table the app saw: the
 * delimiter papaparse would guess, the header form (a header row, scikit-learn's first line
 * `rows,features,class names...`, or none), Netloom's column names for each form, missing-cell
 * markers and decimal commas. Keep it in step with those files; the pandas test checks both agree.
 */
import { MISSING_MARKERS } from '../data/csv-cells';
import { pyStrings } from './keras-python-util';

/** `MISSING`, `NUMBER` and friends: the cell rules of csv-cells.ts. */
function cellRules(): string[] {
  return [
    '# Cells Netloom reads as missing, and only those; its number syntax, with a decimal comma when',
    '# the delimiter is not a comma ("3,5" in a semicolon file); the digits of sklearn\'s first line.',
    `MISSING = ${pyStrings([...MISSING_MARKERS])}`,
    String.raw`NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)`,
    String.raw`COMMA_NUMBER = re.compile(r"[+-]?\d+,\d+", re.ASCII)`,
    'WHOLE = re.compile(r"[0-9]+")',
  ];
}

/** papaparse's delimiter guess over the first ten rows, as the app configures it. */
const SNIFF = [
  'def sniff_delimiter(text):',
  '    """The delimiter Netloom\'s reader (papaparse) guesses: the steadiest field count over 10 rows."""',
  '    best, best_delta, best_width = ",", None, 0',
  '    for delimiter in [",", ";", "\\t", "|"]:',
  '        widths = []',
  '        for row in csv.reader(io.StringIO(text), delimiter=delimiter):',
  '            widths.append(max(len(row), 1))',
  '            if len(widths) == 10:',
  '                break',
  '        if len(widths) < 10 and text.endswith(("\\n", "\\r")):',
  '            widths.append(1)  # papaparse counts an empty row after the last line break',
  '        delta = sum(abs(a - b) for a, b in zip(widths, widths[1:]))',
  '        width = sum(widths) / len(widths) if widths else 0',
  '        if width > 1.99 and (best_delta is None or delta < best_delta or (delta == best_delta and width > best_width)):',
  '            best, best_delta, best_width = delimiter, delta, width',
  '    return best',
];

/** guessHeader and isHeaderRow of csv-header.ts. */
const HEADER = [
  'def kind_of(cell, decimal_comma):',
  '    cell = cell.strip()',
  '    if cell in MISSING:',
  '        return "missing"',
  '    return "number" if NUMBER.fullmatch(cell) or (decimal_comma and COMMA_NUMBER.fullmatch(cell)) else "word"',
  '',
  '',
  'def cell_at(row, j):',
  '    return row[j] if j < len(row) else ""',
  '',
  '',
  'def is_header_row(rows, decimal_comma):',
  '    """Netloom\'s test: mostly words, above a column of numbers or names that never repeat below."""',
  '    first, below = rows[0], rows[1:]',
  '    kinds = [kind_of(c, decimal_comma) for c in first]',
  '    if kinds.count("word") == 0 or kinds.count("word") < kinds.count("number"):',
  '        return False',
  '    if not below:',
  '        return True',
  '    for j, kind in enumerate(kinds):',
  '        column = {kind_of(cell_at(row, j), decimal_comma) for row in below}',
  '        if kind == "word" and "word" not in column and "number" in column:',
  '            return True',
  '    seen = set()',
  '    for j, kind in enumerate(kinds):',
  '        if kind != "word":',
  '            continue',
  '        name = first[j].strip()',
  '        if name in seen or any(cell_at(row, j).strip() == name for row in below):',
  '            return False',
  '        seen.add(name)',
  '    return True',
  '',
  '',
  'def guess_header(head, decimal_comma):',
  '    """("header" | "none" | "sklearn", features, class names, names row) as Netloom decides it."""',
  '    first, second = head[0], head[1] if len(head) > 1 else None',
  '    if len(first) >= 2 and second is not None and WHOLE.fullmatch(first[0].strip()) and WHOLE.fullmatch(first[1].strip()):',
  '        features = int(first[1].strip())',
  '        names = [c.strip() for c in first[2:]]',
  '        names_ok = all(kind_of(c, decimal_comma) == "word" for c in names)',
  '        if features >= 1 and len(second) == features + 1 and len(first) != features + 1 and names_ok:',
  '            names_row = is_header_row(head[1:], decimal_comma)',
  '            if names or names_row:',
  '                return "sklearn", features, names, names_row',
  '        last_whole = all(WHOLE.fullmatch(row[-1].strip()) for row in head[1:])',
  '        if features >= 1 and len(second) == features + 1 and names and names_ok and last_whole:',
  '            return "sklearn", features, names, False',
  '    return ("header" if is_header_row(head, decimal_comma) else "none"), 0, [], False',
  '',
  '',
  'def unique_names(cells):',
  '    """Header cells as column names: trimmed, column_<n> for an empty one, _2, _3... for repeats."""',
  '    used, names = set(), []',
  '    for j, cell in enumerate(cells):',
  '        base = cell.strip() or f"column_{j + 1}"',
  '        name, k = base, 2',
  '        while name in used:',
  '            name, k = f"{base}_{k}", k + 1',
  '        used.add(name)',
  '        names.append(name)',
  '    return names',
];

/** The reader itself: rows, header form, names, then a DataFrame of trimmed text with NaN for missing. */
function readTable(sniffDelimiter: boolean): string[] {
  return [
    'def read_table(path):',
    '    """The CSV as Netloom reads it: a DataFrame of trimmed cells (NaN where missing) under Netloom\'s',
    '    column names, and the class names of an sklearn-style first line ([] without one)."""',
    '    with open(path, newline="", encoding="utf-8-sig") as f:',
    '        text = f.read()',
    `    delimiter = ${sniffDelimiter ? 'sniff_delimiter(text)' : '","  # the built-in samples are comma-separated'}`,
    '    decimal_comma = delimiter != ","',
    '    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if len(row) > 1 or (row and row[0].strip())]',
    '    if not rows:',
    '        raise ValueError(f"{path} is empty")',
    '    form, features, class_names, names_row = guess_header(rows[:50], decimal_comma)',
    '    if form == "header":',
    '        names, rows = unique_names(rows[0]), rows[1:]',
    '    elif form == "sklearn":',
    '        # sklearn\'s bundled files: "rows,features,class names..." and, in some, a header below it.',
    '        names = unique_names(rows[1]) if names_row else [f"feature_{j + 1}" for j in range(features)] + ["target"]',
    '        rows = rows[2 if names_row else 1 :]',
    '    else:',
    '        names = [f"column_{j + 1}" for j in range(len(rows[0]))]',
    '    width = len(names)',
    '    for row in rows:',
    '        if len(row) != width and not (len(row) > width and all(c.strip() == "" for c in row[width:])):',
    '            raise ValueError(f"{path}: a row has {len(row)} values but the file has {width} columns")',
    '    table = pd.DataFrame([row[:width] for row in rows], columns=names, dtype=str)',
    '    table = table.apply(lambda column: column.str.strip())',
    '    table = table.mask(table.isin(MISSING))',
    '    if decimal_comma:',
    '        table = table.replace(r"^([+-]?[0-9]+),([0-9]+)$", r"\\1.\\2", regex=True)',
    '    return table, class_names',
  ];
}

/** JavaScript's number spelling, which Netloom's category and class names use. */
const CATEGORY = [
  'def js_number(number):',
  '    """A number as JavaScript writes it: "1" for 1.0, "0.00001" for 1e-05, "1e-7", "1e+21"."""',
  '    if number.is_integer() and abs(number) < 1e21:',
  '        return str(int(number))',
  '    text = repr(number)',
  '    if "e" not in text:',
  '        return text',
  '    mantissa, power = text.split("e")',
  '    power = int(power)',
  '    if power < -6 or power >= 21:',
  "        return f\"{mantissa}e{'+' if power > 0 else '-'}{abs(power)}\"",
  '    sign, digits = ("-", mantissa[1:]) if mantissa.startswith("-") else ("", mantissa)',
  "    return f\"{sign}0.{'0' * (-power - 1)}{digits.replace('.', '')}\"",
  '',
  '',
  'def category(cell):',
  '    """A cell as Netloom spells a category: numbers as JavaScript prints them ("1.0" -> "1")."""',
  '    return js_number(float(cell)) if NUMBER.fullmatch(cell) else cell',
];

/**
 * Python that defines `read_table(path) -> (table, class_names)` and `category(cell)`, with the
 * constants they use. `sniffDelimiter` guesses the delimiter as the app does (uploads); built-in
 * samples are known to be comma-separated.
 */
export function csvReaderLines(sniffDelimiter: boolean): string[] {
  const blank = ['', ''];
  return [...cellRules(), ...blank, ...(sniffDelimiter ? [...SNIFF, ...blank] : []), ...HEADER, ...blank, ...readTable(sniffDelimiter), ...blank, ...CATEGORY];
}
