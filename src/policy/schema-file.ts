import { configJsonSchema } from './config-schema.js';

/** The text of schemas/vanguard.schema.json, exactly as committed. */
export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
