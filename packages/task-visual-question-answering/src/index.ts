export { visualQuestionAnswering } from "./visual-question-answering.js";
export type { VisualQuestionAnsweringOptions, VisualQuestionAnsweringOutput } from "./visual-question-answering.js";
