/**
 * The entry `scripts/build-netloom-layers.mjs` bundles into `netloom-layers.js`, the module a
 * TF.js export ships beside model.json: only `registerNetloomLayers`, which builds every class
 * from the tfjs namespace it is given, so the bundle imports nothing.
 */
export { registerNetloomLayers } from './index';
