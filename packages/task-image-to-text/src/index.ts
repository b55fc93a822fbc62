export { imageToText } from "./image-to-text.js";
export type { ImageToTextOptions, ImageToTextOutput } from "./image-to-text.js";
