// What the registry and the receipts answer with (domain/api/registry), from repository rows.
import type { PaperReceipt, PaperStanding, RegistryRow } from '../../../domain/api/registry';
import type { Category } from '../../../domain/campaign';
import type { PaperKind, PaperReceiptStatus } from '../../../domain/registry';
import { regionLabel } from '../batches';
import type { ReceiptListRow, RegistrySourceRow } from './repository';

export interface RegistryLookups {
  categories: Category[];
  regionNames: Record<string, string>;
}

/** A region by name: the code's own, else its city's, else its province's (districts are not kept). */
export function regionNameOf(code: string, names: Record<string, string>): string {
  const known = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`].find((c) => names[c]);
  return known ? regionLabel(known, names) : code;
}

export const NO_PAPER: PaperStanding = {
  received: false,
  late: false,
  mismatch: false,
  receivedOn: null,
  copies: 0,
};

export function registryRowView(
  r: RegistrySourceRow,
  paper: PaperStanding | undefined,
  l: RegistryLookups,
): RegistryRow {
  return {
    id: r.id,
    solutionName: r.factName ?? r.solutionName,
    category: r.category,
    categoryLabel: l.categories.find((c) => c.code === r.category)?.name ?? r.category ?? '',
    applicantName: r.applicantName ?? r.enterpriseName,
    uscc: r.uscc ?? r.enterpriseUscc,
    region: r.region,
    regionName: r.region ? regionNameOf(r.region, l.regionNames) : '',
    unitId: r.unitId,
    unitName: r.unitName,
    rank: r.rank,
    state: r.state,
    currentVersionNo: r.currentVersionNo,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    duplicates: r.duplicates,
    paper: paper ?? NO_PAPER,
    formalCheck: r.formalCheck === 'pass' || r.formalCheck === 'fail' ? r.formalCheck : null,
  };
}

export function receiptView(r: ReceiptListRow): PaperReceipt {
  const p = r.receipt;
  return {
    id: p.id,
    kind: p.kind as PaperKind,
    status: p.status as PaperReceiptStatus,
    code: p.code,
    applicationId: p.applicationId,
    versionNo: p.versionNo,
    currentVersionNo: p.applicationId ? r.currentVersionNo : null,
    applicationState: r.applicationState,
    solutionName: p.applicationId ? r.solutionName : null,
    applicantName: p.applicationId ? (r.applicantName ?? r.enterpriseName) : null,
    unitId: p.unitId,
    unitName: r.unitName,
    receivedOn: p.receivedOn,
    postmarkedOn: p.postmarkedOn,
    late: p.late,
    note: p.note,
    receivedByName: r.receivedByName,
    createdAt: p.createdAt.toISOString(),
  };
}
