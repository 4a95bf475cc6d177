import { UserFileError } from '../lib/errors';
import { terminalText } from '../lib/terminal-text';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { plotCommand } from './plot-command';
import { summaryCommand } from './summary-command';
import { trainCommand } from './train-command';

/** What the CLI touches outside itself, so it can be tested without a process. */
export interface CliIo {
  readText(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 fine, 1 the input has problems, 2 the command line is wrong. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  summary <file> [--json]   Print the Keras-style summary of a .netloom.json project
                            or a TF.js / Keras layers model.json.
  train <project> --data <file.csv|folder or zip of images or sound clips (WAV, FLAC, OGG, MP3)> [--target COL] [--epochs N] [--backend cpu|wasm] [--out DIR] [--save FILE]
  train <project> --data <images-idx3-ubyte[.gz]> --labels <labels-idx1-ubyte[.gz]> [...]
                            Train the project's model; one JSON line per epoch on stdout. The
                            second form reads an IDX pair (MNIST, Fashion-MNIST), gzipped or not.
                            --save writes the project with the trained weights and their epochs.
  import <model.json> [--weights <files...>] --out <project.netloom.json>
                            Make a project from a TF.js / Keras layers model.json; its weights
                            files (found next to it, or given) are checked but not stored.
  export <project> --format tfjs|keras|project --out <path>
                            tfjs: model.json + model.weights.bin (fresh weights) into the folder;
                            keras: a Keras 3 training script (.py); project: the project re-saved
                            in the current format.
  plot <file> --out <model.svg|model.png> [--rankdir TB|LR] [--no-shapes] [--no-activations] [--no-trainable]
                            Draw the model as keras.utils.plot_model does: a box per layer with its
                            name, class, shapes, activation and trainable mark (--no-names,
                            --no-groups also); a .png is drawn at twice the size.
  help                      Show this help.`;

/**
 * Runs one CLI command and returns its exit code. Problems with the user's files are printed as
 * messages, never stack traces; what is printed quotes names from files, so control characters
 * in it are written as escapes (see `terminalText`).
 */
export async function runCli(args: readonly string[], given: CliIo): Promise<number> {
  const io: CliIo = { ...given, out: (text) => given.out(terminalText(text)), err: (text) => given.err(terminalText(text)) };
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'summary':
        return await summaryCommand(rest, io);
      case 'train':
        return await trainCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'plot':
        return await plotCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        io.err(`Unknown command "${command}".\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof UserFileError) {
      io.err(`error: ${error.message}`);
      return EXIT.problems;
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.err(`error: cannot read ${String((error as { path?: unknown }).path ?? 'the file')} (${String(code)})`);
      return EXIT.problems;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.problems;
  }
}
