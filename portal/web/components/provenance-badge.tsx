// Where a prefilled value came from (department, system, trust level, when), or that the applicant declared it instead.
import type { TrustLevel } from '@govgraph/portal/kit';
import { formatTime, SYSTEM_LABELS, TRUST_LABELS } from '../format.js';

export interface Provenance {
  system: string;
  department?: string | null;
  trustLevel: TrustLevel;
  retrievedAt?: string | null;
}

interface ProvenanceBadgeProps {
  id: string;
  provenance: Provenance;
  /** The applicant changed the offered value: it will be recorded as declared (trust D). */
  changed: boolean;
  fieldLabel: string;
  onReset(): void;
}

export function ProvenanceBadge({ id, provenance, changed, fieldLabel, onReset }: ProvenanceBadgeProps) {
  if (changed) {
    return (
      <span className="badge-row">
        <span id={id} className="badge badge-declared" data-trust="D">
          {TRUST_LABELS.D}（已修改，原值来自{provenance.department ?? provenance.system}）
        </span>
        <button type="button" className="link-button" onClick={onReset} aria-label={`恢复${fieldLabel}为核验数据`}>
          恢复
        </button>
      </span>
    );
  }
  const system = SYSTEM_LABELS[provenance.system] ?? provenance.system;
  return (
    <span id={id} className={`badge badge-trust-${provenance.trustLevel.toLowerCase()}`} data-trust={provenance.trustLevel}>
      来源：{provenance.department ?? '—'} · {system} · {TRUST_LABELS[provenance.trustLevel]}
      {provenance.retrievedAt ? ` · ${formatTime(provenance.retrievedAt)} 获取` : ''}
    </span>
  );
}
