export { contrast, luminance, parseHex, toHex, type Rgb } from './contrast';
export { fitContrast, shiftLightness, TEXT_CONTRAST } from './fit-contrast';
export { accentProperties, applyAccent, schemeColours, type Scheme } from './accent';
