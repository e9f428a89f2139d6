/**
 * A personal value as a list may show it: enough to recognise, not enough to use.
 * 张三 → 张*; 440303199003071233 → 4403**********1233; 13800138000 → 138****8000;
 * 罗湖区东门街道解放路1001号 → 罗湖区************.
 */
export function maskValue(value: string): string {
  const characters = [...value];
  const n = characters.length;
  if (n <= 1) return '*';
  if (n <= 3) return `${characters[0]}${'*'.repeat(n - 1)}`;
  if (/^[\x20-\x7e]+$/.test(value)) {
    const keep = n >= 12 ? 4 : n >= 8 ? 3 : 1;
    const tail = n >= 8 ? 4 : 1;
    return characters.slice(0, keep).join('') + '*'.repeat(n - keep - tail) + characters.slice(n - tail).join('');
  }
  const keep = Math.min(3, Math.floor(n / 4) || 1);
  return characters.slice(0, keep).join('') + '*'.repeat(n - keep);
}
