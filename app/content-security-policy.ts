/**
 * The page's Content-Security-Policy, in one place: vite.config.ts sends it as a header from the
 * dev and preview servers and writes it into the built index.html as a <meta http-equiv> tag, and
 * e2e/csp.spec.ts checks that a whole journey runs under it without one violation.
 *
 * Nothing is loaded from another origin, no inline script runs, and no string becomes code.
 */

/** Directive -> sources, each with the reason it is there. */
export const CSP_DIRECTIVES = {
  // Everything not named below: this origin only.
  'default-src': ["'self'"],
  // The bundle only. 'wasm-unsafe-eval' lets tfjs's wasm backend compile its binaries; it allows
  // WebAssembly compilation, not eval of strings ('unsafe-eval' is absent).
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The training and CSV workers are bundle files, and so are the threads of tfjs's threaded wasm
  // build: tfjs starts them from blob: URLs, which the build replaces with files of its own
  // (scripts/vite-tfjs-wasm-threads.ts), so neither directive allows blob:.
  'worker-src': ["'self'"],
  // The one stylesheet of the bundle. React, React Flow and Recharts set element styles through
  // the CSSOM (element.style), which style-src does not govern, so no 'unsafe-inline' is needed.
  'style-src': ["'self'"],
  // The favicon is a data: URL; thumbnails and charts are canvas and inline SVG.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // Samples and the wasm binaries are fetched from this origin (relative URLs).
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * Directives a <meta> tag cannot carry (browsers ignore them there, with a console error), so
 * only a header sends them: no site may frame the editor (clickjacking).
 */
export const CSP_HEADER_ONLY_DIRECTIVES = {
  'frame-ancestors': ["'none'"],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** Directives as a policy string: `default-src 'self'; script-src ...`. */
export const serializeCsp = (directives: Readonly<Record<string, readonly string[]>>): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The policy as the built index.html's <meta http-equiv="Content-Security-Policy"> carries it. */
export const CSP_META = serializeCsp(CSP_DIRECTIVES);

/** The policy as the servers send it: the meta policy plus the header-only directives. */
export const CSP_HEADER = serializeCsp({ ...CSP_DIRECTIVES, ...CSP_HEADER_ONLY_DIRECTIVES });

/**
 * The dev server's policy: the header policy, plus one nonce for the inline module script React's
 * fast refresh adds and the <style> tags Vite's client injects for hot CSS (Vite puts the nonce on
 * both: `html.cspNonce`), and blob: for the threads of tfjs's threaded wasm build, which the dev
 * server's unbundled tfjs starts from blob: URLs (the build gives them files instead). A fixed
 * nonce is no secret, which is acceptable only on a local dev server.
 */
export function devCsp(nonce: string): string {
  const withNonce = (sources: readonly string[]) => [...sources, `'nonce-${nonce}'`];
  return serializeCsp({
    ...CSP_DIRECTIVES,
    'script-src': [...withNonce(CSP_DIRECTIVES['script-src']), 'blob:'],
    'worker-src': [...CSP_DIRECTIVES['worker-src'], 'blob:'],
    'style-src': withNonce(CSP_DIRECTIVES['style-src']),
    ...CSP_HEADER_ONLY_DIRECTIVES,
  });
}
