/** An on/off variable: on, true, 1 or off, false, 0 (any case); empty or unset is the fallback. */
export function readOnOff(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const raw = (env[variable] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'on' || raw === 'true' || raw === '1') return true;
  if (raw === 'off' || raw === 'false' || raw === '0') return false;
  throw new Error(`${variable} must be on or off, got ${JSON.stringify(env[variable])}`);
}
