import type { Project } from '../../src/project/project-file';

/** localStorage key that remembers the Start here card is done with: it never shows again. */
export const START_HERE_KEY = 'netloom:start-here';

/** Why the card is done with: dismissed, its three steps finished, or a returning user's project found. */
export type StartHereEnd = 'dismissed' | 'finished' | 'returning';

const storage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A browser that blocks storage throws on the very access.
    return undefined;
  }
};

/** True once the card was dismissed or finished in this browser, or the user came back to a project. */
export function startHereSeen(): boolean {
  try {
    return storage()?.getItem(START_HERE_KEY) != null;
  } catch {
    return false;
  }
}

/** Remembers that the card is done with, so that no later visit shows it; a browser without storage shows it again. */
export function endStartHere(end: StartHereEnd): void {
  try {
    storage()?.setItem(START_HERE_KEY, end);
  } catch {
    // Storage full or blocked: the card may show on the next visit, nothing else is lost.
  }
}

/** True for a project with nothing in it yet: no layers and no data chosen, as a first visit starts. */
export const isEmptyProject = (project: Pick<Project, 'graph' | 'data'>): boolean => project.graph.nodes.length === 0 && project.data.kind === 'none';
