/**
 * The classifier: reads one tool definition and decides its category from
 * the evidence the rules in catalogue/rules/classifier.yaml find in it.
 * Each stage reads one part of the definition and returns its evidence
 * (name-stage, description-stage, param-stage, annotation-stage); decide.ts
 * weighs it. Pure and deterministic: the same definition and rules always
 * give the same result.
 */
import type { CompiledRules } from '../rules/load-rules.ts';
import { scanAnnotations } from './annotation-stage.ts';
import { decide } from './decide.ts';
import { isPlaceholder, scanDescription } from './description-stage.ts';
import { scanName } from './name-stage.ts';
import { scanParams } from './param-stage.ts';
import type { Classification, ClassifyInput, ServerContext } from './types.ts';

/** The tool's top-level parameter names: quoted in its description, they name an input, not an action. */
function paramNames(input: ClassifyInput): string[] {
  const props = input.inputSchema?.properties;
  return props && typeof props === 'object' && !Array.isArray(props) ? Object.keys(props) : [];
}

export function classify(rules: CompiledRules, input: ClassifyInput, ctx: ServerContext): Classification {
  const noDescription = isPlaceholder(rules, input.description);
  return decide(rules, input, {
    name: scanName(rules, input, ctx),
    ...(noDescription ? {} : { description: scanDescription(rules, input.description ?? '', paramNames(input)) }),
    params: scanParams(rules, input),
    annotations: scanAnnotations(rules, input),
  }, [ctx.title, ...ctx.prefixWords]);
}
