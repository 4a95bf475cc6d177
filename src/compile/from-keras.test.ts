import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types';
import { UserFileError } from '../lib/errors';
import { kindForKerasClass } from '../layers/registry';
import { graphFromKerasModel, parseJsonText } from './from-keras';

const fixture = (name: string): unknown => parseJsonText(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), name);

/** The graph as plain facts: `[kind, name]` per node, `source>target@slot` per edge, by name. */
function shape(graph: Graph) {
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? `?${id}`;
  return {
    nodes: graph.nodes.map((n) => [n.kind, n.name]),
    edges: graph.edges.map((e) => `${name(e.source)}>${name(e.target)}@${e.targetSlot}`),
  };
}

const params = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name)?.params;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('graphFromKerasModel on models tfjs itself writes', () => {
  it('imports a Sequential model whose first layer carries the input shape', () => {
    const model = tf.sequential({
      name: 'seq',
      layers: [
        tf.layers.dense({ units: 8, inputShape: [4], activation: 'relu', name: 'hidden' }),
        tf.layers.dense({ units: 3, activation: 'softmax', useBias: false, name: 'out' }),
      ],
    });
    const { graph, modelName } = graphFromKerasModel(model.toJSON(null, false));
    expect(modelName).toBe('seq');
    expect(shape(graph)).toEqual({
      nodes: [
        ['Input', 'hidden_input'],
        ['Dense', 'hidden'],
        ['Dense', 'out'],
      ],
      edges: ['hidden_input>hidden@0', 'hidden>out@0'],
    });
    expect(params(graph, 'hidden_input')).toEqual({ shape: [4] });
    expect(params(graph, 'hidden')).toMatchObject({ units: 8, activation: 'relu', use_bias: true });
    expect(params(graph, 'out')).toMatchObject({ units: 3, activation: 'softmax', use_bias: false });
  });

  it('imports a functional model with two inputs, in the declared input order', () => {
    const a = tf.input({ shape: [5], name: 'a' });
    const b = tf.input({ shape: [3], name: 'b' });
    const da = tf.layers.dense({ units: 4, name: 'da' }).apply(a) as tf.SymbolicTensor;
    const db = tf.layers.dense({ units: 2, name: 'db' }).apply(b) as tf.SymbolicTensor;
    const model = tf.model({ name: 'two', inputs: [b, a], outputs: [da, db] });
    const { graph, modelName } = graphFromKerasModel(model.toJSON(null, false));
    expect(modelName).toBe('two');
    const { nodes, edges } = shape(graph);
    expect(nodes.filter(([kind]) => kind === 'Input').map(([, name]) => name)).toEqual(['b', 'a']);
    expect(new Set(edges)).toEqual(new Set(['a>da@0', 'b>db@0']));
    expect(params(graph, 'a')).toEqual({ shape: [5] });
  });

  it('imports a Conv2D chain with its window parameters', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'c1' }),
        tf.layers.conv2d({ filters: 16, kernelSize: [5, 3], dilationRate: 2, name: 'c2' }),
      ],
    });
    const { graph } = graphFromKerasModel(model.toJSON(null, false));
    expect(shape(graph).edges).toEqual(['c1_input>c1@0', 'c1>c2@0']);
    expect(params(graph, 'c1_input')).toEqual({ shape: [28, 28, 1] });
    expect(params(graph, 'c1')).toMatchObject({ filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' });
    expect(params(graph, 'c2')).toMatchObject({ filters: 16, kernel_size: [5, 3], dilation_rate: [2, 2], padding: 'valid' });
  });

  it('imports the full model.json that model.save() produces', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'd' })] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const json = { format: artifacts?.format, generatedBy: artifacts?.generatedBy, modelTopology: artifacts?.modelTopology, weightsManifest: [] };
    expect(shape(graphFromKerasModel(json).graph).edges).toEqual(['d_input>d@0']);
  });

  it.runIf(kindForKerasClass('Concatenate') !== undefined)('keeps merge inputs in slot order', () => {
    const a = tf.input({ shape: [5], name: 'a' });
    const b = tf.input({ shape: [3], name: 'b' });
    const cat = tf.layers.concatenate({ name: 'cat' }).apply([b, a]) as tf.SymbolicTensor;
    const { graph } = graphFromKerasModel(tf.model({ inputs: [a, b], outputs: cat }).toJSON(null, false));
    expect(shape(graph).edges).toEqual(['b>cat@0', 'a>cat@1']);
  });
});

