/** Domain schemas shared by main, preload and renderer (zod only; no Node, no Electron). */
export * from './attachments';
export * from './audit';
export * from './case-document';
export * from './cases';
export * from './common';
export * from './interviews';
export * from './notes';
export * from './permissions';
export * from './persons';
export * from './referrals';
export * from './settings';
export * from './users';
