/**
 * Faithful TypeScript ports of the Go standard-library / library behaviours
 * whose diagnostics users compare byte for byte with the Go provider.
 * One module per Go behaviour; see each file's header for the exact scope.
 */
export * from './bytes';
export * from './quote';
export * from './strconv';
export * from './printf';
export * from './url';
export * from './strings';
export * from './duration';
export * from './timezone';
export * from './cron';
export * from './uuid';
export * from './json';
export * from './regexp';
export * from './path';
