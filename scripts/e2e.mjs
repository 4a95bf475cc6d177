// `npm run test:e2e [-- playwright args]`: only the browser tests.
import { runBrowserTests, runSteps } from './steps.mjs';

const extraArgs = process.argv.slice(2);
const label = ['playwright test', ...extraArgs].join(' ');
process.exit(await runSteps([{ name: `browser    ${label}`, run: () => runBrowserTests(extraArgs) }]));
