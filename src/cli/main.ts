import { argv, exit } from 'node:process';
import { nodeIo } from './node-io';
import { runCli } from './run-cli';

exit(await runCli(argv.slice(2), nodeIo));
