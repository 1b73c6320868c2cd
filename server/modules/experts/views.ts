import type { ExpertView } from '../../../domain/api/experts';
import type { ExpertListing } from './repository';

// The response shapes live in domain/api/experts (the web infers its types from them).
export {
  createdExpertSchema,
  expertImportResultSchema,
  expertListSchema,
  expertViewSchema,
} from '../../../domain/api/experts';

export function expertView(l: ExpertListing): ExpertView {
  const e = l.expert;
  return {
    id: e.id,
    userId: e.userId,
    login: l.login,
    accountStatus: l.accountStatus,
    name: e.name,
    employerName: e.employerName,
    employerUscc: e.employerUscc,
    title: e.title,
    regionCode: e.regionCode,
    regionName: l.regionName,
    categories: e.categories,
    industries: e.industries,
    focusAreas: e.focusAreas,
    conflictEnterprises: e.conflictEnterprises,
    conflictUnitIds: e.conflictUnitIds,
    phone: e.phone,
    email: e.email,
    active: e.active,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
