export { objectDetection } from "./object-detection.js";
export type { ObjectDetectionOptions, ObjectDetectionParameters, ObjectDetectionOutput } from "./object-detection.js";
