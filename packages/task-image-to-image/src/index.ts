export { imageToImage } from "./image-to-image.js";
export type { ImageToImageOptions, ImageToImageOutput } from "./image-to-image.js";
