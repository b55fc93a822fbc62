// Placeholder: the task issue fills this package.
export const taskName = "document-question-answering";
