import { startCowinStandIn } from './stand-in';

/**
 * `npm run mock-cowin`: the CoWIN stand-in on its own, for running several hosts by hand
 * (README, "Run several instances"). `COWIN_STANDIN_PORT` picks the port (default 5175).
 */
const port = Number(process.env.COWIN_STANDIN_PORT || 5175);
const standIn = await startCowinStandIn({ port });
console.log(
  `CoWIN stand-in (mock-api/, no real SMS): COWIN_API_BASE=${standIn.baseUrl} COWIN_API_KEY=${standIn.apiKey}`,
);
console.log(`The SMS it "sends": ${standIn.origin}/__dev__/sms?mobile=NNNNNNNNNN`);
