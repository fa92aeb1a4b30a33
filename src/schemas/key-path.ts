/** "units[2].code", "jobs[0].output": a zod issue's path as the user reads it in a JSON file. */
export function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}
