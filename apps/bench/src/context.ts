/** What every benchmark is run with. */
export interface BenchContext {
  /** A short run (fewer calls, rounds and bytes), for a quick look; its numbers are noisier. */
  quick: boolean;
  /** Extra node flags for the measured client processes, e.g. `--cpu-prof`. */
  nodeFlags: readonly string[];
  /** Progress, to stderr. */
  log(line: string): void;
}

/** One row of the headline table: a benchmark's key number for us, the floor (raw undici), the peer and the goal. */
export interface HeadlineRow {
  benchmark: string;
  infer: string;
  raw: string;
  peer: string;
  goal: string;
  met: boolean | undefined;
}

/** What a benchmark hands back: its section of BENCHMARKS.md and its headline rows. */
export interface BenchmarkReport {
  markdown: string;
  headline: HeadlineRow[];
}

/** Runs `rounds` rounds; each runs every contender once, rotating the order so no one always goes first. */
export async function interleave<Contender extends string, Result>(
  contenders: readonly Contender[],
  rounds: number,
  run: (contender: Contender, round: number) => Promise<Result>,
): Promise<Map<Contender, Result[]>> {
  const results = new Map<Contender, Result[]>(contenders.map((contender) => [contender, []]));
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < contenders.length; index++) {
      const contender = contenders[(index + round) % contenders.length] as Contender;
      results.get(contender)?.push(await run(contender, round));
    }
  }
  return results;
}
