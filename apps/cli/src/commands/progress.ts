import cliProgress from "cli-progress";

/** A progress bar on stderr when it is a terminal (rate, ETA, errors); nothing otherwise. */
export interface Progress {
  update(done: number, failed: number, total: number | undefined): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {failed} errors",
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(done, failed, total) {
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      if (!running) {
        bar.start(total ?? 0, done, { rate, failed });
        running = true;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { rate, failed });
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
