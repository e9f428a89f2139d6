// A case material's download: fetched with the officer's token (a plain link would carry none), offered as a blob URL.
import { useEffect, useRef, useState } from 'react';
import { formatSize } from '../format.js';
import { usePortal } from '../portal-context.js';

interface DownloadLinkProps {
  documentId: string;
  filename: string;
  size: number;
}

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'failed'; message: string };

const FAILURES: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '您没有下载此材料的权限',
  404: '材料不存在或办件已办结',
};

/**
 * Fetched only when asked: every download is written to the applicant's data-access log
 * (下载办件材料 <number>), so nothing is fetched just because the page was opened.
 */
export function DownloadLink({ documentId, filename, size }: DownloadLinkProps) {
  const { gatewayOrigin, store } = usePortal();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);
  const url = state.kind === 'ready' ? state.url : undefined;

  useEffect(() => {
    if (!url) return;
    link.current?.focus();
    return () => URL.revokeObjectURL(url);
  }, [url]);

  async function fetchDocument() {
    setState({ kind: 'loading' });
    try {
      const token = store.token();
      const response = await fetch(`${gatewayOrigin}/documents/${encodeURIComponent(documentId)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        setState({ kind: 'failed', message: FAILURES[response.status] ?? `下载失败（${response.status}）` });
        return;
      }
      setState({ kind: 'ready', url: URL.createObjectURL(await response.blob()) });
    } catch {
      setState({ kind: 'failed', message: '无法连接服务，请检查网络后重试' });
    }
  }

  return (
    <span className="download">
      <span className="download-name">{filename}</span> <span className="download-size">{formatSize(size)}</span>{' '}
      {state.kind === 'ready' ? (
        <a ref={link} href={state.url} download={filename}>
          保存 {filename}
        </a>
      ) : (
        <button type="button" onClick={() => void fetchDocument()} disabled={state.kind === 'loading'} aria-label={`下载 ${filename}`}>
          {state.kind === 'loading' ? '下载中…' : '下载'}
        </button>
      )}
      {state.kind === 'failed' && (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      )}
    </span>
  );
}
