export * from './schemas';
export * from './messages';
export * from './viewState';
export * from './snapshot';
