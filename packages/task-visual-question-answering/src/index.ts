export { visualQuestionAnswering } from "./visual-question-answering.js";
export type {
  VisualQuestionAnsweringOptions,
  VisualQuestionAnsweringOutput,
  VisualQuestionAnsweringParameters,
} from "./visual-question-answering.js";
