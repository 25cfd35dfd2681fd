import type { FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import type { intakeDocument } from '../../../../shared/schema/intake';

/** What the intake form holds: the schema's input (nullable facts, untrimmed text). */
export type IntakeValues = z.input<typeof intakeDocument>;
export type IntakePath = FieldPath<IntakeValues>;
