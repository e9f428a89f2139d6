import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. Playwright never downloads one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';

/** True when Chromium is installed; false (after a visible notice) when browser tests should skip; throws in CI. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (inCI()) throw new Error(`${message}; CI requires it`);
  console.warn(`\n  ⚠ SKIPPED: ${message} — browser tests are skipped on this machine.\n`);
  return false;
}

/**
 * Headless Chromium for tests on a closed network: root needs --no-sandbox (Playwright adds it),
 * and without the background-networking flags Chromium itself keeps trying to reach Google.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--no-pings',
    ],
  });
}
