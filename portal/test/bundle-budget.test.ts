import { describe, expect, it } from 'vitest';
import { buildPortalBundle } from '../server/build-portal.js';

/** Issue 21's budget for the reference portal's JavaScript, gzipped. */
const SCRIPT_BUDGET_BYTES = 300 * 1024;

describe('the reference portal’s bundle', () => {
  it('is one script and one stylesheet, the script within 300 KB gzipped', async () => {
    const bundle = await buildPortalBundle();
    const scripts = [...bundle.assets.values()].filter((asset) => asset.name.endsWith('.js'));
    expect(scripts).toHaveLength(1);
    expect(bundle.stylesheet).toBeDefined();
    console.info(`portal bundle: script ${bundle.script.body.length} B (${bundle.script.gzipped.length} B gzipped), built in ${bundle.buildMs} ms`);
    expect(bundle.script.gzipped.length).toBeLessThanOrEqual(SCRIPT_BUDGET_BYTES);
  }, 60_000);

  it('carries the ids of trusted documents, not their text', async () => {
    const { script } = await buildPortalBundle();
    const text = script.body.toString('utf8');
    // The id of StartForm, from the manifest; the document's comment lines are never bundled.
    expect(text).toMatch(/"StartForm"/);
    expect(text).not.toContain('every field that the graph already knows is');
  }, 60_000);
});
