/** Command-line options shared by the benchmark scripts (`--name value` or `--name=value`). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function readArgs<O extends NonNullable<ParseArgsConfig['options']>>(options: O, argv = process.argv.slice(2)) {
  // npm passes a lone `--` through when the caller wrote `npm run x -- --flag`; it carries nothing.
  return parseArgs({ args: argv.filter((a) => a !== '--'), options, strict: true, allowPositionals: false }).values;
}

export function numberList(text: string, what: string): number[] {
  const values = text.split(',').map((s) => Number(s.trim()));
  if (values.some((n) => !Number.isFinite(n) || n <= 0))
    throw new Error(`${what}: expected positive numbers separated by commas, got "${text}"`);
  return values;
}

export function positiveNumber(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${what}: expected a positive number, got "${text}"`);
  return n;
}
