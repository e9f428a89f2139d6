/**
 * The metric label for a refused gateway signature: the verifiers' reasons are sentences, the
 * label is one of a few words, so the series stay bounded whatever a sender puts in its headers.
 */
export type SignedRequestRefusal = 'replayed' | 'bad-body' | 'missing' | 'expired' | 'bad-signature' | 'malformed';

export function signedRequestRefusal(reason: string): SignedRequestRefusal {
  if (reason.includes('replayed')) return 'replayed';
  // 'body not covered by the signature', a missing, malformed or bad body trailer, a body that differs.
  if (reason.includes('body')) return 'bad-body';
  if (reason.startsWith('missing')) return 'missing';
  if (reason.includes('expired')) return 'expired';
  if (reason.startsWith('bad ')) return 'bad-signature';
  return 'malformed';
}
