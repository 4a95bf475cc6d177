// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { seedExample } from '../../src/analysis/templates';
import { layeredLayout } from '../../src/graph/layout';
import { emptyProject } from '../../src/project/project-file';
import { MAX_SHARE_LINK_CHARS, shareHash } from '../../src/project/share-link';
import { clearHistory, undo, useStore } from '../store/store';
import { copyShareLink, dataSourceText, hasProjectContent, openSharedProject, takeSharedLink } from './share-link';

const s = () => useStore.getState();
const seed = () => ({ ...emptyProject('Iris classifier'), graph: seedExample() });

beforeEach(() => {
  s().loadProject(emptyProject());
  s().dismissNotice();
  clearHistory();
  history.replaceState(null, '', '/');
});
afterEach(() => vi.restoreAllMocks());

describe('Copy link', () => {
  it('copies this page with the project in its hash, and says how long the link is', async () => {
    const copied: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation((text) => Promise.resolve(void copied.push(text)));
    const project = seed();
    s().loadProject(project);
    await copyShareLink();
    expect(copied).toEqual([`${location.origin}/#${shareHash(project)}`]);
    expect(s().notice).toEqual({
      kind: 'info',
      text: `Link copied: ${copied[0]?.length.toLocaleString('en-US')} characters, with the graph and settings of 3 layers (no data, weights or run history).`,
    });
  });

  it('refuses a model whose link would be too long, pointing to Save as', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    const b = new GraphBuilder();
    let x = b.input([32]);
    for (let i = 0; i < 800; i += 1) x = b.add('Dense', { units: 8 }, x);
    s().loadProject({ ...emptyProject('huge'), graph: layeredLayout(b.graph) });
    await copyShareLink();
    expect(write).not.toHaveBeenCalled();
    expect(s().notice?.kind).toBe('error');
    expect(s().notice?.text).toMatch(
      new RegExp(
        `^A link to this model would be [\\d,]+ characters, more than the ${MAX_SHARE_LINK_CHARS.toLocaleString('en-US')} a link can be trusted to carry; use Save as`,
      ),
    );
  });

  it('says so when the browser refuses the clipboard', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Document is not focused.'));
    s().loadProject(seed());
    await copyShareLink();
    expect(s().notice).toEqual({ kind: 'error', text: 'The browser did not let Netloom copy the link (Document is not focused.).' });
  });
});

describe('opening a link', () => {
  it('takes the project out of the hash once, keeping the rest of the address', () => {
    history.replaceState(null, '', `/app/?v=2#${shareHash(seed())}`);
    expect(takeSharedLink()?.graph.nodes.map((n) => n.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/app/?v=2');
    expect(takeSharedLink()).toBeNull();
  });

  it('refuses a damaged link with a notice and leaves the project as it was', () => {
    s().loadProject(seed());
    history.replaceState(null, '', `/#${shareHash(seed()).slice(0, 60)}`);
    expect(takeSharedLink()).toBeNull();
    expect(s().notice?.kind).toBe('error');
    expect(s().notice?.text).toMatch(/^Shared link: .*\. Nothing was changed\.$/);
    expect(s().graph.nodes).toHaveLength(3);
    expect(location.hash).toBe('');
  });

  it('counts any difference from a new, empty project as content worth asking about', () => {
    expect(hasProjectContent()).toBe(false);
    s().setName('Mine');
    expect(hasProjectContent()).toBe(true);
    s().setName('Untitled');
    s().setTraining({ epochs: 3 });
    expect(hasProjectContent()).toBe(true);
  });

  it('replaces the project with the shared one, the previous graph one undo away', async () => {
    const mine = { ...emptyProject('Mine'), graph: seedExample(5, 2) };
    s().loadProject(mine);
    clearHistory();
    await openSharedProject({ ...seed(), data: { kind: 'none' } });
    expect(s().name).toBe('Iris classifier');
    expect(s().notice?.text).toBe('Opened the shared link: “Iris classifier” (3 layers). Undo brings back the previous graph.');
    undo();
    expect(s().graph).toBe(mine.graph);
  });

  it('names where the data comes from, never holding it', () => {
    expect(dataSourceText({ kind: 'none' })).toBe('');
    expect(dataSourceText({ kind: 'sample', sampleId: 'iris' })).toBe(', on the Iris flowers sample');
    expect(dataSourceText({ kind: 'images', folderName: 'pets', imageSize: [32, 32], channels: 3, fit: 'pad' })).toBe(
      ', for an image folder named pets (you pick it; the link holds no images)',
    );
  });
});
