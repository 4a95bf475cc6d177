import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './app';

describe('App', () => {
  it('renders the header and the seed example summary from the core', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('<h1 class="app-title">Netloom</h1>');
    expect(html).toContain('data-testid="app-root"');
    expect(html).toContain('<code>(None, 64)</code>');
    expect(html).toMatch(/Total params: <strong>515<\/strong>/);
  });
});
