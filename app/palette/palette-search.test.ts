import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../src/layers/registry';
import { PALETTE_ENTRIES, matchScore, paletteGroups, searchPalette } from './palette-search';

const ids = (query: string) => searchPalette(query).entries.map((h) => h.entry.id);
const templates = (query: string) => searchPalette(query).templates.map((h) => h.entry.id);
const why = (query: string, id: string) => searchPalette(query).entries.find((h) => h.entry.id === id)?.why;
const entry = (id: string) => {
  const found = PALETTE_ENTRIES.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

describe('palette search', () => {
  it('offers every layer kind once and the TransformerEncoder block first in Attention', () => {
    expect(PALETTE_ENTRIES.filter((e) => e.type === 'layer')).toHaveLength(LAYER_KINDS.length);
    const attention = paletteGroups().find((g) => g.category === 'Attention');
    expect(attention?.entries.map((e) => e.id)).toEqual(['TransformerEncoder', 'MultiHeadAttention', 'PositionEmbedding', 'TokenAndPositionEmbedding']);
    expect(
      paletteGroups()
        .find((g) => g.category === 'Core')
        ?.entries.map((e) => e.id),
    ).not.toContain('MultiHeadAttention');
  });

  // What a newcomer types, what must come first (in this order), what else must be found, and templates.
  it.each([
    ['relu', ['ReLU', 'LeakyReLU', 'PReLU', 'ThresholdedReLU', 'Dense', 'Activation'], ['Conv2D', 'LSTM'], ['seed']],
    ['attention', ['MultiHeadAttention', 'TransformerEncoder'], ['PositionEmbedding', 'TokenAndPositionEmbedding'], ['text-transformer']],
    [
      'transformer',
      ['TransformerEncoder', 'MultiHeadAttention'],
      ['PositionEmbedding', 'TokenAndPositionEmbedding', 'LayerNormalization'],
      ['text-transformer'],
    ],
    ['image', ['Conv2D'], ['MaxPooling2D', 'DepthwiseConv2D', 'Rescaling', 'Resizing', 'UpSampling2D'], ['cnn', 'pretrained-digits', 'resnet']],
    ['text', ['Embedding'], ['TokenAndPositionEmbedding', 'LSTM', 'Conv1D', 'GlobalAveragePooling1D', 'MultiHeadAttention'], ['text-transformer', 'lstm']],
    ['sequence', ['Embedding'], ['LSTM', 'GRU', 'SimpleRNN', 'Conv1D', 'Bidirectional'], ['text-transformer', 'lstm']],
    ['dropout', ['Dropout', 'SpatialDropout1D', 'GaussianDropout', 'AlphaDropout'], ['LSTM', 'MultiHeadAttention'], []],
    ['regularization', ['Dropout', 'SpatialDropout1D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'Dense'], ['Conv2D'], []],
    ['l2', ['Dense'], ['Conv2D', 'LSTM'], []],
    ['normalization', ['BatchNormalization', 'LayerNormalization'], ['Rescaling'], []],
    ['fully connected', ['Dense'], [], ['seed']],
    ['skip connection', ['Add'], [], ['resnet']],
    ['textvectorization', ['Embedding', 'TokenAndPositionEmbedding'], [], []],
  ])('"%s" finds %j first, also %j, and the templates %j', (query, first, also, expectedTemplates) => {
    expect(ids(query).slice(0, first.length)).toEqual(first);
    expect(ids(query)).toEqual(expect.arrayContaining(also));
    expect(templates(query)).toEqual(expectedTemplates);
  });

  it.each(['audio', 'sound', 'speech', 'spectrogram', 'keyword spotting', 'voice', 'microphone'])('"%s" finds both speech-command templates', (query) => {
    expect(templates(query)).toEqual(['speech-cnn', 'speech-gru']);
  });

  it('tells the speech templates apart by their network: "rnn" finds the GRU, "cnn" the CNN', () => {
    expect(templates('rnn')).toContain('speech-gru');
    expect(templates('rnn')).not.toContain('speech-cnn');
    expect(templates('cnn')).toContain('speech-cnn');
    expect(templates('cnn')).not.toContain('speech-gru');
  });

  it('says why a result matched when its name does not say it', () => {
    expect(why('relu', 'ReLU')).toEqual([]);
    expect(why('relu', 'Dense')).toEqual(['activation: relu']);
    expect(why('sigmoid', 'LSTM')).toEqual(['activation: sigmoid']);
    expect(why('image', 'Conv2D')).toEqual(['keyword: image']);
    expect(why('regularization', 'Dropout')).toEqual(['category: Regularization']);
    expect(why('l2', 'Dense')).toEqual(['parameter: kernel_l2 (kernel_regularizer)']);
    expect(why('units', 'Dense')).toEqual(['parameter: units']);
    expect(why('conv image', 'Conv2D')).toEqual(['keyword: image']);
    expect(searchPalette('attention').templates.find((t) => t.entry.id === 'text-transformer')?.why).toEqual(['keyword: attention']);
  });

  it('ranks the exact name first, then a name that starts with the word, then one that holds it, then terms', () => {
    expect(ids('dense')[0]).toBe('Dense');
    expect(ids('softmax').slice(0, 3)).toEqual(['Softmax', 'Dense', 'Activation']);
    expect(ids('multi head attention')[0]).toBe('MultiHeadAttention');
    expect(matchScore(entry('Dense'), 'image')).toBe(0);
    expect(matchScore(entry('Conv2D'), 'conv')).toBeGreaterThan(matchScore(entry('Conv2D'), 'image'));
    // Every activation choice is found, from the spec's own list: gelu finds Dense, not ReLU.
    expect(ids('gelu').slice(0, 2)).toEqual(['Dense', 'Activation']);
    expect(ids('gelu')).not.toContain('ReLU');
  });

  it('meets a word in another form: plurals and -ization/-izer endings', () => {
    expect(ids('images')[0]).toBe('Conv2D');
    expect(ids('sequences')).toEqual(expect.arrayContaining(['LSTM', 'Embedding']));
    expect(why('regularizer', 'Dense')).toEqual(['parameter: kernel_l1 (kernel_regularizer)']);
  });

  it('needs every word of the query to match, and finds nothing for nonsense', () => {
    expect(ids('pool 2d')).toEqual(expect.arrayContaining(['MaxPooling2D', 'AveragePooling2D']));
    expect(ids('pool 2d')).not.toContain('MaxPooling1D');
    expect(searchPalette('zzqqxx')).toEqual({ entries: [], templates: [] });
    expect(ids('   ')).toHaveLength(PALETTE_ENTRIES.length);
    // The blank canvas is nothing a search should offer.
    expect(templates('blank')).toEqual([]);
  });
});
