export { imageToImage } from "./image-to-image.js";
export type { ImageToImageOptions, ImageToImageOutput, ImageToImageParameters } from "./image-to-image.js";
