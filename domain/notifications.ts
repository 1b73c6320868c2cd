// 消息与提醒: what kinds of message the platform sends, to whom, with which variables, and the
// default Chinese templates. A campaign may override a template (campaign data, edited by the
// organizer); an unknown variable is refused when a template is saved. No I/O here.

export const NOTIFICATION_KINDS = [
  'application.submitted',
  'application.returned',
  'application.rejected',
  'application.recommended',
  'application.forwarded',
  'application.formal_check_result',
  'application.selection_result',
  'application.awarded',
  'batch.reopened',
  'follow_up.returned',
  'account.created',
  'account.password_reset',
  'password.reset_link',
  'reminder.online_deadline',
  'reminder.paper_deadline',
  'reminder.follow_up',
  'announcement',
  'review.assigned',
  'review.declined',
  'review.reopened',
  'objection.received',
  'objection.receipt',
  'objection.outcome',
  'application.objection_upheld',
  'showcase.submitted',
  'showcase.reviewed',
  'evaluation.assigned',
  'spot_check.sampled',
  'spot_check.assigned',
  'award.expiry_reminder',
  'award.status_changed',
  'post_award.opened',
  'post_award.returned',
  'post_award.submitted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationRole = 'enterprise' | 'recommender' | 'organizer' | 'expert';
const EVERYONE: readonly NotificationRole[] = ['enterprise', 'recommender', 'organizer', 'expert'];

export interface NotificationKindInfo {
  label: string;
  /** who receives it (for the preferences page and the template editor) */
  audience: string;
  /** the roles that can receive it: a user's preferences list only these */
  roles: readonly NotificationRole[];
  /** the variables a template of this kind may use, besides the common ones */
  variables: readonly string[];
  subject: string;
  body: string;
  /**
   * E-mail that the user cannot turn off: it carries a link the user needs (a password link).
   * Such kinds are e-mailed whether or not an in-app message is kept.
   */
  emailRequired?: boolean;
  /** no in-app message (a password link is for someone who cannot sign in) */
  emailOnly?: boolean;
}

/** Variables every template may use. */
export const COMMON_VARIABLES = ['姓名', '平台名称', '链接'] as const;

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, NotificationKindInfo> = {
  'application.submitted': {
    label: '收到申报书',
    audience: '推荐单位',
    roles: ['recommender'],
    variables: ['活动名称', '解决方案名称', '企业名称', '推荐单位'],
    subject: '【{{活动名称}}】收到“{{解决方案名称}}”的申报书',
    body: '{{姓名}}，您好：\n\n{{企业名称}}通过{{推荐单位}}提交了申报书“{{解决方案名称}}”，请在推荐截止前审核。\n\n查看：{{链接}}',
  },
  'application.returned': {
    label: '申报书被退回修改',
    audience: '申报企业',
    roles: ['enterprise'],
    variables: ['活动名称', '解决方案名称', '推荐单位', '退回意见'],
    subject: '【{{活动名称}}】申报书“{{解决方案名称}}”被退回修改',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}将申报书“{{解决方案名称}}”退回修改，意见如下：\n\n{{退回意见}}\n\n请修改后在网上申报截止前重新提交：{{链接}}',
  },
  'application.rejected': {
    label: '申报书不予推荐',
    audience: '申报企业',
    roles: ['enterprise'],
    variables: ['活动名称', '解决方案名称', '推荐单位', '不予推荐理由'],
    subject: '【{{活动名称}}】申报书“{{解决方案名称}}”未获推荐',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}决定不推荐申报书“{{解决方案名称}}”，理由如下：\n\n{{不予推荐理由}}\n\n查看：{{链接}}',
  },
  'application.recommended': {
    label: '申报书获推荐',
    audience: '申报企业',
    roles: ['enterprise'],
    variables: ['活动名称', '解决方案名称', '推荐单位'],
    subject: '【{{活动名称}}】申报书“{{解决方案名称}}”已获{{推荐单位}}推荐',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}已推荐申报书“{{解决方案名称}}”。推荐单位确认报送后，申报书将报送工业和信息化部。\n\n查看：{{链接}}',
  },
  'application.forwarded': {
    label: '申报书已报送主管部门',
    audience: '申报企业',
    roles: ['enterprise'],
    variables: ['活动名称', '解决方案名称', '推荐单位'],
    subject: '【{{活动名称}}】申报书“{{解决方案名称}}”已报送工业和信息化部',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}已确认报送，申报书“{{解决方案名称}}”已报送工业和信息化部，请留意后续评审结果。\n\n查看：{{链接}}',
  },
  'application.formal_check_result': {
    label: '形式审查结果',
    audience: '申报企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['活动名称', '解决方案名称', '形式审查结果', '不合格原因'],
    subject: '【{{活动名称}}】“{{解决方案名称}}”形式审查{{形式审查结果}}',
    body: '{{姓名}}，您好：\n\n工业和信息化部已完成申报书“{{解决方案名称}}”的形式审查，结果：{{形式审查结果}}。{{不合格原因}}\n\n查看：{{链接}}',
  },
  'application.selection_result': {
    label: '遴选结果（公示开启时）',
    audience: '申报企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['活动名称', '解决方案名称', '遴选结果', '公示说明'],
    subject: '【{{活动名称}}】“{{解决方案名称}}”遴选结果：{{遴选结果}}',
    body: '{{姓名}}，您好：\n\n工业和信息化部已完成评审和遴选，申报书“{{解决方案名称}}”的结果为：{{遴选结果}}。{{公示说明}}\n\n查看：{{链接}}',
  },
  'application.awarded': {
    label: '入选优秀解决方案名单（名单发布时）',
    audience: '申报企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['活动名称', '解决方案名称', '名单名称', '发布文号', '公开编号', '入选有效期'],
    subject: '【{{活动名称}}】“{{解决方案名称}}”已列入{{名单名称}}',
    body: '{{姓名}}，您好：\n\n工业和信息化部已发布《{{名单名称}}》（{{发布文号}}），“{{解决方案名称}}”入选，公开编号 {{公开编号}}，有效期：{{入选有效期}}。申报企业可在申报书页面下载入选证明。\n\n查看：{{链接}}',
  },
  'batch.reopened': {
    label: '推荐报送被退回重新确认',
    audience: '推荐单位',
    roles: ['recommender'],
    variables: ['活动名称', '推荐单位', '原因'],
    subject: '【{{活动名称}}】{{推荐单位}}的推荐报送已重新开放',
    body: '{{姓名}}，您好：\n\n主管部门已将{{推荐单位}}的推荐报送重新开放，原因：{{原因}}\n\n请调整后重新确认报送：{{链接}}',
  },
  'follow_up.returned': {
    label: '统计信息表被退回',
    audience: '往届入选企业',
    roles: ['enterprise'],
    variables: ['解决方案名称', '推荐单位', '退回意见'],
    subject: '“{{解决方案名称}}”的工业互联网APP统计信息表被退回修改',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}将“{{解决方案名称}}”的统计信息表（附件4）退回修改，意见如下：\n\n{{退回意见}}\n\n请修改后重新提交：{{链接}}',
  },
  'account.created': {
    label: '账号已开通',
    audience: '新开通账号的用户',
    roles: EVERYONE,
    variables: ['账号', '有效期'],
    subject: '{{平台名称}}账号已开通',
    body: '{{姓名}}，您好：\n\n主管部门已为您开通{{平台名称}}账号，登录账号：{{账号}}。\n\n请通过以下链接设置密码后登录（{{有效期}}内有效，仅可使用一次）：\n{{链接}}',
    emailRequired: true,
    emailOnly: true,
  },
  'account.password_reset': {
    label: '密码已由管理员重置',
    audience: '被重置密码的用户',
    roles: EVERYONE,
    variables: ['账号', '有效期'],
    subject: '{{平台名称}}账号密码已重置',
    body: '{{姓名}}，您好：\n\n主管部门已重置您的账号（{{账号}}）的密码。请通过以下链接设置新密码（{{有效期}}内有效，仅可使用一次）：\n{{链接}}\n\n如非本人申请，请联系主管部门。',
    emailRequired: true,
    emailOnly: true,
  },
  'password.reset_link': {
    label: '找回密码',
    audience: '申请找回密码的用户',
    roles: EVERYONE,
    variables: ['账号', '有效期'],
    subject: '{{平台名称}}找回密码',
    body: '{{姓名}}，您好：\n\n有人为您的账号（{{账号}}）申请了找回密码。请通过以下链接设置新密码（{{有效期}}内有效，仅可使用一次）：\n{{链接}}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。',
    emailRequired: true,
    emailOnly: true,
  },
  'reminder.online_deadline': {
    label: '网上申报截止提醒',
    audience: '有未提交申报书的企业',
    roles: ['enterprise'],
    variables: ['活动名称', '解决方案名称', '截止时间', '剩余天数'],
    subject: '【{{活动名称}}】网上申报还有{{剩余天数}}天截止',
    body: '{{姓名}}，您好：\n\n您的申报书“{{解决方案名称}}”尚未提交。网上申报截止时间为{{截止时间}}（北京时间），还有{{剩余天数}}天。\n\n继续填写：{{链接}}',
  },
  'reminder.paper_deadline': {
    label: '推荐报送截止提醒',
    audience: '有待审核申报书或未确认报送的推荐单位',
    roles: ['recommender'],
    variables: ['活动名称', '推荐单位', '截止时间', '剩余天数', '待审核数', '报送状态'],
    subject: '【{{活动名称}}】推荐报送还有{{剩余天数}}天截止',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}尚有{{待审核数}}份申报书待审核，推荐报送{{报送状态}}。推荐报送及纸质材料截止时间为{{截止时间}}（北京时间），还有{{剩余天数}}天。\n\n前往审核：{{链接}}',
  },
  'reminder.follow_up': {
    label: '统计信息表填报提醒',
    audience: '未提交统计信息表的往届入选企业',
    roles: ['enterprise'],
    variables: ['活动名称', '解决方案名称', '截止时间', '剩余天数'],
    subject: '【{{活动名称}}】请在{{截止时间}}前提交“{{解决方案名称}}”的工业互联网APP统计信息表',
    body: '{{姓名}}，您好：\n\n您的入选解决方案“{{解决方案名称}}”的统计信息表（附件4）尚未提交，截止时间为{{截止时间}}（北京时间），还有{{剩余天数}}天。\n\n前往填报：{{链接}}',
  },
  announcement: {
    label: '通知公告',
    audience: '公告选定的对象',
    roles: EVERYONE,
    variables: ['活动名称', '标题', '正文'],
    subject: '【通知公告】{{标题}}',
    body: '{{姓名}}，您好：\n\n{{正文}}\n\n查看：{{链接}}',
  },
  'review.assigned': {
    label: '收到评审任务',
    audience: '评审专家',
    roles: ['expert'],
    variables: ['活动名称', '评审轮次', '项目数', '截止时间'],
    subject: '【{{活动名称}}】{{评审轮次}}：请评审{{项目数}}个项目',
    body: '{{姓名}}，您好：\n\n主管部门邀请您参加{{评审轮次}}，本次分配给您{{项目数}}个项目，请在{{截止时间}}（北京时间）前完成评分。如需回避，请在评分前说明理由后拒绝。\n\n前往评审：{{链接}}',
  },
  'review.declined': {
    label: '专家拒绝评审',
    audience: '主管部门',
    roles: ['organizer'],
    variables: ['活动名称', '评审轮次', '解决方案名称', '专家姓名', '拒绝理由', '替补情况'],
    subject: '【{{活动名称}}】{{专家姓名}}拒绝评审“{{解决方案名称}}”',
    body: '{{姓名}}，您好：\n\n{{专家姓名}}拒绝评审{{评审轮次}}中的“{{解决方案名称}}”，理由：{{拒绝理由}}\n\n{{替补情况}}\n\n查看分配：{{链接}}',
  },
  'review.reopened': {
    label: '评分被重新开放',
    audience: '评审专家',
    roles: ['expert'],
    variables: ['活动名称', '评审轮次', '解决方案名称', '原因', '截止时间'],
    subject: '【{{活动名称}}】您对“{{解决方案名称}}”的评分已重新开放',
    body: '{{姓名}}，您好：\n\n主管部门重新开放了您在{{评审轮次}}中对“{{解决方案名称}}”的评分，原因：{{原因}}\n\n请在{{截止时间}}前修改并重新提交：{{链接}}',
  },
  // 异议 (issue 14): the objector has no account, so their messages are e-mail only, to the
  // address they gave (when they gave one)
  'objection.received': {
    label: '收到公示异议',
    audience: '主管部门',
    roles: ['organizer'],
    variables: ['活动名称', '异议编号', '解决方案名称', '申报单位', '异议人单位'],
    subject: '【{{活动名称}}】收到对“{{解决方案名称}}”的公示异议（{{异议编号}}）',
    body: '{{姓名}}，您好：\n\n公示期内收到对“{{解决方案名称}}”（{{申报单位}}）的异议，异议编号 {{异议编号}}，提出单位：{{异议人单位}}。请核实后处理：\n\n{{链接}}',
  },
  'objection.receipt': {
    label: '公示异议已受理（告知异议人）',
    audience: '留有电子邮箱的异议人',
    roles: [],
    variables: ['活动名称', '异议编号', '解决方案名称', '提交时间'],
    subject: '【{{活动名称}}】您的公示异议已收到，编号 {{异议编号}}',
    body: '{{姓名}}，您好：\n\n我们已于{{提交时间}}收到您对“{{解决方案名称}}”提出的异议，异议编号：{{异议编号}}。请妥善保存该编号，查询或补充材料时请提供。核实处理后，我们将通过本邮箱告知您处理结果。\n\n公示页面：{{链接}}',
    emailOnly: true,
  },
  'objection.outcome': {
    label: '公示异议处理结果（告知异议人）',
    audience: '留有电子邮箱的异议人',
    roles: [],
    variables: ['活动名称', '异议编号', '解决方案名称', '处理结果', '处理理由'],
    subject: '【{{活动名称}}】您的公示异议（{{异议编号}}）处理结果：{{处理结果}}',
    body: '{{姓名}}，您好：\n\n您对“{{解决方案名称}}”提出的异议（编号 {{异议编号}}）已处理，结果：{{处理结果}}。\n\n理由：{{处理理由}}\n\n公示页面：{{链接}}',
    emailOnly: true,
  },
  'application.objection_upheld': {
    label: '公示异议成立，撤销入选',
    audience: '申报企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['活动名称', '解决方案名称', '撤销理由'],
    subject: '【{{活动名称}}】“{{解决方案名称}}”因公示异议成立撤销入选',
    body: '{{姓名}}，您好：\n\n公示期间收到对申报书“{{解决方案名称}}”的异议，经主管部门核实，异议成立，该解决方案撤销入选、不再列入名单。理由：\n\n{{撤销理由}}\n\n查看：{{链接}}',
  },
  // 成果展示 (issue 14)
  'showcase.submitted': {
    label: '收到成果展示待审核',
    audience: '主管部门',
    roles: ['organizer'],
    variables: ['活动名称', '公开编号', '解决方案名称', '企业名称'],
    subject: '【{{活动名称}}】{{企业名称}}提交了“{{解决方案名称}}”的成果展示，待审核',
    body: '{{姓名}}，您好：\n\n{{企业名称}}提交了入选解决方案“{{解决方案名称}}”（{{公开编号}}）的成果展示文字和图片，审核通过后才会在公开页面展示。请审核：\n\n{{链接}}',
  },
  'showcase.reviewed': {
    label: '成果展示审核结果',
    audience: '申报企业',
    roles: ['enterprise'],
    variables: ['活动名称', '公开编号', '解决方案名称', '审核结果', '审核意见'],
    subject: '【{{活动名称}}】“{{解决方案名称}}”的成果展示{{审核结果}}',
    body: '{{姓名}}，您好：\n\n您提交的“{{解决方案名称}}”（{{公开编号}}）成果展示{{审核结果}}。{{审核意见}}\n\n查看：{{链接}}',
  },
  // 系统评价 (issue 15)
  'evaluation.assigned': {
    label: '收到系统评价任务',
    audience: '评审专家',
    roles: ['expert'],
    variables: ['评审轮次', '项目数', '截止时间'],
    subject: '【系统评价】{{评审轮次}}：请评价{{项目数}}个入选解决方案',
    body: '{{姓名}}，您好：\n\n主管部门邀请您参加{{评审轮次}}，请从综合实力、关键技术创新、经济社会效益和产业化推广价值等维度，对分配给您的{{项目数}}个入选解决方案评分，并于{{截止时间}}（北京时间）前提交。\n\n前往评价：{{链接}}',
  },
  // 随机抽查 (issue 15)
  'spot_check.sampled': {
    label: '入选解决方案被随机抽中核查',
    audience: '申报企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['抽查名称', '公开编号', '解决方案名称'],
    subject: '“{{解决方案名称}}”（{{公开编号}}）被抽中参加{{抽查名称}}',
    body: '{{姓名}}，您好：\n\n主管部门开展“{{抽查名称}}”，入选解决方案“{{解决方案名称}}”（{{公开编号}}）被随机抽中，将接受书面核查或现场核查，请配合并备好相关材料。抽取过程和结果已公开，任何人可验证：\n\n{{链接}}',
  },
  'spot_check.assigned': {
    label: '收到随机抽查核查任务',
    audience: '评审专家',
    roles: ['expert'],
    variables: ['抽查名称', '公开编号', '解决方案名称', '核查方式'],
    subject: '【{{抽查名称}}】请对“{{解决方案名称}}”进行{{核查方式}}',
    body: '{{姓名}}，您好：\n\n主管部门请您对入选解决方案“{{解决方案名称}}”（{{公开编号}}）进行{{核查方式}}，并在平台上记录核查结论和意见：\n\n{{链接}}',
  },
  // 动态管理 (issue 15)
  'award.expiry_reminder': {
    label: '入选有效期到期提醒',
    audience: '入选企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['解决方案名称', '公开编号', '企业名称', '有效期至', '到期日期', '剩余天数'],
    subject: '“{{解决方案名称}}”入选有效期将于{{到期日期}}到期（还有{{剩余天数}}天）',
    body: '{{姓名}}，您好：\n\n{{企业名称}}的入选解决方案“{{解决方案名称}}”（{{公开编号}}）入选有效期至{{有效期至}}，将于{{到期日期}}到期（还有{{剩余天数}}天）。到期后公开名单将显示为“已过期”。\n\n查看：{{链接}}',
  },
  'award.status_changed': {
    label: '入选资格撤销或企业退出',
    audience: '入选企业、推荐单位',
    roles: ['enterprise', 'recommender'],
    variables: ['解决方案名称', '公开编号', '企业名称', '变动类型', '变动原因', '变动说明'],
    subject: '“{{解决方案名称}}”（{{公开编号}}）{{变动类型}}',
    body: '{{姓名}}，您好：\n\n工业和信息化部已对{{企业名称}}的入选解决方案“{{解决方案名称}}”（{{公开编号}}）作出处理：{{变动类型}}。原因：{{变动原因}}。\n\n说明：{{变动说明}}\n\n公开名单已同步更新。查看：{{链接}}',
  },
  // 年度运行监测 and 自查评估 (issue 15)
  'post_award.opened': {
    label: '动态管理报告开始填报',
    audience: '入选企业',
    roles: ['enterprise'],
    variables: ['报告名称', '截止时间'],
    subject: '请填报{{报告名称}}',
    body: '{{姓名}}，您好：\n\n{{报告名称}}已开始填报，请于{{截止时间}}前填写并提交推荐单位审核：{{链接}}',
  },
  'post_award.returned': {
    label: '动态管理报告被退回',
    audience: '入选企业',
    roles: ['enterprise'],
    variables: ['报告名称', '解决方案名称', '推荐单位', '退回意见'],
    subject: '“{{解决方案名称}}”的{{报告名称}}被退回修改',
    body: '{{姓名}}，您好：\n\n{{推荐单位}}将“{{解决方案名称}}”的{{报告名称}}退回修改，意见如下：\n\n{{退回意见}}\n\n请修改后重新提交：{{链接}}',
  },
  'post_award.submitted': {
    label: '收到动态管理报告',
    audience: '推荐单位',
    roles: ['recommender'],
    variables: ['报告名称', '解决方案名称', '申报单位'],
    subject: '{{申报单位}}提交了“{{解决方案名称}}”的{{报告名称}}',
    body: '{{姓名}}，您好：\n\n{{申报单位}}提交了“{{解决方案名称}}”的{{报告名称}}，请审核后报送或退回：{{链接}}',
  },
};

