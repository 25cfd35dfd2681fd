import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IntakePath, IntakeValues } from './types';

/**
 * "120 / 200 characters" under a free-text field: its limit is visible before it is reached,
 * and nothing is cut (the box has no maxLength): a longer text is refused by the schema with
 * a message, never shortened without the officer knowing.
 */
export function CharCount({ name, max }: { name: IntakePath; max: number }) {
  const value: unknown = useWatch<IntakeValues>({ name });
  return <LengthCounter length={typeof value === 'string' ? value.length : 0} max={max} />;
}

/** The counter itself, for fields outside the intake form. */
export function LengthCounter({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  return (
    <p className={length > max ? 'char-count error' : 'char-count hint'} data-testid="char-count">
      {t('validation.char_count', { count: length, max })}
    </p>
  );
}
