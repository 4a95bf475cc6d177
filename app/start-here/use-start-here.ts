import { useCallback, useEffect, useState } from 'react';
import { endStartHere, isEmptyProject, startHereSeen } from '../store/start-here';
import { useStore } from '../store/store';

type Decision = 'undecided' | 'open' | 'closed' | 'returning';

const decide = (): Decision => (startHereSeen() ? 'closed' : isEmptyProject(useStore.getState()) ? 'open' : 'returning');

/**
 * Whether the Start here card shows: decided once, when the last session's restore is done. It
 * shows on a first visit only, to a browser that never dismissed or finished it and whose project
 * is empty; a project restored with something in it marks the user as returning, for good.
 */
export function useStartHere(restoring: boolean): { readonly open: boolean; close(): void } {
  const [decision, setDecision] = useState<Decision>('undecided');
  // Decided in render, the moment the restore is done, so that the card shows in the same paint.
  if (!restoring && decision === 'undecided') setDecision(decide());
  useEffect(() => {
    if (decision === 'returning') endStartHere('returning');
  }, [decision]);
  const close = useCallback(() => setDecision('closed'), []);
  return { open: decision === 'open', close };
}