export const PLATFORM_NAME = '征选平台';

/** A kind's template: subject and body with {{变量}} placeholders. */
export interface NotificationTemplate {
  subject: string;
  body: string;
}

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export function allowedVariables(kind: NotificationKind): string[] {
  return [...COMMON_VARIABLES, ...NOTIFICATION_KIND_INFO[kind].variables];
}

/** The variables a template uses that its kind does not know (refused when saved). */
export function unknownVariables(kind: NotificationKind, template: NotificationTemplate): string[] {
  const allowed = new Set(allowedVariables(kind));
  const unknown = new Set<string>();
  for (const text of [template.subject, template.body]) {
    for (const m of text.matchAll(VARIABLE)) if (!allowed.has(m[1]!)) unknown.add(m[1]!);
    // a lone "{{" or "}}" is a typo a preview would not make obvious
    const stripped = text.replace(VARIABLE, '');
    if (stripped.includes('{{') || stripped.includes('}}')) unknown.add('{{…}}');
  }
  return [...unknown];
}

/** Fills a template; a variable without a value becomes empty. Plain text in, plain text out. */
export function renderTemplate(
  template: NotificationTemplate,
  values: Partial<Record<string, string>>,
): NotificationTemplate {
  const fill = (text: string) => text.replace(VARIABLE, (_, name: string) => values[name] ?? '');
  // a subject is one line
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), body: fill(template.body) };
}

