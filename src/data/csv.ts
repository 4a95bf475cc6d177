/**
 * Reading CSV text into a {@link Table} with papaparse, in chunks, the same way in the page, in a
 * Web Worker (a `File`) and in Node (a read stream). Nothing here touches `node:fs`; the
 * disk-reading helper for the CLI lives in `node-files.ts`.
 */
import Papa from 'papaparse';
import { UserFileError } from '../lib/errors';
import { createLineGuard, MAX_COLUMNS, MAX_LINE_CHARS } from './csv-limits';
import { createTableBuilder } from './table-builder';
import type { TableBuilder } from './table-builder';
import type { Table } from './types';

export { createTableBuilder } from './table-builder';
export type { TableBuilder, TableBuilderOptions } from './table-builder';
export { MAX_COLUMNS, MAX_LINE_CHARS } from './csv-limits';

/** Files over this many bytes are refused unless `maxBytes` says otherwise (500 MB). */
export const DEFAULT_MAX_BYTES = 500 * 1024 * 1024;

/** Options shared by {@link parseCsvText} and {@link streamCsv}. */
export interface CsvReadOptions {
  /** Named in error messages. */
  readonly fileName?: string;
  /** Refuse files larger than this (default {@link DEFAULT_MAX_BYTES}). */
  readonly maxBytes?: number;
  /** Stop at the first line longer than this many characters (default {@link MAX_LINE_CHARS}). */
  readonly maxLineChars?: number;
  /** Refuse tables with more columns than this (default {@link MAX_COLUMNS}). */
  readonly maxColumns?: number;
}

/** Options for {@link streamCsv}. */
export interface StreamCsvOptions extends CsvReadOptions {
  /** Called after each chunk with the bytes read so far and, when known, the total. */
  onProgress?(bytesRead: number, totalBytes?: number): void;
  /** The total size when the source is a stream (a `File` knows its own). */
  readonly totalBytes?: number;
}

/**
 * What {@link streamCsv} reads: a `File`/`Blob` (page, worker), anything async-iterable yielding
 * bytes or text (a Node `fs.createReadStream`, a web stream in browsers that iterate them), or a
 * whole string.
 */
export type CsvSource = string | Blob | AsyncIterable<string | Uint8Array>;

/** Bytes inspected by the binary check. */
const SNIFF_CHARS = 4096;
/** Text handed to papaparse at a time when the input is one big string. */
const TEXT_SLICE = 1 << 20;

/**
 * Parses a whole CSV string (tests, Node, small files). The size limit counts characters here.
 * Throws {@link UserFileError} for an empty, binary, ragged, header-only or oversized file, and for
 * one with an over-long line or too many columns.
 */
export function parseCsvText(text: string, fileName?: string, options: CsvReadOptions = {}): Table {
  checkSize(text.length, options.maxBytes ?? DEFAULT_MAX_BYTES, fileName ?? options.fileName);
  const session = createParseSession({ ...options, fileName: fileName ?? options.fileName });
  for (let i = 0; i < text.length; i += TEXT_SLICE) session.push(text.slice(i, i + TEXT_SLICE));
  return session.end();
}

/**
 * Reads a CSV a chunk at a time, so memory holds the compact table plus one chunk rather than
 * the whole file's text. Rejects with {@link UserFileError} for user-fixable problems.
 */
export async function streamCsv(source: CsvSource, options: StreamCsvOptions = {}): Promise<Table> {
  const { fileName, onProgress } = options;
  if (typeof source === 'string') return parseCsvText(source, fileName, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const total = source instanceof Blob ? source.size : options.totalBytes;
  if (total !== undefined) checkSize(total, maxBytes, fileName);
  const session = createParseSession(options);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of source instanceof Blob ? blobChunks(source) : source) {
    bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    checkSize(bytes, maxBytes, fileName, total === undefined);
    session.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    onProgress?.(bytes, total);
  }
  session.push(decoder.decode());
  return session.end();
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  // Blob streams are not async-iterable in every browser yet, so read them by hand.
  const reader = blob.stream().getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Stopped early (a refused file): stop reading the rest of it.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** True when the start of a file is not text: a NUL, or mostly control/undecodable characters. */
export function looksBinary(start: string): boolean {
  const sample = start.slice(0, SNIFF_CHARS);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.3;
}

function checkSize(bytes: number, maxBytes: number, fileName: string | undefined, sizeUnknown = false): void {
  if (bytes <= maxBytes) return;
  const mb = (n: number, round: (x: number) => number) => round(n / (1024 * 1024));
  const limit = `${mb(maxBytes, Math.floor)} MB`;
  const message = sizeUnknown ? `the file is over the ${limit} limit` : `the file is ${mb(bytes, Math.ceil)} MB, over the ${limit} limit`;
  throw new UserFileError(message, fileName);
}

/** Push-based parsing: text goes in a chunk at a time, the table comes out at the end. */
interface ParseSession {
  push(text: string): void;
  end(): Table;
}

type Listener = (chunk?: string) => void;

/**
 * Papaparse streams from anything shaped like a Node readable; this minimal one lets the same
 * code feed it from a Blob, a Node stream or a string, synchronously, one chunk per `push`.
 */
function createParseSession(options: CsvReadOptions): ParseSession {
  const { fileName } = options;
  const maxColumns = options.maxColumns ?? MAX_COLUMNS;
  // Checked before papaparse sees the text, which has no limit of its own on a line's length.
  const guard = createLineGuard(options.maxLineChars ?? MAX_LINE_CHARS, fileName);
  const listeners = new Map<string, Listener>();
  const readable = {
    readable: true,
    read: () => null,
    pause: () => undefined,
    resume: () => undefined,
    on: (event: string, fn: Listener) => void listeners.set(event, fn),
    removeListener: (event: string) => void listeners.delete(event),
  };
  let builder: TableBuilder | undefined;
  let failure: unknown;
  let head = '';
  let started = false;

  Papa.parse<string[]>(readable as unknown as NodeJS.ReadableStream, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
    chunk(results, parser) {
      if (failure !== undefined) return;
      try {
        builder ??= createTableBuilder({ fileName, delimiter: results.meta.delimiter, maxColumns });
        const unclosed = results.errors.find((e) => e.code === 'MissingQuotes');
        if (unclosed !== undefined) {
          builder.addRows(results.data.slice(0, unclosed.row ?? 0));
          throw new UserFileError(`a quoted value that starts on row ${builder.lines + 1} is never closed`, fileName);
        }
        builder.addRows(results.data);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
    complete: () => undefined,
    error(error: Error) {
      failure ??= error;
    },
  });

  function feed(text: string): void {
    if (text !== '') listeners.get('data')?.(text);
    if (failure !== undefined) throw failure;
  }

  function start(): void {
    started = true;
    if (looksBinary(head)) throw new UserFileError('this is not a text CSV file (it looks binary)', fileName);
    const text = head.startsWith('\ufeff') ? head.slice(1) : head;
    guard(text);
    feed(text);
    head = '';
  }

  return {
    push(text) {
      if (started) {
        guard(text);
        return feed(text);
      }
      // Hold back the first few KB so the binary check sees enough of the file.
      head += text;
      if (head.length >= SNIFF_CHARS) start();
    },
    end() {
      if (!started) start();
      listeners.get('end')?.();
      if (failure !== undefined) throw failure;
      return (builder ?? createTableBuilder({ fileName, maxColumns })).finish();
    },
  };
}
