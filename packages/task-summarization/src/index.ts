export { summarization } from "./summarization.js";
export type { SummarizationOptions, SummarizationOutput, SummarizationParameters } from "./summarization.js";
