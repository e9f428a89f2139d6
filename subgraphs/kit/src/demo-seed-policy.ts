/** The variable that asks for the demo data where it is not written by default. */
export const SEED_DEMO_VARIABLE = 'GOVGRAPH_SEED_DEMO';

export interface DemoSeedPolicy {
  /** Write the demo data into an empty database. */
  seed: boolean;
  /** Production asked for it explicitly: say so at warn level. */
  loud: boolean;
}

/**
 * Demo data (accounts with the password `demo`, a made-up city) is written into an empty
 * database in development and tests, never with NODE_ENV=production unless GOVGRAPH_SEED_DEMO=true
 * asks for it; GOVGRAPH_SEED_DEMO=false turns it off anywhere.
 */
export function demoSeedPolicy(env: NodeJS.ProcessEnv = process.env): DemoSeedPolicy {
  const raw = (env[SEED_DEMO_VARIABLE] ?? '').trim().toLowerCase();
  if (raw !== '' && raw !== 'true' && raw !== 'false') {
    throw new Error(`${SEED_DEMO_VARIABLE} must be true or false, got ${JSON.stringify(env[SEED_DEMO_VARIABLE])}`);
  }
  const production = env.NODE_ENV === 'production';
  if (raw === 'false') return { seed: false, loud: false };
  if (production) return { seed: raw === 'true', loud: raw === 'true' };
  return { seed: true, loud: false };
}
