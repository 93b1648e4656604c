/**
 * siteverify's `error-codes`, defined with the request and the verdict in the contract
 * (contract/api/siteverify.ts), so that the host answers and the SDK reads the same words.
 */
export { SiteverifyErrorCode } from '../../../contract';
