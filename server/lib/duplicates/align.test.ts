// Evidence: the overlapping passages, as ranges into both original texts.
import { expect, test } from 'vitest';
import { alignSentences, splitSentences } from './align';
import { comparePair } from './compare';
import {
  application,
  award,
  DISGUISED_TEXT,
  ORIGINAL_TEXT,
  UNRELATED_TEXT,
} from '../../../test/fixtures/duplicate-docs';
import { prepareDoc } from './prepare';
import { defaultDuplicateSettings } from './settings';

const settings = { ...defaultDuplicateSettings, minTextLength: 50 };

test('sentences are ranges of the original text, headings and punctuation left out', () => {
  const text = '一、概述\n设备点检主要依靠人工，效率低。　ＡＰＰ上线后（2021年）效率提升３５％！';
  const sentences = splitSentences(text);
  expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
    '设备点检主要依靠人工，效率低',
    'ＡＰＰ上线后（2021年）效率提升３５',
  ]);
});

test('moved and reworded sections are found, passage by passage', () => {
  const a = splitSentences(DISGUISED_TEXT);
  const b = splitSentences(ORIGINAL_TEXT);
  const { overlapA, overlapB, passages } = alignSentences(a, b, 0.5);
  expect(overlapB).toBeGreaterThan(0.75); // everything of the original is there
  expect(overlapA).toBeLessThan(overlapB); // the copy has one sentence of its own
  // the pain points moved to the end; solution and results kept their order: two blocks
  expect(passages).toHaveLength(2);
});

test('unrelated texts share no passage', () => {
  const { passages, overlapA } = alignSentences(
    splitSentences(UNRELATED_TEXT),
    splitSentences(ORIGINAL_TEXT),
    0.5,
  );
  expect(passages).toEqual([]);
  expect(overlapA).toBe(0);
});

test("a finding's evidence highlights the same passage on both sides", () => {
  const f = comparePair(
    prepareDoc(application(), settings),
    prepareDoc(award(), settings),
    settings,
  )!;
  for (const e of f.evidence) {
    const mine = DISGUISED_TEXT.slice(e.application.start, e.application.end);
    const theirs = ORIGINAL_TEXT.slice(e.match.start, e.match.end);
    expect(mine.startsWith(e.application.excerpt.replace(/…$/, ''))).toBe(true);
    expect(theirs.startsWith(e.match.excerpt.replace(/…$/, ''))).toBe(true);
    expect(e.similarity).toBeGreaterThanOrEqual(0.5);
  }
  const moved = f.evidence.find((e) =>
    DISGUISED_TEXT.slice(e.application.start, e.application.end).includes('1260万元'),
  )!;
  expect(ORIGINAL_TEXT.slice(moved.match.start, moved.match.end)).toContain('1260万元');
});
