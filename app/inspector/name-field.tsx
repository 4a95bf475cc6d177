import { describe, useFieldIds } from './field-ids';
import { FieldShell } from './field-shell';
import { useDraft } from './use-draft';
import { useStore } from '../store/store';

/** The layer's Keras name: commits on Enter or blur, Escape reverts, a refusal keeps the text. */
export function NameField({ nodeId, name }: { readonly nodeId: string; readonly name: string }) {
  const ids = useFieldIds();
  const renameLayer = useStore((s) => s.renameLayer);
  const field = useDraft<string>((text) => (text === name ? null : renameLayer(nodeId, text)));
  return (
    <FieldShell label="Name" help="The Keras layer name: letters, digits and _, unique in the model." error={field.error} ids={ids}>
      <input
        id={ids.control}
        className="insp-input insp-mono"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={field.draft ?? name}
        onChange={(e) => field.edit(e.target.value)}
        onBlur={field.commit}
        onKeyDown={field.onKeyDown}
        {...describe(ids, field.error)}
      />
    </FieldShell>
  );
}
