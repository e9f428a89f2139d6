// The materials: licences reused from the licence library (read through the case grant) and uploaded documents.
import { formatDate } from '../format.js';
import { DownloadLink } from './download-link.js';
import type { GuidedMatter, ReviewedCase } from './review-types.js';

const LICENCE_STATUS: Record<string, string> = {
  VALID: '有效',
  SUSPENDED: '暂扣',
  REVOKED: '撤销',
  PENALTY_REVOKED: '吊销',
  CANCELLED: '注销',
  EXPIRED: '过期',
  TRANSFERRED: '已转移',
  OTHER: '其他',
};

export function CaseMaterialsSection({ materials, matter }: { materials: ReviewedCase['materials']; matter: GuidedMatter | undefined }) {
  const names = new Map(matter?.materials.map((material) => [material.code, material.name]));
  return (
    <section aria-labelledby="case-materials" className="officer-panel">
      <h2 id="case-materials">申请材料</h2>
      <ul className="officer-materials">
        {materials.map((material) => (
          <li key={material.requirementCode}>
            <h3>{names.get(material.requirementCode) ?? material.requirementCode}</h3>
            {material.evidence.length === 0 && <p>未提供（已办结的办件不再显示证照）</p>}
            <ul>
              {material.evidence.map((evidence) =>
                evidence.__typename === 'Licence' ? (
                  <li key={evidence.id} className="material-licence">
                    电子证照：{evidence.title}，证号 {evidence.number}，{LICENCE_STATUS[evidence.status] ?? evidence.status}，有效期至 {formatDate(evidence.validTo)}
                  </li>
                ) : evidence.__typename === 'Document' ? (
                  <li key={evidence.id} className="material-document">
                    <DownloadLink documentId={evidence.id} filename={evidence.filename} size={evidence.size} />
                  </li>
                ) : (
                  <li key="generated-form" className="material-generated">
                    系统根据申请信息生成的申请表
                  </li>
                ),
              )}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
