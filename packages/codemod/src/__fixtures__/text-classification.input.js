import { InferenceApi } from "@infer/compat";

const sentiment = new InferenceApi("distilbert-base-uncased-finetuned-sst-2-english", { task: "text-classification" });
const translator = new InferenceApi("facebook/mbart-large-50-many-to-many-mmt", { task: "translation" });

const english = await translator("Ich liebe dich", { src_lang: "de_DE", tgt_lang: "en_XX" });
const labels = await sentiment(english[0].translation_text);
console.log(labels[0][0].label);
