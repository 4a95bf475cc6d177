/**
 * Keras's EarlyStopping (with `restore_best_weights`, which tfjs's version lacks) and
 * ReduceLROnPlateau (which tfjs lacks), run by `runTraining` at the end of each epoch on logs
 * keyed by Keras names. They hold no tfjs state except the copied best weights. Their settings are
 * declared in `src/settings/callbacks.ts`; whether each runs at all is its `enabled` switch. Both
 * tell an improvement the way Keras 3's EarlyStopping does (`mode`, `auto` from the monitor's
 * name: `monitorDirection`); Keras's own ReduceLROnPlateau guesses `auto` from "acc" in the name
 * instead, which the Keras script makes up for by writing the mode out.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { EarlyStoppingSettings, ReduceLrOnPlateauSettings } from '../settings/callbacks';
import { monitorDirection } from '../settings/monitors';
import type { Monitor, MonitorMode } from '../settings/monitors';

/** Tracks the best value of a monitored quantity and the epochs since it last improved. */
class Plateau {
  best: number;
  wait = 0;
  private readonly higherIsBetter: boolean;
  constructor(
    readonly monitor: Monitor,
    mode: MonitorMode,
    readonly minDelta: number,
  ) {
    this.higherIsBetter = monitorDirection(monitor, mode) === 'max';
    this.best = this.higherIsBetter ? -Infinity : Infinity;
  }

  /** Whether `logs` improve on the best (updating it); undefined when the monitor is absent. */
  update(logs: Readonly<Record<string, number>>): boolean | undefined {
    const value = logs[this.monitor];
    if (value === undefined || Number.isNaN(value)) return undefined;
    const delta = Math.abs(this.minDelta);
    const improved = this.higherIsBetter ? value - delta > this.best : value + delta < this.best;
    if (improved) {
      this.best = value;
      this.wait = 0;
    } else {
      this.wait += 1;
    }
    return improved;
  }
}

/**
 * Early stopping. `onEpochEnd` returns true when training should stop; with
 * `restoreBestWeights` the best epoch's weights are copied as they come and put back then
 * (as Keras, only when it stops early). Call `dispose` when the run ends.
 */
export class EarlyStopping {
  private readonly plateau: Plateau;
  private bestWeights: tfjs.Tensor[] | undefined;
  /** 0-based epoch of the best value so far, or -1. */
  bestEpoch = -1;

  constructor(
    private readonly tf: { clone: (t: tfjs.Tensor) => tfjs.Tensor; dispose: (t: tfjs.Tensor[]) => void },
    readonly config: EarlyStoppingSettings,
  ) {
    this.plateau = new Plateau(config.monitor, config.mode, config.minDelta);
  }

  /** The best value seen of the monitored quantity. */
  get best(): number {
    return this.plateau.best;
  }

  /** Updates with one epoch's logs; true means stop now (weights already restored if asked). */
  onEpochEnd(epoch: number, logs: Readonly<Record<string, number>>, model: tfjs.LayersModel): boolean {
    const improved = this.plateau.update(logs);
    if (improved === undefined) return false;
    if (improved) {
      this.bestEpoch = epoch;
      if (this.config.restoreBestWeights) {
        this.dispose();
        // getWeights returns the variables' own tensors: clone, or later steps would change them.
        this.bestWeights = model.getWeights().map((w) => this.tf.clone(w));
      }
      return false;
    }
    if (this.plateau.wait < this.config.patience) return false;
    if (this.bestWeights !== undefined) model.setWeights(this.bestWeights);
    return true;
  }

  /** Releases the copied weights. */
  dispose(): void {
    if (this.bestWeights !== undefined) this.tf.dispose(this.bestWeights);
    this.bestWeights = undefined;
  }
}

/**
 * Lowers the learning rate on a plateau: after `patience` epochs without improvement, multiply by
 * `factor` (not below `minLr`) and wait another `patience` epochs. `onEpochEnd` returns the new
 * rate when it changes it, else undefined.
 */
export class ReduceLrOnPlateau {
  private readonly plateau: Plateau;

  constructor(readonly config: ReduceLrOnPlateauSettings) {
    this.plateau = new Plateau(config.monitor, config.mode, config.minDelta);
  }

  onEpochEnd(logs: Readonly<Record<string, number>>, currentLr: number): number | undefined {
    if (this.plateau.update(logs) !== false || this.plateau.wait < this.config.patience) return undefined;
    this.plateau.wait = 0;
    // Floating-point noise must not count as a change once the floor is reached.
    if (currentLr <= this.config.minLr * (1 + 1e-9)) return undefined;
    return Math.max(currentLr * this.config.factor, this.config.minLr);
  }
}
