import { StartHereCard } from './start-here-card';
import { useStartHere } from './use-start-here';
import './start-here.css';

/** The first visit's Start here card, once the last session's restore is done (see {@link useStartHere}). */
export function StartHere({ restoring }: { readonly restoring: boolean }) {
  const { open, close } = useStartHere(restoring);
  return open ? <StartHereCard onClose={close} /> : null;
}
