import { describe, expect, it } from 'vitest';
import { consoleOfficeLog, officeConsoleLines } from '../../../electron/office/console-log';

describe("the office server's console", () => {
  it('says each event in English and in French, with its values', () => {
    const [enLine, frLine] = officeConsoleLines('office.log.enrolled', { name: 'Front counter 1', id: '1a2b' });
    expect(enLine).toBe('Workstation enrolled: Front counter 1 (1a2b)');
    expect(frLine).toBe('Poste inscrit\u00a0: Front counter 1 (1a2b)');
  });

  it('prints both lines with the time', () => {
    const lines: string[] = [];
    consoleOfficeLog((l) => lines.push(l))('office.log.revoked', { id: '1a2b' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Workstation revoked: 1a2b$/);
  });
});