describe('graphFromKerasModel on Keras files', () => {
  it('reads a Keras 2 converter model.json (model_config wrapper, Functional, legacy 3-element refs)', () => {
    const { graph, modelName } = graphFromKerasModel(fixture('keras2-functional.model.json'));
    expect(modelName).toBe('model');
    expect(shape(graph)).toEqual({
      nodes: [
        ['Input', 'input_1'],
        ['Dense', 'dense'],
        ['Dense', 'dense_out_1'],
      ],
      edges: ['input_1>dense@0', 'dense>dense_out_1@0'],
    });
    expect(params(graph, 'input_1')).toEqual({ shape: [8] });
    expect(params(graph, 'dense')).toMatchObject({ units: 16, kernel_initializer: 'he_normal', kernel_l2: 0.01 });
    expect(params(graph, 'dense_out_1')).toMatchObject({ units: 2, activation: 'softmax', use_bias: false });
  });

  it('reads Keras 2 model.to_json() of a Sequential with an explicit InputLayer', () => {
    const { graph } = graphFromKerasModel(fixture('keras2-sequential.json'));
    expect(shape(graph)).toEqual({
      nodes: [
        ['Input', 'dense_input'],
        ['Dense', 'dense'],
        ['Dense', 'dense_1'],
      ],
      edges: ['dense_input>dense@0', 'dense>dense_1@0'],
    });
    expect(params(graph, 'dense_input')).toEqual({ shape: [4] });
  });

  it('reads Keras 3 model.to_json() of a Sequential (batch_shape, DTypePolicy)', () => {
    const { graph, modelName } = graphFromKerasModel(fixture('keras3-sequential.json'));
    expect(modelName).toBe('sequential');
    expect(shape(graph).edges).toEqual(['input_layer>conv2d@0', 'conv2d>dense@0']);
    expect(params(graph, 'input_layer')).toEqual({ shape: [28, 28, 1] });
    expect(params(graph, 'conv2d')).toMatchObject({ filters: 8, kernel_size: [3, 3], activation: 'relu' });
  });

  it('reads a Keras 3 converter model.json (args/kwargs inbound nodes, flat input_layers)', () => {
    const { graph } = graphFromKerasModel(fixture('keras3-functional.model.json'));
    expect(shape(graph)).toEqual({
      nodes: [
        ['Input', 'x'],
        ['Dense', 'dense'],
        ['Dense', 'dense_1'],
      ],
      edges: ['x>dense@0', 'dense>dense_1@0'],
    });
    expect(params(graph, 'dense_1')).toMatchObject({ units: 1, activation: 'sigmoid' });
  });

  it.runIf(kindForKerasClass('Add') !== undefined)('reads a Keras 3 merge layer: args[0] is the list of inputs in slot order', () => {
    const { graph } = graphFromKerasModel(fixture('keras3-merge-add.json'));
    const { nodes, edges } = shape(graph);
    expect(nodes.filter(([kind]) => kind === 'Input').map(([, name]) => name)).toEqual(['a', 'b']);
    expect(edges).toEqual(['a>da@0', 'b>add@0', 'da>add@1']);
  });

  it('lays the graph out top to bottom', () => {
    const { graph } = graphFromKerasModel(fixture('keras2-sequential.json'));
    expect(graph.nodes.map((n) => n.position.y)).toEqual([0, 120, 240]);
  });

  it('accepts a bare modelTopology and Keras <= 2.2.2 list-shaped Sequential configs', () => {
    const seq = fixture('keras2-sequential.json') as { config: { layers: unknown[] } };
    expect(graphFromKerasModel({ modelTopology: seq }).graph.nodes).toHaveLength(3);
    expect(graphFromKerasModel({ class_name: 'Sequential', config: seq.config.layers }).graph.nodes).toHaveLength(3);
  });
});

/** A Keras 2 functional topology from `[class, name, inbound_nodes]` rows. */
function functional(rows: [string, string, unknown][], extra: Record<string, unknown> = {}) {
  return {
    class_name: 'Functional',
    config: {
      name: 'm',
      layers: rows.map(([cls, name, inbound]) => ({
        class_name: cls,
        name,
        config: cls === 'InputLayer' ? { name, batch_input_shape: [null, 4] } : { name, units: 2 },
        inbound_nodes: inbound,
      })),
      ...extra,
    },
  };
}
const IN: [string, string, unknown] = ['InputLayer', 'x', []];

