// Writes src/compile/fixtures/keras-activations-golden.json: what Keras 3 computes for each case of
// src/compile/keras-activation-cases.ts, with the same fixed weights tfjs uses. Needs a python with
// Keras 3 and a backend:  NETLOOM_KERAS_PYTHON=/tmp/kvenv/bin/python npx tsx scripts/keras-activations-golden.ts
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { ACTIVATION_CASES, KERAS_RUNNER, kerasPayload, runTfjs } from '../src/compile/keras-activation-cases';

const python = process.env.NETLOOM_KERAS_PYTHON ?? 'python3';
await tf.setBackend('cpu');
const payload = ACTIVATION_CASES.map((c) => kerasPayload(c, runTfjs(tf, c)));
const run = spawnSync(python, ['-c', KERAS_RUNNER], { input: JSON.stringify(payload), encoding: 'utf8', maxBuffer: 1 << 26 });
if (run.status !== 0) throw new Error(`${python} could not run Keras: ${run.stderr}`);
const out = new URL('../src/compile/fixtures/keras-activations-golden.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(JSON.parse(run.stdout))}\n`);
console.log(`wrote ${out.pathname}`);
