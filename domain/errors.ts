// Stable error codes. The server answers { error: { code, message, messageEn, details? } }.

export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '填写的内容有误，请按提示修改',
    en: 'Some fields are invalid',
  },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'Malformed request' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，已暂停从本网络登录此账号，请稍后再试',
    en: 'Too many failed sign-ins from this network; try again later',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账号已停用，请联系主管部门',
    en: 'This account is disabled',
  },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码，再继续使用',
    en: 'Change your one-time password first',
  },
  CSRF_REJECTED: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page is stale; reload and try again',
  },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  USCC_TAKEN: {
    status: 409,
    zh: '该统一社会信用代码已注册账号，请直接登录；忘记密码可在登录页点击“忘记密码？”找回',
    en: 'An account with this code exists already',
  },
  USCC_INVALID: {
    status: 400,
    zh: '统一社会信用代码不正确',
    en: 'Invalid unified social credit code',
  },
  LOGIN_TAKEN: { status: 409, zh: '该登录名已被使用', en: 'This login name is taken' },
  EMAIL_TAKEN: {
    status: 409,
    zh: '该电子邮箱已被其他账号使用',
    en: 'This e-mail is used by another account',
  },
  UNIT_NAME_TAKEN: {
    status: 409,
    zh: '已有同名推荐单位',
    en: 'A recommending unit with this name exists',
  },
  CAMPAIGN_CODE_TAKEN: {
    status: 409,
    zh: '活动代码已存在',
    en: 'A campaign with this code exists',
  },
  CONFIG_CONFLICT: {
    status: 409,
    zh: '活动配置已被他人修改，请刷新后在最新配置上修改',
    en: 'The configuration was changed meanwhile; reload and edit the latest',
  },
  FORM_LOCKED: {
    status: 409,
    zh: '已有申报书提交，表单不能再修改；如需调整表单，请新建活动',
    en: 'Applications were submitted on this form; start a new campaign to change it',
  },
  INVALID_DECLARATION: {
    status: 422,
    zh: '表单或活动配置有误，请按提示修改',
    en: 'The form or campaign configuration is invalid',
  },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  CAMPAIGN_NOT_OPEN: {
    status: 409,
    zh: '该征集活动当前不在申报期内',
    en: 'The campaign is not open for applications',
  },
  DEADLINE_PASSED: { status: 409, zh: '网上申报已截止，不能再提交', en: 'The deadline has passed' },
  DRAFT_CONFLICT: {
    status: 409,
    zh: '申报书已在别处（另一个窗口或同事）修改并保存。为避免覆盖，本次保存未生效：请复制您的改动，刷新后再合并',
    en: 'Someone changed this application meanwhile; your save was not applied',
  },
  APPLICATION_INCOMPLETE: {
    status: 400,
    zh: '申报书尚未填写完整，请按提示逐项修改后再提交',
    en: 'The application is incomplete',
  },
  WRONG_STATE: {
    status: 409,
    zh: '申报书当前状态不允许此操作',
    en: 'Not allowed in the application’s current state',
  },
  CHANNEL_NOT_ALLOWED: {
    status: 400,
    zh: '不能通过该推荐单位申报',
    en: 'This recommending unit is not a channel for you',
  },
  DRAFT_LIMIT_REACHED: {
    status: 409,
    zh: '本活动中未提交的申报书草稿已达上限，请先提交或删除不再需要的草稿',
    en: 'Too many unsubmitted drafts in this call; submit or delete one first',
  },
  FILE_REJECTED: { status: 400, zh: '文件未通过检查', en: 'The file was refused' },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  VERIFICATION_CODE_INVALID: {
    status: 400,
    zh: '验证码格式不正确（应为12位，如 ABCD-EFGH-JKMN）',
    en: 'Malformed verification code',
  },
  QUOTA_EXCEEDED: {
    status: 409,
    zh: '推荐数量已达上限，不能再推荐；如需更换请先取消其他推荐',
    en: 'The recommendation quota is used up',
  },
  BATCH_SIGNED_OFF: {
    status: 409,
    zh: '本单位已确认报送，推荐结果已锁定；如需修改，请联系工业和信息化部重新开放',
    en: 'This unit has signed off its batch; the desk is locked',
  },
  BATCH_NOT_READY: {
    status: 409,
    zh: '尚不能确认报送，请按提示完成后再试',
    en: 'The batch cannot be signed off yet',
  },
  IMPORT_REJECTED: {
    status: 422,
    zh: '导入文件中有不符合要求的行，全部未导入；请按逐行说明修改后重新导入',
    en: 'Some rows are invalid; nothing was imported',
  },
  FOLLOW_UP_INCOMPLETE: {
    status: 400,
    zh: '统计表尚未填写完整，请按提示逐项修改后再提交',
    en: 'The follow-up report is incomplete',
  },
  VERIFICATION_DOCUMENTS_MISSING: {
    status: 409,
    zh: '请先在“企业认证”中上传营业执照（填报人不是法定代表人的，另需上传授权书）',
    en: 'Upload the business licence (and the authorisation letter) under 企业认证 first',
  },
  ENTERPRISE_UNVERIFIED: {
    status: 409,
    zh: '该企业账号尚未核验，请先核验企业（查看营业执照后点击“核验通过”），再推荐',
    en: 'The enterprise account is not verified yet; verify it before recommending',
  },
  FOLLOW_UP_NEEDS_VERIFICATION: {
    status: 403,
    zh: '往届获奖方案的附件4仅对经该奖项推荐单位或主管部门核验的企业账号开放：请在“企业认证”中上传营业执照，并联系推荐单位核验',
    en: 'A past award’s report opens only to an account verified by its recommender or an organizer',
  },
  FORMAL_CHECK_CONFLICT: {
    status: 409,
    zh: '形式审查结果已被他人修改，请刷新后在最新结果上修改',
    en: 'The formal check was recorded by someone else meanwhile; reload and edit the latest',
  },
  FORMAL_CHECK_BLOCKED: {
    status: 409,
    zh: '有不能通过的检查项（如未处理或已确认的疑似重复），该申报书不能判为形式审查合格',
    en: 'A blocking item fails (e.g. an open or confirmed duplicate finding): it cannot pass',
  },
  REVIEW_SETTINGS_LOCKED: {
    status: 409,
    zh: '已发布评审分配，形式审查清单和评分标准不能再修改',
    en: 'A review round is published: the checklist and the rubric cannot change',
  },
  CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Changed by someone else meanwhile',
  },
  RESET_TOKEN_INVALID: {
    status: 400,
    zh: '链接无效或已过期，请重新申请找回密码',
    en: 'The link is invalid or has expired; request a new one',
  },
  PAPER_CODE_UNKNOWN: {
    status: 404,
    zh: '未找到该验证码对应的申报书：请核对纸质申报书封面或页脚上的12位验证码',
    en: 'No application carries this verification code',
  },
  EXPORT_TOO_LARGE: {
    status: 422,
    zh: '一次导出的申报书过多，请先用筛选条件缩小范围，再分批下载',
    en: 'Too many applications for one download; narrow the filters and download in parts',
  },
  // 评审分配 (issue 13)
  ASSIGNMENT_RULES_BROKEN: {
    status: 409,
    zh: '该分配违反回避规则或超出评审上限：如确需分配，请填写例外理由（至少4个字）',
    en: 'This pair breaks a conflict rule or the load limit; give a reason to override',
  },
  // 专家评分 (issue 13)
  REVIEW_CONFLICT: {
    status: 409,
    zh: '评分已在别处（另一个窗口）保存了更新的版本。为避免覆盖，本次保存未生效：请刷新后再修改',
    en: 'The review was saved elsewhere meanwhile; your save was not applied',
  },
  REVIEW_SUBMITTED: {
    status: 409,
    zh: '评分已提交，不能再修改；如需修改，请联系主管部门重新开放',
    en: 'The review is submitted and locked',
  },
  REVIEW_CLOSED: {
    status: 409,
    zh: '本轮评审已截止，不能再保存或提交评分',
    en: 'The review round has closed',
  },
  REVIEW_INCOMPLETE: {
    status: 400,
    zh: '评分尚未完成，请按提示补充后再提交',
    en: 'The review is incomplete',
  },
  ASSIGNMENT_INACTIVE: {
    status: 409,
    zh: '该评审任务已退回或已撤销，不能再评分',
    en: 'This assignment was declined or withdrawn',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error' },
  // 随机抽查 (issue 15)
  SEED_MISMATCH: {
    status: 422,
    zh: '所给种子与抽取前公布的种子哈希值不符，不能抽取：请核对种子（64位十六进制数字）',
    en: 'The seed does not hash to the commitment published before the draw',
  },
  // 动态管理 (issue 15)
  ALREADY_REVOKED: {
    status: 409,
    zh: '该解决方案的入选资格已撤销，不能再次撤销或登记退出',
    en: 'The award is already revoked',
  },
  ALREADY_WITHDRAWN: {
    status: 409,
    zh: '该解决方案已登记为企业退出，不能再次撤销或登记退出',
    en: 'The solution has already been withdrawn',
  },
  // 动态管理: post-award reports (issue 15)
  POST_AWARD_INCOMPLETE: {
    status: 400,
    zh: '报告尚未填写完整，请按提示补充后再提交',
    en: 'The report is incomplete',
  },
  POST_AWARD_ROUND_EXISTS: {
    status: 409,
    zh: '该年度的同类报告已经开启，不能重复开启',
    en: 'A round of this kind and year is already open',
  },
  LIST_STILL_VALID: {
    status: 409,
    zh: '该名单尚在有效期内，有效期结束后才能开启自查评估',
    en: 'The list is still valid',
  },
  POST_AWARD_SUMMARY_NOT_READY: {
    status: 409,
    zh: '本单位还有报告未报送主管部门，全部报送后才能上传盖章汇总表',
    en: 'Not every report of the unit has been forwarded',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}

export interface FieldIssue {
  path: string;
  message: string;
}