describe('graphFromKerasModel refuses what it cannot import', () => {
  it.each<[string, unknown, string]>([
    [
      'a graph model by format',
      { format: 'graph-model', modelTopology: { node: [] } },
      'this is a TF.js graph model, not a layers model; Netloom can only import layers models',
    ],
    ['a graph model by topology', { modelTopology: { node: [], library: {} } }, 'this is a TF.js graph model'],
    ['no modelTopology', { format: 'layers-model', weightsManifest: [] }, 'model.json has no modelTopology'],
    ['a null modelTopology', { modelTopology: null }, 'model.json has no modelTopology'],
    ['not an object', [1, 2], 'model.json is not a JSON object'],
    ['a model without layers', { class_name: 'Sequential', config: { name: 's' } }, 'modelTopology.config.layers is missing'],
    ['a layer without class_name', { class_name: 'Functional', config: { layers: [{ config: {} }] } }, 'config.layers[0].class_name is missing'],
    ['an unknown model class', { class_name: 'MyModel', config: { layers: [] } }, 'the model is a MyModel'],
    [
      'an unknown layer class',
      functional([IN, ['MultiplyBeta', 'my_layer', [[['x', 0, 0, {}]]]]]),
      'layer "my_layer" is MultiplyBeta, a custom class (not a Keras or TF.js layer)',
    ],
    [
      'a Keras layer tfjs lacks',
      functional([IN, ['AdditiveAttention', 'att', [[['x', 0, 0, {}]]]]]),
      'layer "att" is AdditiveAttention, a Keras layer that TF.js 4.22 cannot load (TF.js has no attention layers)',
    ],
    [
      'a shared layer',
      functional([IN, ['Dense', 'shared', [[['x', 0, 0, {}]], [['x', 0, 0, {}]]]]]),
      'layer "shared" is called 2 times (a shared layer); Netloom does not support shared layers yet',
    ],
    ['a ref to a second call', functional([IN, ['Dense', 'd', [[['x', 1, 0, {}]]]]]), 'layer "x" is called more than once (a shared layer)'],
    [
      'a channels-first layer',
      {
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'Conv2D', config: { name: 'c', batch_input_shape: [null, 2, 8, 8], filters: 2, kernel_size: [3, 3], data_format: 'channels_first' } },
          ],
        },
      },
      'layer "c" uses data_format="channels_first"; Netloom builds channels-last models only',
    ],
    ['a missing inbound layer', functional([IN, ['Dense', 'd', [[['ghost', 0, 0, {}]]]]]), 'layer "d" refers to layer "ghost", which is not in the model'],
    [
      'a missing output layer',
      functional([IN], { output_layers: [['gone', 0, 0]] }),
      `the model's output_layers refers to layer "gone", which is not in the model`,
    ],
    [
      'a second output tensor',
      functional([IN, ['Dense', 'd', [[['x', 0, 1, {}]]]]]),
      'uses output 1 of layer "x"; Netloom supports only layers with one output',
    ],
    [
      'an output that feeds others',
      functional([IN, ['Dense', 'd', [[['x', 0, 0, {}]]]]], { output_layers: [['x', 0, 0]] }),
      'layer "x" is a model output and also feeds other layers',
    ],
    ['garbled inbound nodes', functional([IN, ['Dense', 'd', [[['x', 'zero']]]]]), 'layer "d" has inbound_nodes in a form Netloom does not recognise'],
    ['duplicate layer names', functional([IN, IN]), 'two layers are named "x"'],
    [
      'a nested model',
      functional([IN, ['Functional', 'encoder', [[['x', 0, 0, {}]]]]]),
      'layer "encoder" is a nested model (Functional); Netloom does not support models inside models yet',
    ],
    [
      'a nested Sequential',
      {
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'InputLayer', config: { batch_input_shape: [null, 2] } },
            { class_name: 'Sequential', config: { name: 'inner', layers: [] } },
          ],
        },
      },
      'layer "inner" is a nested model (Sequential)',
    ],
    [
      'a Sequential without an input shape',
      { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 2 } }] } },
      'its first layer "d" has no batch_input_shape',
    ],
    [
      'a Keras 3 tensor passed by keyword',
      functional([IN, ['Dense', 'd', [{ args: [], kwargs: { mask: { class_name: '__keras_tensor__', config: { keras_history: ['x', 0, 0] } } } }]]]),
      'layer "d" takes a tensor through its "mask" argument',
    ],
  ])('%s', (_name, json, message) => {
    expect(() => graphFromKerasModel(json)).toThrow(UserFileError);
    expect(() => graphFromKerasModel(json)).toThrow(message);
  });

  it('names the file in the message', () => {
    expect(() => graphFromKerasModel({ format: 'graph-model' }, 'model.json')).toThrow(/^model\.json: this is a TF\.js graph model/);
  });

  it('passes layer-level problems through with the file name', () => {
    const json = functional([['InputLayer', 'x', []]]);
    const layers = json.config.layers as { config: Record<string, unknown> }[];
    layers[0]!.config.batch_input_shape = [null, 0];
    expect(() => graphFromKerasModel(json, 'm.json')).toThrow(/^m\.json: input "x" has shape/);
  });

  it('names every problem in one message: custom classes by name, Keras-only classes, nested models, bad values', () => {
    const json = functional([
      IN,
      ['MyBlock', 'block_a', [[['x', 0, 0, {}]]]],
      ['MyBlock', 'block_b', [[['block_a', 0, 0, {}]]]],
      [
        'Subtract',
        'sub',
        [
          [
            ['x', 0, 0, {}],
            ['block_b', 0, 0, {}],
          ],
        ],
      ],
      ['Functional', 'encoder', [[['sub', 0, 0, {}]]]],
      ['Dense', 'd', [[['encoder', 0, 0, {}]]]],
    ]);
    (json.config.layers as { config: Record<string, unknown> }[])[5]!.config.units = 'many';
    let message = '';
    try {
      graphFromKerasModel(json, 'm.json');
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain('m.json: the model cannot be imported, for 4 reasons:');
    expect(message).toContain('- 2 layers ("block_a", "block_b") are MyBlock, a custom class');
    expect(message).toContain('- layer "sub" is Subtract, a Keras layer that TF.js 4.22 cannot load');
    expect(message).toContain('- layer "encoder" is a nested model (Functional)');
    expect(message).toContain('- layer "d" has units="many", which is not a valid value');
  });
});

