import { describe, expect, it } from 'vitest';
import { translate } from '../lib/i18n';
import { pageTitleKey } from './page-titles';

const zhTitle = (path: string) => translate('zh', pageTitleKey(path));

describe('page titles', () => {
  it('names each route, so no two kinds of page share one <title>', () => {
    expect(zhTitle('/')).toBe('首页');
    expect(zhTitle('/applications/0b9c1d2e-0000-4000-8000-000000000000')).toBe('申报书');
    expect(zhTitle('/campaigns/demo-miit-iiapp-2026')).toBe('征集通知');
    expect(zhTitle('/desk/c1/applications/a1')).toBe('审核申报书');
    expect(zhTitle('/admin/progress')).toBe('报送进度');
    expect(zhTitle('/admin/progress/c1')).toBe('报送进度');
    expect(zhTitle('/admin/campaigns/demo/config')).toBe('活动配置');
    expect(zhTitle('/messages')).toBe('消息中心');
    expect(zhTitle('/account/notifications')).toBe('通知设置');
    expect(zhTitle('/announcements')).toBe('通知公告');
    expect(zhTitle('/expert')).toBe('评审工作台');
    expect(zhTitle('/expert/reviews/a1')).toBe('专家评分');
    expect(zhTitle('/admin/review-results/r1')).toBe('评审结果');
    expect(zhTitle('/admin/review-rounds/c1')).toBe('评审轮次与分配');
    expect(zhTitle('/admin/experts')).toBe('专家库');
    expect(zhTitle('/admin/selection/c1')).toBe('遴选决定');
    expect(zhTitle('/campaigns/demo-miit-iiapp-2026/public-notice')).toBe('拟入选名单公示');
    expect(zhTitle('/verify/KVQA-2TS7-Z9GX')).toBe('验证码核验');
    expect(zhTitle('/showcase/2026-IIAPP-001')).toBe('成果展示');
    expect(zhTitle('/admin/showcase')).toBe('成果展示审核');
    expect(zhTitle('/no/such/page')).toBe('页面不存在');
  });
});
