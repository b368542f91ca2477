/** Store failures: a database that cannot be opened, a schema newer than this code, a bad record. */
import { MarsadError, type MarsadErrorOptions } from '../errors.js';

export class StoreError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('STORE', message, options);
  }
}
