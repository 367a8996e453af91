/**
 * Zod schemas mirroring the MCP `Tool` type and the `tools/list` result
 * (MCP specification 2025-06-18 / 2025-11-25). Unknown extra fields are kept
 * (`looseObject`), because servers legitimately add vendor fields and the
 * catalogue must not lose them.
 */
import { z } from 'zod';

export const toolAnnotationsSchema = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});
export type ToolAnnotations = z.infer<typeof toolAnnotationsSchema>;

/** JSON Schema object for tool input; the spec requires `type: "object"`. */
export const inputSchemaSchema = z.looseObject({
  type: z.literal('object', { error: 'inputSchema.type must be "object"' }),
  properties: z.record(z.string(), z.unknown()).optional(),
  required: z.array(z.string()).optional(),
});
export type InputSchema = z.infer<typeof inputSchemaSchema>;

const toolName = z
  .string({ error: 'name must be a string' })
  .refine((s) => s.trim().length > 0, { message: 'name is empty' });

export const mcpToolSchema = z.looseObject({
  name: toolName,
  title: z.string().optional(),
  description: z.string({ error: 'description must be a string' }).optional(),
  inputSchema: inputSchemaSchema,
  outputSchema: z.looseObject({ type: z.literal('object') }).optional(),
  annotations: toolAnnotationsSchema.optional(),
});
export type McpTool = z.infer<typeof mcpToolSchema>;

/** The envelope of a `tools/list` result; tools are validated one by one. */
export const toolsListResultSchema = z.looseObject({
  tools: z.array(z.unknown(), { error: 'expected {"tools": [...]}' }),
  nextCursor: z.string().optional(),
});

/** toolsdk lines carry only name and description, never an input schema. */
export const toolsdkToolSchema = z.looseObject({
  name: toolName,
  description: z.string({ error: 'description must be a string' }).optional(),
});

export const toolsdkLineSchema = z.looseObject({
  server: z.string().min(1),
  tools: z.array(z.unknown()),
});
