import { INPUT_MAX_DEPTH, INPUT_MAX_VALUES } from './limits';

/** Why an input was refused before validation, as a "validation.*" i18n key. */
export type InputShapeProblem = 'validation.input_too_deep' | 'validation.input_too_large' | 'validation.input_unsupported';

/**
 * Check a call's input before anything recursive (zod, JSON.stringify) walks it. Iterative, so a
 * circular or very deep value cannot overflow the stack here: a cycle is only ever "too deep".
 * BigInt, functions and symbols never cross the boundary as JSON, and JSON.stringify throws on a
 * BigInt: they are refused here rather than thrown later. Other objects (Date, Map…) are leaves:
 * the schema refuses them.
 */
export function inputShapeProblem(input: unknown): InputShapeProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++seen > INPUT_MAX_VALUES) return 'validation.input_too_large';
    const kind = typeof value;
    if (kind === 'bigint' || kind === 'function' || kind === 'symbol') return 'validation.input_unsupported';
    if (typeof value !== 'object' || value === null) continue;
    const children = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
    if (!children) continue;
    if (children.length === 0) continue;
    if (depth + 1 > INPUT_MAX_DEPTH) return 'validation.input_too_deep';
    // Counted before pushing: one huge array is refused without being copied onto the stack.
    if (seen + stack.length + children.length > INPUT_MAX_VALUES) return 'validation.input_too_large';
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
