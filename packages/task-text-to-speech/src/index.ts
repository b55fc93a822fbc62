export { textToSpeech } from "./text-to-speech.js";
export type { TextToSpeechOptions, TextToSpeechOutput } from "./text-to-speech.js";
