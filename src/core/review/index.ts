export * from './queue';
export * from './decide';
