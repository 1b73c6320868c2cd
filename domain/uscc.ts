// 统一社会信用代码 (GB 32100-2015): 18 characters; the 18th is a check character.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'check_digit'; expected: string; actual: string };

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check]!;
}

/** Why a code is not a valid 统一社会信用代码, or null when it is. No normalisation. */
export function findUsccProblem(code: string): UsccProblem | null {
  const chars = [...code];
  if (chars.length !== 18) return { kind: 'length', length: chars.length };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(chars[i]!))
      return { kind: 'character', position: i + 1, character: chars[i]! };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return { kind: 'check_digit', expected, actual: code[17]! };
  return null;
}

/** Exact-format and check-digit test. */
export function isValidUscc(code: string): boolean {
  return findUsccProblem(code) === null;
}

/** Malformed codes are always refused; a failing check digit only blocks self-service. */
export function isWellFormedUscc(code: string): boolean {
  const problem = findUsccProblem(code);
  return problem === null || problem.kind === 'check_digit';
}

/**
 * The problem in words. An applicant whose code fails its check digit is told to ask the
 * organizer; the organizer (importing awards) is not told to contact itself.
 */
export function describeUsccProblem(
  problem: UsccProblem,
  lang: 'zh' | 'en' = 'zh',
  audience: 'applicant' | 'organizer' = 'applicant',
): string {
  switch (problem.kind) {
    case 'length':
      return lang === 'zh'
        ? `统一社会信用代码应为18位，当前为${problem.length}位`
        : `The unified social credit code must have 18 characters, not ${problem.length}`;
    case 'character':
      return lang === 'zh'
        ? `统一社会信用代码第${problem.position}位“${problem.character}”不是允许的字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）`
        : `Character ${problem.position} ("${problem.character}") is not allowed (digits and capital letters except I, O, Z, S, V)`;
    case 'check_digit':
      if (audience === 'organizer')
        return lang === 'zh'
          ? `统一社会信用代码校验位错误：按前17位计算，第18位应为“${problem.expected}”，实际为“${problem.actual}”，请与营业执照核对`
          : `Check character mismatch: the 18th character should be "${problem.expected}", not "${problem.actual}"; compare with the business licence`;
      return lang === 'zh'
        ? `统一社会信用代码校验位错误：按前17位计算，第18位应为“${problem.expected}”，实际为“${problem.actual}”。请核对营业执照；如确属登记机关发放的代码，请联系主管部门人工确认`
        : `Check character mismatch: the 18th character should be "${problem.expected}", not "${problem.actual}". If the registry issued this code, ask the organizer to accept it`;
  }
}
