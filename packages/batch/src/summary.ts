import type { BatchSummary } from "./run-batch.js";

/** The end-of-run summary as text: done, failed by error class, throughput. */
export function formatSummary(summary: BatchSummary): string {
  const lines = [
    `${summary.aborted ? "Stopped" : "Done"}: ${summary.finished} rows in ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.rowsPerSecond.toFixed(1)} rows/s)` +
      (summary.skipped ? `, ${summary.skipped} already done before` : "") +
      (summary.total !== undefined ? `, ${summary.total} in the input` : ""),
    `  succeeded ${summary.succeeded}, failed ${summary.failed}`,
  ];
  for (const [name, count] of Object.entries(summary.failedByError).sort((a, b) => b[1] - a[1]))
    lines.push(`    ${name}: ${count}`);
  if (summary.pauses) lines.push(`  paused ${summary.pauses} times for 429/503 (one shared backoff)`);
  if (summary.truncatedBytes)
    lines.push(`  cut a torn last line of ${summary.truncatedBytes} bytes left by a killed run`);
  return `${lines.join("\n")}\n`;
}
