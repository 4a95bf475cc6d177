import { X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { buildStartModel, loadStartSample, trainStartModel } from '../actions/start-here';
import { endStartHere } from '../store/start-here';
import { useStore } from '../store/store';
import { StartHereStep } from './start-here-step';
import { startSteps } from './start-here-steps';
import type { StartClicks, StartStep } from './start-here-steps';

/**
 * The first visit's "Start here": three steps from an empty page to a trained model, each a button
 * whose effect shows (the Iris table, the Keras example on the canvas, the training charts), each
 * ticked once done. Finishing or dismissing it is remembered: it never shows again. It sits in the
 * bottom right corner, clear of the toolbar, the palette and the canvas controls.
 */
export function StartHereCard({ onClose }: { readonly onClose: () => void }) {
  const titleId = useId();
  const [clicks, setClicks] = useState<StartClicks>({ built: false, trainedAfter: null });
  const state = {
    loaded: useStore((s) => s.loaded),
    data: useStore((s) => s.data),
    dataStatus: useStore((s) => s.dataStatus),
    dataSignature: useStore((s) => s.dataSignature),
    graph: useStore((s) => s.graph),
    training: useStore((s) => s.training),
    run: useStore((s) => s.run),
    preparing: useStore((s) => s.preparing),
    report: useStore((s) => s.report),
  };
  const steps = startSteps(state, clicks);
  const current = steps.findIndex((step) => step.status !== 'done');
  const finished = current === -1;
  const card = useRef<HTMLElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const shown = useRef(current);

  useEffect(() => {
    if (finished) endStartHere('finished');
  }, [finished]);

  // A step done moves focus to the next one (or, at the end, to Close), so the keyboard follows
  // along; focus elsewhere on the page (the user moved on) is left where it is.
  useEffect(() => {
    if (shown.current === current) return;
    shown.current = current;
    const active = document.activeElement;
    if (active === null || active === document.body || card.current?.contains(active)) (finished ? close : next).current?.focus();
  }, [current, finished]);

  const run: Record<StartStep['id'], () => void> = {
    data: () => void loadStartSample(),
    model: () => {
      buildStartModel();
      setClicks((c) => ({ ...c, built: true }));
    },
    train: () => {
      setClicks((c) => ({ ...c, trainedAfter: useStore.getState().run?.runId ?? 0 }));
      void trainStartModel();
    },
  };
  const dismiss = () => {
    if (!finished) endStartHere('dismissed');
    onClose();
  };

  return (
    <section ref={card} className="start-here" aria-labelledby={titleId} data-testid="start-here">
      <header className="start-here__head">
        <h2 id={titleId}>Start here</h2>
        <button
          ref={close}
          type="button"
          className="start-here__close"
          aria-label="Dismiss Start here"
          title="Dismiss: it will not show again"
          onClick={dismiss}
        >
          <X size={16} aria-hidden="true" />
        </button>
      </header>
      <p className="start-here__intro">
        {finished
          ? 'That is a Keras model, trained in your browser. Change a layer and train again, or drag in your own.'
          : 'Your first model in three clicks: data, model, training.'}
      </p>
      <ol className="start-here__steps">
        {steps.map((step, i) => (
          <StartHereStep key={step.id} step={step} number={i + 1} current={i === current} onRun={run[step.id]} buttonRef={i === current ? next : undefined} />
        ))}
      </ol>
    </section>
  );
}
