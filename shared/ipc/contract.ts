import { z } from 'zod';
import { createCaseInput, getCaseInput, listCasesInput } from '../schema/case';
import type { CasePage, CaseSummary } from '../schema/case';
import { channel } from './channel';
import type { ChannelDef } from './channel';

/**
 * The IPC contract: every channel the renderer may call, declared once with its input schema,
 * its output type and who may call it. The back end's handler map must implement exactly these
 * (checked by the type system); anything else is refused as `unknown_channel`.
 */
export const contract = {
  'app.status': channel<{ version: string; dataDirKind: 'dev-file' | 'os-keystore' }>()({
    input: z.object({}).strict(),
    access: 'public',
    audited: false,
  }),
  'case.list': channel<CasePage>()({ input: listCasesInput.strict(), access: 'case.read' }),
  'case.get': channel<CaseSummary>()({ input: getCaseInput.strict(), access: 'case.read' }),
  'case.create': channel<CaseSummary>()({ input: createCaseInput.strict(), access: 'case.create' }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['_output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
