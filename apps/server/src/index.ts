export { startServer, type ServerOptions, type RunningServer } from "./server.js";
export type { Backend } from "./backends/types.js";
export { samplePhotoPath } from "./backends/detection.js";
export { samplePortrait } from "./backends/segmentation.js";
export { drawDetections, renderText, type Detection } from "./images.js";
