/**
 * The rules CLI for policy staff (docs/rules.md):
 *
 *   npm run rules -- explain FILE.json [--text] [--lang en|fr]   the decision (JSON, or text)
 *   npm run rules -- whatif FILE.json [--person ID]               single-fact changes that change an outcome
 *   npm run rules -- policy                                       the policy parameters in force, with sources
 *
 * Exit codes: 0 done; 2 the case file cannot be read, is not JSON, or does not match the format
 * (the message names the field and its line); 1 wrong usage.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { caseFileSchema, decisionToText, evaluateCase, policy, whatIf, type CaseFacts, type Lang } from '../shared/rules/index';

class FileError extends Error {}
class UsageError extends Error {}

const USAGE = `usage:
  npm run rules -- explain FILE.json [--text] [--lang en|fr]
  npm run rules -- whatif FILE.json [--person ID]
  npm run rules -- policy`;

// ---- Locating JSON values by line ---------------------------------------------------------

interface Located {
  /** Line (1-based) of each value, keyed by its path joined with '.' ('' is the root). */
  readonly lines: Map<string, number>;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** A small JSON reader that only records where each value starts (JSON.parse builds the values). */
function locate(text: string): Located {
  const lines = new Map<string, number>();
  const newlines: number[] = [];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) newlines.push(k);
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] ?? Infinity) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= text.length ? `unexpected end of file, expected ${what}` : `unexpected ${JSON.stringify(text[i])}, expected ${what}`, i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if ((text.charCodeAt(i) ?? 0) < 0x20) fail('a closing quote (strings cannot span lines)');
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
    const key: unknown = JSON.parse(text.slice(start, i));
    return typeof key === 'string' ? key : '';
  };
  const value = (path: string): void => {
    ws();
    lines.set(path, lineAt(i));
    const c = text[i];
    const join = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a field name in double quotes');
        const keyLine = lineAt(i);
        const key = str();
        ws();
        if (text[i] !== ':') fail('":" after the field name');
        i++;
        value(join(key));
        lines.set(join(key), keyLine);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(join(n));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) fail('a value (string, number, true, false, null, object or array)');
    else i += m[0].length;
  };
  value('');
  ws();
  if (i < text.length) fail('the end of the file');
  return { lines };
}

function lineOfPos(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

function fieldName(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? String(k) : `.${String(k)}`;
  return s === '' ? '(the whole file)' : s;
}

/** The line of the deepest located value on the issue's path. */
function lineOfPath(loc: Located, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = loc.lines.get(path.slice(0, n).map(String).join('.'));
    if (line !== undefined) return line;
  }
  return undefined;
}

function describeIssues(file: string, loc: Located, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((k) => {
            const path = [...issue.path, k];
            return `${file}:${lineOfPath(loc, path) ?? '?'}: field ${fieldName(path)}: not a field of the case-file format (misspelt?)`;
          })
          .join('\n');
      }
      return `${file}:${lineOfPath(loc, issue.path) ?? '?'}: field ${fieldName(issue.path)}: ${issue.message}`;
    })
    .join('\n');
}

/** Read, parse and validate a case file; FileError with a precise message otherwise. */
function readCaseFile(file: string): CaseFacts {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FileError(`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)})`);
  }
  let loc: Located;
  try {
    loc = locate(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineOfPos(text, e.pos);
      throw new FileError(`${file}:${line}:${column}: not valid JSON: ${e.message}`);
    }
    throw e;
  }
  const data: unknown = JSON.parse(text);
  const parsed = caseFileSchema.safeParse(data);
  if (!parsed.success) throw new FileError(describeIssues(file, loc, parsed.error.issues));
  const { applicationDate, persons } = parsed.data;
  return { applicationDate, persons };
}

// ---- Commands -----------------------------------------------------------------------------

interface Args {
  command: string | undefined;
  file: string | undefined;
  text: boolean;
  lang: Lang | undefined;
  person: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: undefined, file: undefined, text: false, lang: undefined, person: undefined };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--text') args.text = true;
    else if (a === '--lang' || a?.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++k] : a.slice('--lang='.length);
      if (v !== 'en' && v !== 'fr') throw new UsageError(`--lang takes en or fr, not ${String(v)}`);
      args.lang = v;
    } else if (a === '--person') args.person = argv[++k];
    else if (a?.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (args.command === undefined) args.command = a;
    else if (args.file === undefined) args.file = a;
    else throw new UsageError(`unexpected argument ${String(a)}`);
  }
  return args;
}

function run(argv: readonly string[]): string {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'explain': {
      if (!args.file) throw new UsageError('explain needs a case file');
      const decision = evaluateCase(readCaseFile(args.file));
      // --lang alone also asks for text: the JSON always carries both languages.
      return args.text || args.lang ? decisionToText(decision, args.lang ?? 'en') : JSON.stringify(decision, null, 2);
    }
    case 'whatif': {
      if (!args.file) throw new UsageError('whatif needs a case file');
      return JSON.stringify(whatIf(readCaseFile(args.file), args.person), null, 2);
    }
    case 'policy':
      return JSON.stringify(policy, null, 2);
    default:
      throw new UsageError(args.command === undefined ? 'no command' : `unknown command ${args.command}`);
  }
}

try {
  process.stdout.write(run(process.argv.slice(2)) + '\n');
} catch (e) {
  if (e instanceof FileError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    process.exitCode = 1;
  } else throw e;
}
