// A published solution's 成果展示 as the web's tests see it (editor and review page).
import type { ShowcaseView } from '../../domain/api/showcase';

export const TEXT =
  '本解决方案已在三家离散制造企业上线运行，设备综合效率平均提升百分之十二，非计划停机时间减少三成。企业通过移动端实时查看设备健康状态。';
export const base = '/published-solutions/2026-IIAPP-001/showcase';
export const img = (id: string, filename: string) => ({
  id,
  filename,
  mime: 'image/png',
  size: 2048,
  url: `/api/v1${base}/images/${id}`,
});

export const showcase = (over: Partial<ShowcaseView> = {}): ShowcaseView => ({
  publicId: '2026-IIAPP-001',
  applicationId: 'a1',
  solutionName: '高炉炉况智能诊断工业APP',
  enterpriseName: '北京甲科技有限公司',
  unitName: '北京市',
  status: 'valid',
  state: 'draft',
  text: '短文字',
  images: [img('i1', '车间.png'), img('i2', '看板.png')],
  reviewNote: null,
  submittedAt: null,
  reviewedAt: null,
  updatedAt: '2026-11-08T02:00:00.000Z',
  version: 3,
  public: null,
  canEdit: true,
  ...over,
});