describe('graphFromKerasModel keeps what Keras can say', () => {
  it('accepts unknown sizes, (None, None, None, 3), as a fully convolutional model has', () => {
    const json = functional([IN, ['Conv2D', 'c', [[['x', 0, 0, {}]]]]]);
    const layers = json.config.layers as { config: Record<string, unknown> }[];
    layers[0]!.config.batch_input_shape = [null, null, null, 3];
    layers[1]!.config = { ...layers[1]!.config, filters: 4, kernel_size: [3, 3] };
    const { graph } = graphFromKerasModel(json);
    expect(params(graph, 'x')).toEqual({ shape: [null, null, 3] });
  });

  it('says which settings of the file the graph does not keep, and is silent about defaults', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 3, inputShape: [4], name: 'kept' }),
        tf.layers.dense({ units: 2, name: 'constrained', kernelConstraint: tf.constraints.maxNorm({ maxValue: 2 }), biasConstraint: tf.constraints.nonNeg() }),
      ],
    });
    const { unkept } = graphFromKerasModel(model.toJSON(null, false));
    expect(unkept).toEqual(['constrained: kernel_constraint=MaxNorm(max_value=2, axis=0), bias_constraint=NonNeg()']);
  });

  it('reads trainable: false as a frozen layer', () => {
    const json = functional([IN, ['Dense', 'd', [[['x', 0, 0, {}]]]]]);
    (json.config.layers as { config: Record<string, unknown> }[])[1]!.config.trainable = false;
    const { graph } = graphFromKerasModel(json);
    expect(graph.nodes.find((n) => n.name === 'd')?.trainable).toBe(false);
    expect(graph.nodes.find((n) => n.name === 'x')?.trainable).toBeUndefined();
  });
});

describe('parseJsonText', () => {
  it('parses JSON', () => {
    expect(parseJsonText('{"a": [1]}', 'f.json')).toEqual({ a: [1] });
  });

  it('turns a syntax error into a UserFileError naming the file', () => {
    expect(() => parseJsonText('{"a": ', 'model.json')).toThrow(UserFileError);
    expect(() => parseJsonText('{"a": ', 'model.json')).toThrow(/^model\.json: not valid JSON: /);
  });
});
