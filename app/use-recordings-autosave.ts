import { restoreRecordings, startRecordingsAutosave } from './store/recordings-autosave';
import { useRestoreThenKeep } from './use-restore-then-keep';

/** Reads the microphone's recordings kept in this browser into the recorder, then keeps every change to them. */
export function useRecordingsAutosave(): void {
  useRestoreThenKeep(restoreRecordings, startRecordingsAutosave);
}
