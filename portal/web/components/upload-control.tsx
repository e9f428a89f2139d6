// A file input that uploads at once (POST /documents through the kit) and hands back the stored document.
import { type UploadedDocumentFields, UploadError, uploadDocument } from '@govgraph/portal/kit';
import { useState } from 'react';
import { usePortal } from '../portal-context.js';

interface UploadControlProps {
  id: string;
  materialName: string;
  onUploaded(document: UploadedDocumentFields): void;
  describedBy?: string;
}

type UploadState = { phase: 'idle' } | { phase: 'uploading'; filename: string } | { phase: 'done'; filename: string } | { phase: 'failed'; message: string };

export function UploadControl({ id, materialName, onUploaded, describedBy }: UploadControlProps) {
  const { gatewayOrigin, store } = usePortal();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });

  async function upload(file: File | undefined) {
    const token = store.token();
    if (!file) return;
    if (!token) {
      store.set(undefined);
      return;
    }
    setState({ phase: 'uploading', filename: file.name });
    try {
      const document = await uploadDocument(gatewayOrigin, token, file, file.name);
      setState({ phase: 'done', filename: document.filename });
      onUploaded(document);
    } catch (error) {
      if (error instanceof UploadError && error.code === 'UNAUTHENTICATED') store.set(undefined);
      setState({ phase: 'failed', message: error instanceof Error ? error.message : '上传失败' });
    }
  }

  return (
    <div className="upload">
      <label htmlFor={id}>上传：{materialName}</label>
      <input id={id} type="file" accept="image/png,image/jpeg,application/pdf" aria-describedby={describedBy} onChange={(event) => void upload(event.target.files?.[0])} />
      {/* One live region that stays mounted, so each change of its text is announced. */}
      <p role="status" className="upload-status">
        {state.phase === 'uploading' ? `正在上传 ${state.filename}…` : state.phase === 'done' ? `已上传 ${state.filename}` : ''}
      </p>
      {state.phase === 'failed' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
