import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskCaseOf } from '../../../electron/core/cases/attention';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoLifecycle } from '../../../electron/core/demo';
import { NO_TASK_FACTS, caseTasks, taskFactsAfter, taskFactsOf } from '../../../shared/case/tasks';
import { readStages } from '../../../electron/core/stages/rows';
import { addDaysIso } from '../../../shared/case/timeline';
import { officeDate } from '../../../shared/time/office-time';
import { makeDataDir, randomKey, removeDataDir } from '../db/helpers';

const TZ = 'America/Toronto';
const now = new Date('2026-11-20T19:00:00Z');

/**
 * The task list reads only the cases whose `attention_on` has come (by index). That date must
 * never be later than the first day a task appears, or a task would be missed: checked on demo
 * cases spread over the whole lifecycle, for days from a year back to half a year ahead.
 */
describe('attention_on never hides a task', () => {
  let dir: string;
  let open: OpenDatabase;
  beforeAll(() => {
    dir = makeDataDir('attention');
    open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
    insertDemoLifecycle(open, generateDemoFamilies(1500, 5), now, { by: 'demo-supervisor', seed: 5, timeZone: TZ });
  });
  afterAll(() => {
    open.close();
    removeDataDir(dir);
  });

  it('is on or before the first day each case has a task, and null for cases that can have none', () => {
    const rows = open.sqlite.prepare('SELECT id, attention_on AS attentionOn FROM cases').all();
    const today = officeDate(now, TZ);
    let withTasks = 0;
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || !('id' in row) || !('attentionOn' in row) || typeof row.id !== 'string') throw new Error('bad row');
      const on = row.attentionOn;
      const tc = taskCaseOf(open.db, row.id, TZ);
      if (!tc) {
        expect(on).toBeNull();
        continue;
      }
      for (let d = -365; d <= 180; d += 3) {
        const day = addDaysIso(today, d);
        if (caseTasks(tc, day).length === 0) continue;
        withTasks++;
        expect(typeof on === 'string' && on <= day, `${tc.caseNumber} (${tc.status}) has a task on ${day} but attention_on is ${String(on)}`).toBe(true);
      }
    }
    expect(withTasks).toBeGreaterThan(100);
  });

  it('moving the task facts on stage by stage gives what reading the whole history gives', () => {
    let checked = 0;
    for (const id of open.sqlite.prepare('SELECT case_id FROM case_stages GROUP BY case_id').pluck().all()) {
      if (typeof id !== 'string') throw new Error('bad row');
      const stages = readStages(open.db, id);
      if (stages.some((e) => e.stage.action === 'correctStage')) continue;
      expect(taskFactsAfter(NO_TASK_FACTS, stages), id).toEqual(taskFactsOf(stages));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