export function defaultTemplate(kind: NotificationKind): NotificationTemplate {
  const info = NOTIFICATION_KIND_INFO[kind];
  return { subject: info.subject, body: info.body };
}

/** Sample values for a template preview. */
export const SAMPLE_VALUES: Record<string, string> = {
  姓名: '张三',
  平台名称: PLATFORM_NAME,
  链接: 'https://zx.example.cn/…',
  活动名称: '2021年工业互联网APP优秀解决方案征集遴选',
  解决方案名称: '面向离散制造的设备健康管理APP解决方案',
  企业名称: '北京示例智能科技有限公司',
  推荐单位: '北京市',
  退回意见: '请补充APP部署与应用情况中的用户数。',
  不予推荐理由: '解决方案为综合平台，不属于工业互联网APP。',
  原因: '推荐顺序需调整',
  形式审查结果: '不合格',
  不合格原因: '不合格原因：纸质材料已收到且与网上一致：尚未收到纸质申报书',
  账号: 'zhangsan',
  有效期: '72小时',
  截止时间: '2021年10月20日 24:00',
  剩余天数: '3',
  待审核数: '2',
  报送状态: '尚未确认',
  标题: '关于延长网上申报时间的通知',
  正文: '经研究，网上申报截止时间延长至10月25日。',
  评审轮次: '第一轮专家评审',
  项目数: '8',
  专家姓名: '李专家',
  拒绝理由: '本人曾参与该方案的咨询工作，需回避。',
  替补情况: '平台已提出替补专家，请在分配页确认后发布。',
  异议编号: '2021-YY-0001',
  申报单位: '北京示例智能科技有限公司',
  异议人单位: '上海某某研究院',
  提交时间: '2021年9月29日 10:30',
  处理结果: '异议成立，该解决方案撤销入选',
  处理理由: '经核实，申报材料中的应用案例与实际不符。',
  撤销理由: '经核实，申报材料中的应用案例与实际不符。',
  名单名称: '2021年工业互联网APP优秀解决方案名单',
  发布文号: '工信厅信发函〔2021〕300号',
  公开编号: '2021-IIAPP-001',
  入选有效期: '2021年12月20日至2023年12月19日',
  审核结果: '已审核通过，现已在公开页面展示',
  审核意见: '退回理由：请补充应用成效的具体数据。',
  抽查名称: '2023年入选解决方案随机抽查',
  核查方式: '书面核查',
  有效期至: '2023年12月19日',
  到期日期: '2023年12月20日',
  变动类型: '撤销入选资格',
  变动原因: '抽查不合格',
  变动说明: '经随机抽查现场核验，解决方案应用情况与申报材料严重不符。',
};

