/**
 * A zod issue as the lines a user reads, located by its key ("units[2].name: thiếu (bắt buộc)"): the config and
 * the batch file share one wording. Parse with `{ reportInput: true }`, so that an absent key (no input) is told
 * apart from a value of the wrong type (JSON has no undefined; null is a wrong type).
 */
import type { z } from 'zod';
import { schemaMsg } from '../messages/vi.js';
import { keyPath } from './key-path.js';

/** The message for keys the schema does not know, where `where` is the object's key path ('' at the top). */
export type UnknownKeysText = (where: string, keys: readonly string[]) => string;

export function describeSchemaIssue(issue: z.core.$ZodIssue, unknownKeys: UnknownKeysText, prefix: readonly PropertyKey[] = []): string[] {
  const path = [...prefix, ...issue.path];
  const key = keyPath(path) || schemaMsg.root;
  switch (issue.code) {
    case 'unrecognized_keys':
      return [unknownKeys(keyPath(path), issue.keys)];
    case 'invalid_type':
      return [issue.input === undefined ? schemaMsg.missingKey(key) : schemaMsg.wrongType(key, [issue.expected])];
    case 'invalid_union': {
      if (issue.input === undefined) return [schemaMsg.missingKey(key)];
      // "inputs": a string or a list. A list whose items are wrong is told about its items; anything else is the wrong type.
      const matched = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (matched.length === 1) return matched[0]!.flatMap((i) => describeSchemaIssue(i, unknownKeys, path));
      const expected = issue.errors.flatMap((branch) =>
        branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as z.core.$ZodIssueInvalidType).expected),
      );
      return [schemaMsg.wrongType(key, expected)];
    }
    case 'invalid_value':
      return [schemaMsg.oneOf(key, issue.values.map((v) => JSON.stringify(v)))];
    case 'too_small':
      return [issue.origin === 'string' || issue.origin === 'array' ? schemaMsg.empty(key) : schemaMsg.atLeast(key, String(issue.minimum), !!issue.inclusive)];
    case 'too_big':
      return [issue.origin === 'array' ? schemaMsg.tooMany(key, String(issue.maximum)) : schemaMsg.atMost(key, String(issue.maximum), !!issue.inclusive)];
    default:
      // Custom messages of the schemas are Vietnamese, and zod's own fall back to its Vietnamese locale.
      return [schemaMsg.other(key, issue.message)];
  }
}
