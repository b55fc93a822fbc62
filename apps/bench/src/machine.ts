import { cpus, release, totalmem, type as osType } from "node:os";

/** One line per fact: CPU model and count, memory, OS and Node version. */
export function describeMachine(): string[] {
  const processors = cpus();
  const models = [...new Set(processors.map((processor) => processor.model.trim()))];
  const speed = processors[0]?.speed;
  return [
    `CPU: ${models.join(", ") || "unknown"} × ${processors.length}${speed ? ` (${speed} MHz reported)` : ""}`,
    `Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `OS: ${osType()} ${release()} (${process.arch})`,
    `Node: ${process.version}`,
  ];
}