/** Days before a deadline at which reminders go out (Beijing time, at 09:00 of that day). */
export const REMINDER_DAYS_BEFORE = [7, 3, 1] as const;
export const REMINDER_HOUR_BEIJING = 9;

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * When the reminder `days` before a deadline is due: 09:00 Beijing time on the calendar day that
 * is `days` days before the deadline's Beijing calendar day. (A deadline of 2021-10-20 24:00
 * Beijing is 2021-10-21 00:00; its day is taken from the instant one millisecond earlier.)
 */
export function reminderDueAt(deadline: Date, days: number): Date {
  const beijing = new Date(deadline.getTime() - 1 + BEIJING_OFFSET_MS);
  const dayStartUtc = Date.UTC(
    beijing.getUTCFullYear(),
    beijing.getUTCMonth(),
    beijing.getUTCDate() - days,
    REMINDER_HOUR_BEIJING,
  );
  return new Date(dayStartUtc - BEIJING_OFFSET_MS);
}

/**
 * The reminder that is due now for a deadline, if any: the smallest "days before" whose time has
 * come while the deadline is still ahead. A reminder missed (the server was down) is sent late,
 * but only the most recent one: nobody gets the 7-day and the 3-day reminder at once.
 */
export function dueReminder(deadline: Date, now: Date): number | null {
  if (now >= deadline) return null;
  let due: number | null = null;
  for (const days of REMINDER_DAYS_BEFORE) if (now >= reminderDueAt(deadline, days)) due = days;
  return due;
}

/** "2021年10月20日 24:00" style, Beijing time. */
export function formatBeijingDeadline(d: Date): string {
  const b = new Date(d.getTime() + BEIJING_OFFSET_MS);
  const h = b.getUTCHours();
  const m = b.getUTCMinutes();
  if (h === 0 && m === 0) {
    const prev = new Date(b.getTime() - 86_400_000);
    return `${prev.getUTCFullYear()}年${prev.getUTCMonth() + 1}月${prev.getUTCDate()}日 24:00`;
  }
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Whole days left until a deadline, rounded up (what "还有N天" means to a reader). */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 86_400_000));
}

/**
 * Kinds sent outside any campaign (accounts, password links): only a platform-wide template
 * (平台通用) applies to them, so a campaign does not list or save its own.
 */
export const CAMPAIGNLESS_KINDS: readonly NotificationKind[] = [
  'account.created',
  'account.password_reset',
  'password.reset_link',
];

/** The kinds whose template a campaign may have (null: the platform-wide list, every kind). */
export function templateKindsOf(campaignId: string | null): NotificationKind[] {
  return campaignId
    ? NOTIFICATION_KINDS.filter((k) => !CAMPAIGNLESS_KINDS.includes(k))
    : [...NOTIFICATION_KINDS];
}
