// Netloom's own wasm kernels (AssemblyScript, SIMD). The module imports tfjs-backend-wasm's own
// memory and works on its tensors in place: every argument is a byte offset into that memory.
// Pure pointer code: no allocation, no strings, no data segment and no stack, so nothing of this
// module ever writes outside the buffers it is handed. Rebuild with scripts/build-wasm-kernels.mjs.
//
// The kernels live in four files: matmul.ts (the packed SIMD matmul), pooling.ts (MaxPoolGrad,
// the column sum of bias gradients), conv-filter-grad.ts (Conv2DBackpropFilter as a matmul of
// patches) and adam.ts (the fused Adam step); this entry exports what the page calls.

export { matmul, matmulScratchFloats } from './matmul';
export { columnSum, maxPoolGrad } from './pooling';
export { conv2dFilterGrad, conv2dFilterGradScratchFloats } from './conv-filter-grad';
export { adamStep } from './adam';
