/**
 * Estimated context cost of a server's tool definitions, in tokens, with a
 * real BPE tokenizer (OpenAI's o200k_base via js-tiktoken). An agent pays
 * this on every turn for every connected server, so it is worth showing.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

let encoder: Tiktoken | undefined;

export const TOKENIZER_NAME = 'o200k_base';

export function countTokens(text: string): number {
  encoder ??= new Tiktoken(o200k);
  return encoder.encode(text).length;
}

/** Tokens for the tools/list entries of a server, as a client would send them to the model. */
export function toolDefinitionTokens(definitions: readonly string[]): number {
  let total = 0;
  for (const d of definitions) total += countTokens(d);
  return total;
}
