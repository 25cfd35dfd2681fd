import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifecycleMarkdown } from '../../../shared/case/lifecycle-doc';

describe('docs/case-lifecycle.md', () => {
  it('is what the lifecycle table gives (run `npm run lifecycle:doc` after changing the table)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'case-lifecycle.md'), 'utf8');
    expect(onDisk).toBe(lifecycleMarkdown());
  });
});
