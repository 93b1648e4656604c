import { setupServer } from 'msw/node';
import { COWIN_MOCK_API_KEY, COWIN_MOCK_BASE, createCowinMock } from '../../../mock-api';
import type { SmsOutbox } from '../routes/dev-sms';

/**
 * Mock mode: msw/node intercepts the host's own calls to CoWIN and answers them with mock-api/,
 * so everything else (frame, API, tokens) runs for real.
 */
export function startCowinMock(): { baseUrl: string; apiKey: string; outbox: SmsOutbox; stop(): void } {
  const mock = createCowinMock();
  const server = setupServer(...mock.handlers);
  // Only CoWIN's base is mocked; any other request the host makes goes out untouched.
  server.listen({ onUnhandledRequest: 'bypass' });
  return { baseUrl: COWIN_MOCK_BASE, apiKey: COWIN_MOCK_API_KEY, outbox: mock.outbox, stop: () => server.close() };
}
