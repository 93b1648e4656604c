export { createApiClient, type ApiClient, type ApiClientOptions } from './client';
export type { ApiError, ApiResult } from './post-json';
