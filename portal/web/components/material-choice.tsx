// One material of a form: what the graph offers (licences, earlier documents) and what was uploaded, as radio choices.
import type { UploadedDocumentFields } from '@govgraph/portal/kit';
import { UploadControl } from './upload-control.js';

export type Evidence = { kind: 'licence'; id: string; label: string } | { kind: 'document'; id: string; label: string };

/** `none` is an explicit "not now" for an optional material. */
export type MaterialSelection = { kind: 'licence' | 'document'; id: string } | 'none';

interface MaterialChoiceProps {
  material: { code: string; name: string; required: boolean };
  choices: Evidence[];
  selected: MaterialSelection | undefined;
  onSelect(selection: MaterialSelection): void;
  onUploaded(document: UploadedDocumentFields): void;
  problem?: string;
}

export function materialId(code: string): string {
  return `material-${code}`;
}

export function MaterialChoice({ material, choices, selected, onSelect, onUploaded, problem }: MaterialChoiceProps) {
  const id = materialId(material.code);
  const isSelected = (choice: Evidence) => selected !== undefined && selected !== 'none' && selected.kind === choice.kind && selected.id === choice.id;
  return (
    <fieldset
      id={id}
      className={`material${problem ? ' field-invalid' : ''}`}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? `${id}-error` : undefined}
      tabIndex={-1}
    >
      <legend>
        {material.name}
        {material.required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span className="muted">（非必需）</span>
        )}
      </legend>
      {choices.length ? (
        <ul className="plain-list choices">
          {choices.map((choice) => (
            <li key={`${choice.kind}-${choice.id}`}>
              <input type="radio" id={`${id}-${choice.kind}-${choice.id}`} name={id} checked={isSelected(choice)} onChange={() => onSelect({ kind: choice.kind, id: choice.id })} />
              <label htmlFor={`${id}-${choice.kind}-${choice.id}`}>{choice.label}</label>
            </li>
          ))}
          {material.required ? null : (
            <li>
              <input type="radio" id={`${id}-none`} name={id} checked={selected === 'none'} onChange={() => onSelect('none')} />
              <label htmlFor={`${id}-none`}>暂不提供</label>
            </li>
          )}
        </ul>
      ) : (
        <p className="muted">暂无可复用的证照或材料，请上传。</p>
      )}
      <UploadControl id={`upload-${material.code}`} materialName={material.name} onUploaded={onUploaded} />
      {problem ? (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
