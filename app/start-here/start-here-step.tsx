import { Check } from 'lucide-react';
import type { Ref } from 'react';
import type { StartStep } from './start-here-steps';

interface StartHereStepProps {
  readonly step: StartStep;
  readonly number: number;
  readonly current: boolean;
  readonly onRun: () => void;
  readonly buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * One step of the Start here card: its number (a tick once done), a button that does it (disabled
 * until the step before is done, and while it runs), and a line saying what it does or did.
 */
export function StartHereStep({ step, number, current, onRun, buttonRef }: StartHereStepProps) {
  const done = step.status === 'done';
  return (
    <li className={`start-here__step is-${step.status}`} aria-current={current ? 'step' : undefined} data-testid={`start-step-${step.id}`}>
      <span className="start-here__mark" aria-hidden="true">
        {done ? <Check size={14} /> : number}
      </span>
      <div className="start-here__body">
        {done ? (
          <p className="start-here__label">
            {step.label} <span className="start-here__done">(done)</span>
          </p>
        ) : (
          <button
            ref={buttonRef}
            type="button"
            className="start-here__button"
            disabled={step.status !== 'ready'}
            aria-busy={step.status === 'busy' || undefined}
            onClick={onRun}
            data-testid={`start-${step.id}`}
          >
            {number}. {step.label}
          </button>
        )}
        <p className="start-here__detail" data-testid={`start-detail-${step.id}`}>
          {step.detail}
        </p>
      </div>
    </li>
  );
}
