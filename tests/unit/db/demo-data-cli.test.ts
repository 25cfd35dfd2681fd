import { describe, expect, it } from 'vitest';
import { runTs } from './helpers';

describe('npm run demo-data', () => {
  it('explains its usage and exits 2 when an argument is missing or wrong', () => {
    for (const args of [[], ['--data-dir', '/tmp/x'], ['--data-dir', '/tmp/x', '--cases', 'ten'], ['--data-dir', '/tmp/x', '--cases', '5', '--colour', 'red']]) {
      const r = runTs('scripts/demo-data.ts', args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run demo-data -- --data-dir DIR --cases N/);
      expect(r.stdout).toBe('');
    }
  });
});
