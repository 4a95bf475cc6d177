import { float } from './params';

/**
 * A dropout `rate`: Keras takes 0 to 1, but at 1 Dropout, GaussianDropout and AlphaDropout
 * divide by zero (1 - rate) while training.
 */
export const dropoutRate = (help: string) => float(0.5, help, { min: 0, max: 1, maxExclusive: true });
