import { describe, expect, test } from 'vitest';
import {
  describeUsccProblem,
  findUsccProblem,
  isValidUscc,
  isWellFormedUscc,
  usccCheckCharacter,
} from './uscc';

// Real codes, copied from /work/shared/data/uscc-samples.csv ("seen in public sources").
const REAL_VALID = [
  '91350200776049653A',
  '91350500798359476R',
  '91350503MA31DKY80A',
  '91350200MA31E12PXF',
  '91440101MA5CJQ4N59',
  '913502000728319549',
  '123502001549897397', // a public institution (registration authority 1)
  '91350503MA31DNG762',
];
// Same file: seen in the wild, yet fails the GB 32100-2015 check digit.
const REAL_FAILING_CHECK = '91350203M0001QAY9B';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test.each(REAL_VALID)('real code %s is valid', (code) => {
    expect(findUsccProblem(code)).toBeNull();
    expect(isValidUscc(code)).toBe(true);
  });

  test('the real code that fails its check digit is refused, yet well-formed', () => {
    const problem = findUsccProblem(REAL_FAILING_CHECK);
    expect(problem).toEqual({
      kind: 'check_digit',
      expected: usccCheckCharacter(REAL_FAILING_CHECK.slice(0, 17)),
      actual: 'B',
    });
    expect(problem?.kind === 'check_digit' && problem.expected).not.toBe('B');
    expect(isValidUscc(REAL_FAILING_CHECK)).toBe(false);
    expect(isWellFormedUscc(REAL_FAILING_CHECK)).toBe(true);
  });

  test.each([
    ['', 0],
    ['91350200776049653', 17],
    ['91350200776049653AA', 19],
  ])('wrong length: %j', (code, length) => {
    const problem = findUsccProblem(code);
    expect(problem).toEqual({ kind: 'length', length });
    expect(describeUsccProblem(problem!)).toContain(`当前为${length}位`);
    expect(isWellFormedUscc(code)).toBe(false);
  });

  test('a full-width digit counts as one character and is not allowed', () => {
    expect(findUsccProblem('9135020077604965３A')).toEqual({
      kind: 'character',
      position: 17,
      character: '３',
    });
  });

  test.each(['I', 'O', 'Z', 'S', 'V', 'a', 'x', '-', ' '])(
    'forbidden character %j is found with its position',
    (ch) => {
      const code = `91350200776049${ch}53A`;
      const problem = findUsccProblem(code);
      expect(problem).toEqual({ kind: 'character', position: 15, character: ch });
      expect(describeUsccProblem(problem!)).toContain('第15位');
      expect(describeUsccProblem(problem!)).toContain(`“${ch}”`);
      expect(describeUsccProblem(problem!, 'en')).toContain('Character 15');
      expect(isWellFormedUscc(code)).toBe(false);
    },
  );

  test('a lower-case code is not silently accepted (no normalisation)', () => {
    const lower = '91350503MA31DKY80A'.toLowerCase();
    expect(findUsccProblem(lower)).toMatchObject({
      kind: 'character',
      position: 9,
      character: 'm',
    });
  });

  test('check character 0: a weighted sum divisible by 31 gives "0", not a 32nd character', () => {
    // Search the first such body from a fixed start so the case is exercised for sure.
    let body = '';
    for (let n = 0; n < 1000; n++) {
      const candidate = `9111010800000${String(n).padStart(4, '0')}`;
      const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      const sum = [...candidate].reduce((s, c, i) => s + ALPHABET.indexOf(c) * weights[i]!, 0);
      if (sum % 31 === 0) {
        body = candidate;
        break;
      }
    }
    expect(body).not.toBe('');
    expect(usccCheckCharacter(body)).toBe('0');
    expect(isValidUscc(`${body}0`)).toBe(true);
    expect(findUsccProblem(`${body}1`)).toEqual({
      kind: 'check_digit',
      expected: '0',
      actual: '1',
    });
  });

  test('every single-character substitution of a valid code is detected', () => {
    let checked = 0;
    for (const code of REAL_VALID) {
      for (let i = 0; i < 18; i++) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue;
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          expect(isValidUscc(changed), changed).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBe(REAL_VALID.length * 18 * 30);
  });

  test('the check-digit message names the expected and the actual character', () => {
    const wrong = '91350200776049653B';
    const problem = findUsccProblem(wrong)!;
    expect(problem).toEqual({ kind: 'check_digit', expected: 'A', actual: 'B' });
    expect(describeUsccProblem(problem)).toContain('第18位应为“A”，实际为“B”');
    expect(describeUsccProblem(problem, 'en')).toContain('should be "A", not "B"');
  });
});
