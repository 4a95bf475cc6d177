import { readFile } from 'node:fs/promises';
import { argv, exit, stderr, stdout } from 'node:process';
import { runCli } from './run-cli';

const io = {
  readText: (path: string) => readFile(path, 'utf8'),
  out: (text: string) => void stdout.write(`${text}\n`),
  err: (text: string) => void stderr.write(`${text}\n`),
};

exit(await runCli(argv.slice(2), io));
