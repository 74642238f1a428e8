/** The values layer: cty types, in-memory values and their wire codecs. */
export * from './types';
export * from './value';
export { ValueError } from './errors';
export { parseTypeJson, typeToJson, typeFromParsedJson, MAX_TYPE_DEPTH } from './typejson';
export { encodeMsgpack, decodeMsgpack, MAX_DEPTH } from './msgpack';
export { encodeJson, decodeJson, MAX_JSON_DEPTH, type DecodeJsonOptions } from './json';
export { decodeFlatmap, LEGACY_UNKNOWN } from './flatmap';
export { formatPath, getAt, typeAt, step, walk, protocolPath, attrStep, keyStep, indexStep, type Located } from './path';
export { valuesEqual, valueKey, isWhollyKnown, containsUnknown, setDedupe, conforms, zeroValue } from './ops';
export { numberFromText, numbersEqual } from './number';
