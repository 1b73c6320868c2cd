// The reasons of a finding, in Chinese, strongest first.
import type { PreparedDoc } from './prepare';
import type { Signals } from './types';

const f2 = (x: number) => x.toFixed(2);

export function describe(
  app: PreparedDoc,
  other: PreparedDoc,
  s: Signals,
  passages: number,
  reworded = false,
): string[] {
  const reasons: string[] = [];
  if (other.doc.kind === 'award') {
    const year = other.doc.year ? `${other.doc.year}年` : '往届';
    reasons.push(`与${year}获奖方案《${other.doc.name}》（${other.doc.enterprise}）相似`);
  } else if (s.sameUscc || s.sameEnterpriseName) {
    reasons.push(`同一企业的另一份申报《${other.doc.name}》`);
  } else {
    reasons.push(`与${other.doc.enterprise}的申报《${other.doc.name}》相似`);
  }
  if (s.sameUscc) {
    reasons.push(
      s.sameEnterpriseName
        ? '统一社会信用代码相同'
        : `统一社会信用代码相同（企业名称不同：${app.doc.enterprise} / ${other.doc.enterprise}）`,
    );
  } else if (s.sameEnterpriseName) {
    reasons.push('企业名称相同');
  } else if (s.relatedBrand) {
    reasons.push(`疑似关联企业（字号“${s.relatedBrand}”相同）`);
  }
  if (s.nameSimilarity >= 0.5) reasons.push(`解决方案名称相似度${f2(s.nameSimilarity)}`);
  if (s.textOverlap !== null && s.textOverlap >= 0.1)
    reasons.push(`正文重合度${f2(s.textOverlap)}，重合段落${passages}处`);
  if (reworded && s.paraphrase != null)
    reasons.push(`正文虽经改写，仍大量共有少见的专有词语和数据（加权重合度${f2(s.paraphrase)}）`);
  if (s.textOverlap === null && other.doc.kind === 'award' && !other.signature)
    reasons.push('该获奖方案无正文，仅比对了名称和企业');
  if (s.differentChannel)
    reasons.push(`经不同推荐单位申报（${app.doc.channel} / ${other.doc.channel}）`);
  return reasons;
}
