import { InferenceClient } from "@infer/inference";

const sentiment = new InferenceClient({ model: "distilbert-base-uncased-finetuned-sst-2-english" });
const translator = new InferenceClient({ model: "facebook/mbart-large-50-many-to-many-mmt" });

const english = await translator.translation("Ich liebe dich", { srcLang: "de_DE", tgtLang: "en_XX" });
const labels = await sentiment.textClassification(english);
console.log(labels[0].label);
