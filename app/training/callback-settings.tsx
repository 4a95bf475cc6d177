import { useStore } from '../store/store';

/** Early stopping and reduce-LR-on-plateau, off by default as in Keras. */
export function CallbackSettings() {
  const callbacks = useStore((s) => s.callbacks);
  const setCallbacks = useStore((s) => s.setCallbacks);
  const running = useStore((s) => s.run?.status === 'running' || s.run?.status === 'starting');
  const es = callbacks.earlyStopping;
  const lr = callbacks.reduceLrOnPlateau;
  return (
    <fieldset className="train-fields" disabled={running}>
      <legend>Callbacks</legend>
      <label className="inline">
        <input
          type="checkbox"
          checked={es !== undefined}
          aria-label="Early stopping"
          onChange={(e) => {
            const { earlyStopping: _drop, ...rest } = callbacks;
            setCallbacks(e.target.checked ? { ...rest, earlyStopping: { monitor: 'val_loss', patience: 5, restoreBestWeights: true } } : rest);
          }}
        />{' '}
        EarlyStopping
      </label>
      {es && (
        <div className="train-sub">
          <label>
            monitor
            <select value={es.monitor} aria-label="Early stopping monitor" onChange={(e) => setCallbacks({ ...callbacks, earlyStopping: { ...es, monitor: e.target.value as typeof es.monitor } })}>
              <option>val_loss</option>
              <option>val_accuracy</option>
              <option>loss</option>
            </select>
          </label>
          <label>
            patience
            <input type="number" min={1} value={es.patience} aria-label="Early stopping patience" onChange={(e) => setCallbacks({ ...callbacks, earlyStopping: { ...es, patience: Math.max(1, Number(e.target.value) || 1) } })} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={es.restoreBestWeights} onChange={(e) => setCallbacks({ ...callbacks, earlyStopping: { ...es, restoreBestWeights: e.target.checked } })} /> restore best weights
          </label>
        </div>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={lr !== undefined}
          aria-label="Reduce learning rate on plateau"
          onChange={(e) => {
            const { reduceLrOnPlateau: _drop, ...rest } = callbacks;
            setCallbacks(e.target.checked ? { ...rest, reduceLrOnPlateau: { monitor: 'val_loss', factor: 0.5, patience: 3, minLr: 1e-6 } } : rest);
          }}
        />{' '}
        ReduceLROnPlateau
      </label>
      {lr && (
        <div className="train-sub">
          <label>
            factor
            <input type="number" min={0.01} max={0.99} step={0.05} value={lr.factor} aria-label="Reduce factor" onChange={(e) => setCallbacks({ ...callbacks, reduceLrOnPlateau: { ...lr, factor: Math.min(0.99, Math.max(0.01, Number(e.target.value) || 0.5)) } })} />
          </label>
          <label>
            patience
            <input type="number" min={1} value={lr.patience} aria-label="Reduce patience" onChange={(e) => setCallbacks({ ...callbacks, reduceLrOnPlateau: { ...lr, patience: Math.max(1, Number(e.target.value) || 1) } })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}
