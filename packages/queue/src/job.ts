import type { BatchResult } from "@infer/batch";

/** What a job carries: one row and how to run it (never a token: workers bring their own). */
export interface RowJob {
  id: string | number;
  inputs: unknown;
  parameters?: Record<string, unknown> | undefined;
  /** The task's wire or method name, e.g. `"text-classification"`. */
  task: string;
  model?: string | undefined;
}

/** What a job returns, stored by BullMQ with the job's completion: the row's output line. */
export type RowJobResult = BatchResult;
