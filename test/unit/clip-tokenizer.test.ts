import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClipTokenizer } from '../../src/adapters/vision/clip-tokenizer.js';

// The vocabulary and merges of Hugging Face transformers' CLIP tokenizer test
// (tests/models/clip/test_tokenization_clip.py), whose expected tokens for "lower newer" are
// ["lo", "w", "er</w>", "n", "e", "w", "er</w>"].
const VOCAB = [
  'l',
  'o',
  'w',
  'e',
  'r',
  's',
  't',
  'i',
  'd',
  'n',
  'lo',
  'l</w>',
  'w</w>',
  'r</w>',
  't</w>',
  'low</w>',
  'er</w>',
  'lowest</w>',
  'newer</w>',
  'wider',
  '<unk>',
  '<|startoftext|>',
  '<|endoftext|>',
];
const MERGES = '#version: 0.2\nl o\nlo w</w>\ne r</w>\n';
const vocab = Object.fromEntries(VOCAB.map((token, id) => [token, id]));
const tokenizer = ClipTokenizer.fromVocabAndMerges(vocab, MERGES, { contextLength: 12 });

describe('CLIP tokenizer', () => {
  it('splits words into BPE tokens as the reference tokenizer does', () => {
    assert.deepEqual(
      ['lower', 'newer'].flatMap((word) => tokenizer.bpe(word)),
      ['lo', 'w', 'er</w>', 'n', 'e', 'w', 'er</w>'],
    );
    // "lo" + "w</w>" merge only at a word's end.
    assert.deepEqual(tokenizer.bpe('low'), ['low</w>']);
  });

  it('puts the ids between start and end, lower-cased, and pads to the context', () => {
    const [start, end] = [vocab['<|startoftext|>']!, vocab['<|endoftext|>']!];
    assert.deepEqual(Array.from(tokenizer.encode('  LOWER\tnewer ')), [
      start,
      10,
      2,
      16,
      9,
      3,
      2,
      16,
      end,
      0,
      0,
      0,
    ]);
  });

  it('cuts a long text to the context, keeping the end token last', () => {
    const ids = tokenizer.encode('low '.repeat(20));
    assert.equal(ids.length, 12);
    assert.equal(ids[0], vocab['<|startoftext|>']);
    assert.deepEqual(Array.from(ids.slice(1, 11)), Array(10).fill(vocab['low</w>']));
    assert.equal(ids[11], vocab['<|endoftext|>']);
  });

  it('pads with the configured pad token, and reads tokenizer.json with pair merges', () => {
    const fromJson = ClipTokenizer.fromTokenizerJson(
      {
        model: {
          type: 'BPE',
          vocab,
          merges: [
            ['l', 'o'],
            ['lo', 'w</w>'],
          ],
        },
      },
      { contextLength: 6, padToken: '<|endoftext|>' },
    );
    const end = vocab['<|endoftext|>']!;
    assert.deepEqual(Array.from(fromJson.encode('low')), [21, 15, end, end, end, end]);
  });

  it('spells bytes outside ASCII with the byte alphabet, unknown ones as the end token', () => {
    // "é" is two UTF-8 bytes, neither in this vocabulary.
    assert.deepEqual(tokenizer.bpe('é'), ['Ã', '©</w>']);
    assert.deepEqual(tokenizer.tokenIds('é'), [22, 22]);
    // Punctuation is a word of its own (here unknown): "low,low" is three words.
    assert.deepEqual(tokenizer.tokenIds('low,low'), [15, 22, 15]);
  });
});
