export const ROLES = ['enterprise', 'recommender', 'organizer', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  enterprise: { zh: '申报企业', en: 'Enterprise' },
  recommender: { zh: '推荐单位', en: 'Recommender' },
  organizer: { zh: '主管部门', en: 'Organizer' },
  expert: { zh: '评审专家', en: 'Expert' },
};
