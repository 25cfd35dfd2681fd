/** The policy staff's CLI, run as they run it (tsx), on good and bad case files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cli = join(root, 'scripts', 'rules-cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = `{ "applicationDate": "2013-03-01",
  "persons": [ {
      "id": "p1", "relationship": "principal",
      "dateOfBirth": "1980-05-01", "nationality": "HUN",
      "claim": { "outcome": "rejected", "inGta": true, "noCredibleBasis": false,
                 "manifestlyUnfounded": false, "radAppeal": "none" },
      "federalCourtLeaveApplied": false, "prraApplied": false,
      "criminalRecord": false, "inadmissibleSecurity": false,
      "inadmissibleHumanRights": false, "inadmissibleOrganizedCrime": false,
      "prApplicationWithSpousalSponsorship": false, "compliantWithConditions": true } ] }
`;

describe('npm run rules -- explain', () => {
  it('prints the decision of a good file as JSON', () => {
    const r = run('explain', file('good.json', GOOD));
    expect(r.status).toBe(0);
    const out: unknown = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      outcome: 'eligible',
      policyVersion: expect.any(String),
      persons: [{ id: 'p1', outcome: 'eligible', reasons: [{ code: 'E0' }], missing: [], assistance: { tier: 'DCO', maxAmountCad: 500 } }],
    });
  }, 30_000);

  it('prints readable French with --lang fr, and runs a tests/rules/cases file as is', () => {
    const r = run('explain', join(root, 'tests', 'rules', 'cases', '075-family-mixed-criminal-spouse.json'), '--text', '--lang', 'fr');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('à examiner par un superviseur');
    expect(r.stdout).toContain('La personne a un casier judiciaire.');
  }, 30_000);

  it('names the bad field and its line, exit code 2', () => {
    const r = run('explain', file('bad-type.json', GOOD.replace('"inGta": true', '"inGta": "yes"')));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-type.json:5: field persons[0].claim.inGta');
    expect(r.stdout).toBe('');
  }, 30_000);

  it('names a misspelt field and its line, exit code 2', () => {
    const r = run('explain', file('bad-name.json', GOOD.replace('"criminalRecord"', '"criminalRecrod"')));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-name.json:8: field persons[0].criminalRecrod');
  }, 30_000);

  it('reports the line and column of a JSON syntax error, exit code 2', () => {
    const r = run('explain', file('bad-json.json', GOOD.replace('"HUN",', '"HUN"')));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-json\.json:5:\d+: not valid JSON/);
  }, 30_000);

  it('refuses a date that is not on the calendar and an unknown relationship, exit code 2', () => {
    const bad = GOOD.replace('2013-03-01', '2013-02-29').replace('"principal"', '"cousin"');
    const r = run('explain', file('bad-values.json', bad));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-values.json:1: field applicationDate');
    expect(r.stderr).toContain('bad-values.json:3: field persons[0].relationship');
  }, 30_000);
});
