export * from './queue';
export * from './decide';
export * from './likely';
