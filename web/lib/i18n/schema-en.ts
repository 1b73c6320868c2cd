// English for the messages of the shared zod schemas (domain/ speaks Chinese).
import { PASSWORD_MIN } from '../../../domain/accounts';

export const SCHEMA_MESSAGES_EN: Record<string, string> = {
  请填写营业执照上的企业全称: 'Enter the full name as on the business licence',
  企业名称最多100字: 'The company name is at most 100 characters',
  [`密码至少${PASSWORD_MIN}位`]: `The password needs at least ${PASSWORD_MIN} characters`,
  密码最多128位: 'The password is at most 128 characters',
  密码须同时包含字母和数字: 'The password needs both letters and digits',
  推荐单位账号须绑定一个推荐单位: 'A recommender account belongs to a recommending unit',
  '活动代码为3–60位小写字母、数字或连字符':
    'The code is 3–60 lower-case letters, digits or hyphens',
  电子邮箱格式不正确: 'Not a valid e-mail address',
  '登录名为3–40位小写字母、数字、点、下划线或连字符':
    'The login is 3–40 lower-case letters, digits, dots, underscores or hyphens',
  纸质材料截止时间须晚于开始时间: 'The paper deadline must be after the opening',
  网上申报截止时间须晚于开始时间: 'The online deadline must be after the opening',
  请写明接受该代码的理由: 'Give the reason for accepting this code',
  '请填写11位手机号或带区号的固定电话，如 010-68208206':
    'Enter an 11-digit mobile number or a landline with area code, e.g. 010-68208206',
  请填写联系人姓名: 'Enter the name of the contact person',
  请输入密码: 'Enter the password',
  请输入当前密码: 'Enter the current password',
  请输入账号: 'Enter the account',
  请选择所在地区: 'Choose the region',
  请填写标题: 'Enter a title',
  请填写正文: 'Enter the text',
  '请选择公告对象（角色或推荐单位）': 'Choose whom to address (roles or recommending units)',
  公开发布的公告须属于一个征集活动: 'A public announcement belongs to a campaign',
  '所选对象中没有可接收公告的账号，请调整公告对象':
    'No account among those chosen can receive it; change whom it is addressed to',
  '所选推荐单位不存在，请刷新后重新选择':
    'A recommending unit chosen does not exist; reload and choose again',
  // 异议 (domain/objections.ts)
  请选择异议所涉的解决方案: 'Choose the solution you object to',
  请填写异议人姓名: 'Enter your name',
  姓名最多50个字: 'The name is at most 50 characters',
  '请填写异议人所在单位（个人请填“个人”）': 'Enter your organisation (or “个人” for yourself)',
  单位名称最多100个字: 'The organisation is at most 100 characters',
  '请写明异议理由，至少20个字': 'Give your reasons in at least 20 characters',
  '异议理由最多2000个字，详细材料请作为附件上传':
    'The reasons are at most 2000 characters; attach longer material as a document',
  请先获取验证题: 'Load the question first',
  '验证题已失效，请换一题': 'The question has lapsed; take another',
  请用阿拉伯数字填写验证题的答案: 'Answer the question in digits',
  '请写明处理理由，至少4个字': 'Give the reason in at least 4 characters',
  处理理由最多1000个字: 'The reason is at most 1000 characters',
};
