/** `entente schema`: print (or write) the JSON Schema of the case format. */
import { caseJsonSchema } from '@entente/core';
import { type Io, writeFileAtomic } from '../io.js';

/** The JSON Schema text, as committed at schema/entente-case.schema.json. */
export function schemaText(): string {
  return `${JSON.stringify(caseJsonSchema(), null, 2)}\n`;
}

/** Prints the schema, or writes it atomically to `out`. */
export async function schemaCommand(io: Io, options: { out?: string }): Promise<number> {
  const text = schemaText();
  if (options.out) {
    await writeFileAtomic(io, options.out, text);
    io.stderr(`wrote ${options.out}\n`);
  } else io.stdout(text);
  return 0;
}
