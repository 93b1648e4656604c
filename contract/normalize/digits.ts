/**
 * Zero of each decimal-digit block a beneficiary may type in: the Indic scripts of our languages,
 * Arabic-Indic (Urdu keyboards) and full-width (some IMEs). Each block is ten consecutive code points.
 */
const digitZeros = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xff10];

/** Replaces every digit of the blocks above with its ASCII digit; leaves other characters as they are. */
export function toAsciiDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    const zero = digitZeros.find((z) => cp >= z && cp <= z + 9);
    out += zero === undefined ? ch : String(cp - zero);
  }
  return out;
}
