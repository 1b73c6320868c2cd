import type { AuditVerdict } from './service';

const REASON: Record<NonNullable<AuditVerdict['reason']>, string> = {
  hash_mismatch: '该行内容被修改 row edited',
  link_broken: '前一行被删除或改动 previous row removed or altered',
  truncated: '最新的记录被删除（少于检查点的条数）TRUNCATED: fewer rows than a checkpoint',
  checkpoint_mismatch:
    '检查点处的记录与检查点不符（日志被重写）REWRITTEN: the row at a checkpoint differs from it',
  checkpoint_unreadable: '检查点文件无法读取或被改动 a checkpoint file is unreadable or altered',
  state_mismatch: '申报书状态与其审计记录不符 an application state differs from its audit history',
};

/** audit-verify's report (the CLI): one line when intact, the findings when not. */
export function auditVerdictText(v: AuditVerdict): string {
  if (v.ok)
    return `审计日志完整 audit log intact: ${v.rows} rows, checked against ${v.checkpoints} checkpoints, application states agree`;
  const lines = [
    `审计日志被篡改 AUDIT LOG BROKEN: ${REASON[v.reason!]}; ${v.rows} rows checked, ${v.checkpoints} checkpoints`,
  ];
  if (v.brokenAtId !== undefined) lines.push(`  第 ${v.brokenAtId} 行 at row id ${v.brokenAtId}`);
  if (v.checkpoint)
    lines.push(
      `  checkpoint 检查点 ${v.checkpoint.key}: ${v.checkpoint.count} rows, last id ${v.checkpoint.lastId}, hash ${v.checkpoint.hash}, at ${v.checkpoint.at}`,
    );
  for (const k of v.unreadableCheckpoints) lines.push(`  unreadable checkpoint 无法读取: ${k}`);
  for (const m of v.stateMismatches)
    lines.push(
      `  application 申报书 ${m.applicationId}: state ${m.state}, audit history says ${m.loggedState ?? '(none 无记录)'}`,
    );
  return lines.join('\n');
}
