import type { DataConfig } from '../../src/data/config';
import { sampleById } from '../../src/data/samples';
import { assertNever } from '../../src/lib/assert-never';
import { messageOf } from '../../src/lib/errors';
import { formatCount } from '../../src/lib/format-count';
import { emptyProject, serializeProject, type Project } from '../../src/project/project-file';
import { MAX_SHARE_LINK_CHARS, SHARE_LINK_NAME, parseSharePayload, shareHash, sharePayloadOf } from '../../src/project/share-link';
import { projectOf } from '../store/graph-slice';
import { useStore } from '../store/store';
import { loadProjectWithWeights } from './open-file';

const layers = (n: number) => `${formatCount(n)} layer${n === 1 ? '' : 's'}`;

/** This page's address with `hash`: where a link opens the editor, on any host or sub-path. */
const pageUrl = (hash: string) => `${location.origin}${location.pathname}${location.search}${hash === '' ? '' : `#${hash}`}`;

/**
 * Copy link: the project's graph and settings (no data, weights or runs) in the address's hash,
 * to the clipboard, with a notice that says how long the link is. A link past
 * MAX_SHARE_LINK_CHARS is refused: chat and mail would cut it, so the notice points to Save as.
 */
export async function copyShareLink(): Promise<void> {
  const s = useStore.getState();
  const url = pageUrl(shareHash(projectOf(s)));
  if (url.length > MAX_SHARE_LINK_CHARS) {
    s.showNotice({
      kind: 'error',
      text: `A link to this model would be ${formatCount(url.length)} characters, more than the ${formatCount(MAX_SHARE_LINK_CHARS)} a link can be trusted to carry; use Save as and share the file instead.`,
    });
    return;
  }
  try {
    await navigator.clipboard.writeText(url);
  } catch (error) {
    s.showNotice({ kind: 'error', text: `The browser did not let Netloom copy the link (${messageOf(error)}).` });
    return;
  }
  s.showNotice({
    kind: 'info',
    text: `Link copied: ${formatCount(url.length)} characters, with the graph and settings of ${layers(s.graph.nodes.length)} (no data, weights or run history).`,
  });
}

/**
 * The project in this page's `#project=...` hash, taken out of the address so that a reload does
 * not ask again; null when there is none. A link that does not read gets an error notice and
 * changes nothing.
 */
export function takeSharedLink(): Project | null {
  const payload = sharePayloadOf(location.hash);
  if (payload === null) return null;
  history.replaceState(history.state, '', pageUrl(''));
  try {
    return parseSharePayload(payload);
  } catch (error) {
    useStore.getState().showNotice({ kind: 'error', text: `${messageOf(error)}. Nothing was changed.` });
    return null;
  }
}

/** Whether the open project holds anything a new, empty one does not: replacing it then asks first. */
export function hasProjectContent(): boolean {
  return serializeProject(projectOf(useStore.getState())) !== serializeProject(emptyProject());
}

/** Where a shared project's data comes from, as the confirm dialog says it (`, on the Iris sample`). */
export function dataSourceText(data: DataConfig): string {
  switch (data.kind) {
    case 'none':
      return '';
    case 'sample':
      return `, on the ${sampleById(data.sampleId)?.title ?? data.sampleId} sample`;
    case 'csv':
      return `, for a file named ${data.fileName} (you pick it; the link holds no data)`;
    case 'images':
      return `, for an image folder named ${data.folderName} (you pick it; the link holds no images)`;
    case 'audio':
      return data.sampleId !== undefined
        ? `, on the ${sampleById(data.sampleId)?.title ?? data.sampleId} sample`
        : `, for a folder of sound clips named ${data.folderName} (you pick it; the link holds no sound)`;
    case 'idx':
      return `, for the IDX files ${data.imagesFile} and ${data.labelsFile} (you pick them; the link holds no images)`;
    default:
      return assertNever(data, 'data config');
  }
}

/** A project as the confirm dialog names it: `“Iris classifier” (3 layers)`. */
export const projectSummary = (name: string, layerCount: number): string => `“${name}” (${layers(layerCount)})`;

/**
 * Replaces the project with a shared one as Open does (its sample is loaded, a file of its own is
 * asked for by name); the previous graph stays undoable and autosave keeps the new project.
 */
export async function openSharedProject(project: Project): Promise<void> {
  await loadProjectWithWeights(project, SHARE_LINK_NAME, 'restore');
  useStore.getState().showNotice({
    kind: 'info',
    text: `Opened the shared link: ${projectSummary(project.name, project.graph.nodes.length)}. Undo brings back the previous graph.`,
  });
}
