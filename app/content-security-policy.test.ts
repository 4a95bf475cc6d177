import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, CSP_HEADER, CSP_META, devCsp } from './content-security-policy';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  it('lets no string become code, no inline script or style in, and names no other origin', () => {
    for (const policy of [CSP_META, CSP_HEADER]) {
      expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|'strict-dynamic'|\*|https?:|wss?:/);
    }
    const meta = directives(CSP_META);
    expect(meta.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(meta.get('default-src')).toEqual(["'self'"]);
    expect(meta.get('object-src')).toEqual(["'none'"]);
  });

  it('puts frame-ancestors in the header only, which is where browsers read it', () => {
    expect(directives(CSP_META).has('frame-ancestors')).toBe(false);
    expect(directives(CSP_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true);
  });

  it('allows no blob: script or worker: the build gives the threads of the threaded wasm build files of their own', () => {
    for (const policy of [CSP_META, CSP_HEADER]) expect(policy).not.toMatch(/blob:/);
  });

  it('adds a nonce on the dev server for scripts and styles alone, and blob: for the dev threads of the threaded wasm build', () => {
    const dev = directives(devCsp('n0nce'));
    expect(dev.get('script-src')).toEqual([...CSP_DIRECTIVES['script-src'], "'nonce-n0nce'", 'blob:']);
    expect(dev.get('worker-src')).toEqual([...CSP_DIRECTIVES['worker-src'], 'blob:']);
    expect(dev.get('style-src')).toEqual([...CSP_DIRECTIVES['style-src'], "'nonce-n0nce'"]);
    expect(dev.get('connect-src')).toEqual(CSP_DIRECTIVES['connect-src']);
  });
});
