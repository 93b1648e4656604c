import { loadPeople } from './load-people';
import { startCowinStandIn } from './stand-in';

/**
 * `npm run mock-cowin`: the CoWIN stand-in on its own, for running several hosts by hand
 * (README, "Run several instances"). `COWIN_STANDIN_PORT` picks the port (default 5175);
 * `COWIN_STANDIN_LOAD_PEOPLE=N` adds N made-up people (load-people.ts) for load tests.
 */
const port = Number(process.env.COWIN_STANDIN_PORT || 5175);
const extraPeople = loadPeople(Number(process.env.COWIN_STANDIN_LOAD_PEOPLE || 0));
const standIn = await startCowinStandIn({ port, extraPeople });
console.log(
  `CoWIN stand-in (mock-api/, no real SMS): COWIN_API_BASE=${standIn.baseUrl} COWIN_API_KEY=${standIn.apiKey}`,
);
console.log(`The SMS it "sends": ${standIn.origin}/__dev__/sms?mobile=NNNNNNNNNN`);
