// Placeholder: the task issue fills this package.
export const taskName = "visual-question-answering";
