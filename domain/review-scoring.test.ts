import { describe, expect, it } from 'vitest';
import { RENAMED_FORM } from '../test/fixtures/renamed-form';
import { MIIT_2021_FORM } from './forms/miit-2021-form';
import { factsOf } from './facts';
import { DEFAULT_REVIEW_SETTINGS, weightedTotal } from './review';
import { anonymisedData, scoreProblems, submitProblems } from './review-scoring';

const RUBRIC = [
  { code: 'innovation', name: '创新性', weight: 30 },
  { code: 'value', name: '应用成效', weight: 70, maxScore: 10 },
];

describe('scores', () => {
  it('each from 0 to its maximum (the weight when none is given), in halves', () => {
    expect(scoreProblems(RUBRIC, { innovation: 30, value: 0 })).toEqual([]);
    expect(scoreProblems(RUBRIC, { innovation: 12.5 })).toEqual([]); // partial: fine
    expect(scoreProblems(RUBRIC, { innovation: 31, value: 10.5 })).toEqual([
      { path: 'scores.innovation', message: '“创新性”的分数应在0到30分之间' },
      { path: 'scores.value', message: '“应用成效”的分数应在0到10分之间' },
    ]);
    expect(scoreProblems(RUBRIC, { innovation: -1 })[0]!.message).toContain('0到30分');
    expect(scoreProblems(RUBRIC, { innovation: 12.3 })[0]!.message).toBe(
      '“创新性”的分数最小单位为0.5分',
    );
    expect(scoreProblems(RUBRIC, { nope: 1 })[0]).toEqual({
      path: 'scores.nope',
      message: '评分标准中没有“nope”这一项',
    });
  });

  it('the weighted total puts each score over its maximum, on 100', () => {
    // 30 × 15/30 + 70 × 5/10 = 15 + 35 = 50
    expect(weightedTotal(RUBRIC, { innovation: 15, value: 5 })).toBe(50);
  });
});

describe('submitting', () => {
  const settings = { ...DEFAULT_REVIEW_SETTINGS, commentMinChars: 10 };
  it('needs every score, a recommendation and the comment’s 字数', () => {
    const issues = submitProblems(RUBRIC, settings, {
      scores: { innovation: 20 },
      recommendation: null,
      comment: 'APP 很好', // APP = 1, 很 好 = 2: 3 字
    });
    expect(issues).toEqual([
      { path: 'scores.value', message: '请为“应用成效”打分' },
      { path: 'recommendation', message: '请选择推荐意见' },
      { path: 'comment', message: '评审意见至少10字（现有3字）' },
    ]);
    expect(
      submitProblems(RUBRIC, settings, {
        scores: { innovation: 20, value: 8 },
        recommendation: 'recommend',
        comment: '方案创新性较强，应用成效明显。',
      }),
    ).toEqual([]);
    expect(
      submitProblems(RUBRIC, settings, {
        scores: { innovation: 20, value: 8 },
        recommendation: 'maybe',
        comment: '方案创新性较强，应用成效明显。',
      }),
    ).toEqual([{ path: 'recommendation', message: '请选择推荐意见' }]);
  });
});

describe('匿名评审', () => {
  it('blanks the identity facts where the form binds them, keeps the province', () => {
    const data = {
      solution: { name: '高炉炉况智能诊断工业APP' },
      applicant: {
        name: '北京示例科技有限公司',
        uscc: '91110108MA01XK2Q8K',
        region: '110108',
        address: '海淀区示例路1号',
        contactName: '王测试',
        phone: '13900000000',
        email: 'x@example.cn',
      },
    };
    const out = anonymisedData(MIIT_2021_FORM, data);
    const facts = factsOf(MIIT_2021_FORM, out);
    expect(facts).toMatchObject({
      solutionName: '高炉炉况智能诊断工业APP',
      applicantName: '',
      uscc: '',
      contactName: '',
      phone: '',
      email: '',
      region: '110000',
    });
    // not a fact: left as it is (the limitation the decisions note)
    expect((out.applicant as Record<string, unknown>).address).toBe('海淀区示例路1号');
    expect(data.applicant.name).toBe('北京示例科技有限公司'); // the input is not changed
  });

  it('goes by the bindings, not by the keys: a form with other field names', () => {
    const data = {
      fangan: { mingcheng: '方案' },
      zhuti: {
        quancheng: '上海示例有限公司',
        daima: '91310000MA1FL0000X',
        diqu: '310104',
        lianxiren: '李四',
        dianhua: '021-12345678',
        youxiang: 'li@example.cn',
      },
    };
    const out = anonymisedData(RENAMED_FORM, data);
    expect(out.zhuti).toEqual({
      quancheng: '',
      daima: '',
      diqu: '310000',
      lianxiren: '',
      dianhua: '',
      youxiang: '',
    });
    expect(out.fangan).toBe(data.fangan);
  });
});
