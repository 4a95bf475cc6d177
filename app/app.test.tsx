import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './app';

describe('App', () => {
  it('renders the header and the app root', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('<h1 class="app-title">Netloom</h1>');
    expect(html).toContain('Keras, but visual, in the browser');
    expect(html).toContain('data-testid="app-root"');
  });
});
