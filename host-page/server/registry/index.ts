export { createRegistry, loadRegistryFile, hasScope, RegistryError, ProviderSchema } from './providers';
export type { Provider, ProviderRegistry, RegistryOptions } from './providers';
export { demoRegistry } from './demo';
