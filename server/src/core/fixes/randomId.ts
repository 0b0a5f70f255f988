/** Random bytes; crypto-strong by default, replaceable in tests. */
export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The largest multiple of the alphabet's size below 256: bytes above it are dropped, so every letter is equally likely. */
const LIMIT = 256 - (256 % ALPHABET.length);

/**
 * A fresh ExternalId: 32 letters and digits (about 190 bits), inside the `[\w+=,.@:/-]` set STS
 * accepts and free of characters that need quoting in a shell or a vendor's web form.
 */
export function randomExternalId(randomBytes: RandomBytes = cryptoRandomBytes, length = 32): string {
  let id = '';
  // A source that keeps returning bytes above LIMIT (a broken stub) must not hang the server.
  for (let round = 0; id.length < length && round < 64; round++) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < LIMIT && id.length < length) id += ALPHABET[byte % ALPHABET.length];
    }
  }
  return id.padEnd(length, '0');
}
