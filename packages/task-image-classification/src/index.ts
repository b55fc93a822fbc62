// Placeholder: the task issue fills this package.
export const taskName = "image-classification";
