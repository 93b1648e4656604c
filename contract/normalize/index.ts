export { normalizeMobile, maskMobile, type Normalized } from './mobile';
export { normalizeName, nameKey, NAME_MAX_LENGTH } from './name';
export { toAsciiDigits } from './digits';
