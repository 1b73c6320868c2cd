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
    zh: '登录失败次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账号已停用，请联系主管部门',
    en: 'This account is disabled',
  },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF_REJECTED: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page is stale; reload and try again',
  },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  USCC_TAKEN: {
    status: 409,
    zh: '该统一社会信用代码已注册账号，请直接登录；忘记密码请联系主管部门重置',
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
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Changed by someone else meanwhile',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}

export interface FieldIssue {
  path: string;
  message: string;
}
