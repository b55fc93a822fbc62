import { InferenceClient, InferenceOutputError } from '@infer/inference';

const summarizer = new InferenceClient({ model: 'facebook/bart-large-cnn', endpoint: 'http://127.0.0.1:8080' });

export async function summarize(article: string): Promise<string> {
  try {
    const summary = await summarizer.summarization(article, { parameters: { max_length: 60, min_length: 10 } });
    return summary;
  } catch (error) {
    if (InferenceOutputError.isInstance(error)) return '';
    throw error;
  }
}
