import type { ReplayFetch, ReplayPlan } from '../../load/types.js';

/** One subgraph fetch as the recording proxy saw it, times in milliseconds on one clock. */
export interface RecordedFetch extends ReplayFetch {
  subgraph: string;
  startMs: number;
  endMs: number;
  status: number;
  responseBody: string;
}

/**
 * Groups a request's fetches into waves from their timing alone: a fetch that started after
 * another had finished may have needed its answer, so it goes in a later wave; fetches that
 * overlap in time ran in parallel. wave(f) = 1 + the highest wave among fetches that ended
 * before f started (0 when none did). The recording proxy holds every answer for a while, so
 * parallel fetches overlap however fast the subgraphs are.
 */
export function deriveWaves<F extends { startMs: number; endMs: number }>(fetches: F[]): F[][] {
  const ordered = [...fetches].sort((a, b) => a.startMs - b.startMs);
  const waveOf = new Map<F, number>();
  for (const fetch of ordered) {
    let wave = 0;
    for (const earlier of ordered) {
      if (earlier === fetch) break;
      if (earlier.endMs <= fetch.startMs) wave = Math.max(wave, waveOf.get(earlier)! + 1);
    }
    waveOf.set(fetch, wave);
  }
  const waves: F[][] = [];
  for (const fetch of ordered) (waves[waveOf.get(fetch)!] ??= []).push(fetch);
  return waves;
}

/** A request's recorded fetches as a plan the load generator can replay. */
export function toReplayPlan(name: string, fetches: RecordedFetch[]): ReplayPlan {
  return {
    name,
    waves: deriveWaves(fetches).map((wave) => wave.map(({ subgraph, url, body, headers }) => ({ subgraph, url, body, headers }))),
  };
}
