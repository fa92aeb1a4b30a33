/** The published JSON Schemas (docs/json/), compiled once with ajv: every --json output a test reads is checked. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const DOCS = fileURLToPath(new URL('../../docs/json/', import.meta.url));
export type Command = 'kiemtra' | 'tonghop' | 'lo' | 'nhac' | 'nhap';

// ajv is CommonJS: its class is the module itself, with `.default` as well.
const AjvClass = ((Ajv2020 as unknown as { default?: unknown }).default ?? Ajv2020) as typeof Ajv2020;
const ajv = new AjvClass({ allErrors: true, strict: true });
for (const name of readdirSync(DOCS).filter((f) => f.endsWith('.schema.json')).sort()) {
  ajv.addSchema(JSON.parse(readFileSync(join(DOCS, name), 'utf8')));
}

/** Parses a command's stdout and fails with the schema's complaints unless it is exactly one valid object. */
export function parseJsonOutput(stdout: string, command: Command): any {
  const value = JSON.parse(stdout);
  const validate = ajv.getSchema(`urn:danvan:${command}:1`)!;
  if (!validate(value)) {
    throw new Error(`${command} --json does not match docs/json/${command}.schema.json:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
  return value;
}
