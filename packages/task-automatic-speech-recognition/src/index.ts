export { automaticSpeechRecognition } from "./automatic-speech-recognition.js";
export type {
  AutomaticSpeechRecognitionOptions,
  AutomaticSpeechRecognitionOutput,
} from "./automatic-speech-recognition.js";
