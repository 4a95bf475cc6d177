// `npm test`: typecheck, format check, lint, unit tests, browser tests; stops at the first failure.
import { runBin, runBrowserTests, runSteps, runUnitTests } from './steps.mjs';

const exitCode = await runSteps([
  { name: 'typecheck  tsc -p tsconfig.json --noEmit', run: () => runBin('tsc', ['-p', 'tsconfig.json', '--noEmit']) },
  { name: 'format     prettier --check .', run: () => runBin('prettier', ['--check', '.']) },
  { name: 'lint       eslint . --max-warnings 0', run: () => runBin('eslint', ['.', '--max-warnings', '0']) },
  { name: 'unit       vitest run', run: () => runUnitTests() },
  { name: 'browser    playwright test', run: () => runBrowserTests() },
]);
process.exit(exitCode);
