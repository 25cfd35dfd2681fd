/** Writes docs/case-lifecycle.md from the lifecycle table (`npm run lifecycle:doc`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lifecycleMarkdown } from '../shared/case/lifecycle-doc';

const file = join(import.meta.dirname, '..', 'docs', 'case-lifecycle.md');
writeFileSync(file, lifecycleMarkdown());
process.stdout.write(`wrote ${file}\n`);
