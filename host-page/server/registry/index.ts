export { createRegistry, loadRegistryFile, hasScope, isExactOrigin, RegistryError, ProviderSchema } from './providers';
export type { Provider, ProviderRegistry } from './providers';
export { demoRegistry } from './demo';
