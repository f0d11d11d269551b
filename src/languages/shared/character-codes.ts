// The UTF-16 code units the lexers compare against, by name (after TypeScript's
// own scanner), so `code === CharacterCodes.hash` says what `code === 35` hid.
// A const enum: the compiler inlines every value, so hot loops stay as they were.

export const enum CharacterCodes {
  tab = 0x09,
  lineFeed = 0x0a,
  verticalTab = 0x0b,
  formFeed = 0x0c,
  carriageReturn = 0x0d,
  space = 0x20,
  exclamation = 0x21, // !
  doubleQuote = 0x22, // "
  hash = 0x23, // #
  dollar = 0x24, // $
  percent = 0x25, // %
  ampersand = 0x26, // &
  singleQuote = 0x27, // '
  openParen = 0x28, // (
  closeParen = 0x29, // )
  asterisk = 0x2a, // *
  plus = 0x2b, // +
  comma = 0x2c, // ,
  minus = 0x2d, // -
  dot = 0x2e, // .
  slash = 0x2f, // /
  _0 = 0x30,
  _1 = 0x31,
  _9 = 0x39,
  colon = 0x3a, // :
  semicolon = 0x3b, // ;
  lessThan = 0x3c, // <
  equals = 0x3d, // =
  greaterThan = 0x3e, // >
  question = 0x3f, // ?
  at = 0x40, // @
  A = 0x41,
  E = 0x45,
  Z = 0x5a,
  openBracket = 0x5b, // [
  backslash = 0x5c, // \
  closeBracket = 0x5d, // ]
  caret = 0x5e, // ^
  underscore = 0x5f, // _
  backtick = 0x60, // `
  a = 0x61,
  b = 0x62,
  e = 0x65,
  r = 0x72,
  z = 0x7a,
  openBrace = 0x7b, // {
  bar = 0x7c, // |
  closeBrace = 0x7d, // }
  tilde = 0x7e, // ~
  /** The last ASCII code unit (DEL): anything above is a non-ASCII letter or mark to an identifier. */
  maxAscii = 0x7f,
  nonBreakingSpace = 0xa0,
  enDash = 0x2013,
  emDash = 0x2014,
  leftSingleQuote = 0x2018, // ‘
  rightSingleQuote = 0x2019, // ’
  singleLow9Quote = 0x201a, // ‚
  singleHighReversed9Quote = 0x201b, // ‛
  leftDoubleQuote = 0x201c, // “
  rightDoubleQuote = 0x201d, // ”
  doubleLow9Quote = 0x201e, // „
  lineSeparator = 0x2028,
  paragraphSeparator = 0x2029,
  highSurrogateFirst = 0xd800, // the first half of a character beyond U+FFFF...
  highSurrogateLast = 0xdbff, // ...up to here
  byteOrderMark = 0xfeff,
}
