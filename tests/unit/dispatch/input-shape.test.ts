import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputShapeProblem } from '../../../shared/schema/input-shape';
import { INPUT_MAX_DEPTH, INPUT_MAX_VALUES } from '../../../shared/schema/limits';
import { makeCore, SUPERVISOR } from '../core/helpers';
import type { TestCore } from '../core/helpers';

function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('input shape check (before any recursive walk)', () => {
  it('accepts ordinary JSON at the depth limit and refuses one level more', () => {
    expect(inputShapeProblem({ a: [1, 'x', null, { b: true }] })).toBeNull();
    expect(inputShapeProblem(nested(INPUT_MAX_DEPTH))).toBeNull();
    expect(inputShapeProblem(nested(INPUT_MAX_DEPTH + 1))).toBe('validation.input_too_deep');
  });

  it('refuses a circular value as too deep, without overflowing the stack', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(inputShapeProblem(loop)).toBe('validation.input_too_deep');
    expect(inputShapeProblem(nested(1_000_000))).toBe('validation.input_too_deep');
  });

  it('refuses BigInt, functions and symbols', () => {
    expect(inputShapeProblem({ n: 1n })).toBe('validation.input_unsupported');
    expect(inputShapeProblem([() => 1])).toBe('validation.input_unsupported');
    expect(inputShapeProblem({ s: Symbol('x') })).toBe('validation.input_unsupported');
  });

  it('refuses more values than the limit, a huge array before copying it', () => {
    expect(inputShapeProblem(new Array(INPUT_MAX_VALUES).fill(0))).toBe('validation.input_too_large');
    expect(inputShapeProblem(new Array(INPUT_MAX_VALUES - 10).fill(0))).toBeNull();
  });
});

describe('invoke() answers invalid_input, never rejects, for hostile draft data', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterAll(() => t.dispose());

  const draft = (data: unknown) => ({ draftId: randomUUID(), caseId: null, baseVersion: null, revision: 0, data });

  it.each([
    ['deeply nested', () => nested(100_000), 'validation.input_too_deep'],
    ['circular', () => {
      const loop: Record<string, unknown> = { persons: [] };
      (loop.persons as unknown[]).push(loop);
      return loop;
    }, 'validation.input_too_deep'],
    ['BigInt', () => ({ persons: [{ age: 10n }] }), 'validation.input_unsupported'],
  ] as const)('%s', async (_label, make, key) => {
    const r = await t.call('draft.save', draft(make()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues?.[0]?.messageKey).toBe(key);
  });

  it('a normal draft still saves', async () => {
    await expect(t.ok('draft.save', draft({ persons: [{ nameLatin: 'Ana' }] }))).resolves.toMatchObject({ revision: 1 });
  });
});
