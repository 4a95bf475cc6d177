/**
 * Zod, configured once for the whole core: every schema module imports `z` from here, so the
 * setting is in place before any schema is built (zod reads it when a schema is constructed).
 *
 * `jitless`: zod otherwise probes `new Function("")` to compile fast object parsers. Under the
 * page's Content-Security-Policy (no 'unsafe-eval') the probe throws, which zod catches, but the
 * browser still reports a CSP violation. Jitless parsing never evaluates strings; the schemas
 * Netloom parses (project files, configs, model topologies) are small enough that it costs nothing.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
