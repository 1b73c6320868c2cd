import { describe, expect, test } from 'vitest';
import { mapHeader } from './columns';
import { checkAwardRows } from './import-rows';

const FAILING_CHECK = '91350203M0001QAY9B'; // /work/shared/data/uscc-samples.csv

describe('an award row whose code fails its check digit', () => {
  test('tells the organizer how to accept it, not to contact the organizer', () => {
    const header = [
      '年份',
      '解决方案名称',
      '企业名称',
      '统一社会信用代码',
      '类别',
      '推荐单位',
      '备注',
    ];
    const { map } = mapHeader(header, 1);
    const { problems } = checkAwardRows(
      [{ rowNo: 2, cells: ['2020', 'A方案', '甲公司', FAILING_CHECK, '类', '北京市', ''] }],
      map,
      { units: new Map([['北京市', { id: 'u1', name: '北京市' }]]), currentYear: 2026 },
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^统一社会信用代码校验位错误/);
    expect(problems[0]!.message).toContain('请在“备注”列写明核实依据后重新导入');
    expect(problems[0]!.message).not.toMatch(/联系主管部门|联系组织/);
  });
});
