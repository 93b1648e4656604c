/** Where the widget's HTTP API is on the host. */
export const API_BASE = '/api/kycvs';
