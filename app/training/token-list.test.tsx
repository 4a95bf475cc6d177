// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fitTextVectorizer, tokenSequence } from '../../src/data/text';
import { TokenList } from './token-list';

afterEach(cleanup);

const vocab = fitTextVectorizer(['I liked it', 'i hated it', 'it was fine'], {
  standardize: 'lower_and_strip_punctuation',
  split: 'whitespace',
  maxTokens: null,
  outputSequenceLength: 6,
});
const items = () => Array.from(screen.getByTestId('token-list').querySelectorAll('ol > li'));

describe('TokenList', () => {
  it('shows "I loved it!!" as the model gets it: loved marked unknown with id 1, the others with their ids, the padding counted', () => {
    render(<TokenList sequence={tokenSequence('I loved it!!', vocab)} />);
    expect(
      items().map((li) => [
        li.querySelector('.train-token__text')?.textContent,
        li.querySelector('.train-token__id')?.textContent,
        li.getAttribute('data-oov'),
      ]),
    ).toEqual([
      ['i', String(vocab.index.get('i')), 'false'],
      ['loved', '1', 'true'],
      ['it', String(vocab.index.get('it')), 'false'],
    ]);
    const loved = items()[1] as HTMLElement;
    expect(loved.className).toContain('is-oov');
    expect(loved.title).toBe('"loved" is not in the vocabulary: the model gets id 1 ([UNK])');
    expect(screen.getByLabelText('unknown, id 1')).toBeTruthy();
    expect(screen.getByTestId('token-summary').textContent).toBe(
      'word1 is not in the vocabulary (the model sees [UNK], id 1). 3 tokens (1 unknown) and 3 padding ids (0) fill the sequence of 6.',
    );
  });

  it('says how many tokens were cut past the sequence length, and when nothing is left but padding', () => {
    render(<TokenList sequence={tokenSequence('it was fine, i liked it a lot', vocab)} />);
    expect(items()).toHaveLength(6);
    expect(screen.getByTestId('token-summary').textContent).toContain(
      '6 tokens (0 unknown) fill the sequence of 6. 2 tokens past the sequence length were cut off.',
    );
    cleanup();
    render(<TokenList sequence={tokenSequence('?!', vocab)} />);
    expect(screen.getByTestId('token-empty').textContent).toBe(
      'No tokens: after standardising and splitting nothing is left, so the model gets 6 padding ids (0).',
    );
  });
});
