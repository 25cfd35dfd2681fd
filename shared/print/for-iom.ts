import type { DocumentType } from '../schema/documents-api';

/**
 * The documents that go to IOM: the print queue holds them, and they are all a clerk prints (the
 * consent and withdrawal forms are the officers'). The back end refuses the rest; the screens
 * offer only these.
 */
export const forIomTypes: readonly DocumentType[] = ['referral_packet', 'withdrawal_notice'];

export const isForIom = (type: DocumentType): boolean => forIomTypes.includes(type);
