import { createRequire as __ioTraceCreateRequire } from 'node:module';
const require = __ioTraceCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e2) {
    throw mod = 0, e2;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str3) => REGEX_SPECIAL_CHARS.test(str3);
    exports.isRegexChar = (str3) => str3.length === 1 && exports.hasRegexChars(str3);
    exports.escapeRegex = (str3) => str3.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str3) => str3.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str3) => {
      return str3.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path33, { windows } = {}) => {
      const segs = path33.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str3 = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob2 = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str3.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str3.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob2 = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob2 = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob2 === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob2 = false;
      }
      let base = str3;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str3.slice(0, start);
        str3 = str3.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob2 === true && lastIndex > 0) {
        base = str3.slice(0, lastIndex);
        glob = str3.slice(lastIndex);
      } else if (isGlob2 === true) {
        base = "";
        glob = str3;
      } else {
        base = str3;
      }
      if (base && base !== "" && base !== "/" && base !== str3) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob: isGlob2,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse4 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse4(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix4 = POSIX_REGEX_SOURCE[rest2];
                if (posix4) {
                  prev.value = pre + posix4;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse4.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str3) => {
        switch (str3) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str3);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse4;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse4 = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch5 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch5(input, options, returnState));
        const arrayMatcher = (str3) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str3);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix4 = opts.windows;
      const regex = isState ? picomatch5.compileRe(glob, options) : picomatch5.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch5(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch5.test(input, regex, options, { glob, posix: posix4 });
        const result = { glob, state, regex, posix: posix4, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch5.test = (input, regex, options, { glob, posix: posix4 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format2 = opts.format || (posix4 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format2 ? format2(input) : input;
      if (match === false) {
        output = format2 ? format2(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch5.matchBase(input, regex, options, posix4);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch5.matchBase = (input, glob, options, posix4 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch5.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix4 }));
    };
    picomatch5.isMatch = (str3, patterns, options) => picomatch5(patterns, options)(str3);
    picomatch5.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch5.parse(p, options));
      return parse4(pattern, { ...options, fastpaths: false });
    };
    picomatch5.scan = (input, options) => scan(input, options);
    picomatch5.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch5.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch5.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse4.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse4(input, options);
      }
      return picomatch5.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch5.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch5.constants = constants2;
    module.exports = picomatch5;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch5(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch5, pico);
    module.exports = picomatch5;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode2;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path33) {
      const ctrl = callVisitor(key2, node, visitor, path33);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path33, ctrl);
        return visit_(key2, ctrl, visitor, path33);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path33 = Object.freeze(path33.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path33);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path33 = Object.freeze(path33.concat(node));
          const ck = visit_("key", node.key, visitor, path33);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path33);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path33) {
      const ctrl = await callVisitor(key2, node, visitor, path33);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path33, ctrl);
        return visitAsync_(key2, ctrl, visitor, path33);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path33 = Object.freeze(path33.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path33);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path33 = Object.freeze(path33.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path33);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path33);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path33) {
      if (typeof visitor === "function")
        return visitor(key2, node, path33);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path33);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path33);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path33);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path33);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path33);
      return void 0;
    }
    function replaceNode(key2, path33, node) {
      const parent = path33[path33.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path33, value) {
      let v = value;
      for (let i = path33.length - 1; i >= 0; --i) {
        const k = path33[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path33) => path33 == null || typeof path33 === "object" && !!path33[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path33, value) {
        if (isEmptyPath(path33))
          this.add(value);
        else {
          const [key2, ...rest] = path33;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path33) {
        const [key2, ...rest] = path33;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path33, keepScalar) {
        const [key2, ...rest] = path33;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path33) {
        const [key2, ...rest] = path33;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path33, value) {
        const [key2, ...rest] = path33;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str3) => str3.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str3, indent, comment) => str3.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str3.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str3) => /^(%|---|\.\.\.)/m.test(str3);
    function lineLengthOverLimit(str3, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str3.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str3[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str3 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str3 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str3 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str3 += "\\0";
                    break;
                  case "0007":
                    str3 += "\\a";
                    break;
                  case "000b":
                    str3 += "\\v";
                    break;
                  case "001b":
                    str3 += "\\e";
                    break;
                  case "0085":
                    str3 += "\\N";
                    break;
                  case "00a0":
                    str3 += "\\_";
                    break;
                  case "2028":
                    str3 += "\\L";
                    break;
                  case "2029":
                    str3 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str3 += "\\x" + code.substr(2);
                    else
                      str3 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str3 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str3 += "\n";
                  i += 2;
                }
                str3 += indent;
                if (json[i + 2] === " ")
                  str3 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str3 = start ? str3 + json.slice(start) : json;
      return implicitKey ? str3 : foldFlowLines.foldFlowLines(str3, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str3 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str3);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str3 : foldFlowLines.foldFlowLines(str3, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str3 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str3;
      return identity.isScalar(node) || str3[0] === "{" || str3[0] === "[" ? `${props} ${str3}` : `${props}
${ctx.indent}${str3}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str3 = stringify.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str3.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str3 === "" ? "?" : explicitKey ? `? ${str3}` : str3;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str3 = `? ${str3}`;
        if (keyComment && !keyCommentDone) {
          str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str3;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(keyComment));
        str3 = `? ${str3}
${indent}:`;
      } else {
        str3 = `${str3}:`;
        if (keyComment)
          str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str3.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str3 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str3;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str4 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str4 += stringifyComment.lineComment(str4, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str4);
      }
      let str3;
      if (lines.length === 0) {
        str3 = flowChars.start + flowChars.end;
      } else {
        str3 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str3 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str3 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str3;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str3 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str3.includes("\n"));
        if (i < items.length - 1) {
          str3 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str3.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str3 += ",";
          }
        }
        if (comment)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment));
        lines.push(str3);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str3 = start;
          for (const line of lines)
            str3 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str3}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str3) => str3,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str3) => new Scalar.Scalar(str3[0] === "t" || str3[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str3) => str3.slice(-3).toLowerCase() === "nan" ? NaN : str3[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str3) => parseFloat(str3),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str3) {
        const node = new Scalar.Scalar(parseFloat(str3));
        const dot = str3.indexOf(".");
        if (dot !== -1 && str3[str3.length - 1] === "0")
          node.minFractionDigits = str3.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str3, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str3) : parseInt(str3.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str3) => str3,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str3) => str3 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str3, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str3) : parseInt(str3, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str3) => parseFloat(str3),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str3, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str3)}`);
        return str3;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str3 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str3.length);
          for (let i = 0; i < str3.length; ++i)
            buffer[i] = str3.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str3;
        if (typeof node_buffer.Buffer === "function") {
          str3 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str3 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str3.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str3.substr(o, lineWidth);
          }
          str3 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str3 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str3) => str3.slice(-3).toLowerCase() === "nan" ? NaN : str3[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str3) => parseFloat(str3.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str3) {
        const node = new Scalar.Scalar(parseFloat(str3.replace(/_/g, "")));
        const dot = str3.indexOf(".");
        if (dot !== -1) {
          const f = str3.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str3, offset, radix, { intAsBigInt }) {
      const sign = str3[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str3 = str3.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str3 = `0b${str3}`;
            break;
          case 8:
            str3 = `0o${str3}`;
            break;
          case 16:
            str3 = `0x${str3}`;
            break;
        }
        const n2 = BigInt(str3);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str3, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str3 = value.toString(radix);
        return value < 0 ? "-" + prefix + str3.substr(1) : prefix + str3;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str3, asBigInt) {
      const sign = str3[0];
      const parts = sign === "-" || sign === "+" ? str3.substring(1) : str3;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str3, _onError, { intAsBigInt }) => parseSexagesimal(str3, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str3) => parseSexagesimal(str3, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str3) {
        const match = str3.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path33, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path33, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path33) {
        if (Collection.isEmptyPath(path33)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path33) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path33, keepScalar) {
        if (Collection.isEmptyPath(path33))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path33, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path33) {
        if (Collection.isEmptyPath(path33))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path33) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path33, value) {
        if (Collection.isEmptyPath(path33)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path33), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path33, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key: key2, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key: key2, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines3(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines3(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel2, code, msg) => onError(offset + rel2, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key: key2, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path33) => {
      let item = cst;
      for (const [field, index] of path33) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path33) => {
      const parent = visit2.itemAtPath(cst, path33.slice(0, -1));
      const field = path33[path33.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path33, item, visitor) {
      let ctrl = visitor(item, path33);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path33.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path33);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path33) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse4(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse4;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/core/errors.ts
var IoTraceError = class extends Error {
  name = "IoTraceError";
};
var ConfigurationError = class extends IoTraceError {
  name = "ConfigurationError";
};
var TracerError = class extends IoTraceError {
  name = "TracerError";
};
var StoreError = class extends IoTraceError {
  name = "StoreError";
};

// src/core/logger.ts
function stderrLogger(verbose = false) {
  const write = (prefix, m) => process.stderr.write(`${prefix}${m}
`);
  return {
    debug: (m) => {
      if (verbose) write("io-trace [debug] ", m);
    },
    info: (m) => write("io-trace: ", m),
    warn: (m) => write("io-trace warning: ", m),
    error: (m) => write("io-trace error: ", m)
  };
}

// src/version.ts
var IO_TRACE_VERSION = "0.1.0";

// src/cli/commands/analyze.ts
import path20 from "node:path";

// src/plan/patterns.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
function isGlob(pattern) {
  return import_picomatch.default.scan(pattern).isGlob;
}
function cleanPattern(pattern) {
  let p = pattern.trim();
  while (p.startsWith("./")) p = p.slice(2);
  if (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  return p;
}
function compile(pattern) {
  const p = cleanPattern(pattern);
  if (p === "" || p === "." || p === "**") return () => true;
  if (!isGlob(p)) {
    const dir = p + "/";
    return (rel2) => rel2 === p || rel2.startsWith(dir);
  }
  const m = (0, import_picomatch.default)(p, { dot: true, flags: "s" });
  return (rel2) => m(rel2);
}
function compilePatterns(patterns) {
  const positives = [];
  const pos = [];
  const neg = [];
  for (const raw of patterns) {
    if (raw.startsWith("!")) neg.push(compile(raw.slice(1)));
    else {
      positives.push(raw);
      pos.push(compile(raw));
    }
  }
  return {
    positives,
    covers(rel2) {
      if (!pos.some((m) => m(rel2))) return false;
      return !neg.some((m) => m(rel2));
    }
  };
}
function patternBase(pattern) {
  const p = cleanPattern(pattern.startsWith("!") ? pattern.slice(1) : pattern);
  if (!isGlob(p)) return p;
  const base = import_picomatch.default.scan(p).base;
  return base === "." ? "" : base;
}

// src/config/ignore.ts
var DEFAULT_IGNORES = [
  ".git",
  "**/.git/**",
  "node_modules",
  "**/node_modules/**",
  ".nx",
  ".turbo",
  "**/.turbo/**",
  ".pnpm-store",
  ".yarn/cache",
  ".yarn/install-state.gz",
  // io-trace's own folder (created in the workspace even when --db points elsewhere; a nested tool that
  // reads every .gitignore reads its .gitignore too).
  ".io-trace"
];
function emptyIgnoreRules() {
  return { all: [], reads: [], writes: [], tasks: {}, excludedTasks: [] };
}
function mergeIgnoreRules(...rules) {
  const out = emptyIgnoreRules();
  for (const r of rules) {
    out.all.push(...r.all);
    out.reads.push(...r.reads);
    out.writes.push(...r.writes);
    out.excludedTasks.push(...r.excludedTasks);
    for (const [task2, t] of Object.entries(r.tasks)) {
      const cur = out.tasks[task2] ??= { reads: [], writes: [] };
      cur.reads.push(...t.reads);
      cur.writes.push(...t.writes);
    }
  }
  return out;
}
function toolDefaultIgnores(plan) {
  const rules = emptyIgnoreRules();
  if (plan.source === "nx") rules.reads.push("nx.json", ".gitignore", ".nxignore");
  if (plan.source === "turbo") {
    for (const t of plan.tasks) {
      const dir = t.projectRoot ? `${t.projectRoot}/` : "";
      rules.tasks[t.id] = { reads: [`${dir}package.json`, `${dir}turbo.json`], writes: [] };
    }
  }
  return rules;
}
var IgnoreMatcher = class {
  all;
  reads;
  writes;
  perTask = /* @__PURE__ */ new Map();
  excludedTasks;
  constructor(rules, extraAll = []) {
    this.all = compilePatterns([...DEFAULT_IGNORES, ...rules.all, ...extraAll]);
    this.reads = compilePatterns(rules.reads);
    this.writes = compilePatterns(rules.writes);
    for (const [task2, t] of Object.entries(rules.tasks)) {
      this.perTask.set(task2, { reads: compilePatterns(t.reads), writes: compilePatterns(t.writes) });
    }
    this.excludedTasks = new Set(rules.excludedTasks);
  }
  ignoredAlways(rel2) {
    return this.all.covers(rel2);
  }
  ignoredRead(task2, rel2) {
    return this.all.covers(rel2) || this.reads.covers(rel2) || (this.perTask.get(task2)?.reads.covers(rel2) ?? false);
  }
  ignoredWrite(task2, rel2) {
    return this.all.covers(rel2) || this.writes.covers(rel2) || (this.perTask.get(task2)?.writes.covers(rel2) ?? false);
  }
};

// src/config/config.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
var CONFIG_FILE_NAME = "io-trace.config.json";
function loadConfigFile(file, workspaceRoot) {
  const chosen = file ?? path.join(workspaceRoot, CONFIG_FILE_NAME);
  if (!existsSync(chosen)) {
    if (file !== void 0) throw new ConfigurationError(`config file ${file} does not exist`);
    return emptyIgnoreRules();
  }
  let doc;
  try {
    doc = JSON.parse(readFileSync(chosen, "utf8"));
  } catch (e2) {
    throw new ConfigurationError(`config file ${chosen}: not valid JSON (${e2.message})`);
  }
  return parseIgnoreRules(doc, `config file ${chosen}`);
}
function parseIgnoreRules(doc, where2) {
  const rules = emptyIgnoreRules();
  if (doc === null || doc === void 0) return rules;
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ConfigurationError(`${where2}: the top level must be an object`);
  const d = doc;
  const list2 = (v, key2) => {
    if (v === void 0) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
      throw new ConfigurationError(`${where2}: "${key2}" must be a list of glob strings`);
    }
    return v;
  };
  rules.all = list2(d.ignore, "ignore");
  rules.reads = list2(d["exclude-reads"], "exclude-reads");
  rules.writes = list2(d["exclude-writes"], "exclude-writes");
  rules.excludedTasks = list2(d["task-exclusions"], "task-exclusions");
  if (d.tasks !== void 0) {
    if (typeof d.tasks !== "object" || d.tasks === null || Array.isArray(d.tasks)) {
      throw new ConfigurationError(`${where2}: "tasks" must map task ids to {"exclude-reads": [...], "exclude-writes": [...]}`);
    }
    for (const [task2, t] of Object.entries(d.tasks)) {
      const tt = t ?? {};
      rules.tasks[task2] = { reads: list2(tt["exclude-reads"], `tasks.${task2}.exclude-reads`), writes: list2(tt["exclude-writes"], `tasks.${task2}.exclude-writes`) };
    }
  }
  return rules;
}

// src/analysis/analyse.ts
var import_picomatch3 = __toESM(require_picomatch2(), 1);
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync as existsSync4, readFileSync as readFileSync4 } from "node:fs";
import { posix } from "node:path";

// src/analysis/coverage.ts
function coverageModel(plan) {
  const out = /* @__PURE__ */ new Map();
  for (const t of plan.tasks) {
    out.set(t.id, {
      task: t,
      cacheable: t.cacheable !== false,
      inputs: compilePatterns(t.inputs),
      dependencyInputs: compilePatterns(t.dependencyInputs ?? []),
      outputs: compilePatterns(t.outputs)
    });
  }
  return out;
}
function readCoveredBy(c, rel2) {
  if (c.inputs.covers(rel2)) return "input";
  if (c.outputs.covers(rel2)) return "output";
  if (c.dependencyInputs.covers(rel2)) return "dependency";
  return void 0;
}
function locationKey(loc) {
  return loc ? `${loc.file}:${loc.line ?? 0}:${loc.what ?? ""}` : void 0;
}
function tasksByLocation(plan, field) {
  const out = /* @__PURE__ */ new Map();
  for (const t of plan.tasks) {
    const key2 = locationKey(t.declaredAt?.[field]);
    if (key2 === void 0) continue;
    let list2 = out.get(key2);
    if (!list2) out.set(key2, list2 = []);
    list2.push(t.id);
  }
  return out;
}

// src/analysis/cross-task.ts
var Producers = class {
  constructor(tasks, writers, outputSets) {
    this.writers = writers;
    this.outputSets = outputSets;
    this.index = new OutputIndex(tasks);
  }
  writers;
  outputSets;
  index;
  /** Tasks other than `self` that wrote `rel` in this run or declare it as an output. */
  of(rel2, self) {
    const out = /* @__PURE__ */ new Set();
    for (const t of this.writers.get(rel2) ?? []) if (t !== self) out.add(t);
    for (const t of this.index.candidates(rel2)) if (t !== self && this.outputSets.get(t).covers(rel2)) out.add(t);
    return [...out];
  }
};
function overlappingOutputs(writers, graded, tasksById) {
  const out = [];
  for (const [rel2, tasks] of writers) {
    const uniq = [...new Set(tasks)].filter((t) => graded.has(t)).sort();
    for (let i = 0; i < uniq.length; i++) {
      for (let j = i + 1; j < uniq.length; j++) {
        out.push({ type: "overlapping_output", task: tasksById.get(uniq[i]), path: rel2, severity: "error", otherTask: uniq[j] });
      }
    }
  }
  return out;
}
var OutputIndex = class {
  byBase = /* @__PURE__ */ new Map();
  constructor(tasks) {
    for (const t of tasks) {
      for (const o of t.outputs) {
        if (o.startsWith("!")) continue;
        const base = patternBase(o);
        let list2 = this.byBase.get(base);
        if (!list2) this.byBase.set(base, list2 = []);
        if (!list2.includes(t.id)) list2.push(t.id);
      }
    }
  }
  candidates(rel2) {
    const out = [...this.byBase.get("") ?? []];
    let i = rel2.indexOf("/");
    while (i !== -1) {
      const l = this.byBase.get(rel2.slice(0, i));
      if (l) out.push(...l);
      i = rel2.indexOf("/", i + 1);
    }
    const exact = this.byBase.get(rel2);
    if (exact) out.push(...exact);
    return out;
  }
};
var DependencyClosure = class {
  direct = /* @__PURE__ */ new Map();
  memo = /* @__PURE__ */ new Map();
  constructor(tasks) {
    for (const t of tasks) this.direct.set(t.id, t.dependsOn);
  }
  dependsOn(task2, other) {
    return this.closure(task2).has(other);
  }
  /** Project roots of the tasks `task` depends on (transitively), without "" and its own root. */
  projectRoots(task2, tasksById) {
    const out = /* @__PURE__ */ new Set();
    for (const d of this.closure(task2.id)) {
      const root = tasksById.get(d)?.projectRoot;
      if (root && root !== task2.projectRoot) out.add(root);
    }
    return out;
  }
  closure(task2) {
    let s = this.memo.get(task2);
    if (s) return s;
    s = /* @__PURE__ */ new Set();
    this.memo.set(task2, s);
    const stack = [...this.direct.get(task2) ?? []];
    while (stack.length) {
      const d = stack.pop();
      if (s.has(d)) continue;
      s.add(d);
      stack.push(...this.direct.get(d) ?? []);
    }
    return s;
  }
};

// src/analysis/fixes.ts
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import path4 from "node:path";

// src/plan/json-locate.ts
function parseJsonWithLines(text) {
  let i = 0;
  let line = 1;
  const n = text.length;
  const skip = () => {
    while (i < n) {
      const c = text[i];
      if (c === "\n") {
        line++;
        i++;
      } else if (c === " " || c === "	" || c === "\r" || c === "\uFEFF") i++;
      else if (c === "/" && text[i + 1] === "/") {
        while (i < n && text[i] !== "\n") i++;
      } else if (c === "/" && text[i + 1] === "*") {
        i += 2;
        while (i < n && !(text[i] === "*" && text[i + 1] === "/")) {
          if (text[i] === "\n") line++;
          i++;
        }
        i += 2;
      } else break;
    }
  };
  const str3 = () => {
    let j = i + 1;
    let raw = "";
    while (j < n && text[j] !== '"') {
      if (text[j] === "\\") {
        raw += text.slice(j, j + 2);
        j += 2;
      } else {
        if (text[j] === "\n") throw new Error("newline in string");
        raw += text[j];
        j++;
      }
    }
    if (j >= n) throw new Error("unterminated string");
    i = j + 1;
    return JSON.parse(`"${raw}"`);
  };
  const value = (keyLine) => {
    skip();
    const start = line;
    const c = text[i];
    if (c === "{") {
      i++;
      const members = /* @__PURE__ */ new Map();
      for (; ; ) {
        skip();
        if (text[i] === "}") {
          i++;
          break;
        }
        if (text[i] !== '"') throw new Error(`expected key at line ${line}`);
        const kl = line;
        const key2 = str3();
        skip();
        if (text[i] !== ":") throw new Error(`expected ':' at line ${line}`);
        i++;
        members.set(key2, value(kl));
        skip();
        if (text[i] === ",") i++;
        else if (text[i] !== "}") throw new Error(`expected ',' at line ${line}`);
      }
      return { kind: "object", line: start, keyLine: keyLine ?? start, members };
    }
    if (c === "[") {
      i++;
      const items = [];
      for (; ; ) {
        skip();
        if (text[i] === "]") {
          i++;
          break;
        }
        items.push(value());
        skip();
        if (text[i] === ",") i++;
        else if (text[i] !== "]") throw new Error(`expected ',' at line ${line}`);
      }
      return { kind: "array", line: start, keyLine: keyLine ?? start, items };
    }
    if (c === '"') return { kind: "string", line: start, keyLine: keyLine ?? start, value: str3() };
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) throw new Error(`unexpected character at line ${line}`);
    i += m[0].length;
    return { kind: "other", line: start, keyLine: keyLine ?? start };
  };
  try {
    const root = value();
    skip();
    return i >= n ? root : void 0;
  } catch {
    return void 0;
  }
}
function jsonChild(node, path33) {
  let cur = node;
  for (const k of path33) {
    if (!cur) return void 0;
    if (cur.kind === "object") cur = cur.members.get(k);
    else if (cur.kind === "array" && /^\d+$/.test(k)) cur = cur.items[Number(k)];
    else return void 0;
  }
  return cur;
}
function jsonKeyLine(node, path33) {
  if (!node) return void 0;
  let cur = node;
  let best = { line: node.line, depth: 0 };
  for (let d = 0; d < path33.length; d++) {
    const next = jsonChild(cur, [path33[d]]);
    if (!next) break;
    cur = next;
    best = { line: next.keyLine, depth: d + 1 };
  }
  return best;
}

// src/analysis/path-classes.ts
import { existsSync as existsSync2, readdirSync, readFileSync as readFileSync2, realpathSync, statSync } from "node:fs";
import path2 from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep2, offset, length) => {
      if (currentParent.type === "property") {
        if (sep2 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep2 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path33) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path33) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString2(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString2(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString2(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse2 = parse;
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));

// src/analysis/path-classes.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);
function toolCacheWhat(c) {
  return `${/^[AEIOU]/.test(c.tool) ? "an" : "a"} ${c.tool} ${c.intermediate ? "staging folder" : "cache"}`;
}
var TOOL_CACHES = [
  {
    glob: "**/.eslintcache",
    cache: {
      tool: "ESLint",
      advice: "ESLint's result cache (--cache), not an input: keep it out of inputs (it changes every run). ESLint re-checks cached entries against file content and config, so a missing or stale copy only costs time; add it to outputs only to keep it between CI runs",
      affectsOutputs: false
    }
  },
  { glob: "**/.stylelintcache", cache: { tool: "Stylelint", advice: "Stylelint's result cache (--cache), not an input: keep it out of inputs; it is validated against content, so it only saves time", affectsOutputs: false } },
  { glob: "**/.prettiercache", cache: { tool: "Prettier", advice: "Prettier's cache (--cache), not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  {
    glob: "**/node_modules/.cache/**",
    cache: { tool: "a bundler or transpiler (webpack, babel-loader, terser...)", advice: "a persistent build cache under node_modules/.cache, not an input: keep it out of inputs; the tool validates it, so it only saves time", affectsOutputs: false }
  },
  { glob: "**/node_modules/.vite/**", cache: { tool: "Vite", advice: "Vite's dependency pre-bundling cache, not an input: keep it out of inputs; Vite rebuilds it when the lockfile or config changes", affectsOutputs: false } },
  { glob: "**/.next/cache/**", cache: { tool: "Next.js", advice: "Next.js's build cache (.next/cache), not an input: keep it out of inputs and out of outputs (Next.js docs: cache it between CI runs with the CI's own cache)", affectsOutputs: false } },
  { glob: "**/.parcel-cache/**", cache: { tool: "Parcel", advice: "Parcel's cache, not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  { glob: "**/.swc/**", cache: { tool: "SWC", advice: "SWC's plugin cache, not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  {
    glob: "**/.rollup.cache/**",
    cache: { tool: "@rollup/plugin-typescript", advice: "@rollup/plugin-typescript's incremental cache (outputToFilesystem), not an input and not a product: keep it out of inputs and outputs; a missing copy only costs time", affectsOutputs: false }
  },
  {
    glob: "**/.svelte-kit/**",
    cache: { tool: "SvelteKit", advice: "SvelteKit's generated and staging folder (svelte-package stages files in .svelte-kit/__package__ before copying them to its output): an intermediate, not the product; keep it out of inputs and outputs", affectsOutputs: false, intermediate: true }
  },
  { glob: "**/.cache/**", cache: { tool: "a tool", advice: "a tool cache directory, not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  { glob: "**/.jest-cache/**", cache: { tool: "Jest", advice: "Jest's transform cache (cacheDirectory), not an input: keep it out of inputs; Jest keys it by file content", affectsOutputs: false } },
  { glob: "**/.vitest/**", cache: { tool: "Vitest", advice: "Vitest's results cache, not an input: keep it out of inputs; it only orders tests", affectsOutputs: false } },
  {
    glob: "**/*.tsbuildinfo",
    cache: {
      tool: "TypeScript",
      advice: "tsc's incremental build state (tsBuildInfoFile), not an input: keep it out of inputs. It describes the emitted files, so declare it as an output next to them: a cache hit that restores the outputs without it, or it without the outputs, makes `tsc -b` skip or redo work",
      affectsOutputs: true,
      outsideOutputsAdvice: "tsc's incremental build state (tsBuildInfoFile), written outside the task's declared outputs: compiler state, not an input (keep it out of inputs). A cache hit restores the outputs without it, which only makes the next real build a full one"
    }
  }
];
var matchers = TOOL_CACHES.map((t) => ({ match: (0, import_picomatch2.default)(t.glob, { dot: true }), cache: t.cache }));
function toolCacheOf(rel2) {
  for (const m of matchers) if (m.match(rel2)) return m.cache;
  return void 0;
}
var PM_CONFIG = /* @__PURE__ */ new Set([".npmrc", "pnpm-workspace.yaml", ".yarnrc", ".yarnrc.yml", "bunfig.toml", ".pnpmfile.cjs", "lerna.json"]);
function arguableReadReason(rel2, projectRoot) {
  if (PM_CONFIG.has(path2.posix.basename(rel2))) {
    return "package-manager configuration (registry, workspace layout): read by a package manager to find scripts and packages, it does not change what a build produces";
  }
  if (path2.posix.basename(rel2) !== "package.json") return void 0;
  const dir = path2.posix.dirname(rel2);
  const ancestor = dir === "." || projectRoot === "" ? dir === "." : projectRoot.startsWith(dir + "/");
  if (!ancestor) return void 0;
  return 'Node reads the nearest package.json above a script to learn its module "type" (and bundlers look for "sideEffects"/"exports"): a real read of an unhashed file, but a change to it rarely changes the result';
}
function rootScriptRun(root, projectRoot, target) {
  if (projectRoot === "") return void 0;
  let script;
  try {
    script = JSON.parse(readFileSync2(path2.join(root, projectRoot, "package.json"), "utf8")).scripts?.[target];
  } catch {
    return void 0;
  }
  if (typeof script !== "string") return void 0;
  for (const part of script.split(/&&|\|\||;|\|/)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    const pm = words.findIndex((w) => /^(npm|pnpm|yarn|bun)$/.test(path2.posix.basename(w)));
    if (pm < 0) continue;
    let toRoot = false;
    const rest = [];
    for (let i = pm + 1; i < words.length; i++) {
      const w = words[i];
      if (w === "-w" || w === "--workspace-root") toRoot = path2.posix.basename(words[pm]) === "pnpm";
      else if (/^(--prefix|--cwd|-C|--dir)$/.test(w) || /^(--prefix|--cwd|--dir)=/.test(w)) {
        const dir = w.includes("=") ? w.slice(w.indexOf("=") + 1) : words[++i];
        if (dir !== void 0 && path2.posix.normalize(path2.posix.join(projectRoot, dir)) === ".") toRoot = true;
      } else rest.push(w);
    }
    if (!toRoot) continue;
    const args = rest.filter((w) => !w.startsWith("-"));
    const name = args[0] === "run" || args[0] === "run-script" ? args[1] : args[0];
    if (name) return name;
  }
  return void 0;
}
var MANIFEST = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json)$/;
function crawlReads(root, projectRoot, uncovered, allReads) {
  const outside = [];
  const own = [];
  for (const rel2 of allReads) {
    if (!MANIFEST.test(rel2)) continue;
    const inProject2 = projectRoot === "" ? !rel2.includes("/") : rel2.startsWith(projectRoot + "/") && !rel2.slice(projectRoot.length + 1).includes("/");
    if (inProject2) own.push(rel2);
  }
  for (const rel2 of uncovered) {
    if (MANIFEST.test(rel2) && (projectRoot === "" || !rel2.startsWith(projectRoot + "/"))) outside.push(rel2);
  }
  const dirs = new Set(outside.map((r) => path2.posix.dirname(r)));
  if (outside.length < 5 || dirs.size < 3) return /* @__PURE__ */ new Set();
  const extended = extendsChain(root, own.filter((r) => /tsconfig[^/]*\.json$|jsconfig\.json$/.test(r)));
  return new Set(outside.filter((r) => !extended.has(r)));
}
function extendsChain(root, start) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [...start];
  while (queue.length) {
    const rel2 = queue.pop();
    let text;
    try {
      text = readFileSync2(path2.join(root, rel2), "utf8");
    } catch {
      continue;
    }
    const m = /"extends"\s*:\s*(\[[^\]]*\]|"[^"]*")/.exec(text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"])\/\/.*$/gm, "$1"));
    if (!m) continue;
    const values = [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
    for (const v of values) {
      if (!v.startsWith(".")) continue;
      let target = path2.posix.normalize(path2.posix.join(path2.posix.dirname(rel2), v));
      if (!target.endsWith(".json")) target += ".json";
      if (target.startsWith("../") || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}
function shadowedTsconfigReason(root, projectRoot, rel2) {
  if (projectRoot === "" || path2.posix.basename(rel2) !== "tsconfig.json") return void 0;
  const dir = path2.posix.dirname(rel2);
  if (!(dir === "." || projectRoot.startsWith(dir + "/"))) return void 0;
  const own = `${projectRoot}/tsconfig.json`;
  if (!existsSync2(path2.join(root, own))) return void 0;
  let reach = reachMemo.get(`${root}\0${projectRoot}`);
  if (reach === void 0) {
    let starts;
    try {
      starts = readdirSync(path2.join(root, projectRoot)).filter((f) => /^tsconfig.*\.json$/.test(f)).map((f) => `${projectRoot}/${f}`);
    } catch {
      starts = [own];
    }
    reach = tsconfigReach(root, starts);
    reachMemo.set(`${root}\0${projectRoot}`, reach);
  }
  if (reach === null || reach.has(rel2)) return void 0;
  return "shadowed by the project's own tsconfig.json: a bundler looks for tsconfig.json in every folder above a file and uses the nearest, and no tsconfig of the project extends or references this one";
}
var reachMemo = /* @__PURE__ */ new Map();
function tsconfigReach(root, start) {
  const seen = new Set(start);
  const queue = [...start];
  const inWorkspace = (abs) => {
    const r = path2.relative(root, abs).split(path2.sep).join("/");
    return r === "" || r.startsWith("../") || path2.isAbsolute(r) ? void 0 : r;
  };
  const file = (abs) => {
    for (const c of [abs, `${abs}.json`, path2.join(abs, "tsconfig.json")]) {
      try {
        if (statSync(c).isFile()) return realpathSync(c);
      } catch {
      }
    }
    return void 0;
  };
  while (queue.length) {
    const rel2 = queue.pop();
    const abs = path2.join(root, rel2);
    let json;
    try {
      const errors = [];
      json = parse2(readFileSync2(abs, "utf8"), errors, { allowTrailingComma: true }) ?? {};
      if (errors.length || typeof json !== "object") return null;
    } catch {
      return null;
    }
    const targets = [];
    const ext = json.extends === void 0 ? [] : Array.isArray(json.extends) ? json.extends : [json.extends];
    for (const e2 of ext) {
      if (typeof e2 !== "string") return null;
      let found;
      if (e2.startsWith(".") || path2.isAbsolute(e2)) found = file(path2.resolve(path2.dirname(abs), e2));
      else {
        for (let d = path2.dirname(abs); !found; d = path2.dirname(d)) {
          found = file(path2.join(d, "node_modules", e2));
          if (d === path2.dirname(d)) break;
        }
      }
      if (!found) return null;
      const r = inWorkspace(found);
      if (r !== void 0 && !r.split("/").includes("node_modules")) targets.push(r);
    }
    const refs = Array.isArray(json.references) ? json.references : [];
    for (const ref of refs) {
      const p = ref?.path;
      if (typeof p !== "string") continue;
      const found = file(path2.resolve(path2.dirname(abs), p));
      const r = found && inWorkspace(found);
      if (r) targets.push(r);
    }
    for (const t of targets) {
      if (seen.has(t)) continue;
      seen.add(t);
      queue.push(t);
    }
  }
  return seen;
}

// src/analysis/unused-inputs.ts
import path3 from "node:path";
function declaredPatterns(source, task2) {
  if (source === "file") return fromList(task2.inputs.map((p) => ({ declared: p, rel: p })));
  if (source === "turbo") {
    if (!task2.declaredInputs) return void 0;
    const items = [];
    for (const e2 of task2.declaredInputs) {
      if (typeof e2 !== "string" || e2.includes("$TURBO_DEFAULT$")) continue;
      const neg = e2.startsWith("!");
      const body = neg ? e2.slice(1) : e2;
      const rel2 = path3.posix.normalize(body.startsWith("$TURBO_ROOT$/") ? body.slice("$TURBO_ROOT$/".length) : path3.posix.join(task2.projectRoot || ".", body));
      const shown = rel2.startsWith("../") || task2.projectRoot !== "" && !rel2.startsWith(task2.projectRoot + "/") && rel2 !== task2.projectRoot ? `$TURBO_ROOT$/${rel2}` : e2;
      items.push({ declared: neg && !shown.startsWith("!") ? `!${shown}` : shown, rel: (neg ? "!" : "") + rel2 });
    }
    return fromList(items);
  }
  return fromList(nxInputPatterns(task2));
}
function nxInputPatterns(task2) {
  const named = task2.namedInputs ?? {};
  const entries = task2.declaredInputs ?? (named.default ? ["default", "^default"] : ["{projectRoot}/**/*"]);
  const items = [];
  const seen = /* @__PURE__ */ new Set();
  const expand = (list2, via) => {
    for (const e2 of list2) {
      const s = typeof e2 === "string" ? e2 : e2 && typeof e2 === "object" && typeof e2.fileset === "string" ? e2.fileset : void 0;
      if (s === void 0 || s.startsWith("^")) continue;
      if (named[s] && !s.includes("{")) {
        if (seen.has(s)) continue;
        seen.add(s);
        expand(named[s], s);
        continue;
      }
      const neg = s.startsWith("!");
      const body = neg ? s.slice(1) : s;
      let rel2;
      if (body.startsWith("{workspaceRoot}/")) rel2 = body.slice("{workspaceRoot}/".length);
      else if (body.startsWith("{projectRoot}")) rel2 = path3.posix.join(task2.projectRoot || ".", body.slice("{projectRoot}".length).replace(/^\//, "") || ".");
      if (rel2 === void 0) continue;
      items.push({ declared: s, rel: (neg ? "!" : "") + path3.posix.normalize(rel2), ...via ? { via } : {} });
    }
  };
  expand(entries, void 0);
  return items;
}
function fromList(items) {
  const excludes = items.filter((i) => i.rel.startsWith("!")).map((i) => i.rel.slice(1));
  return items.filter((i) => !i.rel.startsWith("!") && i.rel !== "." && i.rel !== "").map((i) => ({ ...i, excludes }));
}
function unusedInputs(source, graded, io, ctx) {
  const perTask = graded.map((c) => ({ c, patterns: declaredPatterns(source, c.task) ?? [] }));
  const bases = perTask.flatMap((t) => t.patterns.map((p) => patternBase(p.rel)));
  const files = bases.length ? [...ctx.listFiles(bases)] : [];
  const out = [];
  for (const { c, patterns } of perTask) {
    const task2 = c.task;
    const used = io.get(task2.id);
    for (const p of patterns) {
      const positive = compilePatterns([p.rel]);
      const one2 = compilePatterns([p.rel, ...p.excludes.map((e2) => "!" + e2)]);
      const base = patternBase(p.rel);
      const prefix = base === "" ? "" : base + "/";
      const matched = [];
      let touched = false;
      for (const f of files) {
        if (prefix !== "" && f !== base && !f.startsWith(prefix) || !positive.covers(f)) continue;
        if (used?.read.has(f) || used?.written.has(f) || ctx.allWritten.has(f)) {
          touched = true;
          break;
        }
        if (!one2.covers(f) || !c.inputs.covers(f) || c.outputs.covers(f) || ctx.ignoredRead(task2.id, f)) continue;
        matched.push(f);
      }
      if (touched || matched.length === 0) continue;
      matched.sort();
      out.push({ type: "unused_input", task: task2, path: p.rel, severity: "info", declared: p.declared, ...p.via ? { via: p.via } : {}, count: matched.length, samples: matched.slice(0, 10) });
    }
  }
  return out;
}

// src/analysis/fixes.ts
function toolPattern(source, task2, rel2) {
  const root = task2.projectRoot;
  const inProject2 = root === "" || rel2 === root || rel2.startsWith(root + "/");
  switch (source) {
    case "nx":
      if (root !== "" && inProject2) return `{projectRoot}${rel2 === root ? "" : "/" + rel2.slice(root.length + 1)}`;
      return `{workspaceRoot}/${rel2}`;
    case "turbo":
      if (inProject2) return root === "" ? rel2 : rel2 === root ? "." : rel2.slice(root.length + 1);
      return `$TURBO_ROOT$/${rel2}`;
    default:
      return rel2;
  }
}
function toolTaskRef(source, task2, dependency) {
  if (source === "file") return dependency.id;
  if (dependency.project === task2.project) return dependency.target;
  if (source === "nx") return JSON.stringify({ projects: [dependency.project], target: dependency.target });
  return `${dependency.project}#${dependency.target}`;
}
var FIELD_NAME = {
  file: { inputs: "inputs", outputs: "outputs", dependsOn: "dependencies" },
  nx: { inputs: "inputs", outputs: "outputs", dependsOn: "dependsOn" },
  turbo: { inputs: "inputs", outputs: "outputs", dependsOn: "dependsOn" }
};
function where(loc) {
  if (!loc) return "";
  return ` (${loc.file}${loc.line ? `:${loc.line}` : ""})`;
}
function addToFieldFix(source, task2, field, values) {
  const loc = task2.declaredAt?.[field];
  const name = FIELD_NAME[source][field];
  const list2 = values.map((v) => v.startsWith('{"') ? v : JSON.stringify(v)).join(", ");
  let summary2 = `add ${list2} to "${name}" of ${task2.id}${where(loc)}`;
  if (source === "turbo" && field === "inputs" && loc?.what?.includes("not set")) {
    summary2 += '; start the new list with "$TURBO_DEFAULT$": explicit inputs replace the default';
  }
  return { summary: summary2, field, add: values, ...loc ? { file: loc.file, ...loc.line ? { line: loc.line } : {} } : {} };
}
function taskList(tasks) {
  if (tasks.length === 1) return tasks[0].id;
  return `${tasks.length} tasks: ${tasks.slice(0, 3).map((t) => t.id).join(", ")}${tasks.length > 3 ? ", ..." : ""}`;
}
var at = (loc) => loc ? { file: loc.file, ...loc.line ? { line: loc.line } : {} } : {};
var q = (v) => v.startsWith('{"') ? v : JSON.stringify(v);
var list = (vs) => `[${vs.map(q).join(", ")}]`;
var FixWriter = class {
  constructor(plan, sharedByField) {
    this.plan = plan;
    this.shared = /* @__PURE__ */ new Map();
    for (const [field, m] of Object.entries(sharedByField)) for (const [k, v] of m) this.shared.set(`${field}|${k}`, v);
  }
  plan;
  shared;
  json = /* @__PURE__ */ new Map();
  config(file) {
    if (!this.json.has(file)) {
      let node;
      try {
        node = parseJsonWithLines(readFileSync3(path4.join(this.plan.workspaceRoot, file), "utf8"));
      } catch {
        node = void 0;
      }
      this.json.set(file, node);
    }
    return this.json.get(file);
  }
  /** The project's own config file (Nx project.json, else package.json; turbo: the package's turbo.json). */
  projectConfig(task2) {
    const dir = task2.projectRoot;
    const rel2 = (f) => dir ? `${dir}/${f}` : f;
    if (this.plan.source === "turbo") return rel2("turbo.json");
    if (existsSync3(path4.join(this.plan.workspaceRoot, rel2("project.json")))) return rel2("project.json");
    return existsSync3(path4.join(this.plan.workspaceRoot, rel2("package.json"))) ? rel2("package.json") : rel2("project.json");
  }
  /** The existing declared list of a field, in the tool's syntax (what an override must keep). */
  existing(task2, field) {
    if (field === "outputs") return task2.outputs.map((o) => o.startsWith("!") ? "!" + toolPattern(this.plan.source, task2, o.slice(1)) : toolPattern(this.plan.source, task2, o));
    const decl = (task2.declaredInputs ?? []).map((e2) => typeof e2 === "string" ? e2 : JSON.stringify(e2));
    if (this.plan.source === "nx") return task2.declaredInputs ? decl : task2.namedInputs?.default ? ["default", "^default"] : ["{projectRoot}/**/*"];
    if (this.plan.source === "turbo") {
      if (!task2.declaredInputs?.length) return ["$TURBO_DEFAULT$"];
      return decl.map((e2) => {
        const neg = e2.startsWith("!") ? "!" : "";
        const body = neg ? e2.slice(1) : e2;
        if (!body.startsWith("../")) return e2;
        return neg + toolPattern("turbo", task2, path4.posix.normalize(path4.posix.join(task2.projectRoot || ".", body)));
      });
    }
    return task2.inputs;
  }
  /**
   * Nx: the negations among a task's inputs (named inputs expanded, as unused_input reads them) that
   * match one of `files` (workspace-relative). Nx drops every file a negation matches, wherever the
   * negation stands in the list and whatever positive pattern names the file (checked on Nx 22.6 with
   * TanStack/form: `{projectRoot}/README.md` added beside `production`, whose `default` has
   * `!{projectRoot}/**\/*.md`, left the README out of `nx show target inputs`).
   */
  nxNegations(task2, files) {
    return nxInputPatterns(task2).filter((p) => {
      if (!p.rel.startsWith("!")) return false;
      const excluded = compilePatterns([p.rel.slice(1)]);
      return files.some((f) => excluded.covers(f));
    }).map((p) => ({ pattern: p.declared, ...p.via ? { namedInput: p.via } : {} }));
  }
  /** The fix for files an Nx negation leaves out: adding them does nothing, the negation must narrow. */
  narrowNegation(task2, tasks, files, neg) {
    let file;
    let line;
    if (neg.namedInput) {
      for (const f of [this.projectConfig(task2), "nx.json"]) {
        const node = this.config(f);
        const keyPath = f.endsWith("package.json") ? ["nx", "namedInputs", neg.namedInput] : ["namedInputs", neg.namedInput];
        const hit = jsonKeyLine(node, keyPath);
        if (hit && hit.depth === keyPath.length) {
          file = f;
          line = jsonChild(node, keyPath)?.items?.find((i) => i.kind === "string" && i.value === neg.pattern)?.line ?? hit.line;
          break;
        }
      }
    } else if (task2.declaredAt?.inputs) {
      file = task2.declaredAt.inputs.file;
      line = task2.declaredAt.inputs.line;
    }
    const what = files.length === 1 ? files[0] : `${files.length} files (e.g. ${files.slice(0, 2).join(", ")})`;
    const place = neg.namedInput ? ` of the named input ${q(neg.namedInput)}` : "";
    const at22 = file ? ` (${file}${line ? `:${line}` : ""})` : "";
    const others = tasks.length > 1 ? ` (read by ${taskList(tasks)})` : "";
    return {
      summary: `narrow the negation ${q(neg.pattern)}${place}${at22} so that it no longer matches ${what}${others}: Nx leaves out every file a negation matches, wherever it stands in the list, so adding the file to "inputs" would change nothing`,
      field: "inputs",
      manual: "the narrower negation depends on which of the files it matches the tasks really ignore",
      ...file ? { file } : {},
      ...line ? { line } : {}
    };
  }
  /**
   * Add one value (a workspace-relative pattern, or with `raw` a tool value) to a field of the group's
   * tasks. `files`: the workspace-relative files the value is for, when known (an Nx negation may leave
   * them out whatever is added).
   */
  add(task2, tasks, field, pattern, raw = false, files) {
    const source = this.plan.source;
    if (source === "nx" && field === "inputs" && files?.length) {
      const negations = this.nxNegations(task2, files);
      if (negations.length > 0) return this.narrowNegation(task2, tasks, files, negations[0]);
    }
    const value = raw ? pattern : toolPattern(source, task2, pattern);
    const loc = task2.declaredAt?.[field];
    const name = FIELD_NAME[source][field];
    const others = tasks.length > 1 ? ` (one edit for ${taskList(tasks)})` : "";
    if (source === "file" || field === "dependsOn") {
      if (source === "file" && tasks.length > 1) {
        return { summary: `add ${q(value)} to "${name}" of ${tasks.map((t) => t.id).join(", ")}`, field, add: [value], ...at(loc) };
      }
      return addToFieldFix(source, task2, field, [value]);
    }
    const what = loc?.what ?? "";
    const sharing = this.shared.get(`${field}|${locationKey(loc)}`) ?? [task2.id];
    const sharedPlace = sharing.length > tasks.length && tasks.length === 1;
    const notSet = what.includes("not set");
    const inferred = what.includes("inferred by plugin");
    if (source === "nx" && (notSet || inferred || sharedPlace && (what.startsWith("targetDefaults") || loc?.file === "nx.json"))) {
      const set = [...this.existing(task2, field), value];
      const file = this.projectConfig(task2);
      const key2 = file.endsWith("package.json") ? `nx.targets.${task2.target}.${name}` : `targets.${task2.target}.${name}`;
      const line = jsonKeyLine(this.config(file), file.endsWith("package.json") ? ["nx", "targets", task2.target, name] : ["targets", task2.target, name])?.line;
      const why = notSet ? "it replaces the Nx defaults, so keep them" : inferred ? `it replaces the ${name} the plugin inferred, so keep them` : `${task2.id} alone needs it, and a project's list replaces targetDefaults', so keep those`;
      return { summary: `set ${key2} in ${file} to ${list(set)} (${why})`, field, add: [value], set, file, ...line ? { line } : {} };
    }
    if (source === "turbo" && sharedPlace && loc?.file === "turbo.json") {
      const set = [...this.existing(task2, field), value];
      const file = this.projectConfig(task2);
      return {
        summary: `in ${file} (with "extends": ["//"]) set "${name}" of "${task2.target}" to ${list(set)}: only ${task2.id} needs it, and a package's list replaces the root's`,
        field,
        add: [value],
        set,
        file
      };
    }
    if (source === "turbo" && field === "inputs" && notSet) {
      const set = ["$TURBO_DEFAULT$", value];
      return {
        summary: `add ${q(value)} to "inputs" of ${tasks.length > 1 ? `"${task2.target}" (${taskList(tasks)})` : task2.id}${where(loc)}; the entry has no inputs list yet: start it with "$TURBO_DEFAULT$" (explicit inputs replace the default, all files of the package)`,
        field,
        add: [value],
        set,
        ...at(loc)
      };
    }
    const f = addToFieldFix(source, task2, field, [value]);
    return { ...f, summary: f.summary + others };
  }
  /**
   * Nx: dependencies' package.json files the tasks' inputs miss. A named input (`sharedGlobals`) would
   * change nothing for inputs that do not include it (plugin-inferred or explicit lists): the dependency
   * input `^{projectRoot}/package.json` in each target's inputs covers every dependency, present and future.
   */
  dependencyManifests(tasks) {
    const value = "^{projectRoot}/package.json";
    const byPlace = /* @__PURE__ */ new Map();
    for (const t of tasks) {
      const k = locationKey(t.declaredAt?.inputs) ?? `task:${t.id}`;
      const list2 = byPlace.get(k);
      if (list2) list2.push(t);
      else byPlace.set(k, [t]);
    }
    const places = [...byPlace.values()];
    const first = this.add(places[0][0], places[0], "inputs", value, true);
    if (places.length === 1) return first;
    const { set: _one, ...rest } = first;
    return { ...rest, summary: `add ${q(value)} to the inputs of ${taskList(tasks)} (declared in ${places.length} places; keep their other inputs), e.g. ${first.summary}` };
  }
  /** A root file read by tasks declared in different places: one workspace-wide input. */
  global(tasks, rel2) {
    const source = this.plan.source;
    const names = taskList(tasks);
    if (source === "nx") {
      const value = `{workspaceRoot}/${rel2}`;
      const nx = this.config("nx.json");
      const sg = jsonKeyLine(nx, ["namedInputs", "sharedGlobals"])?.line;
      if (sg) {
        return {
          summary: `add ${q(value)} to namedInputs.sharedGlobals in nx.json (read by ${names}); tasks whose inputs do not include "default" (or a named input built on sharedGlobals) need it in their own inputs`,
          field: "inputs",
          add: [value],
          to: { file: "nx.json", path: ["namedInputs", "sharedGlobals"] },
          file: "nx.json",
          line: sg
        };
      }
      const ni = jsonKeyLine(nx, ["namedInputs"])?.line;
      return {
        summary: `add a named input "sharedGlobals": [${q(value)}] to namedInputs in nx.json and include "sharedGlobals" in "default" (read by ${names})`,
        field: "inputs",
        add: [value],
        manual: `a new named input must also be referenced from "default" (or each task's inputs): edit nx.json by hand`,
        file: "nx.json",
        ...ni ? { line: ni } : {}
      };
    }
    if (source === "turbo") {
      const gd = jsonKeyLine(this.config("turbo.json"), ["globalDependencies"])?.line;
      return {
        summary: `add ${q(rel2)} to "globalDependencies" in turbo.json (read by ${names})`,
        field: "inputs",
        add: [rel2],
        to: { file: "turbo.json", path: ["globalDependencies"] },
        file: "turbo.json",
        ...gd ? { line: gd } : {}
      };
    }
    return { summary: `add ${q(rel2)} to "inputs" of ${tasks.map((t) => t.id).join(", ")}`, field: "inputs", add: [rel2], ...at(tasks[0].declaredAt?.inputs) };
  }
  /** Arguable reads: nothing is required; say how to make them count, or how to silence them. */
  arguable(tasks, pattern) {
    const names = tasks.length > 3 ? `${tasks.length} tasks` : tasks.map((t) => t.id).join(", ");
    return {
      summary: `optional: add it to the inputs of ${names} if a change to it should rebuild them; else ignore these reads with "exclude-reads": [${JSON.stringify(pattern)}] in io-trace.config.json`,
      field: "ignore",
      add: [pattern]
    };
  }
  toolCache(task2, pattern, cache) {
    const value = toolPattern(this.plan.source, task2, pattern);
    const loc = task2.declaredAt?.outputs;
    if (cache.affectsOutputs && cache.optional) {
      return { summary: `do not add ${q(value)} to inputs; nothing to change for correctness, optionally add it to "outputs" of ${task2.id}${where(loc)} so the build after a cache hit stays incremental (${cache.tool})`, field: "outputs", add: [value], ...at(loc) };
    }
    if (cache.affectsOutputs) {
      return { summary: `do not add ${q(value)} to inputs; add it to "outputs" of ${task2.id}${where(loc)} (${cache.tool})`, field: "outputs", add: [value], ...at(loc) };
    }
    return { summary: `nothing to change for correctness: keep ${q(value)} (${toolCacheWhat(cache)}) out of inputs`, field: "ignore", ...at(loc) };
  }
  /** Make the finding go away: the file leaves the inputs (and is declared as output when it is one). */
  inputMutation(task2, rel2, alsoOutput) {
    const source = this.plan.source;
    const value = toolPattern(source, task2, rel2);
    const loc = task2.declaredAt?.inputs;
    if (source === "file") {
      return alsoOutput ? { summary: `remove ${q(rel2)} from "inputs" of ${task2.id}${where(loc)}, or stop writing it`, field: "inputs", ...at(loc) } : { summary: `stop writing ${rel2} in ${task2.id}, or move it from its "inputs" to its "outputs"${where(loc)}`, field: "outputs", add: [rel2], ...at(loc) };
    }
    const neg = `!${value}`;
    const defaults = source === "turbo" && !task2.declaredInputs?.length ? ' (explicit inputs replace the default: keep "$TURBO_DEFAULT$" first)' : "";
    if (alsoOutput) return { summary: `add ${q(neg)} to "inputs" of ${task2.id}${where(loc)}${defaults}, or stop writing it`, field: "inputs", add: [neg], ...at(loc) };
    return {
      summary: `stop writing ${rel2} in ${task2.id}, or add ${q(value)} to its "outputs"${where(task2.declaredAt?.outputs)} and ${q(neg)} to its "inputs"${where(loc)}${defaults}`,
      field: "outputs",
      add: [value],
      also: [{ field: "inputs", add: [neg] }],
      ...at(task2.declaredAt?.outputs ?? loc)
    };
  }
  overlap(task2, other) {
    return {
      summary: `give ${task2.id} and ${other} separate output paths, or make one depend on the other and drop the file from one task's outputs`,
      field: "outputs",
      ...at(task2.declaredAt?.outputs)
    };
  }
  missingOutput(task2, declared) {
    const shown = declared.startsWith("!") ? declared : toolPattern(this.plan.source, task2, declared);
    return { summary: `correct or remove output ${JSON.stringify(shown)} of ${task2.id}`, field: "outputs", ...at(task2.declaredAt?.outputs) };
  }
  unused(task2, declared, via) {
    if (via && this.plan.source === "nx") {
      const line = jsonKeyLine(this.config("nx.json"), ["namedInputs", via])?.line;
      return { summary: `narrow or remove ${q(declared)} in the named input "${via}", or leave it if a change to it should rebuild these tasks`, field: "inputs", ...line ? { file: "nx.json", line } : {} };
    }
    const loc = task2.declaredAt?.inputs;
    return { summary: `narrow or remove ${q(declared)} in "inputs" of ${task2.id}${where(loc)}, or leave it if a change to it should rebuild the task`, field: "inputs", ...at(loc) };
  }
};

// src/analysis/group.ts
import path5 from "node:path";

// src/core/findings.ts
var FINDING_TYPES = [
  "unexpected_read",
  "unexpected_write",
  "missing_output",
  "unused_input",
  "undeclared_dependency",
  "overlapping_output",
  "input_mutation"
];
var SEVERITIES = ["error", "warning", "info"];
var SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
var TYPE_RANK = {
  overlapping_output: 7,
  undeclared_dependency: 6,
  unexpected_write: 5,
  unexpected_read: 4,
  input_mutation: 3,
  missing_output: 2,
  unused_input: 1
};

// src/analysis/group.ts
function groupFindings(plan, observations, fixes, ctx = {}) {
  const { tracked } = ctx;
  const groups = /* @__PURE__ */ new Map();
  const put = (key2, o, pattern, fixValue, tree) => {
    let g = groups.get(key2);
    if (!g) groups.set(key2, g = { key: key2, type: o.type, severity: o.severity, pattern, first: o, tasks: /* @__PURE__ */ new Map(), paths: /* @__PURE__ */ new Set(), fixValue, ...tree !== void 0 ? { tree } : {} });
    if (SEVERITY_RANK[o.severity] > SEVERITY_RANK[g.severity]) g.severity = o.severity;
    if (g.first.reason && !o.reason) g.first = o;
    if (!g.tasks.has(o.task.id)) g.tasks.set(o.task.id, o.task);
    if (o.samples) for (const s of o.samples) g.paths.add(s);
    else g.paths.add(o.path);
    if (o.count && o.count > (g.count ?? 0)) g.count = o.count;
  };
  const treeOfRead = (o) => o.type === "unexpected_read" && !o.toolCache && !(o.dependencyManifest && plan.source === "nx") && !inProject(o.task, o.path) ? treeOf(o.path, ctx.packageRootOf) : void 0;
  const errorTrees = /* @__PURE__ */ new Set();
  for (const o of observations) {
    if (o.reason || o.severity !== "error") continue;
    const tree = treeOfRead(o);
    if (tree !== void 0) errorTrees.add(`${o.task.id}\0${tree}`);
  }
  const byTaskType = /* @__PURE__ */ new Map();
  for (const o of observations) {
    const k = `${o.task.id}\0${o.type}`;
    let list2 = byTaskType.get(k);
    if (!list2) byTaskType.set(k, list2 = []);
    list2.push(o);
  }
  for (const list2 of byTaskType.values()) {
    const first = list2[0];
    const patterns = first.type === "unexpected_read" || first.type === "unexpected_write" ? filePatterns(first.task, list2.map((o) => o.path), first.type === "unexpected_write" ? tracked : void 0) : first.type === "input_mutation" ? mutationPatterns(first.task, list2, tracked) : void 0;
    for (const o of list2) {
      const pattern = patterns?.get(o.path) ?? o.path;
      const kind = o.toolCache ? `cache:${o.toolCache.tool}` : o.reason ?? "";
      let key2;
      let fixValue;
      switch (o.type) {
        case "unexpected_read":
        case "unexpected_write": {
          const tree = treeOfRead(o);
          if (tree !== void 0 && (!o.reason ? o.severity === "error" : errorTrees.has(`${o.task.id}\0${tree}`))) {
            const loc2 = locationKey(o.task.declaredAt?.inputs) ?? `task:${o.task.id}`;
            put(JSON.stringify([o.type, "error", "tree", tree, loc2]), { ...o, severity: "error" }, tree, void 0, tree);
            continue;
          }
          if (o.dependencyManifest && plan.source === "nx") {
            key2 = JSON.stringify([o.type, o.severity, "dependency-manifest"]);
            break;
          }
          const field = o.type === "unexpected_read" ? "inputs" : "outputs";
          const value = toolPattern(plan.source, o.task, pattern);
          const loc = locationKey(o.task.declaredAt?.[field]) ?? `task:${o.task.id}`;
          const arguable = o.reason !== void 0 && !o.toolCache;
          key2 = JSON.stringify([o.type, o.severity, kind, arguable ? "" : value, arguable ? "" : loc]);
          fixValue = JSON.stringify([value, loc]);
          break;
        }
        case "undeclared_dependency":
        case "overlapping_output":
          key2 = JSON.stringify([o.type, o.task.id, o.otherTask]);
          break;
        case "unused_input":
          key2 = JSON.stringify([o.type, o.declared, o.via ?? "", o.via ? "" : locationKey(o.task.declaredAt?.inputs) ?? o.task.id, o.declared?.includes("{projectRoot}") || o.via ? "" : o.path]);
          break;
        case "input_mutation": {
          const value = patterns?.get(o.path);
          key2 = value ? JSON.stringify([o.type, o.severity, kind, toolPattern(plan.source, o.task, value), locationKey(o.task.declaredAt?.inputs) ?? `task:${o.task.id}`]) : JSON.stringify([o.type, o.task.id, o.path, kind]);
          break;
        }
        case "missing_output":
          key2 = o.sharedList ? JSON.stringify([o.type, toolPattern(plan.source, o.task, o.declared ?? o.path), locationKey(o.task.declaredAt?.outputs) ?? o.task.id]) : JSON.stringify([o.type, o.task.id, o.path, kind]);
          break;
        default:
          key2 = JSON.stringify([o.type, o.task.id, o.path, kind]);
      }
      put(key2, o, pattern, fixValue);
    }
  }
  for (const g of groups.values()) if (g.tree !== void 0) g.pattern = treePattern(g.paths);
  mergeToolCacheWrites(groups);
  mergeRootReads(groups);
  const findings = [...groups.values()].map((g) => toFinding(plan, g, fixes));
  findings.sort(compareFindings);
  return findings;
}
function inProject(task2, rel2) {
  return task2.projectRoot === "" || rel2 === task2.projectRoot || rel2.startsWith(task2.projectRoot + "/");
}
function treeOf(rel2, packageRootOf) {
  const slash = rel2.indexOf("/");
  if (slash <= 0 || rel2.startsWith("../")) return void 0;
  return packageRootOf?.(rel2) ?? rel2.slice(0, slash);
}
function treePattern(paths) {
  const list2 = [...paths];
  if (list2.length === 1) return list2[0];
  let parts = list2[0].split("/").slice(0, -1);
  for (const p of list2) {
    const q2 = p.split("/");
    let i = 0;
    while (i < parts.length && i < q2.length - 1 && q2[i] === parts[i]) i++;
    parts = parts.slice(0, i);
  }
  return `${parts.join("/")}/**`;
}
function mutationPatterns(task2, list2, tracked) {
  const both = list2.filter((o) => o.alsoOutput).map((o) => o.path);
  const byPattern = filePatterns(task2, both, tracked);
  const counts = /* @__PURE__ */ new Map();
  for (const p of byPattern.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  const out = /* @__PURE__ */ new Map();
  for (const [rel2, p] of byPattern) if (p !== rel2 && (counts.get(p) ?? 0) >= 2) out.set(rel2, p);
  return out;
}
function filePatterns(task2, paths, tracked) {
  const out = /* @__PURE__ */ new Map();
  const root = task2.projectRoot;
  const outside = [];
  for (const p of paths) {
    if (root !== "" && p.startsWith(root + "/")) {
      const rest = p.slice(root.length + 1);
      const slash = rest.indexOf("/");
      const top = `${root}/${rest.slice(0, slash)}`;
      if (slash !== -1 && tracked?.(top)) {
        const dir = path5.posix.dirname(p);
        out.set(p, tracked(dir) ? p : `${dir}/**`);
      } else out.set(p, slash === -1 ? p : `${top}/**`);
    } else outside.push(p);
  }
  const byDir = /* @__PURE__ */ new Map();
  for (const p of outside) {
    const dir = path5.posix.dirname(p);
    let list2 = byDir.get(dir);
    if (!list2) byDir.set(dir, list2 = []);
    list2.push(p);
  }
  for (const [dir, list2] of byDir) {
    for (const p of list2) out.set(p, list2.length >= 3 && dir !== "." && !tracked?.(dir) ? `${dir}/**` : p);
  }
  return out;
}
function outsideAllProjects(rel2, tasks) {
  for (const t of tasks) if (t.projectRoot === "" || rel2 === t.projectRoot || rel2.startsWith(t.projectRoot + "/")) return false;
  return true;
}
function mergeToolCacheWrites(groups) {
  const plain = /* @__PURE__ */ new Map();
  for (const g of groups.values()) if (g.type === "unexpected_write" && !g.first.toolCache && g.fixValue) plain.set(g.fixValue, g);
  for (const g of [...groups.values()]) {
    if (g.type !== "unexpected_write" || !g.first.toolCache || !g.fixValue) continue;
    const into = plain.get(g.fixValue);
    if (!into) continue;
    groups.delete(g.key);
    for (const [id, t] of g.tasks) into.tasks.set(id, t);
    for (const p of g.paths) into.paths.add(p);
    if (into.count !== void 0) into.count += g.count ?? g.paths.size;
  }
}
function mergeRootReads(groups) {
  const byPattern = /* @__PURE__ */ new Map();
  for (const g of groups.values()) {
    if (g.type !== "unexpected_read" || g.severity !== "error" || g.first.toolCache || g.first.reason || g.first.dependencyManifest) continue;
    const unit = g.tree ?? g.pattern;
    if (!outsideAllProjects(unit, g.tasks.values())) continue;
    let list2 = byPattern.get(unit);
    if (!list2) byPattern.set(unit, list2 = []);
    list2.push(g);
  }
  for (const [unit, list2] of byPattern) {
    const what = list2[0].first.task.declaredAt?.inputs?.what ?? "";
    const tasks = new Set(list2.flatMap((g) => [...g.tasks.keys()]));
    if (list2.length < 2 && !(tasks.size >= 2 && (what.includes("not set") || what.includes("inferred by plugin")))) continue;
    const merged = { ...list2[0], key: `global:${unit}`, tasks: /* @__PURE__ */ new Map(), paths: /* @__PURE__ */ new Set(), global: true };
    for (const g of list2) {
      groups.delete(g.key);
      for (const [id, t] of g.tasks) merged.tasks.set(id, t);
      for (const p of g.paths) merged.paths.add(p);
    }
    if (merged.tree !== void 0) merged.pattern = treePattern(merged.paths);
    groups.set(merged.key, merged);
  }
}
function toFinding(plan, g, fixes) {
  const tasks = [...g.tasks.values()].sort((a, b) => a.id.localeCompare(b.id));
  const task2 = tasks[0];
  const paths = [...g.paths].sort();
  const count = g.count ?? paths.length;
  const o = g.first;
  const who = tasks.length === 1 ? task2.id : `${tasks.length} tasks (${tasks.slice(0, 3).map((t) => t.id).join(", ")}${tasks.length > 3 ? ", ..." : ""})`;
  const fixPattern = g.pattern;
  if ((g.type === "undeclared_dependency" || g.type === "overlapping_output") && paths.length > 1) g.pattern = commonPattern(paths, false);
  if ((g.type === "unexpected_read" || g.type === "unexpected_write" || g.type === "input_mutation") && tasks.length > 1 && !g.global && g.tree === void 0 && paths.length > 1 && !o.reason) {
    const own = task2.projectRoot && fixPattern.startsWith(task2.projectRoot + "/") ? fixPattern.slice(task2.projectRoot.length + 1) : void 0;
    const common = commonPattern(paths, false);
    g.pattern = g.type === "input_mutation" && own?.endsWith("/**") && common.endsWith("/**") ? `${common}/${own}` : commonPattern(paths);
  }
  const what = count === 1 ? paths[0] : `${count} files under ${g.pattern} (e.g. ${paths.slice(0, 2).join(", ")})`;
  const their = tasks.length === 1 ? "its" : "their";
  let message;
  let fix;
  switch (g.type) {
    case "unexpected_read":
      if (o.toolCache) {
        message = `${who} read ${what}: ${o.toolCache.advice}`;
        fix = fixes.toolCache(task2, fixPattern, o.toolCache);
      } else if (o.dependencyManifest && plan.source === "nx") {
        const files = count === 1 ? paths[0] : `e.g. ${paths.slice(0, 3).join(", ")}`;
        message = `${who} read the package.json of ${count === 1 ? "a workspace project" : `${count} workspace projects`} ${tasks.length === 1 ? "it depends" : "they depend"} on (${files}), which ${their} inputs do not cover: module resolution (tsc, bundlers) reads its "exports"/"types"/"main", so a change to it will not invalidate the cache`;
        fix = fixes.dependencyManifests(tasks);
      } else if (o.reason) {
        const files = count === 1 ? paths[0] : `${count} files (e.g. ${paths.slice(0, 3).join(", ")})`;
        message = `${who} read ${files}, which ${their} inputs do not cover (${o.reason})`;
        fix = fixes.arguable(tasks, count === 1 ? paths[0] : commonPattern(paths));
      } else {
        message = `${who} read ${what}, which ${their} inputs do not cover: a change to it will not invalidate the cache`;
        fix = g.global ? fixes.global(tasks, fixPattern) : fixes.add(task2, tasks, "inputs", fixPattern, false, paths);
      }
      break;
    case "unexpected_write":
      if (o.toolCache) {
        message = `${who} wrote ${what}: ${o.toolCache.advice}`;
        fix = fixes.toolCache(task2, fixPattern, o.toolCache);
      } else if (o.reason) {
        const files = count === 1 ? paths[0] : `${count} files (e.g. ${paths.slice(0, 3).join(", ")})`;
        const dirs = [...new Set(paths.map((p) => p.slice(0, Math.max(0, p.lastIndexOf("/")))))].filter(Boolean);
        const patterns = count === 1 ? [paths[0]] : dirs.length <= 10 && g.paths.size === count && paths.every((p) => p.includes("/")) ? dirs.map((d) => `${d}/**`) : [commonPattern(paths, false)];
        message = `${who} wrote ${files}, which ${their} outputs do not cover (${o.reason})`;
        fix = { summary: `nothing to change for correctness; to stop reporting it, ignore these writes with "exclude-writes": ${JSON.stringify(patterns)} in io-trace.config.json`, field: "ignore", add: patterns };
      } else {
        message = `${who} wrote ${what}, which ${their} outputs do not cover: a cache hit will not restore it`;
        fix = fixes.add(task2, tasks, "outputs", fixPattern);
      }
      break;
    case "input_mutation":
      message = o.alsoOutput ? `${who} wrote ${what}, which ${count === 1 ? "is" : "are"} both a declared input and output of ${tasks.length === 1 ? "it" : "them"}: ${their} hash includes what ${tasks.length === 1 ? "it" : "they"} wrote, so a clean checkout and a built one never share a cache entry` : `${who} wrote ${what}, one of its own declared inputs: the next run hashes different inputs`;
      if (o.reason) message = `${who} rewrote ${what}, one of its own declared inputs, ${o.reason}`;
      fix = fixes.inputMutation(task2, fixPattern, o.alsoOutput ?? false);
      if (tasks.length > 1) fix = { ...fix, summary: `${fix.summary} (one edit for ${tasks.length} tasks: ${tasks.slice(0, 3).map((t) => t.id).join(", ")}${tasks.length > 3 ? ", ..." : ""})` };
      break;
    case "undeclared_dependency": {
      const other = plan.tasks.find((t) => t.id === o.otherTask);
      message = `${task2.id} read ${what} produced by ${o.otherTask}, but does not depend on it: the result depends on which task runs first`;
      fix = fixes.add(task2, [task2], "dependsOn", toolTaskRef(plan.source, task2, other), true);
      break;
    }
    case "overlapping_output":
      message = `${task2.id} and ${o.otherTask} both wrote ${what}: the last to finish wins, and each cache entry restores a different version`;
      fix = fixes.overlap(task2, o.otherTask);
      break;
    case "missing_output":
      message = `${tasks.length === 1 ? `${task2.id} declares` : `${who} declare`} output ${toolPattern(plan.source, task2, o.declared ?? o.path)} but nothing it matches exists after the run` + (o.reason ? ` (${o.reason})` : ": check the path, or remove it");
      fix = fixes.missingOutput(task2, o.declared ?? o.path);
      break;
    case "unused_input": {
      const decl = `${o.declared}${o.via ? ` via ${o.via}` : ""}`;
      message = `${who} never opened any of the ${count} file${count === 1 ? "" : "s"} input ${decl} matches (e.g. ${paths[0]}): a change to them causes a needless cache miss`;
      fix = fixes.unused(task2, o.declared ?? o.path, o.via);
      break;
    }
  }
  const path33 = g.type === "unused_input" ? `${o.declared}${o.via ? ` via ${o.via}` : ""}` : count === 1 ? paths[0] : (o.reason && !o.toolCache || o.dependencyManifest) && g.tree === void 0 && (g.type === "unexpected_read" || g.type === "unexpected_write") ? commonPattern(paths, g.type === "unexpected_read") : g.pattern;
  return {
    task: task2.id,
    type: g.type,
    path: path33,
    severity: g.severity,
    message,
    ...fix ? { fix } : {},
    ...o.otherTask ? { otherTask: o.otherTask } : {},
    ...count > 1 || g.type === "unused_input" ? { count } : {},
    ...count > 1 || g.type === "unused_input" ? { samples: paths.slice(0, 10) } : {},
    ...tasks.length > 1 ? { tasks: tasks.map((t) => t.id) } : {},
    ...o.reason ? { reason: o.reason } : {}
  };
}
function compareFindings(a, b) {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || TYPE_RANK[b.type] - TYPE_RANK[a.type] || (b.tasks?.length ?? 1) - (a.tasks?.length ?? 1) || (b.count ?? 1) - (a.count ?? 1) || a.task.localeCompare(b.task) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function commonPattern(paths, withNames = true) {
  const names = new Set(paths.map((p) => path5.posix.basename(p)));
  const parts = paths[0].split("/");
  let n = parts.length - 1;
  for (const p of paths) {
    const q2 = p.split("/");
    let i = 0;
    while (i < n && q2[i] === parts[i]) i++;
    n = i;
  }
  const dir = parts.slice(0, n).join("/");
  const sorted = [...names].sort();
  const tail2 = !withNames ? "**" : sorted.length === 1 ? `**/${sorted[0]}` : sorted.length <= 6 ? `**/{${sorted.join(",")}}` : "**";
  return dir ? `${dir}/${tail2}` : tail2;
}

// src/analysis/task-findings.ts
import path6 from "node:path";
var INTERMEDIATE = "generated and consumed inside the task: it read the files back, git ignores them and no other task reads them, and a cache hit restores the outputs built from them";
function taskObservations(c, io, ctx) {
  const task2 = c.task;
  const out = [];
  const uncovered = [...io.read].filter((rel2) => !readCoveredBy(c, rel2));
  const depRoots = ctx.dependencyRoots?.(task2) ?? /* @__PURE__ */ new Set();
  const isDependencyManifest = (rel2) => path6.posix.basename(rel2) === "package.json" && depRoots.has(path6.posix.dirname(rel2));
  const crawl = crawlReads(ctx.workspaceRoot, task2.projectRoot, uncovered.filter((rel2) => !isDependencyManifest(rel2)), io.read);
  for (const rel2 of uncovered) {
    const producers = ctx.producers(rel2, task2.id);
    if (producers.length > 0) {
      for (const p of producers) if (!ctx.dependsOn(task2.id, p)) out.push({ type: "undeclared_dependency", task: task2, path: rel2, severity: "error", otherTask: p });
      continue;
    }
    if (ctx.kind(rel2) === "dir") continue;
    const cache = toolCacheOf(rel2);
    if (cache) {
      out.push({ type: "unexpected_read", task: task2, path: rel2, severity: "info", toolCache: io.written.has(rel2) ? cache : { ...cache, affectsOutputs: false }, reason: `${toolCacheWhat(cache)}, not an input` });
      continue;
    }
    const rootScript = rel2 === "package.json" && rootScriptRun(ctx.workspaceRoot, task2.projectRoot, task2.target) !== void 0;
    const madeProduct = io.readByPackageManager?.has(rel2) === true && path6.posix.basename(rel2) === "pnpm-workspace.yaml";
    const ancestor = rootScript || madeProduct ? void 0 : arguableReadReason(rel2, task2.projectRoot);
    if (!ancestor && isDependencyManifest(rel2)) {
      out.push({ type: "unexpected_read", task: task2, path: rel2, severity: "error", dependencyManifest: true });
      continue;
    }
    const arguable = ancestor ?? shadowedTsconfigReason(ctx.workspaceRoot, task2.projectRoot, rel2) ?? (crawl.has(rel2) ? "a resolver (e.g. vite-tsconfig-paths) read the tsconfig/package.json files of many folders to find which project owns a file; only the configs the task's own tsconfig extends change its result" : void 0);
    out.push(arguable ? { type: "unexpected_read", task: task2, path: rel2, severity: "info", reason: arguable } : { type: "unexpected_read", task: task2, path: rel2, severity: "error" });
  }
  const outputBases = c.outputs.positives.map((p) => patternBase(p));
  const hashedInput = (rel2) => c.inputs.covers(rel2) && !ctx.foldedButUnhashed?.(rel2, task2);
  const candidates = [...io.readBack ?? []].filter((rel2) => !c.outputs.covers(rel2) && !hashedInput(rel2) && !toolCacheOf(rel2) && ctx.intermediate(rel2, task2.id));
  const producedOutputs = () => [...io.written].some((rel2) => c.outputs.covers(rel2)) || c.outputs.positives.some((p) => ctx.outputExists(p));
  const intermediates = new Set(candidates.length && producedOutputs() ? candidates : []);
  for (const rel2 of io.written) {
    const isInput = hashedInput(rel2);
    if (c.outputs.covers(rel2) && !isInput) continue;
    if (isInput) {
      const same = ctx.contentUnchanged(rel2);
      out.push({
        type: "input_mutation",
        task: task2,
        path: rel2,
        alsoOutput: c.outputs.covers(rel2),
        ...same ? { severity: "info", reason: "rewritten with the same content (it matches git): the hash does not change, but tasks reading it meanwhile race with the rewrite" } : { severity: "warning" }
      });
      continue;
    }
    if (ctx.kind(rel2) === "dir") continue;
    const cache = toolCacheOf(rel2);
    if (cache) {
      const nextToOutputs = cache.affectsOutputs && outputBases.some((b) => b === "" || rel2.startsWith(b + "/"));
      if (cache.affectsOutputs && !nextToOutputs) {
        const reason = `${toolCacheWhat(cache)} (compiler state) written outside the task's declared outputs: a cache hit without it only makes the next real build a full one`;
        out.push({ type: "unexpected_write", task: task2, path: rel2, severity: "info", toolCache: { ...cache, advice: cache.outsideOutputsAdvice ?? cache.advice, optional: true }, reason });
        continue;
      }
      out.push({ type: "unexpected_write", task: task2, path: rel2, severity: nextToOutputs ? "warning" : "info", toolCache: cache, reason: toolCacheWhat(cache) });
      continue;
    }
    if (intermediates.has(rel2)) {
      out.push({ type: "unexpected_write", task: task2, path: rel2, severity: "info", reason: INTERMEDIATE });
      continue;
    }
    out.push({ type: "unexpected_write", task: task2, path: rel2, severity: "error" });
  }
  out.push(...missingOutputs(c, io, ctx, intermediates));
  return out;
}
function missingOutputs(c, io, ctx, intermediates) {
  const task2 = c.task;
  const positives = c.outputs.positives;
  const holds = positives.map((p) => {
    const one2 = compilePatterns([p]);
    for (const rel2 of io.written) if (one2.covers(rel2)) return true;
    return ctx.outputExists(p);
  });
  if (holds.every(Boolean)) return [];
  const uncached = [...io.written].some((rel2) => !c.outputs.covers(rel2) && !c.inputs.covers(rel2) && !toolCacheOf(rel2) && !intermediates.has(rel2) && ctx.kind(rel2) !== "dir");
  const otherHolds = holds.some(Boolean);
  const shared = ctx.sharedOutputs(task2);
  const out = [];
  positives.forEach((p, i) => {
    if (holds[i]) return;
    let severity;
    let reason;
    if (uncached && !otherHolds) severity = "warning";
    else if (shared) return;
    else {
      severity = "info";
      reason = otherHolds ? "the task's files are in its other declared outputs" + (uncached ? "; what it wrote outside them is reported on its own" : ", so nothing goes uncached") : "the task wrote nothing, so nothing goes uncached";
    }
    out.push({ type: "missing_output", task: task2, path: cleanPattern(p), severity, declared: p, ...shared ? { sharedList: true } : {}, ...reason ? { reason } : {} });
  });
  return out;
}

// src/core/events.ts
var ACCESS_OPS = [
  "read",
  //        open(O_RDONLY) of a non-directory, or a file execve'd
  "write",
  //       open with O_WRONLY/O_RDWR, without O_CREAT/O_TRUNC
  "create",
  //      open with O_CREAT (the file may or may not have existed)
  "truncate",
  //    open with O_TRUNC, or truncate()
  "stat",
  //        stat/lstat/newfstatat/statx/access/faccessat/readlink: a probe, not a content read
  "readdir",
  //     open(O_DIRECTORY) or getdents: a directory listing
  "unlink",
  //      unlink/unlinkat (non-directory)
  "rmdir",
  //       rmdir / unlinkat(AT_REMOVEDIR)
  "mkdir",
  //       mkdir/mkdirat
  "rename_from",
  // rename*: the old path
  "rename_to",
  //   rename*: the new path
  "link",
  //        link/symlink: the new path (a write of a directory entry)
  "exec"
  //        execve/execveat of this path (also a read of it)
];
var WRITE_OPS = /* @__PURE__ */ new Set([
  "write",
  "create",
  "truncate",
  "unlink",
  "rename_from",
  "rename_to",
  "link"
]);
var READ_OPS = /* @__PURE__ */ new Set(["read", "exec"]);
var IDENTITY_ENV_VARS = [
  "IO_TRACE_TASK",
  "NX_TASK_TARGET_PROJECT",
  "NX_TASK_TARGET_TARGET",
  "NX_TASK_TARGET_CONFIGURATION",
  "NX_TASK_HASH",
  "TURBO_HASH"
];
var INCOMPLETE_NOTICE_KINDS = /* @__PURE__ */ new Set([
  "lost",
  "truncated_path",
  "io_uring",
  "map_full",
  "tracer_error"
]);

// src/analysis/task-io.ts
var NONE = Number.POSITIVE_INFINITY;
function collectTaskIO(accesses, taskIds, ws, ignore, kind) {
  const uses = /* @__PURE__ */ new Map();
  let unattributedPaths = 0;
  for (const a of accesses) {
    if (a.errno !== 0) continue;
    const isRead = READ_OPS.has(a.op);
    const isWrite = WRITE_OPS.has(a.op);
    if (!isRead && !isWrite) continue;
    const rel2 = ws.relative(a.path);
    if (rel2 === null || rel2 === "") continue;
    if (a.taskId === null || !taskIds.has(a.taskId)) {
      unattributedPaths++;
      continue;
    }
    let perTask = uses.get(a.taskId);
    if (!perTask) uses.set(a.taskId, perTask = /* @__PURE__ */ new Map());
    let u = perTask.get(rel2);
    if (!u) perTask.set(rel2, u = { byPackageManager: false, readAt: NONE, writeAt: NONE, removedAt: -NONE, wroteContent: false });
    if (isRead) u.readAt = Math.min(u.readAt, a.firstTs);
    if (isRead && a.role === "package-manager") u.byPackageManager = true;
    if (isWrite) {
      u.writeAt = Math.min(u.writeAt, a.firstTs);
      if (a.op === "unlink" || a.op === "rename_from") u.removedAt = Math.max(u.removedAt, a.lastTs);
      else u.wroteContent = true;
    }
  }
  const byTask = /* @__PURE__ */ new Map();
  const writers = /* @__PURE__ */ new Map();
  for (const [taskId, perTask] of uses) {
    const io = { read: /* @__PURE__ */ new Set(), written: /* @__PURE__ */ new Set(), readBack: /* @__PURE__ */ new Set(), readByPackageManager: /* @__PURE__ */ new Set() };
    for (const [rel2, u] of perTask) {
      if (u.writeAt !== NONE) {
        const temp = u.removedAt >= u.writeAt && kind(rel2) === "missing" && (u.wroteContent || u.readAt === NONE);
        if (!temp && !ignore.ignoredWrite(taskId, rel2)) {
          io.written.add(rel2);
          let list2 = writers.get(rel2);
          if (!list2) writers.set(rel2, list2 = []);
          list2.push(taskId);
        }
      }
      if (u.readAt !== NONE && !(u.writeAt < u.readAt) && !ignore.ignoredRead(taskId, rel2)) {
        io.read.add(rel2);
        if (u.byPackageManager) io.readByPackageManager.add(rel2);
      } else if (u.readAt !== NONE && io.written.has(rel2)) io.readBack.add(rel2);
    }
    byTask.set(taskId, io);
  }
  return { byTask, writers, unattributedPaths };
}

// src/analysis/workspace-paths.ts
import { lstatSync, realpathSync as realpathSync2 } from "node:fs";
import path7 from "node:path";
var WorkspacePaths = class {
  roots;
  dirCache = /* @__PURE__ */ new Map();
  /** Directory (as traced) -> its workspace-relative form; far fewer entries than paths. */
  relDirCache = /* @__PURE__ */ new Map();
  constructor(workspaceRoot) {
    const real = safeRealpath(workspaceRoot) ?? path7.resolve(workspaceRoot);
    this.roots = [.../* @__PURE__ */ new Set([real, path7.resolve(workspaceRoot)])];
  }
  get root() {
    return this.roots[0];
  }
  /** Workspace-relative path ('' for the root itself), or null when outside the workspace. */
  relative(absPath) {
    const slash = absPath.lastIndexOf("/");
    const base = absPath.slice(slash + 1);
    if (slash <= 0 || base === "" || base === "." || base === "..") return this.compute(absPath);
    const dir = absPath.slice(0, slash);
    let relDir = this.relDirCache.get(dir);
    if (relDir === void 0) {
      relDir = this.compute(dir);
      this.relDirCache.set(dir, relDir);
    }
    if (relDir === null) return null;
    return relDir === "" ? base : `${relDir}/${base}`;
  }
  compute(absPath) {
    const norm = absPath.includes("/.") || absPath.includes("//") || absPath.endsWith("/") ? path7.posix.normalize(absPath).replace(/(.)\/$/, "$1") : absPath;
    const direct = this.underRoot(norm);
    if (direct !== null) {
      return direct;
    }
    const dir = path7.posix.dirname(norm);
    let realDir = this.dirCache.get(dir);
    if (realDir === void 0) {
      realDir = safeRealpath(dir);
      this.dirCache.set(dir, realDir);
    }
    if (realDir === null || realDir === dir) return null;
    return this.underRoot(path7.posix.join(realDir, path7.posix.basename(norm)));
  }
  underRoot(p) {
    for (const root of this.roots) {
      if (p === root) return "";
      if (p.startsWith(root) && p.charCodeAt(root.length) === 47) return p.slice(root.length + 1);
    }
    return null;
  }
  absolute(rel2) {
    return rel2 === "" ? this.root : path7.posix.join(this.root, rel2);
  }
};
function pathKind(abs) {
  try {
    return lstatSync(abs).isDirectory() ? "dir" : "file";
  } catch {
    return "missing";
  }
}
function safeRealpath(p) {
  try {
    return realpathSync2(p);
  } catch {
    return null;
  }
}

// src/analysis/workspace-files.ts
import { readdirSync as readdirSync2 } from "node:fs";
import path8 from "node:path";
function listWorkspaceFiles(root, ignore, bases = [""]) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const walk = (rel2) => {
    if (seen.has(rel2)) return;
    seen.add(rel2);
    let entries;
    try {
      entries = readdirSync2(rel2 === "" ? root : path8.join(root, rel2), { withFileTypes: true });
    } catch (e2) {
      if (e2.code === "ENOTDIR" && rel2 !== "") out.push(rel2);
      return;
    }
    for (const e2 of entries) {
      const child = rel2 === "" ? e2.name : `${rel2}/${e2.name}`;
      if (ignore.ignoredAlways(child)) continue;
      if (e2.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  for (const base of [...new Set(bases)].sort((a, b) => a.length - b.length)) {
    if (bases.some((b) => b !== base && (b === "" || base.startsWith(b + "/")))) continue;
    walk(base);
  }
  return out;
}

// src/analysis/analyse.ts
function analyse(input) {
  const { plan, ignore } = input;
  const kindOf2 = input.pathKind ?? pathKind;
  const ws = new WorkspacePaths(plan.workspaceRoot);
  const tasksById = new Map(plan.tasks.map((t) => [t.id, t]));
  const kindCache = /* @__PURE__ */ new Map();
  const kind = (rel2) => {
    let k = kindCache.get(rel2);
    if (k === void 0) kindCache.set(rel2, k = kindOf2(ws.absolute(rel2)));
    return k;
  };
  const listFiles = input.listFiles ?? ((bases) => listWorkspaceFiles(plan.workspaceRoot, ignore, bases));
  const io = collectTaskIO(input.accesses, new Set(tasksById.keys()), ws, ignore, kind);
  const coverage = coverageModel(plan);
  const results = [];
  const graded = [];
  for (const task2 of plan.tasks) {
    const processes = input.processCounts.get(task2.id) ?? 0;
    const tio = io.byTask.get(task2.id);
    const counts2 = { reads: tio?.read.size ?? 0, writes: tio?.written.size ?? 0, findings: 0 };
    let status;
    if (ignore.excludedTasks.has(task2.id)) status = "excluded";
    else if (input.skippedTasks?.has(task2.id) && processes === 0) status = "skipped";
    else if (input.cachedTasks?.has(task2.id) && processes === 0) status = "cached";
    else if (processes === 0) status = "not-run";
    else if (!coverage.get(task2.id).cacheable) status = "not-cacheable";
    else status = "analyzed";
    const shown = status === "analyzed" || status === "not-cacheable";
    results.push({ taskId: task2.id, status, ...shown ? counts2 : { reads: 0, writes: 0, findings: 0 } });
    if (status === "analyzed") graded.push(coverage.get(task2.id));
  }
  const outputSets = new Map([...coverage].map(([id, c]) => [id, c.outputs]));
  const producers = new Producers(plan.tasks, io.writers, outputSets);
  const deps = new DependencyClosure(plan.tasks);
  const sharedOutputs = tasksByLocation(plan, "outputs");
  const existsMemo = /* @__PURE__ */ new Map();
  const outputExists = (pattern) => {
    let e2 = existsMemo.get(pattern);
    if (e2 === void 0) {
      const one2 = compilePatterns([pattern]);
      e2 = false;
      for (const f of listFiles([patternBase(pattern)])) {
        if (one2.covers(f)) {
          e2 = true;
          break;
        }
      }
      existsMemo.set(pattern, e2);
    }
    return e2;
  };
  const mutated = [];
  for (const c of graded) for (const rel2 of io.byTask.get(c.task.id)?.written ?? []) if (c.inputs.covers(rel2)) mutated.push(rel2);
  const unchanged = mutated.length ? (input.contentUnchanged ?? ((r) => gitContentUnchanged(plan.workspaceRoot, r)))(mutated) : /* @__PURE__ */ new Map();
  const readers = /* @__PURE__ */ new Map();
  for (const [id, tio] of io.byTask) {
    for (const rel2 of tio.read) {
      let list2 = readers.get(rel2);
      if (!list2) readers.set(rel2, list2 = []);
      list2.push(id);
    }
  }
  const folded = (c, rel2) => c.inputs.covers(rel2) && !c.task.inputs.some((p) => p === rel2) && hashedOnlyIfTracked(plan.source, c.task, rel2);
  const foldedWrites = new Set(graded.flatMap((c) => [...io.byTask.get(c.task.id)?.written ?? []].filter((rel2) => folded(c, rel2))));
  const readBack = [...new Set(graded.flatMap((c) => [...io.byTask.get(c.task.id)?.readBack ?? []]))];
  const askGit = [.../* @__PURE__ */ new Set([...readBack, ...foldedWrites])];
  const ignoredByGit = askGit.length ? (input.gitIgnored ?? ((r) => gitIgnoredFiles(plan.workspaceRoot, r)))(askGit) : /* @__PURE__ */ new Set();
  const observations = [];
  const empty = { read: /* @__PURE__ */ new Set(), written: /* @__PURE__ */ new Set() };
  for (const c of graded) {
    observations.push(
      ...taskObservations(c, io.byTask.get(c.task.id) ?? empty, {
        workspaceRoot: ws.root,
        producers: (rel2, self) => producers.of(rel2, self),
        dependsOn: (a, b) => deps.dependsOn(a, b),
        kind,
        outputExists,
        // A list declared once for many tasks, or the tool's default list (nobody wrote it for this task).
        sharedOutputs: (t) => (sharedOutputs.get(locationKey(t.declaredAt?.outputs) ?? "")?.length ?? 0) > 1 || (t.declaredAt?.outputs?.what ?? "").includes("not set"),
        contentUnchanged: (rel2) => unchanged.get(rel2),
        dependencyRoots: (t) => deps.projectRoots(t, tasksById),
        intermediate: (rel2, self) => ignoredByGit.has(rel2) && (readers.get(rel2) ?? []).every((t) => t === self),
        foldedButUnhashed: (rel2) => ignoredByGit.has(rel2) && foldedWrites.has(rel2)
      })
    );
  }
  observations.push(...overlappingOutputs(io.writers, new Set(graded.map((c) => c.task.id)), tasksById));
  const allWritten = new Set(io.writers.keys());
  observations.push(...unusedInputs(plan.source, graded, io.byTask, { listFiles, ignoredRead: (t, rel2) => ignore.ignoredRead(t, rel2), allWritten }));
  const fixes = new FixWriter(plan, { inputs: tasksByLocation(plan, "inputs"), outputs: sharedOutputs, dependsOn: tasksByLocation(plan, "dependsOn") });
  const findings = groupFindings(plan, observations, fixes, {
    tracked: input.trackedDir ?? gitTrackedDirs(plan.workspaceRoot),
    packageRootOf: input.packageRootOf ?? workspacePackageRoots(plan.workspaceRoot)
  });
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) for (const t of f.tasks ?? [f.task]) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const r of results) r.findings = counts.get(r.taskId) ?? 0;
  return { findings, tasks: results, unattributedPaths: io.unattributedPaths };
}
function gitContentUnchanged(root, rels) {
  const out = /* @__PURE__ */ new Map();
  let listing;
  try {
    listing = execFileSync("git", ["-C", root, "ls-files", "-s", "-z", "--", ...rels], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
  } catch {
    return out;
  }
  for (const entry of listing.split("\0")) {
    const m = /^\d+ ([0-9a-f]{40,64}) \d+\t(.*)$/s.exec(entry);
    if (!m) continue;
    const [, blob, rel2] = m;
    try {
      const data = readFileSync4(`${root}/${rel2}`);
      const algo = blob.length === 64 ? "sha256" : "sha1";
      const h = createHash(algo).update(`blob ${data.length}\0`).update(data).digest("hex");
      out.set(rel2, h === blob);
    } catch {
    }
  }
  return out;
}
function hashedOnlyIfTracked(source, task2, rel2) {
  if (source === "nx") return true;
  if (source !== "turbo") return false;
  for (const d of task2.declaredInputs ?? []) {
    if (typeof d !== "string" || d === "$TURBO_DEFAULT$" || d.startsWith("!")) continue;
    const glob = d.startsWith("$TURBO_ROOT$/") ? d.slice("$TURBO_ROOT$/".length) : posix.join(task2.projectRoot, d);
    if ((0, import_picomatch3.default)(glob, { dot: true })(rel2)) return false;
  }
  return true;
}
function gitIgnoredFiles(root, rels) {
  let out;
  try {
    out = execFileSync("git", ["-C", root, "check-ignore", "-z", "--stdin"], { input: rels.join("\0"), encoding: "utf8", stdio: ["pipe", "pipe", "ignore"], maxBuffer: 64 << 20 });
  } catch (e2) {
    out = typeof e2.stdout === "string" ? e2.stdout : "";
  }
  return new Set(out.split("\0").filter(Boolean));
}
function workspacePackageRoots(root) {
  const isPackage = /* @__PURE__ */ new Map();
  return (rel2) => {
    const parts = rel2.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      let p = isPackage.get(dir);
      if (p === void 0) isPackage.set(dir, p = existsSync4(`${root}/${dir}/package.json`) || existsSync4(`${root}/${dir}/project.json`));
      if (p) return dir;
    }
    return void 0;
  };
}
function gitTrackedDirs(root) {
  let dirs;
  return (dir) => {
    if (!dirs) {
      dirs = /* @__PURE__ */ new Set();
      try {
        const out = execFileSync("git", ["-C", root, "ls-files", "-z"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 << 20 });
        for (const f of out.split("\0")) {
          for (let d = f.lastIndexOf("/"); d > 0; d = f.lastIndexOf("/", d - 1)) {
            const parent = f.slice(0, d);
            if (dirs.has(parent)) break;
            dirs.add(parent);
          }
        }
      } catch {
      }
    }
    return dirs.has(dir);
  };
}

// src/report/report.ts
var REPORT_SCHEMA_VERSION = 1;
var ISSUE_SEVERITIES = /* @__PURE__ */ new Set(["error", "warning"]);
function decideStatus(tracer, incompleteReasons, findings) {
  if (tracer === "none") return "not-traced";
  if (incompleteReasons.length > 0) return "incomplete";
  return findings.some((f) => ISSUE_SEVERITIES.has(f.severity)) ? "issues" : "clean";
}
function buildReport(run4, tasks, findings, version) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const withIssues = new Set(findings.filter((f) => ISSUE_SEVERITIES.has(f.severity)).flatMap((f) => f.tasks ?? [f.task]));
  const status = run4.status === "running" || run4.status === "failed" ? decideStatus(run4.tracer, run4.incompleteReasons, findings) : run4.status;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "io-trace", version },
    status,
    incompleteReasons: run4.incompleteReasons,
    tasksAnalyzed: tasks.filter((t) => t.status === "analyzed").length,
    tasksWithIssues: withIssues.size,
    counts,
    run: {
      id: run4.id,
      command: run4.command,
      cwd: run4.cwd,
      workspaceRoot: run4.workspaceRoot,
      planSource: run4.planSource,
      planFile: run4.planFile,
      tracer: run4.tracer,
      tracerVersion: run4.tracerVersion,
      tracerReason: run4.tracerReason,
      startedAt: new Date(run4.startedAt).toISOString(),
      durationMs: run4.endedAt !== null ? Math.round(run4.endedAt - run4.startedAt) : null,
      exitCode: run4.exitCode,
      signal: run4.signal,
      eventCount: run4.eventCount,
      lostEvents: run4.lostEvents,
      stdoutPath: run4.stdoutPath,
      stderrPath: run4.stderrPath,
      logPath: run4.logPath,
      transcriptPath: run4.transcriptPath
    },
    tasks,
    findings
  };
}

// src/config/nx-sandboxing.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync5, readFileSync as readFileSync6 } from "node:fs";
import path10 from "node:path";

// src/plan/file.ts
import { readFileSync as readFileSync5, realpathSync as realpathSync3, statSync as statSync2 } from "node:fs";
import path9 from "node:path";
var INPUT_OBJECT_TYPES = /* @__PURE__ */ new Set(["file", "fileset", "env", "runtime", "external", "other"]);
function loadPlanFile(file) {
  const abs = path9.resolve(file);
  let text;
  try {
    text = readFileSync5(abs, "utf8");
  } catch (e2) {
    const code = e2.code;
    throw new ConfigurationError(
      code === "ENOENT" ? `plan file ${file} does not exist` : `plan file ${file} cannot be read: ${e2.message}`
    );
  }
  return parsePlan(text, abs);
}
function parsePlan(text, file) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e2) {
    const msg = e2.message;
    const offset = jsonErrorOffset(text);
    const where2 = offset !== void 0 ? ` line ${lineAt(text, offset)}` : "";
    throw new ConfigurationError(`plan file ${file}${where2}: not valid JSON (${msg})`);
  }
  const fail = (where2, what) => {
    throw new ConfigurationError(`plan file ${file}${where2}${where2.includes(": task ") ? " " : ": "}${what}`);
  };
  if (!isObject(doc)) fail("", 'the top level must be an object with "version" and "tasks"');
  const top = doc;
  if (top.version !== 1) fail("", `"version" must be 1 (found ${JSON.stringify(top.version)})`);
  if (!Array.isArray(top.tasks)) fail("", '"tasks" must be an array of task objects');
  if (top.workspaceRoot !== void 0 && typeof top.workspaceRoot !== "string") {
    fail("", '"workspaceRoot" must be a string (absolute, or relative to the plan file)');
  }
  const rootGiven = path9.resolve(path9.dirname(file), top.workspaceRoot ?? ".");
  let workspaceRoot;
  try {
    if (!statSync2(rootGiven).isDirectory()) throw new Error("not a directory");
    workspaceRoot = realpathSync3(rootGiven);
  } catch {
    return fail("", `"workspaceRoot" ${rootGiven} is not a directory`);
  }
  const planRel = path9.relative(workspaceRoot, file).split(path9.sep).join("/");
  const tasks = [];
  const seen = /* @__PURE__ */ new Set();
  top.tasks.forEach((raw, index) => {
    const idGuess = isObject(raw) && typeof raw.id === "string" ? raw.id : void 0;
    const taskLine = idGuess !== void 0 ? findLine(text, JSON.stringify(idGuess)) : void 0;
    const where2 = ` line ${taskLine ?? "?"}: task ${idGuess !== void 0 ? JSON.stringify(idGuess) : `#${index + 1}`}`;
    if (!isObject(raw)) fail(` tasks[${index}]`, "each task must be an object");
    const t = raw;
    if (typeof t.id !== "string" || t.id === "") fail(where2, 'has no "id" string');
    const id = t.id;
    if (seen.has(id)) fail(where2, "is listed twice; task ids must be unique");
    seen.add(id);
    const target = t.target;
    if (!isObject(target) || typeof target.project !== "string" || typeof target.target !== "string") {
      fail(where2, 'needs "target": {"project": "...", "target": "..."}');
    }
    const tg = target;
    if (tg.configuration !== void 0 && typeof tg.configuration !== "string") {
      fail(where2, '"target.configuration" must be a string');
    }
    const projectRoot = t.projectRoot === void 0 ? "" : t.projectRoot;
    if (typeof projectRoot !== "string") fail(where2, '"projectRoot" must be a string (workspace-relative)');
    const expand = (p) => expandTokens(p, projectRoot);
    const inputs = [];
    const nonFileInputs = [];
    if (t.inputs !== void 0 && !Array.isArray(t.inputs)) fail(where2, '"inputs" must be an array');
    (t.inputs ?? []).forEach((input, i) => {
      if (typeof input === "string") {
        inputs.push(expand(input));
        return;
      }
      if (isObject(input) && typeof input.type === "string" && typeof input.value === "string") {
        if (!INPUT_OBJECT_TYPES.has(input.type)) {
          fail(where2, `inputs[${i}] has unknown type ${JSON.stringify(input.type)} (use file, env, runtime or external)`);
        }
        if (input.type === "file" || input.type === "fileset") inputs.push(expand(input.value));
        else nonFileInputs.push({ type: input.type, value: input.value });
        return;
      }
      fail(where2, `inputs[${i}] must be a pattern string or {"type": "file", "value": "pattern"}`);
    });
    if (!Array.isArray(t.outputs)) fail(where2, 'has no "outputs" array');
    const outputs = t.outputs.map((o, i) => {
      if (typeof o !== "string") fail(where2, `outputs[${i}] must be a pattern string`);
      return expand(o);
    });
    const deps = t.dependencies ?? [];
    if (!Array.isArray(deps) || deps.some((d) => typeof d !== "string")) {
      fail(where2, '"dependencies" must be an array of task ids');
    }
    const at3 = (key2) => ({
      file: planRel,
      line: findLine(text, `"${key2}"`, text.indexOf(JSON.stringify(id))) ?? taskLine,
      what: `tasks[${index}].${key2}`
    });
    tasks.push({
      id,
      project: tg.project,
      target: tg.target,
      ...tg.configuration !== void 0 ? { configuration: tg.configuration } : {},
      projectRoot: projectRoot.replace(/\/+$/, ""),
      inputs,
      ...nonFileInputs.length ? { nonFileInputs } : {},
      outputs,
      dependsOn: deps,
      declaredAt: { inputs: at3("inputs"), outputs: at3("outputs"), dependsOn: at3("dependencies") }
    });
  });
  for (const task2 of tasks) {
    for (const dep of task2.dependsOn) {
      if (!seen.has(dep)) {
        fail(` line ${task2.declaredAt?.dependsOn?.line ?? "?"}: task ${JSON.stringify(task2.id)}`, `depends on unknown task ${JSON.stringify(dep)}`);
      }
    }
  }
  return { source: "file", workspaceRoot, file, tasks };
}
function expandTokens(pattern, projectRoot) {
  const neg = pattern.startsWith("!") ? "!" : "";
  let p = neg ? pattern.slice(1) : pattern;
  p = p.replace(/^\{workspaceRoot\}\/?/, "").replace(/^\{projectRoot\}/, projectRoot);
  while (p.startsWith("/")) p = p.slice(1);
  return neg + p;
}
function jsonErrorOffset(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail = () => {
    throw i;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (; ; ) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (; ; ) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m[0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\n") fail();
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : void 0;
  } catch (at3) {
    return typeof at3 === "number" ? Math.min(at3, text.length) : void 0;
  }
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
function findLine(text, needle, from = 0) {
  const i = text.indexOf(needle, Math.max(0, from));
  return i < 0 ? void 0 : lineAt(text, i);
}
function toPlanFile(plan, fileDir) {
  const root = path9.relative(fileDir, plan.workspaceRoot).split(path9.sep).join("/") || ".";
  return {
    version: 1,
    workspaceRoot: root,
    tasks: plan.tasks.map((t) => ({
      id: t.id,
      target: { project: t.project, target: t.target, ...t.configuration !== void 0 ? { configuration: t.configuration } : {} },
      projectRoot: t.projectRoot,
      inputs: [...t.inputs, ...(t.nonFileInputs ?? []).map((n) => ({ type: n.type, value: n.value }))],
      outputs: [...t.outputs],
      dependencies: [...t.dependsOn]
    }))
  };
}

// src/config/nx-sandboxing.ts
var NX_SANDBOXING_CONFIG = ".nx/workflows/sandboxing-config.yaml";
function loadNxSandboxingConfig(workspaceRoot, tasks) {
  const file = path10.join(workspaceRoot, NX_SANDBOXING_CONFIG);
  if (!existsSync5(file)) return emptyIgnoreRules();
  let text;
  try {
    text = readFileSync6(file, "utf8");
  } catch (e2) {
    throw new ConfigurationError(`${NX_SANDBOXING_CONFIG} cannot be read: ${e2.message}`);
  }
  return parseNxSandboxingConfig(text, tasks, NX_SANDBOXING_CONFIG);
}
function parseNxSandboxingConfig(text, tasks, where2 = NX_SANDBOXING_CONFIG) {
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e2 = doc.errors[0];
    const line = e2.linePos?.[0]?.line;
    throw new ConfigurationError(`${where2}${line ? ` line ${line}` : ""}: not valid YAML (${e2.message.split("\n")[0]})`);
  }
  const lineOf = (node) => {
    const range = node?.range;
    if (!range) return "";
    let line = 1;
    for (let i = 0; i < range[0] && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return ` line ${line}`;
  };
  const data = doc.toJS();
  const rules = emptyIgnoreRules();
  if (data === null || data === void 0) return rules;
  if (typeof data !== "object" || Array.isArray(data)) throw new ConfigurationError(`${where2}: the top level must be a mapping (exclude-reads, exclude-writes, task-exclusions)`);
  const top = data;
  const list2 = (v, key2, at3) => {
    if (v === void 0 || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new ConfigurationError(`${where2}${at3}: "${key2}" must be a list of glob strings`);
    return v;
  };
  const topNode = (key2) => doc.get(key2, true);
  rules.reads = list2(top["exclude-reads"], "exclude-reads", lineOf(topNode("exclude-reads"))).map((p) => expandTokens(p, ""));
  rules.writes = list2(top["exclude-writes"], "exclude-writes", lineOf(topNode("exclude-writes"))).map((p) => expandTokens(p, ""));
  const entries = top["task-exclusions"];
  if (entries === void 0 || entries === null) return rules;
  const entriesNode = topNode("task-exclusions");
  if (!Array.isArray(entries)) throw new ConfigurationError(`${where2}${lineOf(entriesNode)}: "task-exclusions" must be a list of {project, target, exclude-reads, exclude-writes}`);
  entries.forEach((raw, i) => {
    const at3 = lineOf(entriesNode?.items?.[i]);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new ConfigurationError(`${where2}${at3}: task-exclusions[${i}] must be a mapping with "project" and "target"`);
    }
    const e2 = raw;
    for (const k of ["project", "target"]) {
      if (e2[k] !== void 0 && typeof e2[k] !== "string") throw new ConfigurationError(`${where2}${at3}: task-exclusions[${i}].${k} must be a string`);
    }
    if (e2.project === void 0 && e2.target === void 0) throw new ConfigurationError(`${where2}${at3}: task-exclusions[${i}] names neither "project" nor "target"`);
    const reads = list2(e2["exclude-reads"], `task-exclusions[${i}].exclude-reads`, at3);
    const writes = list2(e2["exclude-writes"], `task-exclusions[${i}].exclude-writes`, at3);
    for (const t of tasks) {
      if (e2.project !== void 0 && e2.project !== t.project || e2.target !== void 0 && e2.target !== t.target) continue;
      if (reads.length === 0 && writes.length === 0) {
        rules.excludedTasks.push(t.id);
        continue;
      }
      const both = (p) => bothWays(p, t.projectRoot);
      const cur = rules.tasks[t.id] ??= { reads: [], writes: [] };
      cur.reads.push(...reads.flatMap(both));
      cur.writes.push(...writes.flatMap(both));
    }
  });
  return rules;
}
function bothWays(pattern, projectRoot) {
  const body = pattern.startsWith("!") ? pattern.slice(1) : pattern;
  if (body.startsWith("{") || projectRoot === "") return [expandTokens(pattern, projectRoot)];
  return [expandTokens(pattern, projectRoot), expandTokens(`{projectRoot}/${body}`, projectRoot)].map((p) => pattern.startsWith("!") && !p.startsWith("!") ? `!${p}` : p);
}

// src/plan/nx.ts
var import_picomatch4 = __toESM(require_picomatch2(), 1);
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync as existsSync6, mkdtempSync, readdirSync as readdirSync3, readFileSync as readFileSync7, realpathSync as realpathSync4, rmSync, statSync as statSync3 } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix as posix2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/plan/nx-child-protocol.ts
var NX_CHILD_REQUEST_ENV = "IO_TRACE_NX_REQUEST";

// src/plan/nx.ts
var MIN_NX_MAJOR = 21;
var MIN_NX_TESTED = "21.2";
var NX_ENV = { NX_DAEMON: "false", CI: "true", NX_NO_CLOUD: "true", NX_TUI: "false" };
var RUNNER_PREFIXES = /* @__PURE__ */ new Set(["npx", "pnpx", "bunx"]);
var PM_EXEC = /* @__PURE__ */ new Set(["pnpm", "yarn", "npm", "bun"]);
function findToolIndex(argv, tool) {
  const isTool = (a) => {
    const base = a.split("/").pop() ?? a;
    return base === tool || base === `${tool}.js` || base === `${tool}.cmd` || base === `${tool}.exe`;
  };
  let i = 0;
  if (argv[i] === "node" || /\/node$/.test(argv[i] ?? "")) {
    i++;
    while (argv[i]?.startsWith("-")) i++;
    if (argv[i] && (isTool(argv[i]) || argv[i].includes(`/${tool}/`))) return i;
    return -1;
  }
  if (argv[i] && RUNNER_PREFIXES.has(argv[i])) {
    i++;
    while (argv[i]?.startsWith("-")) {
      if (argv[i] === "-p" || argv[i] === "--package") i++;
      i++;
    }
  } else if (argv[i] && PM_EXEC.has(argv[i])) {
    i++;
    while (argv[i]?.startsWith("-")) {
      if (argv[i] === "--filter" || argv[i] === "-F" || argv[i] === "-C" || argv[i] === "--dir") i++;
      i++;
    }
    if (argv[i] === "exec" || argv[i] === "dlx" || argv[i] === "x") i++;
    if (argv[i] === "--") i++;
  }
  return argv[i] !== void 0 && isTool(argv[i]) ? i : -1;
}
function splitList(values) {
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}
var NX_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "--parallel",
  "--maxParallel",
  "--max-parallel",
  "--base",
  "--head",
  "--files",
  "--output-style",
  "--outputStyle",
  "--nxBail",
  "--runner",
  "--batch",
  "--tui-auto-exit",
  "--graph",
  "--preset"
]);
function parseNxCommand(argv) {
  const at3 = findToolIndex(argv, "nx");
  if (at3 < 0) return void 0;
  const args = argv.slice(at3 + 1);
  const sub = args[0];
  if (sub === void 0) return void 0;
  const targets = [];
  const projects = [];
  const exclude = [];
  const positionals = [];
  let configuration;
  let all = false;
  let current;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    const eq = a.indexOf("=");
    const name = a.startsWith("-") && eq > 0 ? a.slice(0, eq) : a;
    const inline2 = a.startsWith("-") && eq > 0 ? a.slice(eq + 1) : void 0;
    const list2 = (target) => {
      if (inline2 !== void 0) {
        target.push(inline2);
        current = void 0;
      } else current = target;
    };
    if (name === "-t" || name === "--target" || name === "--targets") list2(targets);
    else if (name === "-p" || name === "--projects" || name === "--project") list2(projects);
    else if (name === "--exclude") list2(exclude);
    else if (name === "-c" || name === "--configuration") {
      configuration = inline2 ?? args[++i];
      current = void 0;
    } else if (name === "--all") {
      all = true;
      current = void 0;
    } else if (a.startsWith("-")) {
      current = void 0;
      if (inline2 === void 0 && NX_VALUE_OPTIONS.has(name) && args[i + 1] && !args[i + 1].startsWith("-")) i++;
    } else if (current) current.push(a);
    else positionals.push(a);
  }
  const clean2 = (l) => splitList(l);
  if (sub === "run") {
    const spec = positionals[0];
    if (!spec) return void 0;
    const parts = spec.split(":");
    if (parts.length < 2) return void 0;
    const conf = parts[2] ?? configuration;
    return { kind: "run", targets: [parts[1]], projects: [parts[0]], tasks: [[parts[0], parts[1], conf].filter(Boolean).join(":")], configuration: conf };
  }
  if (sub === "run-many" || sub === "affected") {
    const t = clean2(targets);
    if (t.length === 0) return void 0;
    const p = clean2(projects);
    const ex = clean2(exclude);
    return {
      kind: sub,
      targets: t,
      ...p.length && !all && sub === "run-many" ? { projects: p } : {},
      ...configuration ? { configuration } : {},
      ...ex.length ? { exclude: ex } : {}
    };
  }
  if (sub.startsWith("-")) return void 0;
  if (sub.includes(":")) {
    const [p, t, c] = sub.split(":");
    const conf = c ?? configuration;
    return { kind: "run", targets: [t], projects: [p], tasks: [[p, t, conf].filter(Boolean).join(":")], configuration: conf };
  }
  const NOT_TARGETS = /* @__PURE__ */ new Set([
    "show",
    "graph",
    "dep-graph",
    "reset",
    "report",
    "list",
    "migrate",
    "generate",
    "g",
    "add",
    "init",
    "release",
    "format",
    "format:check",
    "format:write",
    "daemon",
    "watch",
    "exec",
    "sync",
    "sync:check",
    "repair",
    "import",
    "connect",
    "login",
    "logout",
    "view-logs",
    "print-affected",
    "affected:graph",
    "mcp",
    "configure-ai-agents"
  ]);
  if (NOT_TARGETS.has(sub)) return void 0;
  const project = positionals[0];
  return {
    kind: "target",
    targets: [sub],
    ...project ? { projects: [project], tasks: [[project, sub, configuration].filter(Boolean).join(":")] } : {},
    ...configuration ? { configuration } : {}
  };
}
function locateWorkspaceNx(workspaceRoot) {
  const req = createRequire(join(workspaceRoot, "package.json"));
  let pkgPath;
  try {
    pkgPath = req.resolve("nx/package.json");
  } catch {
    throw new ConfigurationError(
      `nx is not installed in the workspace ${workspaceRoot} (cannot resolve "nx" from there; io-trace uses the workspace's own nx). Install the workspace's dependencies first (npm ci / pnpm install / yarn install), or give io-trace a plan file with --plan.`
    );
  }
  let version = "unknown";
  try {
    version = JSON.parse(readFileSync7(pkgPath, "utf8")).version ?? "unknown";
  } catch {
  }
  return { dir: dirname(pkgPath), version };
}
function requireSupportedNx(version, dir) {
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  if (Number.isFinite(major) && major < MIN_NX_MAJOR) {
    throw new ConfigurationError(
      `nx >= ${MIN_NX_MAJOR} required (found ${version} at ${dir}): io-trace asks the workspace's own nx for each task's inputs and outputs, through APIs older nx lacks. Upgrade nx (\`npx nx migrate latest\`), or give io-trace a plan file with --plan.`
    );
  }
}
function nxChildScript() {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "nx-child.js"), join(here, "..", "nx-child.js"), join(here, "..", "..", "dist", "nx-child.js")];
  const found = candidates.find((c) => existsSync6(c));
  if (!found) throw new Error(`io-trace's Nx plan child (nx-child.js) is missing: looked in ${candidates.join(", ")} (run \`npm run build\`)`);
  return found;
}
function runNode(args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => stdout += d);
    child.stderr.setEncoding("utf8").on("data", (d) => stderr += d);
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
function tail(text, lines = 12) {
  return text.trim().split("\n").slice(-lines).join("\n");
}
async function resolveNxPlan(opts) {
  const started = Date.now();
  const { log } = opts;
  const workspaceRoot = realpathSync4(opts.workspaceRoot);
  if (!(opts.targets?.length || opts.tasks?.length)) {
    throw new ConfigurationError("no Nx targets to plan: pass the nx command (e.g. `npx nx run-many -t build`) or --targets");
  }
  const nx = locateWorkspaceNx(workspaceRoot);
  log.debug(`nx ${nx.version} found at ${nx.dir}`);
  requireSupportedNx(nx.version, nx.dir);
  const tmp = mkdtempSync(join(tmpdir(), "io-trace-nx-"));
  const resultFile = join(tmp, "result.json");
  let res;
  try {
    const request = {
      nxDir: nx.dir,
      workspaceRoot,
      resultFile,
      targets: opts.targets ?? [],
      projects: opts.projects ?? [],
      tasks: opts.tasks ?? [],
      exclude: opts.exclude ?? [],
      configuration: opts.configuration,
      forceCli: opts.method === "cli"
    };
    const env = { ...process.env, ...NX_ENV, [NX_CHILD_REQUEST_ENV]: JSON.stringify(request) };
    const run4 = await runNode([nxChildScript()], workspaceRoot, env);
    let text;
    try {
      text = readFileSync7(resultFile, "utf8");
    } catch {
      text = void 0;
    }
    if (text === void 0) {
      throw new ConfigurationError(
        `nx ${nx.version} in ${workspaceRoot} could not be loaded (exit ${run4.code ?? run4.signal}):
${tail(run4.stderr + run4.stdout)}
Check that \`npx nx show projects\` works in the workspace (reinstall its dependencies if nx is broken).`
      );
    }
    res = JSON.parse(text);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (res.userError) throw new ConfigurationError(`Nx workspace ${workspaceRoot}: ${res.userError}`);
  if (res.crash) {
    if (res.stack) log.debug(res.stack);
    throw new ConfigurationError(
      `nx ${nx.version} in ${workspaceRoot} failed while computing the project graph or task inputs:
${res.crash.trim().split("\n").slice(0, 15).join("\n")}
Run \`npx nx show projects\` in the workspace to see the error; fix the workspace (or its nx install) and retry.`
    );
  }
  let childTasks;
  if (res.fallback) {
    const say = opts.method === "cli" ? log.debug : log.warn;
    say(`nx ${nx.version}: ${res.fallback}; asking \`nx show target\` per task (one project graph per task: slow)`);
    childTasks = await showTargetFallback(workspaceRoot, nx.dir, nx.version, res.ids ?? [], log);
  } else {
    childTasks = res.tasks ?? [];
    const t = res.timings ?? {};
    log.debug(`nx ${res.method}: project graph ${t.graphMs} ms, task graph ${t.taskGraphMs} ms, inputs ${t.inputsMs} ms, rest ${t.restMs} ms`);
  }
  const locator = new ConfigLocator(workspaceRoot, res.nxJsonPlugins ?? []);
  const limits = { projectRoots: childTasks.map((t) => t.projectRoot), outputs: childTasks.flatMap((t) => t.outputs) };
  const tasks = [];
  for (const ct of childTasks) tasks.push(toPlanTask(ct, childTasks, workspaceRoot, locator, limits, log, res.cacheableOperations ?? null));
  log.debug(`planned ${tasks.length} Nx task(s) with nx ${nx.version} in ${Date.now() - started} ms`);
  return { source: "nx", workspaceRoot, toolVersion: nx.version, tasks };
}
function toPlanTask(ct, all, workspaceRoot, locator, limits, log, cacheableOperations = null) {
  const hi = ct.hashInputs ?? { files: [], runtime: [], environment: [], depOutputs: [], external: [] };
  if (!ct.hashInputs) log.warn(`nx gave no hash inputs for ${ct.id}; its inputs are treated as empty`);
  for (const u of ct.unresolvedOutputs) {
    log.warn(`${ct.id}: output "${u}" names an option with no value, so Nx caches nothing for it`);
  }
  const byId = new Map(all.map((t) => [t.id, t]));
  const depPatterns = dependentOutputPatterns(ct, byId, log);
  const inputs = [...compressFiles(workspaceRoot, hi.files, limits), ...depPatterns];
  const matchers2 = depPatterns.map((p) => (0, import_picomatch4.default)(p, { dot: true }));
  for (const f of hi.depOutputs) if (!matchers2.some((m) => m(f)) && !inputs.includes(f)) inputs.push(f);
  const nonFileInputs = [
    ...hi.environment.map((value) => ({ type: "env", value })),
    ...hi.runtime.map((value) => ({ type: "runtime", value })),
    ...hi.external.map((value) => ({ type: "external", value }))
  ];
  const identity = { NX_TASK_TARGET_PROJECT: ct.project, NX_TASK_TARGET_TARGET: ct.target };
  if (ct.configuration) identity.NX_TASK_TARGET_CONFIGURATION = ct.configuration;
  const declaredAt = {};
  for (const field of ["inputs", "outputs", "dependsOn"]) {
    const loc = locator.locate(ct, field);
    if (loc) declaredAt[field] = loc;
  }
  return {
    id: ct.id,
    project: ct.project,
    target: ct.target,
    ...ct.configuration ? { configuration: ct.configuration } : {},
    projectRoot: ct.projectRoot,
    inputs,
    nonFileInputs,
    outputs: ct.outputs.map((o) => o.replace(/\\/g, "/")),
    dependsOn: [...ct.dependsOn].sort(),
    identity,
    ...ct.commands?.length ? { commands: ct.commands } : {},
    ...isCacheable(ct, cacheableOperations) ? {} : { cacheable: false },
    ...ct.declaredInputs ? { declaredInputs: ct.declaredInputs } : {},
    ...ct.namedInputs && Object.keys(ct.namedInputs).length ? { namedInputs: ct.namedInputs } : {},
    declaredAt
  };
}
function isCacheable(ct, cacheableOperations) {
  if (ct.continuous) return false;
  if (ct.cache === void 0) return true;
  if (ct.cache !== null) return ct.cache;
  return cacheableOperations?.includes(ct.target) ?? false;
}
var GLOB_CHARS = /[*?[\]{}()!]/;
function dependentOutputPatterns(ct, byId, log) {
  const out = [];
  for (const d of ct.depsOutputs) {
    const glob = d.dependentTasksOutputFiles.replace(/\\/g, "/");
    const upstream = /* @__PURE__ */ new Set();
    const walk = (id) => {
      for (const dep of byId.get(id)?.dependsOn ?? []) {
        if (upstream.has(dep)) continue;
        upstream.add(dep);
        if (d.transitive) walk(dep);
      }
    };
    walk(ct.id);
    for (const uid of [...upstream].sort()) {
      const u = byId.get(uid);
      if (!u) continue;
      for (const o of u.outputs) {
        if (o.startsWith("!")) continue;
        for (const p of intersectOutputGlob(o.replace(/\/+$/, ""), glob, log, ct.id)) if (!out.includes(p)) out.push(p);
      }
    }
  }
  return out;
}
function intersectOutputGlob(output, glob, log, id) {
  const isMatch = (0, import_picomatch4.default)(glob, { dot: true });
  if (glob === "**" || glob === "**/*") return [output];
  if (!GLOB_CHARS.test(output)) {
    const res = [];
    if (isMatch(output)) res.push(output);
    if (glob.startsWith("**/")) res.push(`${output}/${glob}`);
    else if (glob.startsWith(`${output}/`)) res.push(glob);
    else if (!isMatch(output)) {
      log.debug(`${id}: dependentTasksOutputFiles "${glob}" within output "${output}" kept as "${glob}" (not expressible exactly)`);
      res.push(glob);
    }
    return res;
  }
  const m = /^(.*?)\/\*\*(?:\/\*)?$/.exec(output);
  if (m && glob.startsWith("**/")) return [`${m[1]}/${glob}`];
  log.debug(`${id}: dependentTasksOutputFiles "${glob}" within output glob "${output}" kept as "${output}" (over-approximated)`);
  return [output];
}
function compressFiles(workspaceRoot, files, limits) {
  const set = new Set(files);
  const bases = limits.outputs.map((o) => import_picomatch4.default.scan(o.replace(/^!/, "")).base.replace(/\/+$/, "")).filter(Boolean);
  const blocked = (d) => limits.projectRoots.some((r) => r === d || r.startsWith(`${d}/`)) || bases.some((b) => b === d || b.startsWith(`${d}/`) || d.startsWith(`${b}/`));
  const dirsWithInputs = /* @__PURE__ */ new Set();
  for (const f of files) {
    for (let d = posix2.dirname(f); d !== "." && d !== "/" && d !== ""; d = posix2.dirname(d)) dirsWithInputs.add(d);
  }
  const memo = /* @__PURE__ */ new Map();
  const covered = (dir) => {
    const known = memo.get(dir);
    if (known !== void 0) return known;
    let ok = dirsWithInputs.has(dir) && !blocked(dir);
    if (ok) {
      try {
        for (const e2 of readdirSync3(join(workspaceRoot, dir), { withFileTypes: true })) {
          const rel2 = `${dir}/${e2.name}`;
          if (e2.isDirectory()) ok = covered(rel2);
          else ok = set.has(rel2);
          if (!ok) break;
        }
      } catch {
        ok = false;
      }
    }
    memo.set(dir, ok);
    return ok;
  };
  const out = [];
  const emitted = /* @__PURE__ */ new Set();
  for (const f of [...files].sort()) {
    let top;
    for (let d = posix2.dirname(f); d !== "." && d !== ""; d = posix2.dirname(d)) if (covered(d)) top = d;
    const p = top ?? f;
    if (!emitted.has(p)) {
      emitted.add(p);
      out.push(p);
    }
  }
  return out;
}
var CORE_PLUGINS = /* @__PURE__ */ new Set(["nx/core/project-json", "nx/core/package-json", "nx/target-defaults", "nx/core/target-defaults"]);
var ConfigLocator = class {
  constructor(root, plugins) {
    this.root = root;
    this.plugins = plugins;
  }
  root;
  plugins;
  parsed = /* @__PURE__ */ new Map();
  json(file) {
    if (!this.parsed.has(file)) {
      let node;
      try {
        node = parseJsonWithLines(readFileSync7(join(this.root, file), "utf8"));
      } catch {
        node = void 0;
      }
      this.parsed.set(file, node);
    }
    return this.parsed.get(file);
  }
  at(file, path33, what) {
    const hit = jsonKeyLine(this.json(file), path33);
    return { file, ...hit ? { line: hit.line } : {}, what };
  }
  /** The targetDefaults key that applies to a target (its name, its executor, or a glob), as Nx picks it. */
  targetDefaultsKey(target, executor, field) {
    const td = jsonChild(this.json("nx.json"), ["targetDefaults"]);
    if (!td?.members) return void 0;
    const has = (k) => td.members.get(k)?.members?.has(field);
    if (has(target)) return target;
    if (executor && has(executor)) return executor;
    for (const k of td.members.keys()) if (GLOB_CHARS.test(k) && import_picomatch4.default.isMatch(target, k) && has(k)) return k;
    return void 0;
  }
  pluginEntry(plugin) {
    const list2 = jsonChild(this.json("nx.json"), ["plugins"]);
    if (!list2?.items) return void 0;
    const stem = (s) => (s.split("/").pop() ?? s).replace(/\.[cm]?[jt]s$/, "");
    const idx = this.plugins.findIndex((p) => p === plugin || stem(p) === stem(plugin));
    const entry = idx >= 0 ? list2.items[idx] : void 0;
    return entry?.line ?? list2.keyLine;
  }
  locate(ct, field) {
    const src = ct.sourceMap[field];
    const tgt = ct.sourceMap.target;
    if (src) {
      const [where2, plugin] = src;
      const [file, anchor] = where2.split("#");
      if (file === "nx.json" || plugin === "nx/target-defaults") {
        const key3 = anchor?.startsWith("targetDefaults.") ? anchor.slice("targetDefaults.".length) : this.targetDefaultsKey(ct.target, ct.executor, field);
        if (key3 !== void 0) return this.at("nx.json", ["targetDefaults", key3, field], `targetDefaults.${key3}.${field}`);
      }
      if (plugin && !CORE_PLUGINS.has(plugin)) {
        const line = this.pluginEntry(plugin);
        return { file: "nx.json", ...line ? { line } : {}, what: `targets.${ct.target}.${field} inferred by plugin ${plugin} from ${file}` };
      }
      return this.fieldIn(file, ct.target, field);
    }
    const key2 = this.targetDefaultsKey(ct.target, ct.executor, field);
    if (key2 !== void 0) return this.at("nx.json", ["targetDefaults", key2, field], `targetDefaults.${key2}.${field}`);
    if (tgt) {
      const [file] = tgt[0].split("#");
      if (tgt[1] && !CORE_PLUGINS.has(tgt[1])) {
        const line = this.pluginEntry(tgt[1]);
        return { file: "nx.json", ...line ? { line } : {}, what: `targets.${ct.target}.${field} (not set by plugin ${tgt[1]}: Nx default)` };
      }
      const loc = this.fieldIn(file, ct.target, field);
      return { ...loc, what: `${loc.what} (not set: Nx default)` };
    }
    return void 0;
  }
  fieldIn(file, target, field) {
    if (file.endsWith("package.json")) {
      const root = this.json(file);
      if (!jsonChild(root, ["nx", "targets", target]) && jsonChild(root, ["scripts", target])) {
        return this.at(file, ["scripts", target], `scripts.${target}`);
      }
      return this.at(file, ["nx", "targets", target, field], `nx.targets.${target}.${field}`);
    }
    return this.at(file, ["targets", target, field], `targets.${target}.${field}`);
  }
};
async function showTargetFallback(workspaceRoot, nxDir, version, ids, log) {
  const bin = existsAny([join(nxDir, "dist", "bin", "nx.js"), join(nxDir, "bin", "nx.js")]);
  const env = { ...process.env, ...NX_ENV };
  const show = async (args) => {
    const r = await runNode([bin, "show", ...args, "--json"], workspaceRoot, env);
    if (r.code !== 0 && /Commands:|Unknown argument|Not enough non-option arguments|Usage:/.test(r.stderr + r.stdout) && !/"/.test(r.stdout.slice(0, 200))) {
      throw new ConfigurationError(
        `nx ${version} in ${workspaceRoot} cannot describe its tasks to io-trace: it has neither HashPlanInspector, check-task-files, nor \`nx show target\`. io-trace needs nx >= ${MIN_NX_TESTED} (tested: 21.2.4, 21.6.11, 22.1.3, 22.6.5, 22.7.12, 24.0.6): upgrade nx, or give io-trace a plan file with --plan.`
      );
    }
    if (r.code !== 0) throw new ConfigurationError(`\`nx show ${args.join(" ")} --json\` failed in ${workspaceRoot}:
${tail(r.stderr + r.stdout)}`);
    return JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
  };
  const out = [];
  for (const id of ids) {
    const [project, target, configuration] = id.split(":");
    const c = configuration ? ["-c", configuration] : [];
    const spec = `${project}:${target}`;
    const [desc, ins, outs, proj] = await Promise.all([
      show(["target", spec, ...c]),
      show(["target", "inputs", spec, ...c]),
      show(["target", "outputs", spec, ...c]),
      show(["project", project])
    ]);
    const sm = desc.sourceMap ?? {};
    const inputsDecl = desc.inputs ?? [];
    const depsOutputs = inputsDecl.filter(
      (i) => typeof i === "object" && i !== null && "dependentTasksOutputFiles" in i
    );
    out.push({
      id,
      project,
      target,
      configuration: configuration ?? null,
      projectRoot: proj.root === "." ? "" : proj.root ?? "",
      executor: desc.executor ?? null,
      hashInputs: {
        files: ins.files ?? [],
        runtime: ins.runtime ?? [],
        environment: ins.environment ?? [],
        depOutputs: ins.depOutputs ?? [],
        external: ins.external ?? []
      },
      outputs: outs.outputPaths ?? [],
      unresolvedOutputs: [],
      depsOutputs,
      dependsOn: (desc.dependsOn ?? []).filter((d) => ids.includes(d)),
      cache: typeof desc.cache === "boolean" ? desc.cache : null,
      continuous: desc.continuous === true,
      declaredInputs: inputsDecl,
      sourceMap: { target: sm.target ?? null, inputs: sm.inputs ?? null, outputs: sm.outputs ?? null, dependsOn: sm.dependsOn ?? null }
    });
    log.debug(`nx show target ${spec}: done`);
  }
  return out;
}
function existsAny(paths) {
  for (const p of paths) {
    try {
      if (statSync3(p).isFile()) return p;
    } catch {
    }
  }
  return paths[0];
}

// src/run/cache-hits.ts
var PARSED_OUTPUT_LINE = /cache|nx run/i;
var NX_TASK_LINE = /\bnx run (\S+)/;
var TURBO_TASK_LINE = /^(\S+?): cache (?:bypass|miss|hit)\b(?:.*?\b([0-9a-f]{16})\b)?/;
var SKIP_CACHE_FLAG = { nx: "--skip-nx-cache", turbo: "--force" };
var ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;
var NX_CACHED = /nx run (\S+?)\s+\[(local cache|remote cache|existing outputs match the cache, left as is)\]/;
var TURBO_CACHED = /^(?:(\S+?): )?cache hit(?: \(outputs already on disk\))?, (?:replaying|suppressing) logs ([0-9a-f]{8,})/;
function parseCacheHits(plan, output) {
  const cached = /* @__PURE__ */ new Set();
  const evidence = /* @__PURE__ */ new Map();
  if (plan.source !== "nx" && plan.source !== "turbo") return { cached, evidence };
  const ids = new Set(plan.tasks.map((t) => t.id));
  const byHash = /* @__PURE__ */ new Map();
  for (const t of plan.tasks) if (t.identity?.TURBO_HASH) byHash.set(t.identity.TURBO_HASH, t.id);
  for (const raw of output.split(/\r?\n|\r/)) {
    const line = raw.replace(ANSI, "").trim();
    if (plan.source === "nx") {
      const m = NX_CACHED.exec(line);
      if (m && ids.has(m[1])) {
        cached.add(m[1]);
        evidence.set(m[1], `nx printed [${m[2]}]`);
      }
    } else {
      const m = TURBO_CACHED.exec(line);
      if (!m) continue;
      const id = byHash.get(m[2]) ?? (m[1] ? m[1].replace(/:(?=[^:]*$)/, "#") : void 0);
      if (id !== void 0 && ids.has(id)) {
        cached.add(id);
        evidence.set(id, 'turbo printed "cache hit"');
      }
    }
  }
  return { cached, evidence };
}
function commandSkipsCache(source, command) {
  const at3 = findToolIndex(command, source);
  if (at3 < 0) return false;
  const args = command.slice(at3 + 1);
  const end = args.indexOf("--");
  const own = end >= 0 ? args.slice(0, end) : args;
  if (source === "nx") return own.some((a) => a === "--skip-nx-cache" || a === "--skipNxCache" || a === "--skip-nx-cache=true" || a === "--skipNxCache=true");
  return own.some((a) => a === "--force" || a === "--force=true");
}
function detectCacheHits(input) {
  const { plan } = input;
  const hits = parseCacheHits(plan, input.output);
  if (plan.source !== "nx" && plan.source !== "turbo") return hits;
  for (const id of [...hits.cached]) {
    if ((input.processCounts.get(id) ?? 0) > 0) {
      hits.cached.delete(id);
      hits.evidence.delete(id);
    }
  }
  const named = plan.source === "nx" ? nxNamedTasks(input.output) : turboNamedTasks(plan, input.output);
  if (input.exitCode === 0 && named.size > 0) {
    hits.skipped = new Set(plan.tasks.filter((t) => !named.has(t.id) && !hits.cached.has(t.id) && (input.processCounts.get(t.id) ?? 0) === 0).map((t) => t.id));
  }
  if (input.exitCode === 0 && !commandSkipsCache(plan.source, input.command)) {
    for (const t of plan.tasks) {
      if (hits.cached.has(t.id) || hits.skipped?.has(t.id) || (input.processCounts.get(t.id) ?? 0) > 0) continue;
      hits.cached.add(t.id);
      hits.evidence.set(t.id, `no process ran for it in a successful build that did not pass ${SKIP_CACHE_FLAG[plan.source]}`);
    }
  }
  return hits;
}
function nxNamedTasks(output) {
  const named = /* @__PURE__ */ new Set();
  for (const raw of output.split(/\r?\n|\r/)) {
    const m = NX_TASK_LINE.exec(raw.replace(ANSI, ""));
    if (m) named.add(m[1]);
  }
  return named;
}
function turboNamedTasks(plan, output) {
  const byHash = /* @__PURE__ */ new Map();
  for (const t of plan.tasks) if (t.identity?.TURBO_HASH) byHash.set(t.identity.TURBO_HASH, t.id);
  const named = /* @__PURE__ */ new Set();
  for (const raw of output.split(/\r?\n|\r/)) {
    const m = TURBO_TASK_LINE.exec(raw.replace(ANSI, "").trim());
    if (!m) continue;
    named.add((m[2] && byHash.get(m[2])) ?? m[1].replace(/:(?=[^:]*$)/, "#"));
  }
  return named;
}
var TURBO_EXECUTING = /^(\S+?): cache (?:miss|bypass), (?:force )?executing ([0-9a-f]{16})\b/;
function turboRunHashes(plan, output) {
  const ids = new Set(plan.tasks.map((t) => t.id));
  const planned = new Set(plan.tasks.map((t) => t.identity?.TURBO_HASH));
  const out = /* @__PURE__ */ new Map();
  for (const raw of output.split(/\r?\n|\r/)) {
    const m = TURBO_EXECUTING.exec(raw.replace(ANSI, "").trim());
    if (!m || planned.has(m[2])) continue;
    const id = m[1].replace(/:(?=[^:]*$)/, "#");
    if (ids.has(id)) out.set(m[2], id);
  }
  return out;
}
function cachedTaskReason(source, taskId, evidence) {
  const tool = source === "nx" || source === "turbo" ? source : "the build tool";
  const flag = source === "nx" || source === "turbo" ? SKIP_CACHE_FLAG[source] : "its option to skip the cache";
  return `task ${taskId}: restored from the ${tool} cache${evidence ? ` (${evidence})` : ""}, so nothing ran and it was not checked: rerun with ${flag} to trace it`;
}

// src/run/analyse-run.ts
function analyseRun(store, runId, options) {
  const stored = store.getRun(runId);
  if (!stored) throw new Error(`run ${runId} not found`);
  const run4 = { ...stored, ...options.run };
  const recorded = store.loadTasks(runId);
  const current = new Map((options.plan?.tasks ?? []).map((t) => [t.id, t]));
  const tasks = recorded.map((t) => current.get(t.id) ?? t);
  const plan = {
    source: run4.planSource ?? "file",
    workspaceRoot: run4.workspaceRoot ?? run4.cwd,
    tasks,
    ...run4.planFile ? { file: run4.planFile } : {}
  };
  const storedTasks = store.taskStatuses(runId);
  const cachedTasks = options.cachedTasks ?? new Set(storedTasks.filter((t) => t.status === "cached").map((t) => t.taskId));
  const skippedTasks = options.skippedTasks ?? new Set(storedTasks.filter((t) => t.status === "skipped").map((t) => t.taskId));
  const processes = store.loadProcesses(runId);
  const processCounts = /* @__PURE__ */ new Map();
  const taskTimes = /* @__PURE__ */ new Map();
  for (const p of processes) {
    if (p.taskId === null) continue;
    processCounts.set(p.taskId, (processCounts.get(p.taskId) ?? 0) + 1);
    const t = taskTimes.get(p.taskId) ?? { start: Infinity, end: -Infinity };
    if (p.startedAt !== null) t.start = Math.min(t.start, p.startedAt);
    if (p.endedAt !== null) t.end = Math.max(t.end, p.endedAt);
    taskTimes.set(p.taskId, t);
  }
  const result = run4.tracer === "none" ? { findings: [], tasks: tasks.map((t) => ({ taskId: t.id, status: "untraced", reads: 0, writes: 0, findings: 0 })), unattributedPaths: 0 } : analyse({
    plan,
    // A package manager whose product the task used (`pnpm pack` in a build script) worked for the task.
    accesses: store.taskAccesses(runId, { successfulOnly: true, taskOf: store.packageManagerProducts(runId, processes) }),
    ignore: new IgnoreMatcher(mergeIgnoreRules(toolDefaultIgnores(plan), loadNxSandboxingConfig(plan.workspaceRoot, tasks), options.ignore), options.extraIgnores ?? []),
    processCounts,
    cachedTasks,
    skippedTasks
  });
  const reasons = options.traceReasons ? [...options.traceReasons] : store.traceIncompleteReasons(runId);
  if (run4.tracer !== "none") {
    for (const t of result.tasks) {
      if (t.status === "cached") reasons.push(cachedTaskReason(plan.source, t.taskId, options.cacheEvidence?.get(t.taskId)));
      if (t.status === "not-run") reasons.push(`task ${t.taskId}: no traced process ran for it (it did not run, or ran outside the traced process tree)`);
    }
  }
  let incompleteReasons = [...new Set(reasons)];
  let status = decideStatus(run4.tracer, incompleteReasons, result.findings);
  if (options.save === false) return buildReport({ ...run4, status, incompleteReasons }, result.tasks, result.findings, IO_TRACE_VERSION);
  try {
    store.db.transaction(() => {
      store.replaceFindings(runId, result.findings);
      store.updateTaskStatus(
        runId,
        result.tasks.map((t) => {
          const times = taskTimes.get(t.taskId);
          return {
            taskId: t.taskId,
            status: t.status,
            processCount: processCounts.get(t.taskId) ?? 0,
            startedAt: times && Number.isFinite(times.start) ? times.start : null,
            endedAt: times && Number.isFinite(times.end) ? times.end : null
          };
        })
      );
      store.updateRun(runId, { status, incompleteReasons });
    });
  } catch (e2) {
    if (!options.onSaveError) throw e2;
    incompleteReasons = [.../* @__PURE__ */ new Set([...incompleteReasons, options.onSaveError(e2)])];
    status = decideStatus(run4.tracer, incompleteReasons, result.findings);
    try {
      store.updateRun(runId, { status, incompleteReasons });
    } catch {
    }
  }
  return buildReport({ ...run4, status, incompleteReasons }, result.tasks, result.findings, IO_TRACE_VERSION);
}

// src/report/text.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
function displayPath(p) {
  return CONTROL.test(p) ? JSON.stringify(p) : p;
}
function displayCommand(argv) {
  return argv.map((a) => CONTROL.test(a) ? JSON.stringify(a) : /[\s'"\\$`]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a).join(" ");
}
function findingWho(f, max = 3) {
  if (f.tasks && f.tasks.length > 1) return `${f.tasks.length} tasks (${f.tasks.slice(0, max).join(", ")}${f.tasks.length > max ? ", ..." : ""})`;
  return f.otherTask ? `${f.task} (with ${f.otherTask})` : f.task;
}
function findingWhat(f) {
  if (f.count && f.count > 1) return `${f.path} (${f.count} files)`;
  return f.path;
}
function fixText(fix) {
  if (!fix.file) return fix.summary;
  const loc = `${fix.file}${fix.line ? `:${fix.line}` : ""}`;
  return fix.summary.includes(loc) || fix.summary.includes(`in ${fix.file}`) ? fix.summary : `${fix.summary} (${loc})`;
}

// src/report/terminal.ts
var STATUS_WORD = {
  clean: "clean",
  issues: "ISSUES FOUND",
  incomplete: "INCOMPLETE (cannot vouch for a clean result)",
  "not-traced": "NOT TRACED"
};
function formatTerminalSummary(report, options = {}) {
  const top = options.top ?? 10;
  const c = colorizer(options.color ?? false);
  const lines = [];
  const r = report.run;
  const build = r.signal ? `build killed by ${r.signal}` : `build exit ${r.exitCode}`;
  const tracer = r.tracer === "none" ? "untraced" : `${r.tracer}${r.tracerVersion ? " " + r.tracerVersion : ""}`;
  const statusColor2 = report.status === "clean" ? c.green : report.status === "issues" ? c.red : c.yellow;
  lines.push(`io-trace: ${options.unsaved ? "run (not saved)" : `run ${r.id}`}: ${statusColor2(STATUS_WORD[report.status])} (${build}, ${tracer}, ${r.eventCount.toLocaleString("en-US")} events)`);
  lines.push(`  command: ${displayCommand(r.command)}`);
  const notRun = report.tasks.filter((t) => t.status === "not-run").length;
  const skipped = report.tasks.filter((t) => t.status === "skipped").length;
  const cached = report.tasks.filter((t) => t.status === "cached").length;
  const notCacheable = report.tasks.filter((t) => t.status === "not-cacheable").length;
  lines.push(
    `  tasks analysed: ${report.tasksAnalyzed}, with issues: ${report.tasksWithIssues}` + (notRun ? `, not run: ${notRun}` : "") + (skipped ? `, not part of this build: ${skipped}` : "") + (cached ? `, from cache (not traced): ${cached}` : "") + (notCacheable ? `, never cached (not graded): ${notCacheable}` : "")
  );
  const { error, warning, info } = report.counts;
  lines.push(`  findings: ${error} error${error === 1 ? "" : "s"}, ${warning} warning${warning === 1 ? "" : "s"}, ${info} info`);
  let infos = 0;
  for (const f of report.findings) {
    if (f.severity === "info" && infos++ >= top) continue;
    const sev = f.severity === "error" ? c.red("error  ") : f.severity === "warning" ? c.yellow("warning") : c.dim("info   ");
    lines.push(`  ${sev} ${f.type.padEnd(21)} ${displayPath(findingWho(f))}  ${displayPath(findingWhat(f))}`);
    if (f.samples && f.count && f.count > 1) lines.push(`          files: ${f.samples.slice(0, 3).map(displayPath).join(", ")}${f.count > 3 ? ", ..." : ""}`);
    if (f.reason) lines.push(`          note: ${displayPath(f.reason)}`);
    if (f.fix) lines.push(`          fix: ${displayPath(fixText(f.fix))}`);
  }
  if (infos > top && !options.unsaved) {
    lines.push(`  ...and ${infos - top} more info finding${infos - top === 1 ? "" : "s"}: io-trace findings ${r.id}${options.dbPath ? ` --db ${options.dbPath}` : ""}`);
  }
  if (report.incompleteReasons.length) {
    lines.push(`  ${c.yellow("trace incomplete:")}`);
    for (const why of report.incompleteReasons) lines.push(`    - ${displayPath(why)}`);
  } else if (report.status !== "not-traced") {
    lines.push("  trace: complete");
  }
  if (r.tracerReason && (report.status === "not-traced" || r.tracer !== "bpftrace")) lines.push(`  tracer: ${displayPath(r.tracerReason)}`);
  if (options.dbPath) lines.push(`  database: ${displayPath(options.dbPath)}`);
  return lines.join("\n") + "\n";
}
function colorizer(on) {
  const wrap = (code) => (s) => on ? `\x1B[${code}m${s}\x1B[0m` : s;
  return { red: wrap("31"), green: wrap("32"), yellow: wrap("33"), dim: wrap("2") };
}

// src/store/store.ts
import { accessSync, constants, copyFileSync, existsSync as existsSync8, mkdtempSync as mkdtempSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import path12 from "node:path";

// src/store/schema.ts
var SCHEMA_VERSION = 2;
var MIGRATIONS = {
  2: `
ALTER TABLE runs ADD COLUMN log_path TEXT;
ALTER TABLE runs ADD COLUMN transcript_times_path TEXT;
ALTER TABLE runs ADD COLUMN transcript_format TEXT;
UPDATE runs SET log_path = transcript_path, transcript_path = NULL;
`
};
var OLDEST_READABLE_VERSION = 1;
var SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS runs (
  id                 INTEGER PRIMARY KEY,
  io_trace_version   TEXT NOT NULL,
  command            TEXT NOT NULL,   -- JSON argv
  cwd                TEXT NOT NULL,
  workspace_root     TEXT,
  plan_source        TEXT,            -- file | nx | turbo
  plan_file          TEXT,
  tracer             TEXT NOT NULL,   -- bpftrace | strace | none
  tracer_version     TEXT,
  tracer_reason      TEXT,            -- why this tracer was chosen / why not traced
  started_at         REAL NOT NULL,   -- ms since epoch
  ended_at           REAL,
  exit_code          INTEGER,
  signal             TEXT,
  status             TEXT NOT NULL,   -- running | clean | issues | incomplete | not-traced | failed
  incomplete_reasons TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  event_count        INTEGER NOT NULL DEFAULT 0,
  lost_events        INTEGER NOT NULL DEFAULT 0,
  stdout_path        TEXT,            -- relative to the database's directory
  stderr_path        TEXT,
  log_path           TEXT,            -- stdout and stderr interleaved as they arrived
  transcript_path    TEXT,            -- the agent's own transcript (its stdout, or run --transcript FILE); NULL: none
  transcript_times_path TEXT,         -- arrival time per chunk of the transcript (see src/transcript)
  transcript_format  TEXT,            -- the adapter that recognised it (claude-stream-json, codex-exec-json, jsonl)
  host               TEXT NOT NULL DEFAULT '{}'   -- JSON: kernel, os, arch, node, CI facts
);

CREATE TABLE IF NOT EXISTS tasks (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  task_id       TEXT NOT NULL,
  project       TEXT NOT NULL,
  target        TEXT NOT NULL,
  configuration TEXT,
  project_root  TEXT NOT NULL,
  inputs        TEXT NOT NULL,   -- JSON
  outputs       TEXT NOT NULL,   -- JSON
  depends_on    TEXT NOT NULL,   -- JSON
  declared      TEXT NOT NULL,   -- JSON: the whole PlanTask
  status        TEXT,            -- analyzed | not-run | cached
  process_count INTEGER NOT NULL DEFAULT 0,
  started_at    REAL,
  ended_at      REAL,
  UNIQUE (run_id, task_id)
);

CREATE TABLE IF NOT EXISTS processes (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  key        INTEGER NOT NULL,   -- per-run process number (pids can be reused)
  pid        INTEGER NOT NULL,
  parent_key INTEGER,
  ppid       INTEGER,
  task_id    TEXT,               -- NULL: unattributed
  role       TEXT NOT NULL,      -- task | orchestrator | package-manager | unattributed
  exe        TEXT,
  argv       TEXT,               -- JSON
  cwd        TEXT,
  started_at REAL,
  ended_at   REAL,
  UNIQUE (run_id, key)
);

CREATE TABLE IF NOT EXISTS accesses (
  id        INTEGER PRIMARY KEY,
  run_id    INTEGER NOT NULL REFERENCES runs(id),
  proc_key  INTEGER NOT NULL,   -- processes.key
  path      TEXT NOT NULL,      -- absolute, as traced
  op        TEXT NOT NULL,      -- see AccessOp
  errno     INTEGER NOT NULL,   -- 0 = success
  count     INTEGER NOT NULL,
  first_ts  REAL NOT NULL,
  last_ts   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS accesses_run ON accesses (run_id, proc_key);

CREATE TABLE IF NOT EXISTS findings (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  task_id    TEXT NOT NULL,
  type       TEXT NOT NULL,
  path       TEXT NOT NULL,
  severity   TEXT NOT NULL,
  message    TEXT NOT NULL,
  fix        TEXT,              -- JSON Fix
  other_task TEXT,
  count      INTEGER,           -- distinct paths the root cause stands for
  samples    TEXT,              -- JSON array (up to 10 of them)
  tasks      TEXT,              -- JSON array: every task of a root cause shared by several (added in place, no version bump)
  reason     TEXT               -- why the severity is below the type's default
);
CREATE INDEX IF NOT EXISTS findings_run ON findings (run_id);

CREATE TABLE IF NOT EXISTS events (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id),
  kind        TEXT NOT NULL,    -- span | metric | notice
  name        TEXT NOT NULL,
  parent_id   INTEGER,          -- enclosing span
  start_ts    REAL NOT NULL,
  duration_ms REAL,
  status      TEXT,             -- ok | error (spans)
  value       REAL,             -- metrics
  error       TEXT,
  attributes  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS events_run ON events (run_id);

-- Later analyses of a run against another config (\`io-trace check\`), kept beside the run's own findings.
CREATE TABLE IF NOT EXISTS analyses (
  id                 INTEGER PRIMARY KEY,
  run_id             INTEGER NOT NULL REFERENCES runs(id),
  kind               TEXT NOT NULL,    -- check
  created_at         REAL NOT NULL,    -- ms since epoch
  workspace          TEXT NOT NULL,    -- the workspace whose config was read
  status             TEXT NOT NULL,    -- clean | issues | incomplete
  incomplete_reasons TEXT NOT NULL DEFAULT '[]',
  findings           TEXT NOT NULL,    -- JSON Finding[]
  comparison         TEXT NOT NULL     -- JSON: each finding of either analysis with fixed | still-there | new
);
CREATE INDEX IF NOT EXISTS analyses_run ON analyses (run_id);
`;

// src/store/sqlite.ts
import { createRequire as createRequire2 } from "node:module";
var require2 = createRequire2(import.meta.url);
var nodeSqlite;
var betterSqlite;
function loadNodeSqlite() {
  if (nodeSqlite === void 0) {
    try {
      nodeSqlite = require2("node:sqlite");
    } catch {
      nodeSqlite = null;
    }
  }
  return nodeSqlite;
}
function loadBetterSqlite() {
  if (betterSqlite === void 0) {
    try {
      betterSqlite = require2("better-sqlite3");
    } catch {
      betterSqlite = null;
    }
  }
  return betterSqlite;
}
function openDatabase(file, options = {}) {
  const forced = process.env.IO_TRACE_SQLITE_DRIVER;
  if (forced !== "better-sqlite3") {
    const ns = loadNodeSqlite();
    if (ns) return openNode(ns, file, options);
    if (forced === "node") throw new Error("IO_TRACE_SQLITE_DRIVER=node, but this Node has no node:sqlite (needs Node >= 22.13)");
  }
  const bs = loadBetterSqlite();
  if (bs) return openBetter(bs, file, options);
  throw new Error(`no SQLite driver: this is Node ${process.version} without node:sqlite, and better-sqlite3 is not installed (npm install better-sqlite3)`);
}
function openNode(ns, file, options) {
  if (options.mustExist) {
    require2("node:fs").accessSync(file);
  }
  const db = new ns.DatabaseSync(file, { readOnly: options.readonly ?? false });
  let depth = 0;
  return {
    driver: "node:sqlite",
    exec: (sql) => db.exec(sql),
    prepare(sql) {
      const st = db.prepare(sql);
      return {
        run: (...p) => ({ lastInsertRowid: Number(st.run(...p).lastInsertRowid) }),
        get: (...p) => st.get(...p),
        all: (...p) => st.all(...p),
        iterate: (...p) => st.iterate(...p),
        iterateArrays(...p) {
          if (st.setReturnArrays) {
            const raw = db.prepare(sql);
            raw.setReturnArrays(true);
            return raw.iterate(...p);
          }
          return (function* () {
            for (const row of st.iterate(...p)) yield Object.values(row);
          })();
        }
      };
    },
    transaction(fn) {
      if (depth > 0) return fn();
      db.exec("BEGIN");
      depth++;
      try {
        const out = fn();
        db.exec("COMMIT");
        return out;
      } catch (e2) {
        try {
          db.exec("ROLLBACK");
        } catch {
        }
        throw e2;
      } finally {
        depth--;
      }
    },
    pragma(p) {
      const row = db.prepare(`PRAGMA ${p}`).get();
      return row ? Object.values(row)[0] : void 0;
    },
    get isOpen() {
      return db.isOpen;
    },
    close: () => db.close()
  };
}
function openBetter(Better, file, options) {
  const db = new Better(file, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
  return {
    driver: "better-sqlite3",
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const st = db.prepare(sql);
      return {
        run: (...p) => ({ lastInsertRowid: Number(st.run(...p).lastInsertRowid) }),
        get: (...p) => st.get(...p),
        all: (...p) => st.all(...p),
        iterate: (...p) => st.iterate(...p),
        iterateArrays: (...p) => db.prepare(sql).raw(true).iterate(...p)
      };
    },
    transaction: (fn) => db.transaction(fn)(),
    pragma: (p) => db.pragma(p, { simple: true }),
    get isOpen() {
      return db.open;
    },
    close: () => db.close()
  };
}

// src/store/write-errors.ts
import { closeSync, existsSync as existsSync7, mkdirSync, openSync, statfsSync } from "node:fs";
import path11 from "node:path";
var StoreWriteError = class extends StoreError {
  constructor(message, problem) {
    super(message);
    this.problem = problem;
  }
  problem;
  name = "StoreWriteError";
};
var ERRNO_PROBLEM = {
  ENOSPC: "disk full",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EIO: "I/O error"
};
var SQLITE_READONLY = 8;
var SQLITE_IOERR = 10;
var SQLITE_FULL = 13;
var SQLITE_CANTOPEN = 14;
var SQLITE_PROBLEM = {
  [SQLITE_READONLY]: "read-only",
  [SQLITE_IOERR]: "I/O error",
  [SQLITE_FULL]: "disk full",
  [SQLITE_CANTOPEN]: "cannot create or open the file"
};
var SQLITE_CODE_NAMES = { SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN };
function writeProblem(e2, file) {
  const err = e2 instanceof StoreWriteError ? { problem: e2.problem } : e2;
  if (typeof err?.problem === "string") return err.problem;
  if (typeof err?.code === "string" && ERRNO_PROBLEM[err.code]) return ERRNO_PROBLEM[err.code];
  const primary = sqlitePrimaryCode(err);
  if (primary === void 0) return void 0;
  if (primary === SQLITE_FULL) return SQLITE_PROBLEM[SQLITE_FULL];
  return (file !== void 0 ? probe(file) : void 0) ?? SQLITE_PROBLEM[primary];
}
function describeWriteFailure(e2, file) {
  return writeProblem(e2, file) ?? firstLine(e2 instanceof Error ? e2.message : String(e2));
}
function makeDirectory(dir) {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e2) {
    if (e2.code !== "ENOENT") throw e2;
    let missing = path11.resolve(dir);
    while (!existsSync7(path11.dirname(missing)) && path11.dirname(missing) !== missing) missing = path11.dirname(missing);
    mkdirSync(missing);
    throw e2;
  }
}
function sqlitePrimaryCode(err) {
  if (!err) return void 0;
  const n = typeof err.errcode === "number" ? err.errcode & 255 : typeof err.code === "string" ? SQLITE_CODE_NAMES[err.code.split("_").slice(0, 2).join("_")] : void 0;
  return n !== void 0 && n in SQLITE_PROBLEM ? n : void 0;
}
function probe(file) {
  try {
    closeSync(openSync(file, "a"));
  } catch (e2) {
    const p = ERRNO_PROBLEM[e2.code ?? ""];
    if (p) return p;
  }
  try {
    const s = statfsSync(path11.dirname(path11.resolve(file)));
    if (s.bavail === 0 || s.files > 0 && s.ffree === 0) return "disk full";
  } catch {
  }
  return void 0;
}
function firstLine(s) {
  return s.split("\n", 1)[0].trim();
}

// src/store/store.ts
var RUN_COLUMNS = {
  ioTraceVersion: "io_trace_version",
  command: "command",
  cwd: "cwd",
  workspaceRoot: "workspace_root",
  planSource: "plan_source",
  planFile: "plan_file",
  tracer: "tracer",
  tracerVersion: "tracer_version",
  tracerReason: "tracer_reason",
  startedAt: "started_at",
  endedAt: "ended_at",
  exitCode: "exit_code",
  signal: "signal",
  status: "status",
  incompleteReasons: "incomplete_reasons",
  eventCount: "event_count",
  lostEvents: "lost_events",
  stdoutPath: "stdout_path",
  stderrPath: "stderr_path",
  logPath: "log_path",
  transcriptPath: "transcript_path",
  transcriptTimesPath: "transcript_times_path",
  transcriptFormat: "transcript_format",
  host: "host"
};
var TRACE_INCOMPLETE_EVENT = "trace_incomplete";
var JSON_RUN_FIELDS = /* @__PURE__ */ new Set(["command", "incompleteReasons", "host"]);
var TraceStore = class _TraceStore {
  file;
  db;
  insertAccess;
  updateAccess;
  upsertProcess;
  constructor(file, db) {
    this.file = file;
    this.db = db;
    this.insertAccess = db.prepare(
      "INSERT INTO accesses (run_id, proc_key, path, op, errno, count, first_ts, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    );
    this.updateAccess = db.prepare("UPDATE accesses SET count = ?, first_ts = ?, last_ts = ? WHERE id = ?");
    this.upsertProcess = db.prepare(
      `INSERT INTO processes (run_id, key, pid, parent_key, ppid, task_id, role, exe, argv, cwd, started_at, ended_at)
       VALUES (@runId, @key, @pid, @parentKey, @ppid, @taskId, @role, @exe, @argv, @cwd, @startedAt, @endedAt)
       ON CONFLICT (run_id, key) DO UPDATE SET pid = excluded.pid, parent_key = excluded.parent_key,
         ppid = excluded.ppid, task_id = excluded.task_id, role = excluded.role, exe = excluded.exe,
         argv = excluded.argv, cwd = excluded.cwd, started_at = excluded.started_at, ended_at = excluded.ended_at`
    );
  }
  /** Open (creating if needed) a database for writing. */
  static create(file) {
    let db;
    try {
      makeDirectory(path12.dirname(path12.resolve(file)));
      db = openDatabase(file);
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      const version = Number(db.pragma("user_version"));
      if (version !== 0 && (version > SCHEMA_VERSION || version < OLDEST_READABLE_VERSION)) {
        throw new StoreError(
          `trace database ${file} has schema version ${version}, this io-trace writes version ${SCHEMA_VERSION}: use another --db path`
        );
      }
      if (version !== 0) migrate(db, version);
      db.exec(SCHEMA_SQL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } catch (e2) {
      if (e2 instanceof StoreError) throw e2;
      const problem = writeProblem(e2, file);
      if (problem) throw new StoreWriteError(`cannot write the trace database ${file}: ${problem}`, problem);
      throw new StoreError(`cannot open trace database ${file} for writing: ${e2.message}`);
    }
    return new _TraceStore(path12.resolve(file), db);
  }
  /** A database that lives only in memory: a run whose database cannot be written still gets its report. */
  static createInMemory() {
    const db = openDatabase(":memory:");
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return new _TraceStore(":memory:", db);
  }
  /** Open an existing database read-only (triage, analyze). */
  static openExisting(file, { readonly = false } = {}) {
    if (!existsSync8(file)) {
      throw new StoreError(`trace database ${file} does not exist (run \`io-trace run\` first, or pass --db PATH)`);
    }
    let db;
    let tempCopy;
    try {
      db = openChecked(file, readonly);
    } catch (e2) {
      if (e2 instanceof StoreError) throw e2;
      if (readonly && /readonly|read-only|unable to open/i.test(e2.message) && !writableDir(path12.dirname(path12.resolve(file)))) {
        tempCopy = copyToTemp(file);
        db = openChecked(tempCopy, true);
      } else {
        throw new StoreError(`trace database ${file} is damaged or not an io-trace database: ${e2.message}`);
      }
    }
    const store = new _TraceStore(path12.resolve(file), db);
    store.tempCopy = tempCopy;
    return store;
  }
  /** A private copy this store reads (see openExisting), removed on close. */
  tempCopy;
  close() {
    if (this.db.isOpen) this.db.close();
    if (this.tempCopy) rmSync2(path12.dirname(this.tempCopy), { recursive: true, force: true });
    this.tempCopy = void 0;
  }
  createRun(run4) {
    const fields = Object.entries({ status: "running", ...run4 }).filter(([, v]) => v !== void 0);
    const cols = fields.map(([k]) => RUN_COLUMNS[k]);
    const info = this.db.prepare(`INSERT INTO runs (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...fields.map(([k, v]) => encodeRunValue(k, v)));
    return Number(info.lastInsertRowid);
  }
  updateRun(id, patch) {
    const fields = Object.entries(patch).filter(([, v]) => v !== void 0);
    if (fields.length === 0) return;
    const sets = fields.map(([k]) => `${RUN_COLUMNS[k]} = ?`);
    this.db.prepare(`UPDATE runs SET ${sets.join(", ")} WHERE id = ?`).run(...fields.map(([k, v]) => encodeRunValue(k, v)), id);
  }
  getRun(id) {
    const row = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id);
    return row ? decodeRun(row) : void 0;
  }
  listRuns(limit = 20) {
    return this.db.prepare("SELECT * FROM runs ORDER BY id DESC LIMIT ?").all(limit).map(decodeRun);
  }
  latestRunId() {
    const row = this.db.prepare("SELECT max(id) AS id FROM runs").get();
    return row.id ?? void 0;
  }
  /** Resolve a user-given run reference ("latest", "" or a number) or throw naming it. */
  resolveRun(ref) {
    if (ref === void 0 || ref === "" || ref === "latest") {
      const id2 = this.latestRunId();
      if (id2 === void 0) throw new StoreError(`trace database ${this.file} holds no runs yet`);
      return this.getRun(id2);
    }
    const id = Number(ref);
    const run4 = Number.isInteger(id) ? this.getRun(id) : void 0;
    if (!run4) throw new StoreError(`run ${JSON.stringify(ref)} is not in ${this.file} (see \`io-trace list\`)`);
    return run4;
  }
  saveTasks(runId, tasks) {
    const stmt = this.db.prepare(
      `INSERT INTO tasks (run_id, task_id, project, target, configuration, project_root, inputs, outputs, depends_on, declared)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, task_id) DO NOTHING`
    );
    this.db.transaction(() => {
      for (const t of tasks) {
        stmt.run(
          runId,
          t.id,
          t.project,
          t.target,
          t.configuration ?? null,
          t.projectRoot,
          JSON.stringify(t.inputs),
          JSON.stringify(t.outputs),
          JSON.stringify(t.dependsOn),
          JSON.stringify(t)
        );
      }
    });
  }
  loadTasks(runId) {
    return this.db.prepare("SELECT declared FROM tasks WHERE run_id = ? ORDER BY id").all(runId).map(
      (r) => JSON.parse(r.declared)
    );
  }
  updateTaskStatus(runId, rows) {
    const stmt = this.db.prepare("UPDATE tasks SET status = ?, process_count = ?, started_at = ?, ended_at = ? WHERE run_id = ? AND task_id = ?");
    this.db.transaction(() => {
      for (const r of rows) stmt.run(r.status, r.processCount, r.startedAt, r.endedAt, runId, r.taskId);
    });
  }
  taskStatuses(runId) {
    return this.db.prepare("SELECT task_id AS taskId, status, process_count AS processCount, started_at AS startedAt, ended_at AS endedAt FROM tasks WHERE run_id = ? ORDER BY id").all(runId);
  }
  saveProcesses(runId, procs) {
    this.db.transaction(() => {
      for (const p of procs) {
        this.upsertProcess.run({ runId, ...p, argv: p.argv ? JSON.stringify(p.argv) : null });
      }
    });
  }
  loadProcesses(runId) {
    const rows = this.db.prepare("SELECT * FROM processes WHERE run_id = ? ORDER BY key").all(runId);
    return rows.map((r) => ({
      key: r.key,
      pid: r.pid,
      parentKey: r.parent_key,
      ppid: r.ppid,
      taskId: r.task_id,
      role: r.role,
      exe: r.exe,
      argv: r.argv ? JSON.parse(r.argv) : null,
      cwd: r.cwd,
      startedAt: r.started_at,
      endedAt: r.ended_at
    }));
  }
  /**
   * Write new access rows and update the counts of rows written before, in one transaction.
   * `fresh` rows get their database id assigned (so later updates can address them).
   */
  writeAccesses(runId, fresh, changed) {
    this.db.transaction(() => {
      for (const a of fresh) {
        a.rowId = Number(this.insertAccess.run(runId, a.procKey, a.path, a.op, a.errno, a.count, a.firstTs, a.lastTs).lastInsertRowid);
      }
      for (const a of changed) this.updateAccess.run(a.count, a.firstTs, a.lastTs, a.rowId);
    });
  }
  /**
   * Every access of a run with the task of its process, streamed (runs can hold millions). The task is
   * looked up in memory rather than joined: a run has thousands of processes and millions of accesses.
   */
  *taskAccesses(runId, { successfulOnly = false, taskOf = /* @__PURE__ */ new Map() } = {}) {
    const procs = /* @__PURE__ */ new Map();
    for (const p of this.db.prepare("SELECT key, task_id AS taskId, role FROM processes WHERE run_id = ?").iterate(runId)) {
      const task2 = taskOf.get(p.key);
      procs.set(p.key, task2 !== void 0 ? { taskId: task2, role: p.role } : p);
    }
    const scope = this.accessScope(runId);
    const rows = this.db.prepare(
      `SELECT proc_key AS procKey, path, op, errno, count, first_ts AS firstTs, last_ts AS lastTs FROM accesses
         WHERE ${scope.sql}${successfulOnly ? " AND errno = 0" : ""}`
    ).iterate(...scope.params);
    for (const row of rows) {
      const p = procs.get(row.procKey);
      row.taskId = p?.taskId ?? null;
      row.role = p?.role ?? "unattributed";
      yield row;
    }
  }
  /**
   * Package managers inside a task whose product the task used: a file the package manager wrote (`pnpm
   * pack`'s tarball) that a process of the same task read, and that process then wrote into the workspace
   * (hydrogen's CLI build unpacks the tarball into its dist). Their reads (the manifests, the catalog in
   * pnpm-workspace.yaml) made that product, so they are the task's inputs, not discovery. A product read
   * after the reader's last write to the workspace only checked something (tsdown's publint packs each
   * package once its dist is written): a LICENSE or catalog edit changes no file the task leaves, so those
   * reads stay discovery (TanStack/store). Returns process key -> task. Cheap when no package manager
   * wrote anything: one indexed query per package manager.
   */
  packageManagerProducts(runId, procs = this.loadProcesses(runId)) {
    const byKey = new Map(procs.map((p) => [p.key, p]));
    const enclosingTask = (p) => {
      for (let c = p.parentKey !== null ? byKey.get(p.parentKey) : void 0; c; c = c.parentKey !== null ? byKey.get(c.parentKey) : void 0) {
        if (c.taskId !== null) return c.taskId;
      }
      return null;
    };
    const managers = /* @__PURE__ */ new Map();
    for (const p of procs) {
      if (p.role !== "package-manager") continue;
      const task2 = enclosingTask(p);
      if (task2 !== null) managers.set(p.key, task2);
    }
    const found = /* @__PURE__ */ new Map();
    if (managers.size === 0) return found;
    const writeOps = [...WRITE_OPS].filter((op) => op !== "unlink" && op !== "rmdir" && op !== "rename_from");
    const writes = this.db.prepare(`SELECT path FROM accesses WHERE run_id = ? AND proc_key = ? AND errno = 0 AND op IN (${writeOps.map(() => "?").join(", ")})`);
    const writers = /* @__PURE__ */ new Map();
    for (const key2 of managers.keys()) {
      for (const r of writes.iterate(runId, key2, ...writeOps)) {
        const list2 = writers.get(r.path) ?? [];
        list2.push(key2);
        writers.set(r.path, list2);
      }
    }
    const root = this.db.prepare("SELECT workspace_root AS root FROM runs WHERE id = ?").get(runId)?.root;
    const under = root ? `${root.replace(/\/+$/, "")}/` : "/";
    const createOps = writeOps.filter((op) => op !== "mkdir");
    const lastWrite = this.db.prepare(
      `SELECT max(first_ts) AS t FROM accesses WHERE run_id = ? AND proc_key = ? AND errno = 0 AND op IN (${createOps.map(() => "?").join(", ")}) AND substr(path, 1, ?) = ?`
    );
    const lastWriteOf = /* @__PURE__ */ new Map();
    const paths = [...writers.keys()];
    for (let i = 0; i < paths.length; i += 500) {
      const chunk = paths.slice(i, i + 500);
      const readers = this.db.prepare(`SELECT proc_key AS k, path, min(first_ts) AS t FROM accesses WHERE run_id = ? AND errno = 0 AND op = 'read' AND path IN (${chunk.map(() => "?").join(", ")}) GROUP BY proc_key, path`);
      for (const r of readers.iterate(runId, ...chunk)) {
        const task2 = byKey.get(r.k)?.taskId;
        if (task2 === null || task2 === void 0) continue;
        if (!lastWriteOf.has(r.k)) lastWriteOf.set(r.k, lastWrite.get(runId, r.k, ...createOps, under.length, under).t);
        const written = lastWriteOf.get(r.k);
        if (written === null || written === void 0 || written < r.t) continue;
        for (const key2 of writers.get(r.path) ?? []) if (managers.get(key2) === task2) found.set(key2, task2);
      }
    }
    return found;
  }
  /**
   * The WHERE clause that reads one run's accesses fastest. Through the (run_id, proc_key) index SQLite
   * fetches rows in process order, one random page read each (1M rows: ~1 s of CPU here); a run's rows
   * were inserted together, so scanning its rowid range sequentially (with `+run_id` to keep SQLite off
   * that index) costs a tenth of that.
   */
  accessScope(runId, alias = "") {
    const a = alias ? `${alias}.` : "";
    const r = this.db.prepare("SELECT min(id) AS lo, max(id) AS hi FROM accesses WHERE run_id = ?").get(runId);
    if (r.lo === null || r.hi === null) return { sql: `${a}run_id = ?`, params: [runId] };
    return { sql: `${a}id BETWEEN ? AND ? AND +${a}run_id = ?`, params: [r.lo, r.hi, runId] };
  }
  accessCount(runId) {
    return this.db.prepare("SELECT count(*) AS n FROM accesses WHERE run_id = ?").get(runId).n;
  }
  replaceFindings(runId, findings) {
    const cols = new Set(this.db.prepare("PRAGMA table_info(findings)").all().map((c) => c.name));
    for (const c of ["tasks", "reason"]) if (!cols.has(c)) this.db.exec(`ALTER TABLE findings ADD COLUMN ${c} TEXT`);
    const stmt = this.db.prepare(
      "INSERT INTO findings (run_id, task_id, type, path, severity, message, fix, other_task, count, samples, tasks, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    );
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM findings WHERE run_id = ?").run(runId);
      for (const f of findings) {
        stmt.run(
          runId,
          f.task,
          f.type,
          f.path,
          f.severity,
          f.message,
          f.fix ? JSON.stringify(f.fix) : null,
          f.otherTask ?? null,
          f.count ?? null,
          f.samples ? JSON.stringify(f.samples) : null,
          f.tasks ? JSON.stringify(f.tasks) : null,
          f.reason ?? null
        );
      }
    });
  }
  /** Records a later analysis of a run (`io-trace check`) beside the run's own findings. */
  saveAnalysis(a) {
    const info = this.db.prepare("INSERT INTO analyses (run_id, kind, created_at, workspace, status, incomplete_reasons, findings, comparison) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(a.runId, a.kind, a.createdAt, a.workspace, a.status, JSON.stringify(a.incompleteReasons), JSON.stringify(a.findings), JSON.stringify(a.comparison));
    return Number(info.lastInsertRowid);
  }
  /** A run's later analyses, oldest first (none in a database older than schema 2). */
  loadAnalyses(runId) {
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'analyses'").get();
    if (!exists) return [];
    const rows = this.db.prepare("SELECT * FROM analyses WHERE run_id = ? ORDER BY id").all(runId);
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      kind: r.kind,
      createdAt: r.created_at,
      workspace: r.workspace,
      status: r.status,
      incompleteReasons: JSON.parse(r.incomplete_reasons),
      findings: JSON.parse(r.findings),
      comparison: JSON.parse(r.comparison)
    }));
  }
  loadFindings(runId) {
    const rows = this.db.prepare("SELECT * FROM findings WHERE run_id = ? ORDER BY id").all(runId);
    return rows.map((r) => ({
      task: r.task_id,
      type: r.type,
      path: r.path,
      severity: r.severity,
      message: r.message,
      ...r.fix ? { fix: JSON.parse(r.fix) } : {},
      ...r.other_task ? { otherTask: r.other_task } : {},
      ...r.count !== null ? { count: r.count } : {},
      ...r.samples ? { samples: JSON.parse(r.samples) } : {},
      ...r.tasks ? { tasks: JSON.parse(r.tasks) } : {},
      ...r.reason ? { reason: r.reason } : {}
    }));
  }
  addEvent(runId, e2) {
    const info = this.db.prepare("INSERT INTO events (run_id, kind, name, parent_id, start_ts, duration_ms, status, value, error, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
      runId,
      e2.kind,
      e2.name,
      e2.parentId ?? null,
      e2.startTs,
      e2.durationMs ?? null,
      e2.status ?? null,
      e2.value ?? null,
      e2.error ?? null,
      JSON.stringify(e2.attributes ?? {})
    );
    return Number(info.lastInsertRowid);
  }
  updateEvent(id, patch) {
    this.db.prepare("UPDATE events SET duration_ms = ?, status = ?, error = ? WHERE id = ?").run(patch.durationMs ?? null, patch.status ?? null, patch.error ?? null, id);
  }
  /** Record why the trace itself cannot vouch for a clean result (kept apart from per-task reasons). */
  addTraceIncompleteReason(runId, reason) {
    this.addEvent(runId, { kind: "notice", name: TRACE_INCOMPLETE_EVENT, startTs: Date.now(), attributes: { message: reason } });
  }
  traceIncompleteReasons(runId) {
    const rows = this.db.prepare("SELECT attributes FROM events WHERE run_id = ? AND kind = 'notice' AND name = ? ORDER BY id").all(runId, TRACE_INCOMPLETE_EVENT);
    return rows.map((r) => String(JSON.parse(r.attributes).message ?? ""));
  }
  loadEvents(runId) {
    const rows = this.db.prepare("SELECT * FROM events WHERE run_id = ? ORDER BY start_ts, id").all(runId);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      parentId: r.parent_id,
      startTs: r.start_ts,
      durationMs: r.duration_ms,
      status: r.status,
      value: r.value,
      error: r.error,
      attributes: JSON.parse(r.attributes)
    }));
  }
};
function migrate(db, version) {
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = version + 1; v <= SCHEMA_VERSION; v++) if (MIGRATIONS[v]) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
}
function openChecked(file, readonly) {
  const db = openDatabase(file, { readonly, mustExist: true });
  try {
    const version = Number(db.pragma("user_version"));
    if (version < OLDEST_READABLE_VERSION || version > SCHEMA_VERSION) {
      throw new StoreError(`trace database ${file} has schema version ${version}; this io-trace reads versions ${OLDEST_READABLE_VERSION} to ${SCHEMA_VERSION}`);
    }
    if (!readonly && version < SCHEMA_VERSION) migrate(db, version);
    db.prepare("SELECT count(*) FROM runs").get();
    return db;
  } catch (e2) {
    db.close();
    throw e2;
  }
}
function writableDir(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
function copyToTemp(file) {
  const dir = mkdtempSync2(path12.join(tmpdir2(), "io-trace-db-"));
  const copy = path12.join(dir, path12.basename(file));
  copyFileSync(file, copy);
  if (existsSync8(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return copy;
}
function encodeRunValue(key2, value) {
  if (JSON_RUN_FIELDS.has(key2)) return JSON.stringify(value);
  return value;
}
function decodeRun(row) {
  const out = { id: row.id };
  for (const [key2, col] of Object.entries(RUN_COLUMNS)) {
    const v = row[col];
    out[key2] = JSON_RUN_FIELDS.has(key2) && typeof v === "string" ? JSON.parse(v) : v ?? null;
  }
  if (!("log_path" in row)) {
    out.logPath = row.transcript_path ?? null;
    out.transcriptPath = null;
  }
  return out;
}

// src/cli/args.ts
import { parseArgs } from "node:util";
function parse3(command, argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e2) {
    throw new ConfigurationError(`io-trace ${command}: ${e2.message.replace(/^TypeError \[[A-Z_]+\]: /, "")} (see io-trace ${command} --help)`);
  }
}
function oneOf(flag, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (!allowed.includes(value)) {
    throw new ConfigurationError(`${flag} ${JSON.stringify(value)}: use one of ${allowed.join(", ")}`);
  }
  return value;
}

// src/cli/commands/run.ts
import { writeFileSync as writeFileSync4 } from "node:fs";
import path19 from "node:path";

// src/plan/resolve.ts
import { existsSync as existsSync11 } from "node:fs";
import path13 from "node:path";

// src/plan/detect.ts
import { existsSync as existsSync10, readFileSync as readFileSync9 } from "node:fs";
import { join as join3 } from "node:path";

// src/plan/turbo.ts
import { execFileSync as execFileSync2, spawn as spawn2 } from "node:child_process";
import { createRequire as createRequire3 } from "node:module";
import { existsSync as existsSync9, readFileSync as readFileSync8, realpathSync as realpathSync5 } from "node:fs";
import { dirname as dirname2, join as join2, posix as posix3, relative, sep } from "node:path";
var import_yaml2 = __toESM(require_dist(), 1);
var TURBO_ENV = {
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1"
};
var TURBO_VALUE_FLAGS = /* @__PURE__ */ new Set([
  "--filter",
  "-F",
  "--concurrency",
  "--cache-dir",
  "--output-logs",
  "--log-order",
  "--env-mode",
  "--cache",
  "--cache-workers",
  "--profile",
  "--anon-profile",
  "--log-prefix",
  "--global-deps",
  "--graph",
  "--summarize",
  "--ui",
  "--team",
  "--token",
  "--api",
  "--login",
  "--remote-cache-timeout",
  "--cwd",
  "--heap",
  "--trace",
  "--root-turbo-json",
  "--verbosity",
  "--experimental-otel-protocol",
  "--experimental-otel-endpoint",
  "--experimental-otel-timeout-ms",
  "--experimental-otel-interval-ms",
  "--experimental-otel-header",
  "--experimental-otel-resource"
]);
var TURBO_OPTIONAL_VALUE = /* @__PURE__ */ new Set(["--graph", "--dry", "--dry-run", "--summarize", "--continue", "--log-file"]);
var NOT_FOR_DRY_RUN = /* @__PURE__ */ new Set([
  "--dry",
  "--dry-run",
  "--graph",
  "--summarize",
  "--profile",
  "--anon-profile",
  "--ui",
  "--output-logs",
  "--log-order",
  "--log-prefix",
  "--concurrency",
  "--parallel",
  "--continue",
  "--force",
  "--cache",
  "--cache-dir",
  "--cache-workers",
  "--remote-only",
  "--remote-cache-read-only",
  "--remote-cache-timeout",
  "--no-cache",
  "--daemon",
  "--no-daemon",
  "--heap",
  "--trace",
  "--team",
  "--token",
  "--api",
  "--login",
  "--color",
  "--no-color",
  "--verbosity",
  "-v",
  "-vv",
  "-vvv",
  "--no-update-notifier",
  "--preflight",
  "--log-file",
  "--filter",
  "-F"
]);
var TURBO_COMMANDS = /* @__PURE__ */ new Set([
  "bin",
  "boundaries",
  "completion",
  "daemon",
  "generate",
  "gen",
  "info",
  "link",
  "login",
  "logout",
  "ls",
  "prune",
  "query",
  "scan",
  "telemetry",
  "unlink",
  "watch",
  "devtools",
  "docs"
]);
var LAUNCHERS = /* @__PURE__ */ new Set(["npx", "pnpx", "bunx", "npm", "pnpm", "yarn", "bun"]);
function scriptLauncher(argv) {
  const first = argv[0];
  const pm = first?.slice(first.lastIndexOf("/") + 1);
  if (pm === "npm") return [first, "exec", "--"];
  if (pm === "pnpm") return [first, "exec"];
  if (pm === "yarn") return [first];
  if (pm === "bun") return [first, "x"];
  return void 0;
}
function parseTurboCommand(argv) {
  const at3 = findToolIndex(argv, "turbo");
  if (at3 < 0) return void 0;
  let args = argv.slice(at3 + 1);
  let i = 0;
  while (args[i]?.startsWith("-")) {
    if (!args[i].includes("=") && TURBO_VALUE_FLAGS.has(args[i]) && !TURBO_OPTIONAL_VALUE.has(args[i])) i++;
    i++;
  }
  if (args[i] === "run") args = [...args.slice(0, i), ...args.slice(i + 1)];
  else if (args[i] === void 0 || TURBO_COMMANDS.has(args[i])) return void 0;
  const tasks = [];
  const filter = [];
  const runFlags = [];
  let passThroughArgs;
  for (let j = 0; j < args.length; j++) {
    const a = args[j];
    if (a === "--") {
      passThroughArgs = args.slice(j + 1);
      break;
    }
    if (a.startsWith("-")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      let value = eq > 0 ? a.slice(eq + 1) : void 0;
      if (value === void 0 && TURBO_VALUE_FLAGS.has(name) && !TURBO_OPTIONAL_VALUE.has(name)) value = args[++j];
      if ((name === "--filter" || name === "-F") && value !== void 0) filter.push(value);
      else if (!NOT_FOR_DRY_RUN.has(name) && !name.startsWith("--experimental-otel")) runFlags.push(value === void 0 ? name : `${name}=${value}`);
      continue;
    }
    tasks.push(a);
  }
  if (tasks.length === 0) return void 0;
  const launcher = LAUNCHERS.has(argv[0]?.slice(argv[0].lastIndexOf("/") + 1) ?? "") ? argv.slice(0, at3) : [];
  return { tasks, ...launcher.length ? { launcher } : {}, ...filter.length ? { filter } : {}, ...passThroughArgs ? { passThroughArgs } : {}, ...runFlags.length ? { runFlags } : {} };
}
function locateWorkspaceTurbo(workspaceRoot) {
  const req = createRequire3(join2(workspaceRoot, "package.json"));
  let pkgPath;
  try {
    pkgPath = req.resolve("turbo/package.json");
  } catch {
    throw new ConfigurationError(
      `turbo is not installed in the workspace ${workspaceRoot} (cannot resolve "turbo" from there; io-trace uses the workspace's own turbo). Add it (npm i -D turbo) and install the workspace's dependencies, or give io-trace a plan file with --plan.`
    );
  }
  const pkg = JSON.parse(readFileSync8(pkgPath, "utf8"));
  const rel2 = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.turbo ?? "bin/turbo";
  return { bin: join2(dirname2(pkgPath), rel2), version: pkg.version ?? "unknown" };
}
function run(cmd, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn2(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => stdout += d);
    child.stderr.setEncoding("utf8").on("data", (d) => stderr += d);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
var clean = (s) => s.replace(/\x1b\[[0-9;]*m/g, "").trim();
async function resolveTurboPlan(opts) {
  const started = Date.now();
  const { log } = opts;
  const workspaceRoot = realpathSync5(opts.workspaceRoot);
  if (opts.tasks.length === 0) throw new ConfigurationError("no Turborepo tasks to plan: pass the turbo command (e.g. `npx turbo run build`)");
  const turbo = locateWorkspaceTurbo(workspaceRoot);
  const args = [
    turbo.bin,
    "run",
    ...opts.tasks,
    "--dry=json",
    ...(opts.filter ?? []).map((f) => `--filter=${f}`),
    ...opts.runFlags ?? [],
    ...opts.passThroughArgs?.length ? ["--", ...opts.passThroughArgs] : []
  ];
  const env = { ...process.env, ...TURBO_ENV };
  let r = await run(process.execPath, args, workspaceRoot, env);
  const direct = r.code === 0 ? dryJson(r.stdout) : void 0;
  const named = direct ? launcherVariablesNamed(direct) : [];
  if (opts.launcher?.length && (!direct || named.length)) {
    const [cmd, ...pre] = opts.launcher;
    const shownLaunched = `\`${opts.launcher.join(" ")} turbo ${args.slice(1).join(" ")}\``;
    log.debug(direct ? `the tasks hash ${named.join(", ")}, which ${opts.launcher[0]} may set: running ${shownLaunched}` : `turbo failed directly (exit ${r.code}): running ${shownLaunched}`);
    const launched = await run(cmd, [...pre, "turbo", ...args.slice(1)], workspaceRoot, env).catch(() => void 0);
    if (launched && launched.code === 0 && dryJson(launched.stdout) !== void 0) r = launched;
    else log.debug(`${shownLaunched} failed (exit ${launched?.code ?? "none"}); using the direct dry run`);
  }
  const shown = `turbo ${args.slice(1).join(" ")}`;
  if (r.code !== 0) {
    const msg = clean(r.stderr || r.stdout);
    const missing = /Could not find task `([^`]+)`/.exec(msg);
    if (missing) {
      throw new ConfigurationError(
        `Turborepo task "${missing[1]}" is not defined in ${workspaceRoot}: add it to "tasks" in turbo.json (and a "${missing[1]}" script to the packages that run it), or fix the task name.`
      );
    }
    throw new ConfigurationError(`\`${shown}\` failed in ${workspaceRoot} (exit ${r.code}):
${msg.split("\n").slice(-12).join("\n")}`);
  }
  const dry = dryJson(r.stdout);
  if (!dry) {
    throw new ConfigurationError(`\`${shown}\` printed no JSON in ${workspaceRoot}; is turbo ${turbo.version} working there?
${clean(r.stderr).slice(0, 2e3)}`);
  }
  log.debug(`turbo ${dry.turboVersion ?? turbo.version} dry run: ${dry.tasks.length} task(s) in ${Date.now() - started} ms`);
  const byId = new Map(dry.tasks.map((t) => [t.taskId, t]));
  const globalFiles = Object.keys(dry.globalCacheInputs?.files ?? {}).map((f) => posix3.normalize(f));
  const globalEnv = envNames(dry.globalCacheInputs?.environmentVariables);
  const locator = new TurboLocator(workspaceRoot);
  const rel2 = (dir, p) => {
    const neg = p.startsWith("!");
    const body = neg ? p.slice(1) : p;
    const joined = posix3.normalize(posix3.join(dir, body));
    return (neg ? "!" : "") + (joined === "." ? "" : joined);
  };
  const outputsOf = (t) => [
    ...(t.outputs ?? []).map((o) => rel2(t.directory, o)),
    ...(t.excludedOutputs ?? []).map((o) => `!${rel2(t.directory, o)}`)
  ];
  const runnable = dry.tasks.filter((t) => t.command !== "<NONEXISTENT>");
  const limits = { projectRoots: runnable.map((t) => t.directory), outputs: runnable.flatMap(outputsOf) };
  const rootDeps = rootInternalDependencies(workspaceRoot);
  const rootDepFiles = rootDeps.length ? packageFiles(workspaceRoot, rootDeps) : [];
  if (rootDeps.length) log.debug(`turbo global hash: files of root workspace dependencies ${rootDeps.join(", ")} (${rootDepFiles.length})`);
  const tasks = [];
  for (const t of runnable) {
    const files = Object.keys(t.inputs ?? {}).map((f) => rel2(t.directory, f));
    const inputs = compressFiles(workspaceRoot, [.../* @__PURE__ */ new Set([...files, ...globalFiles])], limits);
    const seen = /* @__PURE__ */ new Set();
    const walk = (id) => {
      for (const d of byId.get(id)?.dependencies ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        walk(d);
      }
    };
    walk(t.taskId);
    const depFiles = new Set(rootDepFiles);
    for (const d of [...seen].sort()) {
      const dt = byId.get(d);
      if (!dt) continue;
      for (const f of Object.keys(dt.inputs ?? {})) depFiles.add(rel2(dt.directory, f));
      if (dt.command === "<NONEXISTENT>") continue;
      for (const o of outputsOf(dt)) if (!o.startsWith("!") && !inputs.includes(o)) inputs.push(o);
    }
    const dependencyInputs = depFiles.size ? compressFiles(workspaceRoot, [...depFiles], limits) : [];
    const def = t.resolvedTaskDefinition;
    const nonFileInputs = [
      ...[.../* @__PURE__ */ new Set([...globalEnv, ...envNames(t.environmentVariables)])].map((value) => ({ type: "env", value })),
      ...t.hashOfExternalDependencies ? [{ type: "external", value: `lockfile dependencies of ${t.package} (${t.hashOfExternalDependencies})` }] : []
    ];
    const declaredAt = {};
    for (const field of ["inputs", "outputs", "dependsOn"]) {
      const loc = locator.locate(t.package, t.directory, t.task, field);
      if (loc) declaredAt[field] = loc;
    }
    tasks.push({
      id: t.taskId,
      project: t.package,
      target: t.task,
      projectRoot: t.directory === "." ? "" : t.directory,
      inputs,
      nonFileInputs,
      outputs: outputsOf(t),
      // A dependency with no script runs nothing but still orders the graph: depend on what it depends on.
      dependsOn: [...runnableDeps(t.taskId, byId)].sort(),
      identity: { TURBO_HASH: t.hash },
      ...def?.cache === false || def?.persistent ? { cacheable: false } : {},
      ...dependencyInputs.length ? { dependencyInputs } : {},
      // An empty list is turbo's default (every git-tracked file of the package), as if none were declared.
      ...def?.inputs?.length ? { declaredInputs: def.inputs } : {},
      declaredAt
    });
  }
  log.debug(`planned ${tasks.length} Turborepo task(s) with turbo ${dry.turboVersion ?? turbo.version} in ${Date.now() - started} ms`);
  return { source: "turbo", workspaceRoot, toolVersion: dry.turboVersion ?? turbo.version, tasks };
}
var DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"];
function rootInternalDependencies(workspaceRoot) {
  const root = realpathSync5(workspaceRoot);
  const found = /* @__PURE__ */ new Set();
  let members;
  const queue = [""];
  const seen = new Set(queue);
  while (queue.length) {
    const dir = queue.shift();
    let pkg;
    try {
      pkg = JSON.parse(readFileSync8(join2(root, dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    const names = new Set(DEPENDENCY_FIELDS.flatMap((f) => pkg[f] && typeof pkg[f] === "object" ? Object.keys(pkg[f]) : []));
    for (const name of names) {
      const target = resolveWorkspacePackage(root, dir, name) ?? (members ??= workspaceMembers(root)).get(name);
      if (target === void 0 || target === "" || seen.has(target)) continue;
      seen.add(target);
      found.add(target);
      queue.push(target);
    }
  }
  return [...found].sort();
}
function workspaceMembers(root) {
  const globs = [];
  try {
    const y = (0, import_yaml2.parse)(readFileSync8(join2(root, "pnpm-workspace.yaml"), "utf8"));
    if (Array.isArray(y?.packages)) globs.push(...y.packages.filter((g) => typeof g === "string"));
  } catch {
  }
  if (globs.length === 0) {
    try {
      const w = JSON.parse(readFileSync8(join2(root, "package.json"), "utf8")).workspaces;
      const list2 = Array.isArray(w) ? w : w && typeof w === "object" && Array.isArray(w.packages) ? w.packages : [];
      globs.push(...list2.filter((g) => typeof g === "string"));
    } catch {
    }
  }
  const members = /* @__PURE__ */ new Map();
  if (globs.length === 0) return members;
  const included = compilePatterns(globs.map((g) => g.replace(/^\.\//, "").replace(/\/+$/, "")));
  for (const file of gitFiles(root, ["package.json", "**/package.json"]) ?? []) {
    if (!file.endsWith("package.json") || file === "package.json" || file.split("/").includes("node_modules")) continue;
    const dir = posix3.dirname(file);
    if (!included.covers(dir)) continue;
    try {
      const name = JSON.parse(readFileSync8(join2(root, file), "utf8")).name;
      if (typeof name === "string" && !members.has(name)) members.set(name, dir);
    } catch {
    }
  }
  return members;
}
function resolveWorkspacePackage(root, fromDir, name) {
  for (let d = fromDir; ; d = posix3.dirname(d)) {
    const here = d === "." ? "" : d;
    const link = join2(root, here, "node_modules", name);
    if (existsSync9(link)) {
      let real;
      try {
        real = realpathSync5(link);
      } catch {
        return void 0;
      }
      const rel2 = relative(root, real).split(sep).join("/");
      if (rel2.startsWith("..") || rel2.split("/").includes("node_modules") || !existsSync9(join2(real, "package.json"))) return void 0;
      return rel2;
    }
    if (here === "") return void 0;
  }
}
function packageFiles(root, dirs) {
  const listed = gitFiles(root, dirs);
  return listed ? [...new Set(listed.filter((f) => existsSync9(join2(root, f))))] : dirs;
}
function gitFiles(root, pathspecs) {
  try {
    const out = execFileSync2("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...pathspecs], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 << 20
    });
    return out.split("\0").filter(Boolean);
  } catch {
    return void 0;
  }
}
function dryJson(stdout) {
  try {
    const d = JSON.parse(stdout.slice(stdout.indexOf("{"), stdout.lastIndexOf("}") + 1));
    return Array.isArray(d?.tasks) ? d : void 0;
  } catch {
    return void 0;
  }
}
function runnableDeps(id, byId) {
  const out = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (d) => {
    if (seen.has(d)) return;
    seen.add(d);
    const dt = byId.get(d);
    if (!dt) return;
    if (dt.command !== "<NONEXISTENT>") out.add(d);
    else for (const dd of dt.dependencies ?? []) visit2(dd);
  };
  for (const d of byId.get(id)?.dependencies ?? []) visit2(d);
  return out;
}
var LAUNCHER_VARIABLES = /* @__PURE__ */ new Set(["NODE", "NODE_OPTIONS", "NODE_PATH", "INIT_CWD", "PROJECT_CWD", "PATH", "PWD", "OLDPWD", "SHLVL", "_", "COLOR", "EDITOR"]);
var LAUNCHER_PREFIXES = ["npm_", "NPM_", "pnpm_", "PNPM_", "yarn_", "YARN_", "BERRY_", "COREPACK_", "BUN_", "bun_"];
var LAUNCHER_VARIABLE_SAMPLES = [
  ...LAUNCHER_VARIABLES,
  "npm_config_user_agent",
  "npm_execpath",
  "npm_node_execpath",
  "npm_command",
  "npm_lifecycle_event",
  "npm_lifecycle_script",
  "npm_package_name",
  "npm_package_json",
  "NPM_CONFIG_USERCONFIG",
  "pnpm_config_verify_deps_before_run",
  "PNPM_SCRIPT_SRC_DIR",
  "PNPM_HOME",
  "yarn_config_x",
  "YARN_IGNORE_PATH",
  "BERRY_BIN_FOLDER",
  "COREPACK_ROOT",
  "BUN_INSTALL",
  "bun_x"
];
function launcherVariablesNamed(dry) {
  const entries = [dry.globalCacheInputs?.environmentVariables, ...dry.tasks.map((t) => t.environmentVariables)].flatMap(envNames);
  const named = /* @__PURE__ */ new Set();
  for (const entry of entries) {
    if (entry.startsWith("!")) continue;
    let hit;
    if (entry.includes("*")) {
      const pattern = new RegExp(`^${entry.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
      hit = LAUNCHER_VARIABLE_SAMPLES.some((n) => pattern.test(n));
    } else {
      hit = LAUNCHER_VARIABLES.has(entry) || LAUNCHER_PREFIXES.some((p) => entry.startsWith(p));
    }
    if (hit) named.add(entry);
  }
  return [...named].sort();
}
function envNames(ev) {
  if (!ev) return [];
  const names = [...ev.specified?.env ?? [], ...ev.configured ?? [], ...ev.inferred ?? []].map((e2) => e2.split("=")[0]);
  return [...new Set(names)].filter(Boolean);
}
var TurboLocator = class {
  constructor(root) {
    this.root = root;
  }
  root;
  cache = /* @__PURE__ */ new Map();
  json(file) {
    if (!this.cache.has(file)) {
      const abs = join2(this.root, file);
      this.cache.set(file, existsSync9(abs) ? parseJsonWithLines(readFileSync8(abs, "utf8")) : void 0);
    }
    return this.cache.get(file);
  }
  /** The root entry a package's task takes: `pkg#task` if the root turbo.json has one, else `task`. */
  rootKey(pkg, task2) {
    const root = this.json("turbo.json");
    const section = root && (jsonChild(root, ["tasks"]) ? "tasks" : jsonChild(root, ["pipeline"]) ? "pipeline" : void 0);
    return section && jsonChild(root, [section, `${pkg}#${task2}`]) ? `${pkg}#${task2}` : task2;
  }
  locate(pkg, dir, task2, field) {
    const candidates = [];
    if (dir && dir !== ".") candidates.push([posix3.join(dir, "turbo.json"), task2]);
    candidates.push(["turbo.json", this.rootKey(pkg, task2)]);
    let definedAt;
    for (const [file, key2] of candidates) {
      const root = this.json(file);
      if (!root) continue;
      const section = jsonChild(root, ["tasks"]) ? "tasks" : jsonChild(root, ["pipeline"]) ? "pipeline" : void 0;
      if (!section) continue;
      const taskNode = jsonChild(root, [section, key2]);
      if (!taskNode) continue;
      const fieldNode = jsonChild(taskNode, [field]);
      if (fieldNode) return { file, line: fieldNode.keyLine, what: `${section}["${key2}"].${field}` };
      definedAt ??= { file, line: jsonKeyLine(root, [section, key2]).line, what: `${section}["${key2}"].${field} (not set: Turborepo default)` };
    }
    return definedAt;
  }
};

// src/plan/detect.ts
function expandPackageScript(workspaceRoot, argv, depth = 0) {
  const [first, ...rest] = argv;
  const pm = first?.slice(first.lastIndexOf("/") + 1);
  if (pm !== "npm" && pm !== "pnpm" && pm !== "yarn" && pm !== "bun") return void 0;
  let i = 0;
  while (rest[i]?.startsWith("-")) i++;
  if (rest[i] === "run" || rest[i] === "run-script") i++;
  else if (pm === "npm") return void 0;
  const name = rest[i];
  if (!name || name.startsWith("-")) return void 0;
  let scripts;
  try {
    scripts = JSON.parse(readFileSync9(join3(workspaceRoot, "package.json"), "utf8")).scripts;
  } catch {
    return void 0;
  }
  const script = scripts?.[name];
  if (typeof script !== "string") return void 0;
  const extra = rest.slice(i + 1).filter((a) => a !== "--");
  const commands = script.split(/&&|\|\||;|\|/).map((c) => dropAssignments(c.trim().split(/\s+/).filter(Boolean))).filter((c) => c.length > 0);
  for (let k = 0; k < commands.length; k++) {
    const cmd = k === commands.length - 1 ? [...commands[k], ...extra] : commands[k];
    if (parseNxCommand(cmd) || parseTurboCommand(cmd)) return cmd;
    const nested = depth < 3 ? expandPackageScript(workspaceRoot, cmd, depth + 1) : void 0;
    if (nested && (parseNxCommand(nested) || parseTurboCommand(nested))) return nested;
  }
  return [...script.trim().split(/\s+/), ...extra];
}
function dropAssignments(argv) {
  let i = argv[0] === "env" ? 1 : 0;
  while (argv[i] !== void 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i])) i++;
  return argv.slice(i);
}
function detectPlanSource(workspaceRoot, argv) {
  const hasNx = existsSync10(join3(workspaceRoot, "nx.json"));
  const hasTurbo = existsSync10(join3(workspaceRoot, "turbo.json"));
  const fromArgv = (a) => parseNxCommand(a) ? "nx" : parseTurboCommand(a) ? "turbo" : void 0;
  const direct = fromArgv(argv) ?? fromArgv(expandPackageScript(workspaceRoot, argv) ?? []);
  if (direct === "nx" && hasNx) return "nx";
  if (direct === "turbo" && hasTurbo) return "turbo";
  if (direct) return direct;
  if (hasNx && !hasTurbo) return "nx";
  if (hasTurbo && !hasNx) return "turbo";
  return void 0;
}

// src/plan/resolve.ts
var DEFAULT_PLAN_FILE = "io-trace.plan.json";
function planSourceOf(options) {
  const { spec, cwd, command } = options;
  if (spec === "nx" || spec === "turbo") return spec;
  if (spec !== "auto") return "file";
  if (existsSync11(path13.join(cwd, DEFAULT_PLAN_FILE))) return "file";
  return detectPlanSource(cwd, command);
}
async function resolvePlan(options) {
  const { spec, cwd, command, log } = options;
  if (spec !== "auto" && spec !== "nx" && spec !== "turbo") return loadPlanFile(path13.resolve(cwd, spec));
  let source = spec === "auto" ? void 0 : spec;
  if (source === void 0) {
    const file = path13.join(cwd, DEFAULT_PLAN_FILE);
    if (existsSync11(file)) return loadPlanFile(file);
    source = detectPlanSource(cwd, command);
  }
  if (source === void 0) {
    throw new ConfigurationError(
      `no plan found in ${cwd}: pass --plan FILE (a plan file, see README "Plan file"), or run in an Nx or Turborepo workspace`
    );
  }
  const argv = parseable(cwd, command);
  const t0 = Date.now();
  let plan;
  if (source === "nx") {
    const nx = argv.map(parseNxCommand).find(Boolean);
    const tasks = nx ? void 0 : requireTasks(options.tasks, "nx", "e.g. --tasks build or --tasks app:build");
    plan = await resolveNxPlan({
      workspaceRoot: cwd,
      log,
      ...nx?.tasks ? { tasks: nx.tasks } : {},
      ...nx?.targets.length ? { targets: nx.targets } : {},
      ...nx?.projects ? { projects: nx.projects } : {},
      ...nx?.configuration ? { configuration: nx.configuration } : {},
      ...nx?.exclude ? { exclude: nx.exclude } : {},
      ...tasks ? tasks.some((t) => t.includes(":")) ? { tasks } : { targets: tasks } : {}
    });
  } else {
    const at3 = argv.findIndex((a) => parseTurboCommand(a));
    const turbo = at3 >= 0 ? parseTurboCommand(argv[at3]) : void 0;
    const launcher = at3 === 0 ? turbo?.launcher : at3 > 0 && !turbo?.launcher ? scriptLauncher(command) : turbo?.launcher;
    const tasks = turbo?.tasks.length ? turbo.tasks : requireTasks(options.tasks, "turbo", "e.g. --tasks build");
    plan = await resolveTurboPlan({
      workspaceRoot: cwd,
      tasks,
      log,
      ...turbo?.filter ? { filter: turbo.filter } : {},
      ...turbo?.passThroughArgs ? { passThroughArgs: turbo.passThroughArgs } : {},
      ...turbo?.runFlags ? { runFlags: turbo.runFlags } : {},
      ...launcher?.length ? { launcher } : {}
    });
  }
  log.info(`plan: ${plan.tasks.length} ${source} task${plan.tasks.length === 1 ? "" : "s"}${plan.toolVersion ? ` (${source} ${plan.toolVersion})` : ""} resolved in ${Date.now() - t0} ms`);
  return plan;
}
function parseable(cwd, command) {
  const script = expandPackageScript(cwd, command);
  return script ? [command, script] : [command];
}
function requireTasks(tasks, tool, example) {
  if (tasks && tasks.length) return tasks;
  throw new ConfigurationError(`cannot tell which ${tool} tasks the command runs: pass --tasks (${example})`);
}

// src/run/run-build.ts
import { closeSync as closeSync5, existsSync as existsSync15, openSync as openSync5, readSync as readSync4, renameSync as renameSync2, rmSync as rmSync4 } from "node:fs";
import os2 from "node:os";
import path18 from "node:path";

// src/attribution/process-table.ts
import { readFileSync as readFileSync10 } from "node:fs";

// src/attribution/package-managers.ts
import { closeSync as closeSync2, openSync as openSync2, readSync, realpathSync as realpathSync6 } from "node:fs";
import path14 from "node:path";
var DISCOVERING_ORCHESTRATORS = /* @__PURE__ */ new Set(["nx"]);
var realPath = (p) => {
  try {
    return realpathSync6(p);
  } catch {
    return void 0;
  }
};
var NODE_SCRIPTS = [
  // npm's own bin scripts; corepack's cache keeps them under npm/<version>/.
  [/\/npm(\/[^/]+)?\/bin\/npm-cli\.js$/, "npm"],
  [/\/npm(\/[^/]+)?\/bin\/npx-cli\.js$/, "npx"],
  // pnpm from npm (bin/pnpm.cjs, dist/pnpm.cjs), from corepack's cache (pnpm/<version>/bin/pnpm.cjs).
  [/\/pnpm(\/[^/]+)?\/bin\/pnpm\.[cm]?js$/, "pnpm"],
  [/\/pnpm(\/[^/]+)?\/dist\/pnpm\.[cm]?js$/, "pnpm"],
  [/\/pnpm(\/[^/]+)?\/bin\/pnpx\.[cm]?js$/, "pnpx"],
  // yarn 1 (bin/yarn.js, lib/cli.js), yarn >= 2 (a checked-in .yarn/releases/yarn-x.cjs, cli-dist, corepack's yarn/<version>/yarn.js).
  [/\/yarn(\/[^/]+)?\/bin\/yarn(pkg)?\.c?js$/, "yarn"],
  [/\/yarn\/lib\/cli\.js$/, "yarn"],
  [/\/yarn\/[^/]+\/yarn\.c?js$/, "yarn"],
  [/\/\.yarn\/releases\/yarn-[^/]*\.c?js$/, "yarn"],
  [/\/@yarnpkg\/cli-dist\/bin\/yarn\.js$/, "yarn"],
  // The nx CLI (node_modules/.bin/nx -> nx/bin/nx.js, nx/dist/bin/nx.js from 22.7), its project-graph plugin workers and its daemon.
  [/\/nx\/(dist\/)?bin\/nx\.[cm]?js$/, "nx"],
  [/\/nx\/(dist\/)?src\/project-graph\/plugins\/isolation\/plugin-worker\.js$/, "nx"],
  [/\/nx\/(dist\/)?src\/daemon\/server\/start\.js$/, "nx"],
  // corepack and its shims: the shim loads the package manager into the same process.
  [/\/corepack\/dist\/corepack\.js$/, "corepack"],
  [/\/corepack\/dist\/(npm|npx|pnpm|pnpx|yarn)\.js$/, "corepack"],
  [/\/corepack\/dist\/yarnpkg\.js$/, "corepack"]
];
var isElf = (p) => {
  let fd;
  try {
    fd = openSync2(p, "r");
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 && b.equals(ELF_MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== void 0) closeSync2(fd);
  }
};
var ELF_MAGIC = Buffer.from([127, 69, 76, 70]);
var BINARIES = [
  [/\/pnpm$/, "pnpm"],
  [/\/bun$/, "bun"]
];
var NODE_OPTIONS_WITH_VALUE = /* @__PURE__ */ new Set(["-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file", "--title", "--conditions", "-C", "--input-type", "--stack-size"]);
var BUN_MANAGER_COMMANDS = /* @__PURE__ */ new Set(["install", "i", "add", "a", "remove", "rm", "update", "link", "unlink", "pm", "x", "create", "c", "init", "outdated", "publish", "pack", "patch", "why", "audit", "info"]);
function packageManagerOf(facts, resolve = realPath, binary = isElf) {
  const { exe, argv } = facts;
  if (!exe) return void 0;
  const realExe = resolve(exe) ?? exe;
  if (isNode(realExe)) {
    const script = nodeScript(argv);
    if (script === void 0) return void 0;
    const abs = path14.posix.isAbsolute(script) ? script : facts.cwd ? path14.posix.join(facts.cwd, script) : void 0;
    if (abs === void 0) return void 0;
    const real = resolve(abs) ?? abs;
    for (const [re, pm] of NODE_SCRIPTS) if (re.test(real)) return pm;
    return void 0;
  }
  for (const [re, pm] of BINARIES) {
    if (!re.test(realExe) || !binary(realExe)) continue;
    if (pm === "bun" && !bunManages(argv)) return void 0;
    return pm;
  }
  return void 0;
}
function isNode(realExe) {
  return /\/node(js)?(\d+)?$/.test(realExe);
}
function nodeScript(argv) {
  if (!argv) return void 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-e" || a === "--eval" || a === "-p" || a === "--print" || a === "-") return void 0;
    if (a === "--") return argv[i + 1];
    if (a.startsWith("-")) {
      if (NODE_OPTIONS_WITH_VALUE.has(a)) i++;
      continue;
    }
    return a;
  }
  return void 0;
}
function bunManages(argv) {
  if (!argv || argv.length === 0) return false;
  if (/(^|\/)bunx$/.test(argv[0])) return true;
  let i = 1;
  while (argv[i]?.startsWith("-")) {
    if (argv[i] === "--version" || argv[i] === "-v" || argv[i] === "--revision") return true;
    i++;
  }
  const cmd = argv[i];
  if (cmd === void 0) return false;
  if (BUN_MANAGER_COMMANDS.has(cmd)) return true;
  if (cmd === "run") {
    let j = i + 1;
    while (argv[j]?.startsWith("-")) j++;
    const target = argv[j];
    return target !== void 0 && !target.includes("/") && !/\.[cm]?[jt]sx?$/.test(target);
  }
  return false;
}
function cachedResolver(resolve = realPath) {
  const cache = /* @__PURE__ */ new Map();
  return (p) => {
    if (cache.has(p)) return cache.get(p);
    const r = resolve(p);
    cache.set(p, r);
    return r;
  };
}

// src/attribution/process-table.ts
var TASK_ENV_VAR = "IO_TRACE_TASK";
var readProcEnviron = (pid) => {
  let raw;
  try {
    raw = readFileSync10(`/proc/${pid}/environ`, "utf8");
  } catch {
    return void 0;
  }
  const env = /* @__PURE__ */ new Map();
  for (const entry of raw.split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
};
var readProcCmdline = (pid) => {
  let raw;
  try {
    raw = readFileSync10(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return void 0;
  }
  if (raw === "") return void 0;
  return (raw.endsWith("\0") ? raw.slice(0, -1) : raw).split("\0");
};
var TaskMatcher = class {
  byTaskEnv = /* @__PURE__ */ new Map();
  identities = [];
  keys = /* @__PURE__ */ new Set([TASK_ENV_VAR]);
  /** Shell command -> task, for commands only one task runs. */
  byCommand = /* @__PURE__ */ new Map();
  constructor(plan) {
    for (const t of plan.tasks) {
      this.byTaskEnv.set(t.id, t.id);
      const entries = Object.entries(t.identity ?? {});
      if (entries.length) {
        this.identities.push({ taskId: t.id, entries });
        for (const [k] of entries) this.keys.add(k);
      }
    }
    for (const t of plan.tasks) {
      for (const c of t.commands ?? []) this.byCommand.set(c, this.byCommand.has(c) && this.byCommand.get(c) !== t.id ? null : t.id);
    }
    this.identities.sort((a, b) => b.entries.length - a.entries.length);
  }
  /** Env var names worth reading; a process lacking all of them inherits its parent's task. */
  get envKeys() {
    return this.keys;
  }
  match(env) {
    const explicit = env.get(TASK_ENV_VAR);
    if (explicit !== void 0 && this.byTaskEnv.has(explicit)) return explicit;
    for (const { taskId, entries } of this.identities) {
      if (entries.every(([k, v]) => env.get(k) === v)) return taskId;
    }
    return void 0;
  }
  /** The task whose `sh -c <command>` this argv is, when exactly one task runs that command. */
  matchCommand(argv) {
    if (!argv || argv.length !== 3 || argv[1] !== "-c" || !/(^|\/)sh$/.test(argv[0])) return void 0;
    return this.byCommand.get(argv[2]) ?? void 0;
  }
  /** A value of IO_TRACE_TASK that names no task (reported, so a typo does not go unnoticed). */
  unknownExplicit(env) {
    const explicit = env.get(TASK_ENV_VAR);
    return explicit !== void 0 && !this.byTaskEnv.has(explicit) ? explicit : void 0;
  }
};
var ProcessTable = class {
  constructor(options) {
    this.options = options;
    this.readEnviron = options.readEnviron ?? readProcEnviron;
    this.readCmdline = options.readCmdline ?? readProcCmdline;
    const resolve = cachedResolver();
    this.classify = options.packageManagerOf ?? ((facts) => packageManagerOf(facts, resolve));
    const root = this.create(options.rootPid, null, null, options.startedAt);
    this.readTask(root);
  }
  options;
  byPid = /* @__PURE__ */ new Map();
  all = [];
  dirty = /* @__PURE__ */ new Set();
  readEnviron;
  readCmdline;
  classify;
  /** Processes whose environment could not be read at exec (too short-lived): they inherit. */
  environMisses = 0;
  unknownTaskNames = /* @__PURE__ */ new Set();
  /** The per-run key of the process currently holding `pid` (creating a placeholder if unseen). */
  keyFor(pid, ts) {
    return (this.byPid.get(pid) ?? this.create(pid, null, null, ts)).key;
  }
  fork(parentPid, childPid, ts) {
    const parent = this.byPid.get(parentPid) ?? this.create(parentPid, null, null, ts);
    const existing = this.byPid.get(childPid);
    if (existing && existing.parentKey === null && existing.key !== 1 && existing.endedAt === null) {
      existing.parentKey = parent.key;
      existing.ppid = parentPid;
      existing.startedAt = Math.min(existing.startedAt ?? ts, ts);
      existing.cwd ??= parent.cwd;
      this.dirty.add(existing);
      return;
    }
    const child = this.create(childPid, parent.key, parentPid, ts);
    child.exe = parent.exe;
    child.argv = parent.argv;
    child.cwd = parent.cwd;
    child.packageManager = parent.packageManager;
  }
  /**
   * `argvTruncated`: the tracer cut argv (bpftrace's string limit): read it whole from /proc if still there.
   * `env`: the identity variables the tracer read at the exec itself (ExecEvent.env). Used when it
   * covers every variable the plan's identities use; otherwise (or when absent) /proc/PID/environ is
   * read, which a process that already exited no longer has.
   */
  exec(pid, exe, argv, cwd, ts, argvTruncated = false, env) {
    const p = this.byPid.get(pid) ?? this.create(pid, null, null, ts);
    if (p.execAt !== void 0 && ts < p.execAt) return;
    p.execAt = ts;
    p.exe = exe;
    p.argv = argvTruncated ? wholeArgv(argv, this.readCmdline(pid)) : argv;
    if (cwd !== void 0) p.cwd = cwd;
    const usable = env !== void 0 && [...this.options.matcher.envKeys].every((k) => IDENTITY_ENV_VARS.includes(k));
    this.readTask(p, usable ? new Map(Object.entries(env)) : void 0);
    p.packageManager = this.classify({ exe: p.exe, argv: p.argv, cwd: p.cwd });
    this.dirty.add(p);
  }
  exit(pid, ts) {
    const p = this.byPid.get(pid);
    if (!p) return;
    p.endedAt = ts;
    this.dirty.add(p);
  }
  create(pid, parentKey, ppid, ts) {
    const p = { key: this.all.length + 1, pid, parentKey, ppid, ownTask: void 0, exe: null, argv: null, cwd: null, startedAt: ts, endedAt: null, packageManager: void 0 };
    this.all.push(p);
    this.byPid.set(pid, p);
    this.dirty.add(p);
    return p;
  }
  readTask(p, fromTracer) {
    const env = fromTracer ?? this.readEnviron(p.pid);
    if (!env) {
      this.environMisses++;
      const byCommand = this.options.matcher.matchCommand(p.argv);
      if (byCommand !== void 0) p.ownTask = byCommand;
      return;
    }
    const unknown = this.options.matcher.unknownExplicit(env);
    if (unknown !== void 0) this.unknownTaskNames.add(unknown);
    const task2 = this.options.matcher.match(env);
    if (task2 !== void 0) p.ownTask = task2;
    else {
      const ids = [...this.options.matcher.envKeys].filter((k) => k !== TASK_ENV_VAR && env.has(k));
      if (ids.length) p.identityEnv = new Map(ids.map((k) => [k, env.get(k)]));
    }
  }
  /**
   * Processes whose identity variables named no planned task, matched again with what the run itself
   * said (turbo prints each task's hash: a task `env` variable the dry run did not see gives the build's
   * tasks other hashes). Returns how many were adopted; every record is then re-emitted (descendants
   * inherit).
   */
  adopt(match) {
    let n = 0;
    for (const p of this.all) {
      if (p.ownTask !== void 0 || !p.identityEnv) continue;
      const task2 = match(p.identityEnv);
      if (task2 === void 0) continue;
      p.ownTask = task2;
      n++;
    }
    if (n) for (const p of this.all) this.dirty.add(p);
    return n;
  }
  /** Task of a process: its own identity, else its nearest ancestor's, else the default task. */
  taskOf(p, memo) {
    const chain = [];
    let cur = p;
    let found = null;
    while (cur) {
      const known = memo.get(cur.key);
      if (known !== void 0) {
        found = known;
        break;
      }
      chain.push(cur);
      if (cur.ownTask !== void 0) {
        found = cur.ownTask;
        break;
      }
      cur = cur.parentKey !== null ? this.all[cur.parentKey - 1] : void 0;
    }
    if (found === null && !cur) found = this.options.defaultTask ?? null;
    for (const c of chain) memo.set(c.key, found);
    return found;
  }
  /** Records with tasks decided; `onlyDirty` returns just those changed since the last call. */
  records(onlyDirty = false) {
    const memo = /* @__PURE__ */ new Map();
    const list2 = onlyDirty ? [...this.dirty] : this.all;
    this.dirty.clear();
    return list2.map((p) => {
      const pm = p.packageManager !== void 0;
      const taskId = pm ? null : this.taskOf(p, memo);
      return {
        key: p.key,
        pid: p.pid,
        parentKey: p.parentKey,
        ppid: p.ppid,
        taskId,
        role: pm ? DISCOVERING_ORCHESTRATORS.has(p.packageManager) ? "orchestrator" : "package-manager" : taskId !== null ? "task" : this.options.outsideRole,
        exe: p.exe,
        argv: p.argv,
        cwd: p.cwd,
        startedAt: p.startedAt,
        endedAt: p.endedAt
      };
    });
  }
  get size() {
    return this.all.length;
  }
};
function wholeArgv(cut2, full) {
  if (!full || full.length < cut2.length) return cut2;
  for (let i = 0; i < cut2.length; i++) if (!full[i].startsWith(cut2[i])) return cut2;
  return full;
}

// src/core/spans.ts
import { AsyncLocalStorage } from "node:async_hooks";
var StoreSpanRecorder = class {
  target;
  pending = [];
  current = new AsyncLocalStorage();
  bind(store, runId) {
    this.target = { store, runId };
    for (const p of this.pending.splice(0)) this.write(p);
  }
  async withSpan(name, attributes, fn) {
    const span = { kind: "span", name, startTs: Date.now(), attributes, parent: this.current.getStore() };
    this.write(span);
    const t0 = performance.now();
    try {
      const result = await this.current.run(span, fn);
      this.close(span, performance.now() - t0, "ok");
      return result;
    } catch (e2) {
      this.close(span, performance.now() - t0, "error", e2 instanceof Error ? e2.message : String(e2));
      throw e2;
    }
  }
  recordSpan(name, startTs, durationMs, attributes = {}, options = {}) {
    const parent = options.parent === void 0 ? this.current.getStore() : options.parent === null ? void 0 : options.parent;
    const span = {
      kind: "span",
      name,
      startTs,
      durationMs,
      status: options.status ?? "ok",
      attributes,
      parent,
      ...options.error !== void 0 ? { error: options.error } : {}
    };
    this.write(span);
    return span;
  }
  recordMetric(name, value, attributes = {}) {
    this.write({ kind: "metric", name, startTs: Date.now(), value, attributes, parent: this.current.getStore() });
  }
  close(span, durationMs, status, error) {
    span.durationMs = durationMs;
    span.status = status;
    if (error !== void 0) span.error = error;
    if (span.id === void 0 || !this.target) return;
    try {
      this.target.store.updateEvent(span.id, { durationMs, status, error: error ?? null });
    } catch {
    }
  }
  write(p) {
    if (!this.target) {
      this.pending.push(p);
      return;
    }
    try {
      const { kind, name, startTs, durationMs, status, error, value, attributes } = p;
      p.id = this.target.store.addEvent(this.target.runId, { kind, name, startTs, durationMs, status, error, value, attributes, parentId: p.parent?.id ?? null });
    } catch {
    }
  }
};

// src/run/host-facts.ts
import { readFileSync as readFileSync11 } from "node:fs";
import os from "node:os";
function collectHostFacts(env = process.env) {
  const facts = {
    kernel: os.release(),
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
    hostname: os.hostname()
  };
  if (env.GITHUB_ACTIONS) facts.github = githubFacts(env);
  return facts;
}
function githubFacts(env) {
  const out = {};
  const set = (k, v) => {
    if (v !== void 0 && v !== "") out[k] = v;
  };
  set("repository", env.GITHUB_REPOSITORY);
  set("runId", env.GITHUB_RUN_ID);
  set("runAttempt", env.GITHUB_RUN_ATTEMPT);
  set("workflow", env.GITHUB_WORKFLOW);
  set("job", env.GITHUB_JOB);
  set("eventName", env.GITHUB_EVENT_NAME);
  set("ref", env.GITHUB_REF);
  set("sha", env.GITHUB_SHA);
  set("runnerOs", env.RUNNER_OS);
  set("runnerArch", env.RUNNER_ARCH);
  set("runnerName", env.RUNNER_NAME);
  const pr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "");
  if (pr) out.pr = Number(pr[1]);
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = JSON.parse(readFileSync11(env.GITHUB_EVENT_PATH, "utf8"));
      if (typeof event.pull_request?.number === "number") out.pr = event.pull_request.number;
      set("headSha", event.pull_request?.head?.sha);
    } catch {
    }
  }
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    out.url = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ""}`;
  }
  return out;
}

// src/store/normalise-path.ts
import { lstatSync as lstatSync2, realpathSync as realpathSync7 } from "node:fs";
import path15 from "node:path";
var PathNormaliser = class {
  dirs = /* @__PURE__ */ new Map();
  normalise(p) {
    if (!MAY_CHANGE.test(p)) return p;
    const slash = p.lastIndexOf("/");
    if (slash < 0) return p;
    const base = p.slice(slash + 1);
    if (base === "" || base === "." || base === "..") return this.dir(p);
    const dir = slash === 0 ? "/" : p.slice(0, slash);
    const d = this.dir(dir);
    return d === "/" ? `/${base}` : `${d}/${base}`;
  }
  dir(d) {
    let n = this.dirs.get(d);
    if (n === void 0) {
      n = resolveDir(d);
      this.dirs.set(d, n);
    }
    return n;
  }
};
var MAY_CHANGE = /\/\/|\/\.|\/$|\/node_modules(\/|$)/;
function resolveDir(d) {
  let out = cleanDir(d);
  if (out.includes("/node_modules/") || out.endsWith("/node_modules")) {
    const real = safeRealpath2(out);
    if (real !== void 0 && !/\/node_modules(\/|$)/.test(real)) out = real;
  }
  return out;
}
function cleanDir(d) {
  if (!/\/\/|\/\.\.?(\/|$)|.\/$/.test(d)) return d;
  const parts = [];
  for (const c of d.split("/")) {
    if (c === "" || c === ".") continue;
    if (c === "..") {
      const prefix = `/${parts.join("/")}`;
      if (parts.length > 0 && isSymlink(prefix)) {
        const real = safeRealpath2(prefix);
        if (real !== void 0) {
          parts.length = 0;
          parts.push(...path15.posix.dirname(real).split("/").filter(Boolean));
          continue;
        }
      }
      parts.pop();
      continue;
    }
    parts.push(c);
  }
  return `/${parts.join("/")}`;
}
function isSymlink(p) {
  try {
    return lstatSync2(p).isSymbolicLink();
  } catch {
    return false;
  }
}
function safeRealpath2(p) {
  try {
    return realpathSync7.native(p);
  } catch {
    return void 0;
  }
}

// src/store/ingest.ts
var TraceIngestor = class {
  constructor(store, runId, processes, options = {}) {
    this.store = store;
    this.runId = runId;
    this.processes = processes;
    const o = typeof options === "number" ? { flushIntervalMs: options } : options;
    const flushIntervalMs = o.flushIntervalMs ?? 1e3;
    this.onWriteError = o.onWriteError;
    if (flushIntervalMs > 0) {
      this.timer = setInterval(() => this.flush(), flushIntervalMs);
      this.timer.unref();
    }
  }
  store;
  runId;
  processes;
  accesses = /* @__PURE__ */ new Map();
  fresh = [];
  changed = [];
  pendingNotices = [];
  timer;
  onWriteError;
  paths = new PathNormaliser();
  notices = [];
  eventCount = 0;
  /** The error of the last write that failed, while what it carried is still not in the database. */
  unsaved = void 0;
  /** The tracer's EventSink. */
  sink = (batch) => {
    this.eventCount += batch.length;
    for (const e2 of batch) {
      switch (e2.type) {
        case "access": {
          const procKey = this.processes.keyFor(e2.pid, e2.ts);
          const path33 = this.paths.normalise(e2.path);
          const key2 = `${procKey}\0${e2.op}\0${e2.errno}\0${path33}`;
          const a = this.accesses.get(key2);
          if (a === void 0) {
            const rec = { procKey, path: path33, op: e2.op, errno: e2.errno, count: 1, firstTs: e2.ts, lastTs: e2.ts, dirty: false };
            this.accesses.set(key2, rec);
            this.fresh.push(rec);
          } else {
            a.count++;
            if (e2.ts < a.firstTs) a.firstTs = e2.ts;
            if (e2.ts > a.lastTs) a.lastTs = e2.ts;
            if (a.rowId !== void 0 && !a.dirty) {
              a.dirty = true;
              this.changed.push(a);
            }
          }
          break;
        }
        case "fork":
          this.processes.fork(e2.pid, e2.child, e2.ts);
          break;
        case "exec":
          this.processes.exec(e2.pid, e2.path, e2.argv, e2.cwd, e2.ts, e2.argvTruncated === true, e2.env);
          break;
        case "exit":
          this.processes.exit(e2.pid, e2.ts);
          break;
        case "notice":
          this.notices.push(e2);
          this.pendingNotices.push(e2);
          break;
      }
    }
  };
  /** Write everything pending to the database; false (and `unsaved` set) if the database refused. */
  flush() {
    return this.attempt(() => this.write(), true);
  }
  /** Final flush: every process re-saved with its task decided on the whole tree. Never throws. */
  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = void 0;
    this.attempt(() => {
      this.write();
      this.store.saveProcesses(this.runId, this.processes.records(false));
    }, false);
  }
  attempt(fn, tell) {
    try {
      fn();
      this.unsaved = void 0;
      return true;
    } catch (e2) {
      if (tell && this.unsaved === void 0) this.onWriteError?.(e2);
      this.unsaved = e2;
      if (this.timer) clearInterval(this.timer);
      this.timer = void 0;
      return false;
    }
  }
  write() {
    if (this.pendingNotices.length) {
      const notices = this.pendingNotices;
      this.pendingNotices = [];
      try {
        this.store.db.transaction(() => {
          for (const e2 of notices) {
            this.store.addEvent(this.runId, {
              kind: "notice",
              name: e2.kind,
              startTs: e2.ts,
              attributes: { message: e2.message, ...e2.pid !== void 0 ? { pid: e2.pid } : {}, ...e2.count !== void 0 ? { count: e2.count } : {} }
            });
          }
        });
      } catch (e2) {
        this.pendingNotices = notices.concat(this.pendingNotices);
        throw e2;
      }
    }
    const procs = this.processes.records(true);
    if (procs.length) this.store.saveProcesses(this.runId, procs);
    if (this.fresh.length || this.changed.length) {
      const fresh = this.fresh;
      const changed = this.changed;
      this.fresh = [];
      this.changed = [];
      try {
        this.store.writeAccesses(this.runId, fresh, changed);
      } catch (e2) {
        for (const a of fresh) a.rowId = void 0;
        this.fresh = fresh.concat(this.fresh);
        this.changed = changed.concat(this.changed);
        throw e2;
      }
      for (const a of changed) a.dirty = false;
    }
  }
  get distinctAccesses() {
    return this.accesses.size;
  }
};

// src/tracer/launch.ts
import { spawn as spawn3 } from "node:child_process";
import { readFileSync as readFileSync12 } from "node:fs";
import { userInfo } from "node:os";
function resolveUser(spec) {
  let passwd;
  try {
    passwd = readFileSync12("/etc/passwd", "utf8");
  } catch (e2) {
    throw new ConfigurationError(`--user ${spec}: cannot read /etc/passwd (${e2.message})`);
  }
  for (const line of passwd.split("\n")) {
    const f = line.split(":");
    if (f.length < 7) continue;
    if (f[0] === spec || f[2] === spec) {
      return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
    }
  }
  throw new ConfigurationError(`--user ${spec}: no such user in /etc/passwd; create it or pass an existing user name`);
}
var STOP_THEN_EXEC = 'kill -STOP $$; exec "$@"';
async function launchStopped(options) {
  if (options.command.length === 0) {
    throw new ConfigurationError("no build command given: put it after `--`, e.g. `io-trace run -- npm run build`");
  }
  let file = options.shell ?? "/bin/sh";
  let args = ["-c", STOP_THEN_EXEC, "io-trace-build", ...options.command];
  const env = { ...options.env };
  if (options.user !== void 0) {
    const user = resolveUser(options.user);
    if (process.getuid?.() !== 0 && userInfo().uid !== user.uid) {
      throw new ConfigurationError(`--user ${options.user}: io-trace must run as root to start the build as another user`);
    }
    args = ["--reuid", String(user.uid), "--regid", String(user.gid), "--init-groups", "--", file, ...args];
    file = "setpriv";
    env.HOME = user.home;
    env.USER = user.name;
    env.LOGNAME = user.name;
  }
  const child = spawn3(file, args, {
    cwd: options.cwd,
    env,
    stdio: [options.stdin ?? "inherit", "pipe", "pipe"],
    // Its own process group, so a cancel reaches the whole build (a shell waiting for a child ignores
    // SIGINT until the child exits), and io-trace's own group is left alone.
    detached: true
  });
  const exited = new Promise((resolve, reject) => {
    child.once("error", (e2) => reject(new TracerError(`cannot start the build (${file}): ${e2.message}`)));
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  exited.catch(() => {
  });
  const pid = child.pid;
  if (pid === void 0) {
    await exited;
    throw new TracerError(`cannot start the build: ${file} did not start`);
  }
  const deadline = Date.now() + 1e4;
  for (; ; ) {
    const state = processState(pid);
    if (state === "T" || state === "t") break;
    if (state === void 0 || state === "Z" || child.exitCode !== null || child.signalCode !== null) {
      const exit = await exited;
      throw new TracerError(
        `the build's launcher exited before it could be traced (code ${exit.code}, signal ${exit.signal}); ` + (options.user ? `check that user ${options.user} may run ${options.command[0]}` : "is /bin/sh present?")
      );
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new TracerError(`the build's launcher (pid ${pid}) did not stop within 10 s`);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  let resumed = false;
  return {
    pid,
    child,
    exited,
    resume() {
      if (resumed) return;
      resumed = true;
      process.kill(pid, "SIGCONT");
    },
    signal(sig) {
      try {
        process.kill(-pid, sig);
      } catch {
        try {
          process.kill(pid, sig);
        } catch {
        }
      }
    }
  };
}
function processStart(pid) {
  try {
    const stat = readFileSync12(`/proc/${pid}/stat`, "latin1");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], startTicks: Number(fields[19]) };
  } catch {
    return void 0;
  }
}
function processState(pid) {
  return processStart(pid)?.state;
}

// src/tracer/standby.ts
import { spawn as spawn4 } from "node:child_process";
import { createHash as createHash2, randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { chmodSync, closeSync as closeSync3, existsSync as existsSync12, lstatSync as lstatSync3, mkdirSync as mkdirSync2, openSync as openSync3, readFileSync as readFileSync13, readlinkSync, readSync as readSync2, renameSync, rmSync as rmSync3, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import path16 from "node:path";
import { PassThrough } from "node:stream";
var STANDBY_ENV = "IO_TRACE_STANDBY";
var STANDBY_RECORD = "standby.json";
var STANDBY_OUTPUT = "bpftrace-output.jsonl";
var STANDBY_STDERR = "bpftrace-stderr.log";
var STANDBY_SCRIPT = "iotrace.bt";
var STANDBY_SAMPLING = "tracepoint-sampling.txt";
var READY_RECORD = '"R\\t';
var READY_RECORD_WITHIN = 4096;
function standbyDir(env = process.env) {
  return path16.resolve(env[STANDBY_ENV] || path16.join(env.RUNNER_TEMP || tmpdir3(), "io-trace-standby"));
}
function scriptHash(script) {
  return createHash2("sha256").update(script).digest("hex").slice(0, 16);
}
function newNonce() {
  return `iot-${randomBytes(5).toString("hex")}`;
}
function prepareStandbyDir(dir, nonce) {
  if (existsSync12(dir)) {
    throw new TracerError(`a standby tracer folder exists already at ${dir}: stop it first (io-trace tracer stop) or pick another folder with ${STANDBY_ENV}`);
  }
  mkdirSync2(dir, { recursive: true, mode: 493 });
  chmodSync(dir, 493);
  const launcher = path16.join(dir, nonce);
  symlinkSync("/bin/sh", launcher);
  return { dir, launcher, output: path16.join(dir, STANDBY_OUTPUT), stderr: path16.join(dir, STANDBY_STDERR), script: path16.join(dir, STANDBY_SCRIPT), sampling: path16.join(dir, STANDBY_SAMPLING) };
}
function writeStandbyRecord(dir, record) {
  const tmp = path16.join(dir, `.${STANDBY_RECORD}.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(record, null, 2) + "\n");
  renameSync(tmp, path16.join(dir, STANDBY_RECORD));
}
function readStandbyRecord(dir) {
  const file = path16.join(dir, STANDBY_RECORD);
  let record;
  try {
    record = JSON.parse(readFileSync13(file, "utf8"));
  } catch (e2) {
    throw new TracerError(`standby tracer at ${dir}: cannot read ${STANDBY_RECORD} (${e2.message})`);
  }
  if (!Number.isInteger(record.pid) || !Number.isInteger(record.startTicks) || typeof record.nonce !== "string" || typeof record.launcher !== "string") {
    throw new TracerError(`standby tracer at ${dir}: ${STANDBY_RECORD} is malformed`);
  }
  return record;
}
function standbyAlive(record) {
  const p = processStart(record.pid);
  return p !== void 0 && p.startTicks === record.startTicks && p.state !== "Z";
}
function signalStandby(record, signal) {
  if (!standbyAlive(record) || processComm(record.pid) !== "bpftrace") return;
  const viaSudo = () => {
    const k = spawn4("sudo", ["-n", "kill", "-s", signal.replace(/^SIG/, ""), String(record.pid)], { stdio: "ignore" });
    k.on("error", () => {
    });
  };
  if (record.sudo) return viaSudo();
  try {
    process.kill(record.pid, signal);
  } catch (e2) {
    if (e2.code === "EPERM") viaSudo();
  }
}
function discardStandby(dir, record, signal = "SIGINT") {
  if (record) signalStandby(record, signal);
  rmSync3(dir, { recursive: true, force: true });
}
function stopStandby(dir) {
  if (!existsSync12(dir)) return void 0;
  let record;
  try {
    record = readStandbyRecord(dir);
  } catch {
  }
  const wasAlive = record !== void 0 && standbyAlive(record);
  discardStandby(dir, record);
  return { wasAlive };
}
function processComm(pid) {
  try {
    return readFileSync13(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}
function untrustedFolder(dir) {
  let st;
  try {
    st = lstatSync3(dir);
  } catch {
    return void 0;
  }
  const uid = process.geteuid?.() ?? 0;
  if (!st.isDirectory()) return `${dir} is not a folder`;
  if (st.uid !== uid) return `${dir} belongs to uid ${st.uid}, not to this user (uid ${uid})`;
  if ((st.mode & 18) !== 0) return `${dir} can be written by other users`;
  return void 0;
}
function claimStandby(dir, ownScriptHash) {
  if (!existsSync12(path16.join(dir, STANDBY_RECORD))) return { none: true };
  const untrusted = untrustedFolder(dir);
  if (untrusted) return { unusable: `not using the standby tracer folder: ${untrusted}` };
  const claimedDir = `${dir}.claimed-${process.pid}-${Date.now()}`;
  try {
    renameSync(dir, claimedDir);
  } catch {
    return { none: true };
  }
  const files = {
    dir: claimedDir,
    launcher: "",
    output: path16.join(claimedDir, STANDBY_OUTPUT),
    stderr: path16.join(claimedDir, STANDBY_STDERR),
    script: path16.join(claimedDir, STANDBY_SCRIPT),
    sampling: path16.join(claimedDir, STANDBY_SAMPLING)
  };
  const drop = (why, record2) => {
    discardStandby(claimedDir, record2);
    return { unusable: why };
  };
  let record;
  try {
    record = readStandbyRecord(claimedDir);
  } catch (e2) {
    return drop(e2.message);
  }
  files.launcher = path16.join(claimedDir, record.nonce);
  let launcherTarget = "";
  try {
    launcherTarget = lstatSync3(files.launcher).isSymbolicLink() ? readlinkSync(files.launcher) : "";
  } catch {
  }
  if (!/^iot-[0-9a-f]{10}$/.test(record.nonce) || launcherTarget !== "/bin/sh") {
    return drop(`the standby tracer's launcher is not a link to /bin/sh named by its nonce: not used`, record);
  }
  if (record.scriptHash !== ownScriptHash) {
    return drop(`the standby tracer was started by another io-trace (${record.ioTraceVersion}, another script)`, record);
  }
  if (!standbyAlive(record)) {
    const why = stderrTail(files.stderr);
    const idle = Date.now() - record.startedAt > record.idleSeconds * 1e3;
    return drop(`the standby tracer (pid ${record.pid}) is gone${idle ? ` (idle limit of ${record.idleSeconds} s reached)` : ""}${why ? `: ${why}` : ""}`);
  }
  return { claimed: { record, dir: claimedDir, files } };
}
function standbyReady(files) {
  try {
    return readFileSync13(files.output, "utf8").slice(0, READY_RECORD_WITHIN).includes(READY_RECORD);
  } catch {
    return false;
  }
}
async function waitStandbyReady(claimed, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!standbyReady(claimed.files)) {
    if (!standbyAlive(claimed.record)) {
      const why = stderrTail(claimed.files.stderr);
      return `the standby tracer (pid ${claimed.record.pid}) exited before it attached${why ? `: ${why}` : ""}`;
    }
    if (Date.now() > deadline) return `the standby tracer (pid ${claimed.record.pid}) did not attach within ${timeoutMs / 1e3} s`;
    await new Promise((r) => setTimeout(r, 10));
  }
  const comm = processComm(claimed.record.pid);
  return comm === "bpftrace" ? null : `the standby tracer's pid ${claimed.record.pid} is ${JSON.stringify(comm)}, not bpftrace: not used`;
}
function stderrTail(file) {
  try {
    return readFileSync13(file, "utf8").split("\n").filter((l) => l.trim() && !/RLIMIT_MEMLOCK|^Attach/.test(l)).slice(-4).join(" | ");
  } catch {
    return "";
  }
}
var StandbyProcess = class extends EventEmitter {
  constructor(record, files, pollMs = 5) {
    super();
    this.record = record;
    this.pid = record.pid;
    this.out = openSync3(files.output, "r");
    this.err = openSync3(files.stderr, "r");
    this.timer = setInterval(() => this.poll(), pollMs);
    setImmediate(() => this.poll());
  }
  record;
  pid;
  stdout = new PassThrough();
  stderr = new PassThrough();
  exitCode = null;
  signalCode = null;
  out;
  err;
  outPos = 0;
  errPos = 0;
  buf = Buffer.alloc(1 << 20);
  timer;
  lastAliveCheck = 0;
  gone = false;
  readAll(fd, from, into) {
    let pos = from;
    for (; ; ) {
      const n = readSync2(fd, this.buf, 0, this.buf.length, pos);
      if (n <= 0) return pos;
      into.write(Buffer.from(this.buf.subarray(0, n)));
      pos += n;
    }
  }
  poll() {
    if (this.gone) return;
    this.outPos = this.readAll(this.out, this.outPos, this.stdout);
    this.errPos = this.readAll(this.err, this.errPos, this.stderr);
    const now = Date.now();
    if (now - this.lastAliveCheck < 100) return;
    this.lastAliveCheck = now;
    if (standbyAlive(this.record)) return;
    this.outPos = this.readAll(this.out, this.outPos, this.stdout);
    this.errPos = this.readAll(this.err, this.errPos, this.stderr);
    this.close();
    this.exitCode = -1;
    this.emit("exit", null, null);
  }
  close() {
    this.gone = true;
    clearInterval(this.timer);
    for (const fd of [this.out, this.err]) {
      try {
        closeSync3(fd);
      } catch {
      }
    }
    this.stdout.end();
    this.stderr.end();
  }
  kill(signal = "SIGTERM") {
    if (this.gone) return false;
    signalStandby(this.record, signal);
    return true;
  }
  /** Stop reading (the session lets bpftrace detach on its own). */
  unref() {
    if (!this.gone) this.close();
  }
};

// src/tracer/none.ts
var NoneTracer = class {
  name = "none";
  async check() {
    return { available: true, version: "-" };
  }
  attach() {
    return {
      ready: Promise.resolve(),
      finish: async () => ({ lostEvents: 0, incompleteReasons: [], eventCount: 0, diagnostics: [] })
    };
  }
};

// src/tracer/select.ts
async function selectTracer(request, candidates, log) {
  if (request === "none") return { tracer: new NoneTracer(), version: null, reason: "tracing turned off (--tracer none)", next: [] };
  const skipped = [];
  for (const [i, tracer] of candidates.entries()) {
    if (request !== "auto" && tracer.name !== request) continue;
    const a = await tracer.check();
    if (a.available) {
      const reason = request === "auto" ? skipped.length ? `auto: ${skipped.join("; ")}; using ${tracer.name}` : `auto: ${tracer.name} is available` : `requested: ${tracer.name}`;
      return { tracer, version: a.version ?? null, reason, next: request === "auto" ? candidates.slice(i + 1) : [] };
    }
    if (request !== "auto") throw new TracerError(`--tracer ${request} cannot run here: ${a.reason ?? "unavailable"}`);
    skipped.push(`${tracer.name} unavailable (${a.reason ?? "unknown reason"})`);
    log.warn(`${tracer.name} unavailable: ${a.reason ?? "unknown reason"}`);
  }
  if (request !== "auto") throw new TracerError(`unknown tracer ${JSON.stringify(request)}: use auto, bpftrace, strace or none`);
  return { tracer: new NoneTracer(), version: null, reason: `auto: no tracer works here (${skipped.join("; ")}); the build ran untraced`, next: [] };
}

// src/transcript/index.ts
import { closeSync as closeSync4, existsSync as existsSync13, openSync as openSync4, readFileSync as readFileSync14, readSync as readSync3 } from "node:fs";

// src/transcript/lines.ts
function* splitLines(data) {
  let start = 0;
  let no = 0;
  while (start < data.length) {
    let nl = data.indexOf(10, start);
    if (nl === -1) nl = data.length;
    no++;
    let end = nl;
    if (end > start && data[end - 1] === 13) end--;
    yield { no, text: data.toString("utf8", start, end), endOffset: nl };
    start = nl + 1;
  }
}
function timeAt(times, offset) {
  if (!times || times.offsets.length === 0) return void 0;
  let lo = 0;
  let hi = times.offsets.length - 1;
  if (offset < times.offsets[0]) return times.times[0];
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (times.offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return times.times[lo];
}
function parseChunkTimes(text) {
  const offsets = [];
  const times = [];
  for (const line of text.split("\n")) {
    const [o, t] = line.trim().split(/\s+/);
    const off = Number(o);
    const ts = Number(t);
    if (line.trim() === "" || !Number.isFinite(off) || !Number.isFinite(ts)) continue;
    if (offsets.length && off < offsets[offsets.length - 1]) continue;
    offsets.push(off);
    times.push(ts);
  }
  return { offsets, times };
}
function tsOf(obj) {
  for (const key2 of ["timestamp", "ts", "time", "@timestamp", "timestamp_ms", "created_at", "createdAt"]) {
    const v = obj[key2];
    if (typeof v === "number" && Number.isFinite(v)) return v < 1e11 ? v * 1e3 : v;
    if (typeof v === "string" && v) {
      const n = Number(v);
      if (Number.isFinite(n) && /^\d+(\.\d+)?$/.test(v)) return n < 1e11 ? n * 1e3 : n;
      const d = Date.parse(v);
      if (Number.isFinite(d)) return d;
    }
  }
  return void 0;
}
function oneLine(value, max = 200) {
  let s;
  if (typeof value === "string") s = value;
  else {
    try {
      s = JSON.stringify(value) ?? "";
    } catch {
      s = String(value);
    }
  }
  s = s.replace(/\s+/g, " ").trim();
  return s.length > max ? s.slice(0, max - 1) + "\u2026" : s;
}

// src/transcript/claude.ts
var CLAUDE_LINE_TYPES = /* @__PURE__ */ new Set(["system", "assistant", "user", "result", "stream_event"]);
function looksLikeClaude(obj) {
  const t = obj.type;
  if (typeof t !== "string" || !CLAUDE_LINE_TYPES.has(t)) return false;
  return "session_id" in obj || "sessionId" in obj || typeof obj.message === "object" && obj.message !== null || t === "result" && "subtype" in obj;
}
function parseClaudeLine(line, times, toolNames) {
  let obj;
  try {
    obj = JSON.parse(line.text);
  } catch {
    return { items: line.text.trim() ? [{ kind: "text", line: line.no, text: line.text, ...at2(void 0, times, line) }] : [], bad: line.text.trim() !== "" };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return { items: [{ kind: "event", line: line.no, text: oneLine(obj), ...at2(void 0, times, line) }], bad: false };
  }
  const o = obj;
  const base = { line: line.no, ...at2(tsOf(o), times, line) };
  const type = typeof o.type === "string" ? o.type : "";
  const items = [];
  switch (type) {
    case "system": {
      const tools = Array.isArray(o.tools) ? o.tools.length : void 0;
      const parts = [o.subtype, o.model && `model ${o.model}`, tools !== void 0 && `${tools} tools`, o.cwd && `cwd ${o.cwd}`].filter(Boolean);
      items.push({ ...base, kind: "system", name: typeof o.subtype === "string" ? o.subtype : "system", text: parts.join(", ") });
      break;
    }
    case "assistant":
    case "user": {
      const message = o.message ?? {};
      const role = message.role ?? type;
      const content = message.content;
      if (typeof content === "string") {
        items.push({ ...base, kind: "message", role, text: content });
        break;
      }
      if (!Array.isArray(content)) break;
      for (const block2 of content) {
        if (!block2 || typeof block2 !== "object") continue;
        switch (block2.type) {
          case "text":
            items.push({ ...base, kind: "message", role, text: String(block2.text ?? "") });
            break;
          case "thinking":
            items.push({ ...base, kind: "thinking", role, text: String(block2.thinking ?? "") });
            break;
          case "tool_use":
          case "server_tool_use": {
            const name = String(block2.name ?? "tool");
            const id = typeof block2.id === "string" ? block2.id : void 0;
            if (id) toolNames.set(id, name);
            items.push({ ...base, kind: "tool_call", role, name, ...id ? { id } : {}, input: block2.input, text: summariseToolInput(name, block2.input) });
            break;
          }
          case "tool_result": {
            const id = typeof block2.tool_use_id === "string" ? block2.tool_use_id : void 0;
            const name = id ? toolNames.get(id) : void 0;
            items.push({
              ...base,
              kind: "tool_result",
              role,
              ...name ? { name } : {},
              ...id ? { id } : {},
              text: resultText(block2.content),
              isError: block2.is_error === true
            });
            break;
          }
          default:
            break;
        }
      }
      break;
    }
    case "result": {
      const facts = [
        typeof o.num_turns === "number" && `${o.num_turns} turns`,
        typeof o.duration_ms === "number" && `${(o.duration_ms / 1e3).toFixed(1)} s`,
        typeof o.total_cost_usd === "number" && `$${o.total_cost_usd.toFixed(4)}`
      ].filter(Boolean);
      const text = typeof o.result === "string" ? o.result : "";
      items.push({ ...base, kind: "result", name: typeof o.subtype === "string" ? o.subtype : "result", text: [facts.join(", "), text].filter(Boolean).join(": "), isError: o.is_error === true });
      break;
    }
    case "stream_event":
      break;
    default:
      items.push({ ...base, kind: "event", name: type || "event", text: oneLine(o) });
  }
  return { items, bad: false };
}
function at2(own, times, line) {
  const ts = own ?? timeAt(times, line.endOffset);
  return ts === void 0 ? {} : { ts };
}
function summariseToolInput(name, input) {
  if (!input || typeof input !== "object") return oneLine(input ?? "");
  const i = input;
  const first = ["command", "file_path", "notebook_path", "path", "pattern", "url", "query", "description", "prompt"].find((k) => typeof i[k] === "string");
  if (first) {
    const extra = name === "Grep" && typeof i.path === "string" && first === "pattern" ? ` in ${i.path}` : "";
    return oneLine(String(i[first]) + extra);
  }
  return oneLine(input);
}
function resultText(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((c) => c && typeof c === "object" && c.type === "text" ? String(c.text ?? "") : "").filter(Boolean).join("\n");
  }
  return content === void 0 || content === null ? "" : oneLine(content);
}

// src/transcript/codex.ts
var CODEX_EVENT_TYPES = /* @__PURE__ */ new Set(["thread.started", "thread.resumed", "turn.started", "turn.completed", "turn.failed", "item.started", "item.updated", "item.completed"]);
var TOOL_ITEMS = /* @__PURE__ */ new Set(["command_execution", "file_change", "mcp_tool_call", "web_search"]);
function looksLikeCodex(obj) {
  const t = obj.type;
  if (typeof t !== "string") return false;
  if (CODEX_EVENT_TYPES.has(t)) return t.startsWith("item.") ? typeof obj.item === "object" && obj.item !== null : true;
  return t === "error" && typeof obj.message === "string" && !("session_id" in obj);
}
function parseCodexLine(line, times) {
  if (line.text.trim() === "") return { items: [], bad: false };
  const ts = (own) => {
    const t = own ?? timeAt(times, line.endOffset);
    return t === void 0 ? {} : { ts: t };
  };
  let obj;
  try {
    obj = JSON.parse(line.text);
  } catch {
    return { items: [{ kind: "text", line: line.no, text: line.text, ...ts(void 0) }], bad: true };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return { items: [{ kind: "event", line: line.no, text: oneLine(obj), ...ts(void 0) }], bad: false };
  }
  const o = obj;
  const base = { line: line.no, ...ts(tsOf(o)) };
  const type = typeof o.type === "string" ? o.type : "";
  switch (type) {
    case "thread.started":
    case "thread.resumed":
      return one({ ...base, kind: "system", name: type, text: typeof o.thread_id === "string" ? `thread ${o.thread_id}` : type });
    case "turn.started":
      return one({ ...base, kind: "event", name: type, text: "turn started" });
    case "turn.completed": {
      const u = o.usage ?? {};
      const facts = ["input_tokens", "cached_input_tokens", "output_tokens"].filter((k) => typeof u[k] === "number").map((k) => `${k.replace(/_/g, " ")} ${u[k]}`);
      return one({ ...base, kind: "result", name: type, text: facts.join(", "), isError: false });
    }
    case "turn.failed":
      return one({ ...base, kind: "result", name: type, text: errorText(o.error), isError: true });
    case "error":
      return one({ ...base, kind: "event", name: "error", text: typeof o.message === "string" ? o.message : oneLine(o), isError: true });
    case "item.started":
    case "item.updated":
    case "item.completed":
      return { items: itemEvent(type, o.item, base), bad: false };
    default:
      return one({ ...base, kind: "event", name: type || "event", text: oneLine(o) });
  }
}
function one(item) {
  return { items: [item], bad: false };
}
function itemEvent(event, raw, base) {
  if (!raw || typeof raw !== "object") return [{ ...base, kind: "event", name: event, text: oneLine(raw ?? "") }];
  const item = raw;
  const itype = str(item.type) ?? str(item.item_type) ?? "item";
  const id = str(item.id);
  const idField = id ? { id } : {};
  if (TOOL_ITEMS.has(itype)) {
    if (event === "item.updated") return [];
    const name = itype === "mcp_tool_call" ? `mcp:${str(item.server) ?? "?"}/${str(item.tool) ?? "?"}` : itype;
    if (event === "item.started") {
      const input = itype === "command_execution" ? { command: item.command } : itype === "file_change" ? { changes: item.changes } : itype === "mcp_tool_call" ? item.arguments : { query: item.query };
      return [{ ...base, kind: "tool_call", name, ...idField, input, text: callText(itype, item) }];
    }
    const failed = item.status === "failed" || item.status === "declined" || typeof item.exit_code === "number" && item.exit_code !== 0 || item.error !== void 0 && item.error !== null;
    return [{ ...base, kind: "tool_result", name, ...idField, input: itype === "command_execution" ? { command: item.command } : itype === "file_change" ? { changes: item.changes } : void 0, text: resultText2(itype, item), isError: failed }];
  }
  if (event !== "item.completed") return [];
  switch (itype) {
    case "agent_message":
    case "assistant_message":
      return [{ ...base, kind: "message", role: "assistant", ...idField, text: str(item.text) ?? "" }];
    case "reasoning":
      return [{ ...base, kind: "thinking", role: "assistant", ...idField, text: str(item.text) ?? "" }];
    case "error":
      return [{ ...base, kind: "event", name: "error", ...idField, text: str(item.message) ?? oneLine(item), isError: true }];
    case "todo_list": {
      const items = Array.isArray(item.items) ? item.items : [];
      return [{ ...base, kind: "event", name: "todo_list", ...idField, text: items.map((t) => `${t?.completed ? "[x]" : "[ ]"} ${str(t?.text) ?? ""}`).join("; ") }];
    }
    default:
      return [{ ...base, kind: "event", name: itype, ...idField, text: oneLine(item) }];
  }
}
function callText(itype, item) {
  switch (itype) {
    case "command_execution":
      return oneLine(str(item.command) ?? "");
    case "file_change":
      return changesText(item.changes);
    case "mcp_tool_call":
      return oneLine(item.arguments ?? "");
    default:
      return oneLine(str(item.query) ?? "");
  }
}
function resultText2(itype, item) {
  switch (itype) {
    case "command_execution": {
      const out = str(item.aggregated_output) ?? "";
      return typeof item.exit_code === "number" ? `exit ${item.exit_code}${out ? `: ${out}` : ""}` : out;
    }
    case "file_change":
      return changesText(item.changes);
    case "mcp_tool_call":
      return item.error ? errorText(item.error) : oneLine(item.result ?? str(item.status) ?? "");
    default:
      return oneLine(str(item.query) ?? str(item.status) ?? "");
  }
}
function changesText(changes) {
  if (!Array.isArray(changes)) return "";
  return changes.map((c) => c && typeof c === "object" ? `${str(c.kind) ?? "change"} ${str(c.path) ?? "?"}` : "").filter(Boolean).join(", ");
}
function errorText(e2) {
  if (typeof e2 === "string") return e2;
  if (e2 && typeof e2 === "object" && typeof e2.message === "string") return e2.message;
  return oneLine(e2 ?? "");
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}

// src/transcript/jsonl.ts
function parseJsonlLine(line, times) {
  if (line.text.trim() === "") return { items: [], bad: false };
  let obj;
  try {
    obj = JSON.parse(line.text);
  } catch {
    return { items: [{ kind: "text", line: line.no, text: line.text, ...when(void 0, times, line) }], bad: true };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return { items: [{ kind: "event", line: line.no, text: oneLine(obj), ...when(void 0, times, line) }], bad: false };
  }
  const o = obj;
  const base = { line: line.no, ...when(tsOf(o), times, line) };
  const type = str2(o.type) ?? str2(o.event) ?? str2(o.kind) ?? "";
  const message = o.message && typeof o.message === "object" ? o.message : void 0;
  const toolName = str2(o.tool_name) ?? str2(o.toolName) ?? str2(o.tool) ?? (/tool|function/i.test(type) ? str2(o.name) : void 0);
  const isResult = /result|output|response/i.test(type);
  if (toolName !== void 0 || /tool|function_call/i.test(type)) {
    const id = str2(o.id) ?? str2(o.tool_use_id) ?? str2(o.call_id) ?? str2(o.tool_call_id);
    if (isResult) {
      return {
        items: [{ ...base, kind: "tool_result", ...toolName ? { name: toolName } : {}, ...id ? { id } : {}, text: textOf(o.output ?? o.result ?? o.content ?? ""), isError: o.is_error === true || o.isError === true || o.error !== void 0 && o.error !== null && o.error !== false }],
        bad: false
      };
    }
    const input = o.input ?? o.arguments ?? o.args ?? o.params ?? o.parameters;
    return { items: [{ ...base, kind: "tool_call", name: toolName ?? "tool", ...id ? { id } : {}, input, text: oneLine(input ?? "") }], bad: false };
  }
  const role = str2(o.role) ?? (message ? str2(message.role) : void 0);
  const text = str2(o.text) ?? str2(o.content) ?? (typeof o.message === "string" ? o.message : void 0) ?? (message ? textOf(message.content ?? message.text ?? "") : void 0);
  if (role !== void 0 || text !== void 0) {
    return { items: [{ ...base, kind: "message", ...role ? { role } : {}, text: text ?? "" }], bad: false };
  }
  return { items: [{ ...base, kind: "event", name: type || "event", text: oneLine(o) }], bad: false };
}
function when(own, times, line) {
  const ts = own ?? timeAt(times, line.endOffset);
  return ts === void 0 ? {} : { ts };
}
function str2(v) {
  return typeof v === "string" ? v : void 0;
}
function textOf(v) {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((c) => typeof c === "string" ? c : c && typeof c === "object" && typeof c.text === "string" ? c.text : "").filter(Boolean).join("\n");
  return oneLine(v);
}

// src/transcript/text.ts
function parseTextLine(line, times) {
  if (line.text.trim() === "") return [];
  const ts = timeAt(times, line.endOffset);
  return [{ kind: "text", line: line.no, text: line.text, ...ts === void 0 ? {} : { ts } }];
}

// src/transcript/types.ts
var AGENT_FORMATS = /* @__PURE__ */ new Set(["claude-stream-json", "codex-exec-json", "jsonl"]);

// src/transcript/tool-calls.ts
function toolCallSpans(transcript) {
  const out = [];
  const open = /* @__PURE__ */ new Map();
  let lastTs;
  for (const item of transcript.items) {
    const prevTs = lastTs;
    if (item.ts !== void 0) lastTs = item.ts;
    if (item.kind === "tool_call") {
      const id = item.id ?? `line-${item.line}`;
      const command = commandOf(item.input);
      const span = {
        id,
        name: item.name ?? "tool",
        text: item.text ?? "",
        ...item.input !== void 0 ? { input: item.input } : {},
        ...command !== void 0 ? { command } : {},
        line: item.line,
        ...item.ts !== void 0 ? { startTs: item.ts } : {},
        isError: false
      };
      out.push(span);
      if (item.id !== void 0) open.set(item.id, span);
    } else if (item.kind === "tool_result") {
      const span = item.id !== void 0 ? open.get(item.id) : void 0;
      if (span) {
        open.delete(item.id);
        span.resultLine = item.line;
        if (item.ts !== void 0) span.endTs = item.ts;
        span.isError = item.isError === true;
        continue;
      }
      const command = commandOf(item.input);
      out.push({
        id: item.id ?? `line-${item.line}`,
        name: item.name ?? "tool",
        text: item.text ?? "",
        ...item.input !== void 0 ? { input: item.input } : {},
        ...command !== void 0 ? { command } : {},
        line: item.line,
        resultLine: item.line,
        ...prevTs !== void 0 ? { startTs: prevTs } : item.ts !== void 0 ? { startTs: item.ts } : {},
        ...item.ts !== void 0 ? { endTs: item.ts } : {},
        isError: item.isError === true
      });
    }
  }
  return out;
}
function commandOf(input) {
  if (!input || typeof input !== "object") return void 0;
  const c = input.command ?? input.cmd;
  if (typeof c === "string") return c;
  if (Array.isArray(c) && c.every((x) => typeof x === "string")) return c.join(" ");
  return void 0;
}

// src/transcript/index.ts
var TRANSCRIPT_HINTS = ["auto", "claude", "claude-code", "stream-json", "claude-stream-json", "codex", "codex-exec-json", "jsonl", "generic", "text", "plain"];
var HINT_FORMAT = {
  auto: "auto",
  claude: "claude-stream-json",
  "claude-code": "claude-stream-json",
  "stream-json": "claude-stream-json",
  "claude-stream-json": "claude-stream-json",
  codex: "codex-exec-json",
  "codex-exec-json": "codex-exec-json",
  jsonl: "jsonl",
  generic: "jsonl",
  text: "text",
  plain: "text"
};
function checkHint(hint) {
  if (hint === void 0) return "auto";
  if (!TRANSCRIPT_HINTS.includes(hint)) {
    throw new ConfigurationError(`--agent ${JSON.stringify(hint)}: use one of ${TRANSCRIPT_HINTS.join(", ")}`);
  }
  return hint;
}
var SAMPLE_LINES = 200;
function detectFormat(lines) {
  let nonEmpty = 0;
  let objects = 0;
  let claude = 0;
  let codex = 0;
  for (const line of lines.slice(0, SAMPLE_LINES * 4)) {
    if (line.text.trim() === "") continue;
    if (++nonEmpty > SAMPLE_LINES) break;
    try {
      const v = JSON.parse(line.text);
      if (v && typeof v === "object" && !Array.isArray(v)) {
        objects++;
        if (looksLikeClaude(v)) claude++;
        else if (looksLikeCodex(v)) codex++;
      }
    } catch {
    }
  }
  if (nonEmpty === 0) return { format: "text", why: "empty" };
  if (objects * 2 >= nonEmpty) {
    if (claude * 2 >= objects) return { format: "claude-stream-json", why: `${claude} of ${nonEmpty} sampled lines are Claude Code stream-json` };
    if (codex * 2 >= objects) return { format: "codex-exec-json", why: `${codex} of ${nonEmpty} sampled lines are Codex exec --json events` };
    return { format: "jsonl", why: `${objects} of ${nonEmpty} sampled lines are JSON objects` };
  }
  return { format: "text", why: `${nonEmpty - objects} of ${nonEmpty} sampled lines are not JSON` };
}
function parseTranscript(data, options = {}) {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  const lines = [...splitLines(buf)];
  const wanted = HINT_FORMAT[options.hint ?? "auto"];
  const detected = detectFormat(lines);
  let format2;
  let reason;
  if (wanted === "auto") {
    format2 = detected.format;
    reason = `detected: ${detected.why}`;
  } else if (wanted === detected.format || wanted === "text" || wanted === "jsonl" && (detected.format === "claude-stream-json" || detected.format === "codex-exec-json")) {
    format2 = wanted;
    reason = `hint ${options.hint}`;
  } else {
    format2 = detected.format;
    reason = `hint ${options.hint}, but the file does not look like ${wanted} (${detected.why}): read as ${detected.format}`;
  }
  const items = [];
  let badLines = 0;
  const toolNames = /* @__PURE__ */ new Map();
  for (const line of lines) {
    if (format2 === "claude-stream-json") {
      const r = parseClaudeLine(line, options.times, toolNames);
      items.push(...r.items);
      if (r.bad) badLines++;
    } else if (format2 === "codex-exec-json") {
      const r = parseCodexLine(line, options.times);
      items.push(...r.items);
      if (r.bad) badLines++;
    } else if (format2 === "jsonl") {
      const r = parseJsonlLine(line, options.times);
      items.push(...r.items);
      if (r.bad) badLines++;
    } else {
      items.push(...parseTextLine(line, options.times));
    }
  }
  return { format: format2, items, badLines, reason };
}
function timingIndexPath(file) {
  return `${file}.times`;
}
function readTranscriptFile(file, options = {}) {
  const idx = options.timesFile ?? timingIndexPath(file);
  const times = existsSync13(idx) ? parseChunkTimes(readFileSync14(idx, "utf8")) : void 0;
  return parseTranscript(readFileSync14(file), { ...options.hint ? { hint: options.hint } : {}, ...times ? { times } : {} });
}
function detectFileFormat(file, maxBytes = 256 * 1024) {
  const buf = Buffer.alloc(maxBytes);
  let n = 0;
  const fd = openSync4(file, "r");
  try {
    n = readSync3(fd, buf, 0, maxBytes, 0);
  } finally {
    closeSync4(fd);
  }
  const data = buf.subarray(0, n);
  const lastNl = n === maxBytes ? data.lastIndexOf(10) : -1;
  return detectFormat([...splitLines(lastNl > 0 ? data.subarray(0, lastNl) : data)]);
}

// src/run/output.ts
import { createWriteStream, statSync as statSync4 } from "node:fs";
function timesPathOf(file) {
  return `${file}.times`;
}
var OutputCapture = class {
  constructor(paths, echo, fallback = null) {
    this.fallback = fallback;
    this.echo = echo ?? (paths === null ? fallback : null);
    if (paths === null) {
      this.files = null;
      this.times = null;
      return;
    }
    this.files = {
      stdout: createWriteStream(paths.stdout),
      stderr: createWriteStream(paths.stderr),
      log: createWriteStream(paths.log)
    };
    this.times = { log: createWriteStream(timesPathOf(paths.log)), stdout: createWriteStream(timesPathOf(paths.stdout)) };
    for (const f of this.streams()) {
      f.on("error", (error) => this.saveError ??= { file: String(f.path), error });
    }
  }
  fallback;
  files;
  times;
  logBytes = 0;
  pending = [];
  echo;
  bytes = { stdout: 0, stderr: 0 };
  /** The first log write that failed, with its file. */
  saveError;
  streams() {
    return this.files && this.times ? [...Object.values(this.files), ...Object.values(this.times)] : [];
  }
  attach(stream, which) {
    if (!stream) return;
    this.pending.push(
      new Promise((resolve) => {
        stream.on("data", (chunk) => {
          const now = Date.now();
          if (this.files && this.times) {
            if (which === "stdout") this.times.stdout.write(`${this.bytes.stdout} ${now}
`);
            this.files[which].write(chunk);
            this.times.log.write(`${this.logBytes} ${now}
`);
            this.logBytes += chunk.length;
            this.files.log.write(chunk);
          }
          this.bytes[which] += chunk.length;
          const echo = this.echo ?? (this.saveError ? this.fallback : null);
          echo?.[which](chunk);
        });
        stream.once("end", resolve);
        stream.once("error", () => resolve());
        stream.once("close", resolve);
      })
    );
  }
  /** Wait for the streams to end (or at most `timeoutMs`: a daemon may hold a pipe open), then close the files. */
  async close(timeoutMs = 2e3) {
    await Promise.race([Promise.all(this.pending), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    await Promise.all(this.streams().map((f) => new Promise((r) => f.destroyed ? r() : f.end(() => r()))));
  }
};
var FileGrowthWatcher = class {
  constructor(file, timesFile, intervalMs = 50) {
    this.file = file;
    this.out = createWriteStream(timesFile);
    this.out.on("error", () => {
    });
    this.timer = setInterval(() => this.poll(), intervalMs);
    this.timer.unref();
  }
  file;
  size = 0;
  out;
  timer;
  poll() {
    let now;
    try {
      now = statSync4(this.file).size;
    } catch {
      return;
    }
    if (now < this.size) this.size = 0;
    if (now > this.size) {
      this.out.write(`${this.size} ${Date.now()}
`);
      this.size = now;
    }
  }
  async close() {
    clearInterval(this.timer);
    this.poll();
    await new Promise((r) => this.out.end(() => r()));
  }
};

// src/run/output-dir.ts
import { existsSync as existsSync14, writeFileSync as writeFileSync2 } from "node:fs";
import path17 from "node:path";
var OUTPUT_DIR_GITIGNORE = "# Created by io-trace: its database and logs are not part of the repository.\n*\n";
function ensureOutputDir(dir) {
  const created = !existsSync14(dir);
  makeDirectory(dir);
  const ignore = path17.join(dir, ".gitignore");
  if (existsSync14(ignore)) return;
  if (created || path17.basename(dir) === ".io-trace") {
    try {
      writeFileSync2(ignore, OUTPUT_DIR_GITIGNORE, { flag: "wx" });
    } catch {
    }
  }
}

// src/run/run-build.ts
async function runBuild(options) {
  const { log } = options;
  const dbPath = path18.resolve(options.dbPath ?? path18.join(options.outDir, "trace.db"));
  const shownDb = shownPath(options.cwd, dbPath);
  const dbDir = path18.dirname(dbPath);
  const spans = new StoreSpanRecorder();
  const selected = await spans.withSpan("setup", {}, () => selectTracer(options.tracer, options.tracers, log));
  let tracerName = selected.tracer.name;
  let tracerReason = selected.reason;
  const pending = isPlanInProgress(options.plan) ? options.plan : void 0;
  const source = pending ? pending.source : options.plan.source;
  const env = {
    ...options.env ?? process.env,
    // The Nx daemon would compute outside the traced tree and outlive it; turbo's banners are noise.
    ...source === "nx" ? NX_ENV : source === "turbo" ? TURBO_ENV : {},
    // libuv's io_uring file I/O is invisible to syscall tracing; Node honours this since 20.3.
    UV_USE_IO_URING: "0"
  };
  const standbyFolder = (options.env ?? process.env)[STANDBY_ENV] === "off" ? void 0 : standbyDir(options.env ?? process.env);
  const shell = standbyFolder ? await selected.tracer.claimStandby?.(standbyFolder, log) : void 0;
  const launch = () => launchStopped({ command: options.command, cwd: options.cwd, env, ...options.user ? { user: options.user } : {}, stdin: options.stdin ?? "inherit", ...shell ? { shell } : {} });
  const early = pending && selected.tracer.name !== "none" ? await startEarly(launch, selected, dbDir, log, spans) : void 0;
  let plan;
  let ignore;
  if (pending) {
    try {
      ({ plan, ignore } = await pending.prepared);
    } catch (e2) {
      await early?.abandon();
      selected.tracer.releaseStandby?.();
      throw e2;
    }
  } else {
    plan = options.plan;
    ignore = options.ignore ?? emptyIgnoreRules();
  }
  const startedAt = Date.now();
  const newRun = {
    ioTraceVersion: IO_TRACE_VERSION,
    command: options.command,
    cwd: options.cwd,
    workspaceRoot: plan.workspaceRoot,
    planSource: plan.source,
    planFile: plan.file ?? null,
    tracer: tracerName,
    tracerVersion: selected.version,
    tracerReason: selected.reason,
    startedAt,
    host: { ...collectHostFacts(options.env ?? process.env) }
  };
  let opened;
  try {
    opened = openRunStore(dbPath, options.outDir, newRun, plan);
  } catch (e2) {
    await early?.abandon();
    selected.tracer.releaseStandby?.();
    throw e2;
  }
  const { store, runId } = opened;
  let unsaved;
  const storeFailure = (e2) => `cannot write the trace database ${shownDb}: ${describeWriteFailure(e2, dbPath)}`;
  const save = (fn) => {
    try {
      fn();
      return true;
    } catch (e2) {
      unsaved ??= storeFailure(e2);
      return false;
    }
  };
  if (opened.failure !== void 0) {
    const why = storeFailure(opened.failure);
    log.warn(`${why}; the build runs untraced`);
    tracerName = "none";
    tracerReason = `${why}; the build ran untraced`;
    store.updateRun(runId, { tracer: "none", tracerVersion: null, tracerReason });
  }
  spans.bind(store, runId);
  const logDir = path18.join(dbDir, "runs", String(runId));
  setAsideStaleLogDir(logDir, dbDir, log);
  early?.moveWorkDir(logDir);
  let files = null;
  const transcriptTimes = path18.join(logDir, "transcript.times");
  let transcriptWatch;
  if (opened.failure === void 0) {
    files = { stdout: path18.join(logDir, "stdout.log"), stderr: path18.join(logDir, "stderr.log"), log: path18.join(logDir, "output.log") };
    try {
      makeDirectory(logDir);
    } catch {
    }
    const logs = files;
    save(
      () => store.updateRun(runId, {
        stdoutPath: path18.relative(dbDir, logs.stdout),
        stderrPath: path18.relative(dbDir, logs.stderr),
        logPath: path18.relative(dbDir, logs.log),
        ...options.transcript ? { transcriptPath: path18.relative(dbDir, options.transcript), transcriptTimesPath: path18.relative(dbDir, transcriptTimes) } : {}
      })
    );
    if (options.transcript) transcriptWatch = new FileGrowthWatcher(options.transcript, transcriptTimes);
  }
  const incomplete = [];
  let build;
  try {
    build = early?.build ?? await launch();
  } catch (e2) {
    selected.tracer.releaseStandby?.();
    await transcriptWatch?.close();
    save(() => store.updateRun(runId, { status: "failed", endedAt: Date.now(), incompleteReasons: [e2.message] }));
    closeQuietly(store);
    throw e2;
  }
  const capture = new OutputCapture(files, options.echo, options.fallbackEcho ?? null);
  capture.attach(build.child.stdout, "stdout");
  capture.attach(build.child.stderr, "stderr");
  const single = plan.source === "file" && plan.tasks.length === 1 ? plan.tasks[0].id : void 0;
  const processes = new ProcessTable({
    rootPid: build.pid,
    matcher: new TaskMatcher(plan),
    ...single !== void 0 ? { defaultTask: single } : {},
    outsideRole: plan.source === "file" ? "unattributed" : "orchestrator",
    startedAt
  });
  const ingest = new TraceIngestor(store, runId, processes, {
    // One line while the build runs on; the events stay in memory and are written at the end if they fit.
    onWriteError: (e2) => log.warn(`${storeFailure(e2)}; the build goes on, io-trace tries again when it ends`)
  });
  const untraced = { ready: Promise.resolve(), finish: async () => ({ lostEvents: 0, incompleteReasons: [], eventCount: 0, diagnostics: [] }) };
  let session = untraced;
  let attached;
  if (opened.failure !== void 0) {
    await early?.stopTracer();
  } else if (early) {
    attached = await early.attached(ingest.sink);
  } else {
    attached = await attachFirst(selected, build.pid, ingest.sink, log, logDir, spans);
  }
  if (attached) {
    const { failures } = attached;
    if (attached.session) {
      session = attached.session;
      if (attached.tracer !== selected.tracer) {
        tracerName = attached.tracer.name;
        tracerReason = `${selected.reason}; ${failures.join("; ")}; using ${attached.tracer.name}`;
        log.warn(`${failures.join("; ")}; tracing with ${attached.tracer.name} instead`);
        const version = attached.version;
        save(() => store.updateRun(runId, { tracer: attached.tracer.name, tracerVersion: version, tracerReason }));
      }
    } else if (failures.length) {
      log.warn(`${failures.join("; ")}; the build runs untraced`);
      incomplete.push(...failures.filter((f) => f.includes("failed to attach")));
      tracerReason = `${selected.reason}; ${failures.join("; ")}`;
      tracerName = "none";
      save(() => store.updateRun(runId, { tracer: "none", tracerReason }));
    }
  }
  selected.tracer.releaseStandby?.();
  const buildStart = Date.now();
  let stopRequested;
  options.onBuildStarted?.((signal) => {
    stopRequested ??= signal;
    build.signal(signal);
  });
  build.resume();
  const exit = await build.exited;
  const buildSpan = spans.recordSpan("build", buildStart, Date.now() - buildStart, { exitCode: exit.code, signal: exit.signal });
  await capture.close();
  await transcriptWatch?.close();
  if (files) {
    const stdoutFile = files.stdout;
    save(() => store.updateRun(runId, agentTranscript(options.transcript, stdoutFile, dbDir, log)));
  }
  if (capture.saveError) {
    const { file, error } = capture.saveError;
    log.warn(`cannot save the build's output to ${shownPath(options.cwd, file)}: ${describeWriteFailure(error)}; it was shown here only`);
  }
  let outcome;
  const finishStart = Date.now();
  try {
    outcome = await session.finish();
  } catch (e2) {
    incomplete.push(`${tracerName} failed while stopping: ${oneLine2(e2)}`);
    outcome = { lostEvents: 0, incompleteReasons: [], eventCount: ingest.eventCount, diagnostics: [] };
  }
  spans.recordSpan("detach", finishStart, Date.now() - finishStart, { tracer: tracerName });
  if (plan.source === "turbo" && files && tracerName !== "none") {
    const runHashes = turboRunHashes(plan, cacheLines(files));
    const adopted = runHashes.size ? processes.adopt((env2) => runHashes.get(env2.get("TURBO_HASH") ?? "")) : 0;
    if (adopted) log.debug(`${adopted} process(es) matched to tasks by the hashes turbo printed (the plan's dry run hashed ${runHashes.size} task(s) differently)`);
  }
  await spans.withSpan("ingest", {}, () => ingest.close());
  if (ingest.unsaved !== void 0) unsaved ??= storeFailure(ingest.unsaved);
  incomplete.push(...outcome.incompleteReasons);
  if (outcome.incompleteReasons.length === 0) {
    const kinds = new Set(ingest.notices.filter((n) => INCOMPLETE_NOTICE_KINDS.has(n.kind)).map((n) => n.kind));
    for (const kind of kinds) {
      const all = ingest.notices.filter((n) => n.kind === kind);
      incomplete.push(kind === "lost" ? `${tracerName} lost ${all.reduce((s, n) => s + (n.count ?? 0), 0)} events` : all[0].message);
    }
  }
  if (processes.unknownTaskNames.size) {
    incomplete.push(`IO_TRACE_TASK named unknown task(s) ${[...processes.unknownTaskNames].map((t) => JSON.stringify(t)).join(", ")}: their processes are unattributed`);
  }
  if (exit.signal) incomplete.push(`the build was killed by ${exit.signal} before it finished`);
  else if (stopRequested) incomplete.push(`the build was stopped (${stopRequested}) before it finished`);
  const finalRun = {
    tracer: tracerName,
    tracerReason,
    endedAt: Date.now(),
    exitCode: exit.code,
    signal: exit.signal,
    eventCount: ingest.eventCount,
    lostEvents: outcome.lostEvents
  };
  const traceReasons = () => [...new Set(unsaved !== void 0 ? [...incomplete, unsaved] : incomplete)];
  save(() => store.db.transaction(() => {
    for (const why of traceReasons()) store.addTraceIncompleteReason(runId, why);
    store.updateRun(runId, { ...finalRun, incompleteReasons: traceReasons() });
  }));
  spans.recordMetric("events", ingest.eventCount);
  spans.recordMetric("distinct_accesses", ingest.distinctAccesses);
  spans.recordMetric("processes", processes.size);
  spans.recordMetric("output_bytes", capture.bytes.stdout + capture.bytes.stderr);
  try {
    const outRel = path18.relative(plan.workspaceRoot, dbDir);
    const extraIgnores = outRel && !outRel.startsWith("..") ? [outRel] : [];
    const cache = tracerName === "none" || plan.source === "file" || files === null ? void 0 : detectCacheHits({ plan, command: options.command, output: cacheLines(files), processCounts: countProcesses(processes), exitCode: exit.code });
    let report;
    try {
      report = await spans.withSpan(
        "analysis",
        {},
        () => analyseRun(store, runId, {
          ignore,
          extraIgnores,
          ...cache ? { cachedTasks: cache.cached, cacheEvidence: cache.evidence, ...cache.skipped ? { skippedTasks: cache.skipped } : {} } : {},
          // What this run knows, whether or not the database took it.
          run: finalRun,
          traceReasons: traceReasons(),
          onSaveError: (e2) => storeFailure(e2)
        })
      );
    } catch (e2) {
      const why = `cannot analyse the trace in ${shownDb}: ${describeWriteFailure(e2, dbPath)}`;
      log.warn(why);
      const logs = files && { stdoutPath: path18.relative(dbDir, files.stdout), stderrPath: path18.relative(dbDir, files.stderr), logPath: path18.relative(dbDir, files.log) };
      const record = {
        ...newRun,
        ...finalRun,
        id: runId,
        tracerVersion: tracerName === "none" ? null : newRun.tracerVersion ?? null,
        status: tracerName === "none" ? "not-traced" : "incomplete",
        incompleteReasons: [...traceReasons(), why],
        stdoutPath: logs?.stdoutPath ?? null,
        stderrPath: logs?.stderrPath ?? null,
        logPath: logs?.logPath ?? null,
        transcriptPath: null,
        transcriptTimesPath: null,
        transcriptFormat: null
      };
      const tasks = plan.tasks.map((t) => ({ taskId: t.id, status: "untraced", reads: 0, writes: 0, findings: 0 }));
      return { runId, dbPath: opened.failure === void 0 ? dbPath : null, exit, report: buildReport(record, tasks, [], IO_TRACE_VERSION), buildExitCode: exitCodeOf(exit) };
    }
    for (const t of store.taskStatuses(runId)) {
      if (t.startedAt === null || t.endedAt === null) continue;
      spans.recordSpan("task", t.startedAt, Math.max(0, t.endedAt - t.startedAt), { task: t.taskId, processes: t.processCount }, { parent: buildSpan });
    }
    return { runId, dbPath: opened.failure === void 0 ? dbPath : null, exit, report, buildExitCode: exitCodeOf(exit) };
  } finally {
    closeQuietly(store);
  }
}
function isPlanInProgress(plan) {
  return "prepared" in plan;
}
async function attachFirst(selected, pid, sink, log, workDir, spans) {
  const failures = [];
  for (const tracer of [selected.tracer, ...selected.next]) {
    const start = Date.now();
    let version = tracer === selected.tracer ? selected.version ?? null : null;
    if (tracer !== selected.tracer) {
      const a = await tracer.check();
      if (!a.available) {
        failures.push(`${tracer.name} unavailable (${a.reason ?? "unknown reason"})`);
        continue;
      }
      version = a.version ?? null;
    }
    let attempt;
    try {
      attempt = tracer.attach({ pid, sink, log, workDir });
      await attempt.ready;
      spans.recordSpan("attach", start, Date.now() - start, { tracer: tracer.name });
      return { session: attempt, tracer, version, failures };
    } catch (e2) {
      const why = e2 instanceof IoTraceError ? e2.message : oneLine2(e2);
      spans.recordSpan("attach", start, Date.now() - start, { tracer: tracer.name, error: why });
      await attempt?.finish().catch(() => void 0);
      failures.push(`${tracer.name} failed to attach: ${why}`);
    }
  }
  return { tracer: selected.tracer, version: null, failures };
}
function setAsideStaleLogDir(logDir, dbDir, log) {
  if (!existsSync15(logDir)) return;
  const aside = `${logDir}.stale-${Date.now()}`;
  try {
    renameSync2(logDir, aside);
    log.info(`${path18.relative(dbDir, logDir)} was left by an earlier database here: moved to ${path18.relative(dbDir, aside)}`);
  } catch (e2) {
    log.debug(`${path18.relative(dbDir, logDir)} was left by an earlier database here and could not be moved aside (${e2.message}): this run's logs join it`);
  }
}
async function startEarly(launch, selected, dbDir, log, spans) {
  const workDir = path18.join(dbDir, "runs", `.attaching-${process.pid}-${Date.now()}`);
  try {
    ensureOutputDir(dbDir);
    makeDirectory(workDir);
  } catch {
    return void 0;
  }
  const removeWorkDir = () => rmSync4(workDir, { recursive: true, force: true });
  let build;
  try {
    build = await launch();
  } catch {
    removeWorkDir();
    return void 0;
  }
  let target;
  const held = [];
  const attempt = attachFirst(selected, build.pid, (batch) => target ? target(batch) : held.push(batch), log, workDir, spans);
  let moved = false;
  return {
    build,
    attached: (sink) => {
      for (const batch of held) sink(batch);
      held.length = 0;
      target = sink;
      return attempt;
    },
    moveWorkDir: (logDir) => {
      try {
        if (!existsSync15(logDir)) {
          renameSync2(workDir, logDir);
          moved = true;
        }
      } catch {
      }
    },
    stopTracer: async () => {
      const a = await attempt;
      void a.session?.finish().catch(() => void 0);
    },
    abandon: async () => {
      build.signal("SIGKILL");
      build.resume();
      await build.exited;
      const a = await attempt;
      await a.session?.finish().catch(() => void 0);
      if (!moved) removeWorkDir();
    }
  };
}
function agentTranscript(given, stdout, dbDir, log) {
  const detect = (file) => {
    try {
      return detectFileFormat(file);
    } catch {
      return void 0;
    }
  };
  if (given) {
    const d2 = detect(given);
    if (!d2) log.warn(`--transcript ${given}: no such file after the build; the run has no transcript to read`);
    return { transcriptFormat: d2?.format ?? null };
  }
  const d = detect(stdout);
  if (!d || !AGENT_FORMATS.has(d.format)) return {};
  return { transcriptPath: path18.relative(dbDir, stdout), transcriptTimesPath: path18.relative(dbDir, timesPathOf(stdout)), transcriptFormat: d.format };
}
function openRunStore(dbPath, outDir, newRun, plan) {
  const create = (store2) => {
    const runId = store2.createRun(newRun);
    store2.saveTasks(runId, plan.tasks);
    return runId;
  };
  let store;
  try {
    ensureOutputDir(outDir);
    ensureOutputDir(path18.dirname(dbPath));
    store = TraceStore.create(dbPath);
    return { store, runId: create(store) };
  } catch (e2) {
    if (store) closeQuietly(store);
    if (writeProblem(e2, dbPath) === void 0) throw e2;
    const memory = TraceStore.createInMemory();
    return { store: memory, runId: create(memory), failure: e2 };
  }
}
function closeQuietly(store) {
  try {
    store.close();
  } catch {
  }
}
function shownPath(cwd, file) {
  const rel2 = path18.relative(cwd, file);
  return rel2 && !rel2.startsWith("..") && !path18.isAbsolute(rel2) ? rel2 : file;
}
function oneLine2(e2) {
  return (e2 instanceof Error ? e2.message : String(e2)).split("\n", 1)[0];
}
function cacheLines(files) {
  const kept = [];
  const chunk = Buffer.alloc(1 << 20);
  for (const f of [files.stdout, files.stderr]) {
    let fd;
    try {
      fd = openSync5(f, "r");
    } catch {
      continue;
    }
    try {
      let carry = "";
      for (let n; (n = readSync4(fd, chunk, 0, chunk.length, null)) > 0; ) {
        const lines = (carry + chunk.toString("utf8", 0, n)).split(/\r?\n|\r/);
        carry = lines.pop() ?? "";
        for (const l of lines) if (PARSED_OUTPUT_LINE.test(l)) kept.push(l);
        if (carry.length > 1 << 20) carry = "";
      }
      if (PARSED_OUTPUT_LINE.test(carry)) kept.push(carry);
    } finally {
      closeSync5(fd);
    }
  }
  return kept.join("\n");
}
function countProcesses(processes) {
  const counts = /* @__PURE__ */ new Map();
  for (const p of processes.records()) if (p.taskId !== null) counts.set(p.taskId, (counts.get(p.taskId) ?? 0) + 1);
  return counts;
}
function exitCodeOf(exit) {
  if (exit.code !== null) return exit.code;
  const n = exit.signal ? os2.constants.signals[exit.signal] : void 0;
  return 128 + (n ?? 0);
}

// src/tracer/bpftrace.ts
import { spawn as spawn6, execFile } from "node:child_process";
import { closeSync as closeSync7, existsSync as existsSync16, mkdirSync as mkdirSync3, createWriteStream as createWriteStream2, openSync as openSync7, readFileSync as readFileSync16, rmSync as rmSync5, writeFileSync as writeFileSync3 } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { dirname as dirname3, join as join4 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/tracer/tracepoint-sampling.ts
import { spawn as spawn5 } from "node:child_process";
import { closeSync as closeSync6, openSync as openSync6 } from "node:fs";
var PROGRAM = String.raw`
use strict; use warnings;
my ($root, $ready, $wait, $marker, $within) = @ARGV;
if (defined $ready) {
  # Opened once: a run that claims the standby renames its folder.
  open my $f, '<', $ready or do { print "cannot read $ready: $!\n"; exit 3; };
  my $until = time + $wait;
  while (1) {
    my $s = '';
    sysseek($f, 0, 0); sysread($f, $s, $within);
    last if index($s, $marker) >= 0;
    if (time > $until || !kill(0, $root)) { print "bpftrace did not get ready\n"; exit 3; }
    select(undef, undef, undef, 0.05);
  }
}
my @queue = ($root); my %seen;
while (defined(my $p = shift @queue)) {
  next if $seen{$p}++;
  my @fds;
  if (opendir my $d, "/proc/$p/fd") { @fds = grep { /^\d+$/ && (readlink("/proc/$p/fd/$_") // '') eq 'anon_inode:[perf_event]' } readdir $d; }
  if (!@fds) {
    for my $t (glob "/proc/$p/task/*/children") { if (open my $c, '<', $t) { local $/; push @queue, split ' ', (<$c> // ''); } }
    next;
  }
  my $pidfd = syscall(434, $p + 0, 0);
  if ($pidfd < 0) { print "pidfd_open($p): $!\n"; exit 4; }
  my ($off, $kept) = (0, 0);
  for my $fd (@fds) {
    my $mine = syscall(438, $pidfd, $fd + 0, 0);
    if ($mine < 0) { print "pidfd_getfd($p, $fd): $!\n"; exit 4; }
    open(my $h, '<&=', $mine) or next;
    my $q = pack('L4', 2, 0, 0, 0);
    if (ioctl($h, 0xc008240a, $q) || $!{ENOSPC}) { $off++ if ioctl($h, 0x2401, 0); } else { $kept++; }
    close $h;
  }
  print "disabled $off tracepoint perf events of bpftrace (pid $p), left $kept\n";
  exit($off > 0 ? 0 : 2);
}
print "no perf events under pid $root\n";
exit 2;
`;
function stopTracepointSampling(pid, options) {
  const wait = options.ready ? [options.ready.file, String(options.ready.waitSeconds), READY_RECORD, String(READY_RECORD_WITHIN)] : [];
  const words = [...options.asRoot, "perl", "-e", PROGRAM, String(pid), ...wait];
  return new Promise((resolve) => {
    let out = "";
    let fd;
    try {
      if (options.detached) fd = openSync6(options.detached.outputFile, "w");
    } catch (e2) {
      resolve(`cannot write ${options.detached.outputFile}: ${e2.message}`);
      return;
    }
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
    const child = spawn5(words[0], words.slice(1), { env, stdio: ["ignore", fd ?? "pipe", "ignore"], detached: options.detached !== void 0 });
    if (fd !== void 0) closeSync6(fd);
    child.once("error", (e2) => resolve(`perl not run (${e2.message}): bpftrace's tracepoint events keep sampling on CPU 0`));
    if (options.detached) {
      child.once("spawn", () => {
        child.unref();
        resolve("started");
      });
      return;
    }
    child.stdout.on("data", (d) => out += d.toString());
    child.once("close", (code) => resolve(code === 0 ? out.trim() : `${out.trim() || `perl exited with ${code}`}: bpftrace's tracepoint events keep sampling on CPU 0`));
  });
}

// src/tracer/btf.ts
import { readFileSync as readFileSync15 } from "node:fs";
var KERNEL_BTF = "/sys/kernel/btf/vmlinux";
var BTF_MAGIC = 60319;
var KIND = { int: 1, ptr: 2, array: 3, struct: 4, union: 5, enum: 6, fwd: 7, typedef: 8, volatile: 9, const: 10, restrict: 11, func: 12, funcProto: 13, variable: 14, datasec: 15, float: 16, declTag: 17, typeTag: 18, enum64: 19 };
var kindOf = (info) => info >>> 24 & 31;
function extraBytes(kind, vlen) {
  switch (kind) {
    case KIND.int:
    case KIND.variable:
    case KIND.declTag:
      return 4;
    case KIND.array:
      return 12;
    case KIND.struct:
    case KIND.union:
    case KIND.datasec:
    case KIND.enum64:
      return 12 * vlen;
    case KIND.enum:
    case KIND.funcProto:
      return 8 * vlen;
    case KIND.ptr:
    case KIND.fwd:
    case KIND.typedef:
    case KIND.volatile:
    case KIND.const:
    case KIND.restrict:
    case KIND.func:
    case KIND.float:
    case KIND.typeTag:
      return 0;
    default:
      throw new Error(`unknown BTF kind ${kind}`);
  }
}
var KernelBtf = class _KernelBtf {
  data;
  typesAt;
  stringsAt;
  stringsEnd;
  /** Byte position of each type's record, by type id (index 0 unused: id 0 is void). */
  positions = [0];
  /** Ids of the complete structs and unions (a forward declaration is another kind), by their name's first two bytes. */
  recordIds = /* @__PURE__ */ new Map();
  records = /* @__PURE__ */ new Map();
  constructor(data) {
    if (data.length < 24 || data.readUInt16LE(0) !== BTF_MAGIC) throw new Error("not little-endian BTF (bad magic)");
    const hdrLen = data.readUInt32LE(4);
    this.typesAt = hdrLen + data.readUInt32LE(8);
    const typesEnd = this.typesAt + data.readUInt32LE(12);
    this.stringsAt = hdrLen + data.readUInt32LE(16);
    this.stringsEnd = this.stringsAt + data.readUInt32LE(20);
    if (typesEnd > data.length || this.stringsEnd > data.length) throw new Error("BTF sections run past the end of the file");
    this.data = data;
    for (let at3 = this.typesAt; at3 < typesEnd; ) {
      this.positions.push(at3);
      const info = data.readUInt32LE(at3 + 4);
      const kind = kindOf(info);
      if (kind === KIND.struct || kind === KIND.union) {
        const key2 = this.prefix(this.stringsAt + data.readUInt32LE(at3));
        const ids = this.recordIds.get(key2);
        if (ids) ids.push(this.positions.length - 1);
        else this.recordIds.set(key2, [this.positions.length - 1]);
      }
      at3 += 12 + extraBytes(kind, info & 65535);
    }
  }
  prefix(at3) {
    return at3 + 1 < this.stringsEnd ? this.data.readUInt16LE(at3) : 0;
  }
  /**
   * Whether the string at `at` is `wanted` (its bytes and the NUL after them). Compared as bytes:
   * decoding every name was most of a lookup's time.
   */
  named(at3, wanted) {
    return this.data.compare(wanted, 0, wanted.length, at3, Math.min(at3 + wanted.length, this.stringsEnd)) === 0;
  }
  static fromFile(file = KERNEL_BTF) {
    return new _KernelBtf(readFileSync15(file));
  }
  /** The type behind typedefs and qualifiers. */
  resolve(id) {
    for (let hops = 0; hops < 64; hops++) {
      const at3 = this.positions[id];
      if (at3 === void 0 || id === 0) return id;
      const kind = kindOf(this.data.readUInt32LE(at3 + 4));
      if (kind !== KIND.typedef && kind !== KIND.volatile && kind !== KIND.const && kind !== KIND.restrict && kind !== KIND.typeTag) return id;
      id = this.data.readUInt32LE(at3 + 8);
    }
    throw new Error("BTF typedef chain too long");
  }
  size(id) {
    id = this.resolve(id);
    const at3 = this.positions[id];
    if (at3 === void 0 || id === 0) throw new Error(`BTF type ${id} has no size`);
    const kind = kindOf(this.data.readUInt32LE(at3 + 4));
    if (kind === KIND.ptr) return 8;
    if (kind === KIND.array) return this.size(this.data.readUInt32LE(at3 + 12)) * this.data.readUInt32LE(at3 + 20);
    return this.data.readUInt32LE(at3 + 8);
  }
  /**
   * Find `name` among the members of record type `id`, looking into anonymous structs and unions
   * (mm_struct keeps start_stack in one, qstr its len): the member's offset in that record and type.
   */
  member(id, name, wanted = Buffer.from(name + "\0", "latin1")) {
    const at3 = this.positions[this.resolve(id)];
    if (at3 === void 0) return void 0;
    const info = this.data.readUInt32LE(at3 + 4);
    const kind = kindOf(info);
    if (kind !== KIND.struct && kind !== KIND.union) return void 0;
    const bitfields = info >>> 31 === 1;
    for (let i = 0; i < (info & 65535); i++) {
      const m = at3 + 12 + 12 * i;
      const type = this.data.readUInt32LE(m + 4);
      const raw = this.data.readUInt32LE(m + 8);
      const bits = bitfields ? raw & 16777215 : raw;
      const nameAt = this.stringsAt + this.data.readUInt32LE(m);
      if (nameAt >= this.stringsEnd) throw new Error("BTF member name out of range");
      if (this.named(nameAt, wanted)) {
        if (bits % 8 !== 0 || bitfields && raw >>> 24 !== 0) throw new Error(`${name} is a bit field`);
        return { offset: bits / 8, type };
      }
      if (this.data[nameAt] === 0) {
        const inner = this.member(type, name, wanted);
        if (inner) return { offset: bits / 8 + inner.offset, type: inner.type };
      }
    }
    return void 0;
  }
  /**
   * The struct or union named `name`. Two of one name (BTF keeps both when their layouts differ) would leave the offset in doubt: refused.
   */
  record(name) {
    if (!this.records.has(name)) {
      const wanted = Buffer.from(name + "\0", "latin1");
      const found = [];
      for (const id of this.recordIds.get(wanted.readUInt16LE(0)) ?? []) {
        if (this.named(this.stringsAt + this.data.readUInt32LE(this.positions[id]), wanted)) found.push(id);
      }
      if (found.length > 1) throw new Error(`the kernel's BTF has ${found.length} structs named ${name}`);
      this.records.set(name, found[0]);
    }
    return this.records.get(name);
  }
  /** Where `path` (members joined by '.', through embedded structs) lies in struct or union `record`. */
  place(record, path33) {
    let id = this.record(record);
    if (id === void 0) throw new Error(`the kernel's BTF has no struct ${record}`);
    let offset = 0;
    for (const name of path33.split(".")) {
      const found = this.member(id, name);
      if (!found) throw new Error(`struct ${record} has no member ${path33}`);
      offset += found.offset;
      id = found.type;
    }
    return { offset, size: this.size(id) };
  }
};

// src/tracer/struct-offsets.ts
var load = (width2, address) => `*(${width2} *)kptr(${address})`;
var task = (member) => load("uint64", `(uint64)curtask + {task_struct.${member}:8}`);
var fdtable = load("uint64", `${task("files")} + {files_struct.fdt:8}`);
var fdSlot = (fd) => load("uint64", `${load("uint64", `${fdtable} + {fdtable.fd:8}`)} + 8 * (uint64)${fd}`);
var REWRITES = [
  ["curtask->signal->live.counter", load("int32", `${task("signal")} + {signal_struct.live.counter:4}`)],
  ["curtask->mm->env_end", load("uint64", `${task("mm")} + {mm_struct.env_end:8}`)],
  ["curtask->mm->start_stack", load("uint64", `${task("mm")} + {mm_struct.start_stack:8}`)],
  ["curtask->fs->pwd.dentry", load("uint64", `${task("fs")} + {fs_struct.pwd.dentry:8}`)],
  ["curtask->fs->pwd.mnt", load("uint64", `${task("fs")} + {fs_struct.pwd.mnt:8}`)],
  ["curtask->fs->root.dentry", load("uint64", `${task("fs")} + {fs_struct.root.dentry:8}`)],
  ["curtask->fs->root.mnt", load("uint64", `${task("fs")} + {fs_struct.root.mnt:8}`)],
  ["curtask->files->fdt->max_fds", load("uint32", `${fdtable} + {fdtable.max_fds:4}`)],
  ["*(curtask->files->fdt->fd + $d)", fdSlot("$d")],
  ["*(curtask->files->fdt->fd + $d2)", fdSlot("$d2")],
  ["((struct file *)$fp)->f_path.dentry", load("uint64", "$fp + {file.f_path.dentry:8}")],
  ["((struct file *)$fp)->f_path.mnt", load("uint64", "$fp + {file.f_path.mnt:8}")],
  ["((struct dentry *)$dn)->d_inode->i_ino", load("uint64", `${load("uint64", "$dn + {dentry.d_inode:8}")} + {inode.i_ino:8}`)],
  // The directory walk: $de a dentry, $m a vfsmount, $mnt the struct mount around it, all uint64.
  ["$de = (struct dentry *)$w.0;", "$de = $w.0;"],
  ["$m = (struct vfsmount *)$w.1;", "$m = $w.1;"],
  ["$mnt = (struct mount *)($w.1 - 32);", "$mnt = $w.1 - {mount.mnt};"],
  ["$m = (struct vfsmount *)((uint64)$mnt + 32);", "$m = $mnt + {mount.mnt};"],
  ["$m->mnt_root", `(${load("uint64", "$m + {vfsmount.mnt_root:8}")})`],
  ["$mnt->mnt_parent", `(${load("uint64", "$mnt + {mount.mnt_parent:8}")})`],
  ["$mnt->mnt_mountpoint", `(${load("uint64", "$mnt + {mount.mnt_mountpoint:8}")})`],
  ["$de->d_parent", `(${load("uint64", "$de + {dentry.d_parent:8}")})`],
  ["$de->d_name.name", `(${load("uint64", "$de + {dentry.d_name.name:8}")})`],
  ["$de->d_name.len", `(${load("uint32", "$de + {dentry.d_name.len:4}")})`]
];
function inlineStructOffsets(script, btf) {
  const gone = REWRITES.find(([from]) => !script.includes(from));
  if (gone) throw new Error(`the script no longer reads ${gone[0]}`);
  let out = script;
  const offsets = /* @__PURE__ */ new Map();
  for (const [from, to] of REWRITES) {
    const filled = to.replace(/\{(\w+)\.([\w.]+?)(?::(\d+))?\}/g, (placeholder, record, path33, size) => {
      let offset = offsets.get(placeholder);
      if (offset === void 0) {
        const place = btf.place(record, path33);
        if (size !== void 0 && place.size !== Number(size)) throw new Error(`${record}.${path33} is ${place.size} bytes, not ${size}`);
        offset = String(place.offset);
        offsets.set(placeholder, offset);
      }
      return offset;
    });
    out = out.split(from).join(filled);
  }
  const code = out.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const left = /(?<!\bargs)->|\(struct \w+/.exec(code);
  if (left) throw new Error(`a struct access has no rewrite: ...${code.slice(Math.max(0, left.index - 40), left.index + 20)}...`);
  return out;
}

// src/core/open-flags.ts
var O_ACCMODE = 3;
var O_RDONLY = 0;
var O_CREAT = 64;
var O_TRUNC = 512;
var O_DIRECTORY = 65536;
var O_PATH = 2097152;
function classifyOpenFlags(flags) {
  if (flags & O_PATH) return "stat";
  if (flags & O_DIRECTORY) return "readdir";
  if (flags & O_CREAT) return "create";
  if (flags & O_TRUNC) return "truncate";
  return (flags & O_ACCMODE) === O_RDONLY ? "read" : "write";
}

// src/tracer/bpftrace-decode.ts
var IDENTITY = new Set(IDENTITY_ENV_VARS);
var KIND2 = {
  open: 1,
  creat: 2,
  stat: 3,
  getdents: 4,
  unlink: 5,
  rmdir: 6,
  mkdir: 7,
  rename: 8,
  link: 9,
  truncate: 10,
  exec: 11
};
var AT_REMOVEDIR = 512;
var MAX_CHUNKS = 21;
var MAX_ARGV = 64;
var CHUNK_BYTES = 199;
var MAX_BACKLOG = 5e4;
function classifyAccess(kind, flags, slot) {
  switch (kind) {
    case KIND2.open:
      return classifyOpenFlags(flags);
    case KIND2.creat:
      return "create";
    case KIND2.stat:
      return "stat";
    case KIND2.getdents:
      return "readdir";
    case KIND2.unlink:
      return flags & AT_REMOVEDIR ? "rmdir" : "unlink";
    case KIND2.rmdir:
      return "rmdir";
    case KIND2.mkdir:
      return "mkdir";
    case KIND2.rename:
      return slot === 2 ? "rename_to" : "rename_from";
    case KIND2.link:
      return "link";
    case KIND2.truncate:
      return "truncate";
    case KIND2.exec:
      return "exec";
    default:
      return void 0;
  }
}
var HEX = /^[0-9a-fA-F]+$/;
function unescapeJsonBytes(line, start) {
  const out = Buffer.allocUnsafe(line.length - start);
  let n = 0;
  let i = start;
  while (i < line.length) {
    const c = line[i];
    if (c === 34) return { bytes: out.subarray(0, n), end: i };
    if (c !== 92) {
      out[n++] = c;
      i++;
      continue;
    }
    const e2 = line[i + 1];
    i += 2;
    switch (e2) {
      case 110:
        out[n++] = 10;
        break;
      // \n
      case 116:
        out[n++] = 9;
        break;
      // \t
      case 114:
        out[n++] = 13;
        break;
      // \r
      case 98:
        out[n++] = 8;
        break;
      // \b
      case 102:
        out[n++] = 12;
        break;
      // \f
      case 117: {
        const eight = line.toString("latin1", i, i + 8);
        if (eight.length === 8 && /^ffffff[0-9a-f]{2}$/i.test(eight)) {
          out[n++] = parseInt(eight.slice(6), 16);
          i += 8;
          break;
        }
        const four = line.toString("latin1", i, i + 4);
        if (four.length !== 4 || !HEX.test(four)) {
          out[n++] = 92;
          out[n++] = 117;
          break;
        }
        const cp = parseInt(four, 16);
        i += 4;
        if (cp < 256) {
          out[n++] = cp;
        } else {
          const enc = Buffer.from(String.fromCharCode(cp), "utf8");
          enc.copy(out, n);
          n += enc.length;
        }
        break;
      }
      default:
        if (e2 === void 0) return { bytes: out.subarray(0, n), end: -1 };
        out[n++] = e2;
    }
  }
  return { bytes: out.subarray(0, n), end: -1 };
}
var PRINTF_PREFIX = /^\{\s*"type"\s*:\s*"printf"\s*,\s*"data"\s*:\s*"/;
function parseBpftraceLine(line) {
  const head = line.toString("latin1", 0, Math.min(line.length, 64));
  const m = PRINTF_PREFIX.exec(head);
  if (m) {
    const { bytes: bytes2, end } = unescapeJsonBytes(line, m[0].length);
    if (end >= 0) return { type: "printf", data: bytes2 };
    return { type: "other", text: line.toString("utf8") };
  }
  const text = line.toString("utf8");
  try {
    const o = JSON.parse(text);
    if (o.type === "lost_events" && typeof (o.data?.events ?? o.data?.count) === "number") return { type: "lost_events", count: o.data?.events ?? o.data?.count };
    if (o.type === "attached_probes" && typeof o.data?.probes === "number") return { type: "attached_probes", count: o.data.probes };
  } catch {
  }
  const lost = parseLostEvents(text);
  if (lost !== void 0) return { type: "lost_events", count: lost };
  return { type: "other", text };
}
function lostNotice(count, how) {
  return { type: "notice", ts: Date.now(), kind: "lost", count, message: `bpftrace lost ${count} events (output buffer full${how ? `; ${how}` : ""})` };
}
function parseLostEvents(text) {
  const m = /^\s*Lost (\d+) events/.exec(text);
  if (m) return Number(m[1]);
  if (!text.includes("lost_events")) return void 0;
  try {
    const o = JSON.parse(text);
    if (o.type !== "lost_events") return void 0;
    const n = o.data?.events ?? o.data?.count;
    return typeof n === "number" ? n : void 0;
  } catch {
    return void 0;
  }
}
function splitFields(data, n) {
  const fields = [];
  let start = 0;
  while (fields.length < n - 1) {
    const tab = data.indexOf(9, start);
    if (tab < 0) break;
    fields.push(data.subarray(start, tab));
    start = tab + 1;
  }
  fields.push(data.subarray(start));
  return fields;
}
var BpftraceDecoder = class {
  stats = { records: 0, lostEvents: 0, truncatedPaths: 0, probes: 0, strays: 0 };
  ready = false;
  /** CPUs whose S (sync) record arrived: every record they wrote before the root exited is read. */
  syncedCpus = /* @__PURE__ */ new Set();
  /** Per synced CPU, how many records (all but R and S) it printed before its S, by the script's count. */
  sentByCpu = /* @__PURE__ */ new Map();
  /** Records (all but R and S) decoded so far, and how many when the latest S arrived. */
  received = 0;
  receivedAtSync = 0;
  /** Of `stats.lostEvents`, what was counted from the S records before bpftrace reported it. */
  unreportedLoss = 0;
  rest = Buffer.alloc(0);
  queue = [];
  openByTid = /* @__PURE__ */ new Map();
  lastExecByPid = /* @__PURE__ */ new Map();
  execByPid = /* @__PURE__ */ new Map();
  dirs = /* @__PURE__ */ new Map();
  options;
  constructor(options) {
    this.options = options;
  }
  /** Feed raw stdout bytes; returns the events completed by them, in order. */
  push(chunk) {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (; ; ) {
      const nl = data.indexOf(10, start);
      if (nl < 0) break;
      if (nl > start) this.line(data.subarray(start, nl));
      start = nl + 1;
    }
    this.rest = Buffer.from(data.subarray(start));
    return this.drain(false);
  }
  /** Flush everything: the trace has ended (dropPartial: a line without its newline is discarded). */
  end(options = {}) {
    if (this.rest.length > 0) {
      if (!options.dropPartial) this.line(this.rest);
      this.rest = Buffer.alloc(0);
    }
    return this.drain(true);
  }
  /**
   * Count the records the script printed before the CPUs' S records but that never arrived: a loss that
   * bpftrace may report late or not at all (from 0.19 its ring buffer's losses are a counter it polls,
   * and that report can come after the S records). Returns how many are added to `stats.lostEvents`
   * (a report of them arriving later is not counted twice); 0 while a synced CPU gave no count.
   */
  countUnreportedLoss() {
    if (![...this.syncedCpus].every((c) => this.sentByCpu.has(c))) return 0;
    const sent = [...this.sentByCpu.values()].reduce((sum, n) => sum + n, 0);
    const more = sent - this.receivedAtSync - this.stats.lostEvents;
    if (more <= 0) return 0;
    this.stats.lostEvents += more;
    this.unreportedLoss += more;
    return more;
  }
  /**
   * bpftrace reported `count` lost events: returns how many are new, added to `stats.lostEvents` (part
   * of them may have been counted already from the S records, when bpftrace reported them late).
   */
  reportedLoss(count) {
    const absorbed = Math.min(this.unreportedLoss, count);
    this.unreportedLoss -= absorbed;
    this.stats.lostEvents += count - absorbed;
    return count - absorbed;
  }
  /** Decode one line (exposed for tests). */
  line(line) {
    const parsed = parseBpftraceLine(line);
    switch (parsed.type) {
      case "printf":
        this.record(parsed.data);
        return;
      case "lost_events": {
        const count = this.reportedLoss(parsed.count);
        if (count > 0) this.queue.push({ kind: "event", event: lostNotice(count) });
        return;
      }
      case "attached_probes":
        this.stats.probes = parsed.count;
        return;
      default:
        this.options.onOther?.(parsed.text);
    }
  }
  record(data) {
    if (data[data.length - 1] === 10) data = data.subarray(0, data.length - 1);
    this.stats.records++;
    const tag = String.fromCharCode(data[0]);
    if (tag !== "R" && tag !== "S") this.received++;
    const num = decimalNumber;
    switch (tag) {
      case "R": {
        if (!this.ready) {
          this.ready = true;
          this.options.onReady?.();
        }
        return;
      }
      case "S": {
        const f = splitFields(data, 3);
        const cpu = num(f[1]);
        this.syncedCpus.add(cpu);
        if (f.length >= 3) this.sentByCpu.set(cpu, num(f[2]));
        this.receivedAtSync = this.received;
        return;
      }
      case "G": {
        this.options.onRoot?.(num(splitFields(data, 3)[2]));
        return;
      }
      case "A":
      case "B": {
        const f = splitFields(data, 8);
        if (f.length < 8) return this.stray();
        const kfe = hexNumber(f[4]);
        const rec = {
          kind: "access",
          ts: this.options.toEpochMs(num(f[1])),
          pid: num(f[2]),
          tid: num(f[3]),
          code: kfe % 256,
          errno: Math.floor(kfe / 256) % 4096,
          flags: Math.floor(kfe / 1048576) % 4194304,
          slot: tag === "B" ? 2 : 1,
          dirId: f[5].toString("latin1"),
          open: f[6].toString("latin1") === "1",
          chunks: [],
          awaitExec: false
        };
        rec.chunks.push(chunkOf(f[7], rec.open));
        this.closeOpen(rec.tid);
        if (rec.open) this.openByTid.set(rec.tid, rec);
        if (rec.code === KIND2.exec && rec.errno === 0 && tag === "A") {
          this.settleExec(rec.pid);
          rec.awaitExec = true;
          rec.env = { vars: {}, done: false, cut: false };
          this.lastExecByPid.set(rec.pid, rec);
        }
        this.queue.push(rec);
        return;
      }
      case "C": {
        const f = splitFields(data, 5);
        if (f.length < 5) return this.stray();
        const tid = num(f[1]);
        const k = num(f[2]);
        const rec = this.openByTid.get(tid);
        if (!rec || rec.chunks.length !== k) return this.stray();
        rec.chunks.push(chunkOf(f[4], f[3].toString("latin1") === "1"));
        if (f[3].toString("latin1") !== "1") {
          rec.open = false;
          this.openByTid.delete(tid);
        } else if (rec.chunks.length >= MAX_CHUNKS) {
          rec.open = false;
          rec.truncated = `path longer than ${MAX_CHUNKS * CHUNK_BYTES} bytes`;
          this.openByTid.delete(tid);
        }
        return;
      }
      case "D":
      case "N": {
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const id = f[1].toString("latin1");
        let dir = this.dirs.get(id);
        if (!dir || dir.path !== void 0) {
          dir = { parts: [] };
          this.dirs.set(id, dir);
        }
        if (tag === "D") dir.parts.push(Buffer.from(f[2]));
        else if (dir.parts.length > 0) dir.parts[dir.parts.length - 1] = Buffer.concat([chunkOf(dir.parts[dir.parts.length - 1], true), f[2]]);
        return;
      }
      case "d": {
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const id = f[1].toString("latin1");
        const dir = this.dirs.get(id) ?? { parts: [] };
        this.dirs.set(id, dir);
        if (f[2].toString("latin1") === "1") {
          dir.path = null;
        } else {
          dir.path = "/" + Buffer.concat(joinReversed(dir.parts)).toString("utf8");
        }
        dir.parts = [];
        return;
      }
      case "E": {
        const f = splitFields(data, 5);
        if (f.length < 5) return this.stray();
        const pid = num(f[2]);
        const rec = this.lastExecByPid.get(pid);
        if (!rec || rec.exec) return this.stray();
        this.lastExecByPid.delete(pid);
        rec.awaitExec = false;
        if (rec.env && !rec.env.done) Object.assign(rec.env, { done: true, cut: true });
        const argc = num(f[3]);
        rec.exec = { ts: this.options.toEpochMs(num(f[1])), argc, cwdId: f[4].toString("latin1"), argv: [], received: 0 };
        if (Math.min(argc, MAX_ARGV) > 0) this.execByPid.set(pid, rec);
        return;
      }
      case "Y": {
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const env = this.lastExecByPid.get(num(f[1]))?.env;
        if (!env || env.done) return this.stray();
        const text = f[2].toString("utf8");
        const eq = text.indexOf("=");
        const name = eq > 0 ? text.slice(0, eq) : text;
        if (!IDENTITY.has(name)) return;
        if (f[2].length >= CHUNK_BYTES || eq < 0) env.cut = true;
        else env.vars[name] = text.slice(eq + 1);
        return;
      }
      case "e": {
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const env = this.lastExecByPid.get(num(f[1]))?.env;
        if (!env || env.done) return this.stray();
        env.done = true;
        if (f[2].toString("latin1") !== "0") env.cut = true;
        return;
      }
      case "V": {
        const f = splitFields(data, 4);
        if (f.length < 4) return this.stray();
        const pid = num(f[1]);
        const rec = this.execByPid.get(pid);
        const i = num(f[2]);
        if (!rec?.exec || !(i >= 0 && i < MAX_ARGV) || rec.exec.argv[i] !== void 0) return this.stray();
        rec.exec.argv[i] = Buffer.from(f[3]);
        rec.exec.received++;
        if (rec.exec.received >= Math.min(rec.exec.argc, MAX_ARGV)) this.execByPid.delete(pid);
        return;
      }
      case "F": {
        const f = splitFields(data, 4);
        this.event({ type: "fork", ts: this.options.toEpochMs(num(f[1])), pid: num(f[2]), child: num(f[3]) });
        return;
      }
      case "X": {
        const f = splitFields(data, 3);
        const pid = num(f[2]);
        this.settleExec(pid);
        this.event({ type: "exit", ts: this.options.toEpochMs(num(f[1])), pid });
        return;
      }
      case "U": {
        const f = splitFields(data, 4);
        const pid = num(f[2]);
        const opcode = Number(f[3]?.toString("latin1") ?? -1);
        this.event({
          type: "notice",
          ts: this.options.toEpochMs(num(f[1])),
          kind: "io_uring",
          pid,
          message: opcode < 0 ? `process ${pid} set up io_uring: file operations through the ring are invisible to syscall tracing (set UV_USE_IO_URING=0 for Node)` : `process ${pid} submitted io_uring ${IO_URING_OPS[opcode] ?? `opcode ${opcode}`} operations: paths opened or changed through the ring are invisible to syscall tracing (set UV_USE_IO_URING=0 for Node)`
        });
        return;
      }
      case "M": {
        const f = splitFields(data, 4);
        const pid = num(f[2]);
        const map = f[3]?.toString("utf8") ?? "?";
        this.event({
          type: "notice",
          ts: this.options.toEpochMs(num(f[1])),
          kind: "map_full",
          pid,
          message: map === "tracked" ? `the kernel's pid map is full: process ${pid} and its descendants are not traced (raise IO_TRACE_BPF_MAP_KEYS)` : `the kernel's ${map} map is full: syscalls of process ${pid} were not traced (raise IO_TRACE_BPF_MAP_KEYS)`
        });
        return;
      }
      default:
        this.stray();
    }
  }
  event(event) {
    this.queue.push({ kind: "event", event });
  }
  stray() {
    this.stats.strays++;
  }
  /** An A record for a tid whose previous path still expected chunks: that one lost its tail. */
  closeOpen(tid) {
    const prev = this.openByTid.get(tid);
    if (prev) {
      prev.open = false;
      prev.truncated ??= "continuation records missing (events lost)";
      this.openByTid.delete(tid);
    }
  }
  /** Stop waiting for exec details of `pid` that can no longer come (events lost): argv is cut. */
  settleExec(pid) {
    const a = this.lastExecByPid.get(pid);
    if (a) {
      a.awaitExec = false;
      if (a.env && !a.env.done) Object.assign(a.env, { done: true, cut: true });
      this.lastExecByPid.delete(pid);
    }
    const b = this.execByPid.get(pid);
    if (b?.exec) {
      b.exec.received = Math.min(b.exec.argc, MAX_ARGV);
      this.execByPid.delete(pid);
    }
  }
  dirPath(id) {
    return this.dirs.get(id)?.path;
  }
  /** Emit the queue's complete head records; with `final`, everything (incomplete ones as notices). */
  drain(final) {
    const out = [];
    let i = 0;
    for (; i < this.queue.length; i++) {
      const p = this.queue[i];
      if (p.kind === "event") {
        out.push(p.event);
        continue;
      }
      if (!final && !this.complete(p) && this.queue.length - i < MAX_BACKLOG) break;
      this.emit(p, out);
    }
    this.queue.splice(0, i);
    if (final) {
      this.openByTid.clear();
      this.execByPid.clear();
      this.lastExecByPid.clear();
    }
    return out;
  }
  complete(p) {
    if (p.open) return false;
    if (p.awaitExec) return false;
    if (p.exec && p.exec.received < Math.min(p.exec.argc, MAX_ARGV)) return false;
    const abs = p.chunks[0]?.[0] === 47;
    if (!abs && p.dirId !== "0" && this.dirPath(p.dirId) === void 0) return false;
    if (p.exec && p.exec.cwdId !== "0" && this.dirPath(p.exec.cwdId) === void 0) return false;
    return true;
  }
  emit(p, out) {
    const op = classifyAccess(p.code, p.flags, p.slot);
    if (op === void 0) {
      this.stray();
      return;
    }
    const raw = Buffer.concat(p.chunks);
    let path33;
    let problem = p.truncated ?? (p.open ? "continuation records missing at the end of the trace" : void 0);
    if (raw[0] === 47) {
      path33 = raw.toString("utf8");
    } else {
      const dir = p.dirId === "0" ? void 0 : this.dirPath(p.dirId);
      if (dir === null) problem ??= "the directory of a relative path is deeper than 64 levels";
      else if (dir === void 0) problem ??= "the directory of a relative path is unknown (events lost)";
      else path33 = raw.length === 0 ? dir : joinPath(dir, raw.toString("utf8"));
    }
    if (problem !== void 0 || path33 === void 0) {
      this.stats.truncatedPaths++;
      const prefix = raw.subarray(0, 120).toString("utf8");
      out.push({
        type: "notice",
        ts: p.ts,
        kind: "truncated_path",
        pid: p.pid,
        message: `${op} by process ${p.pid}: ${problem ?? "path unknown"}; path starts ${JSON.stringify(prefix)}`
      });
      return;
    }
    if (p.exec) {
      const n = Math.min(p.exec.argc, MAX_ARGV);
      const argv = [];
      let cut2 = p.exec.argc > MAX_ARGV;
      for (let k = 0; k < n; k++) {
        const a = p.exec.argv[k];
        if (a === void 0) {
          cut2 = true;
          break;
        }
        if (a.length >= CHUNK_BYTES) cut2 = true;
        argv.push(a.toString("utf8"));
      }
      const cwd = p.exec.cwdId === "0" ? void 0 : this.dirPath(p.exec.cwdId) ?? void 0;
      out.push({
        type: "exec",
        ts: p.exec.ts,
        pid: p.pid,
        path: path33,
        argv,
        ...cut2 ? { argvTruncated: true } : {},
        ...cwd !== void 0 ? { cwd } : {},
        // Without its e record (records lost, or the trace ended) the environment is not known whole.
        ...p.env?.done && !p.env.cut ? { env: p.env.vars } : {}
      });
    }
    out.push({ type: "access", ts: p.ts, pid: p.pid, op, path: path33, errno: p.errno });
  }
};
function decimalNumber(b) {
  if (b === void 0 || b.length === 0) return NaN;
  let i = b[0] === 45 ? 1 : 0;
  if (i === b.length) return NaN;
  let v = 0;
  for (; i < b.length; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return b[0] === 45 ? -v : v;
}
function hexNumber(b) {
  if (b.length === 0) return NaN;
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return NaN;
    v = v * 16 + d;
  }
  return v;
}
function chunkOf(bytes2, more) {
  return Buffer.from(more && bytes2.length > CHUNK_BYTES ? bytes2.subarray(0, CHUNK_BYTES) : bytes2);
}
function joinReversed(parts) {
  const out = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    out.push(parts[i]);
    if (i > 0) out.push(SLASH);
  }
  return out;
}
var SLASH = Buffer.from("/");
function joinPath(dir, rel2) {
  return dir.endsWith("/") ? dir + rel2 : `${dir}/${rel2}`;
}
var IO_URING_OPS = {
  18: "OPENAT",
  21: "STATX",
  28: "OPENAT2",
  35: "RENAMEAT",
  36: "UNLINKAT",
  37: "MKDIRAT",
  38: "SYMLINKAT",
  39: "LINKAT",
  42: "SETXATTR",
  44: "GETXATTR"
};

// src/tracer/bpftrace.ts
var MIN_VERSION = [0, 17, 0];
var BPFTRACE_COMMAND_ENV = "IO_TRACE_BPFTRACE";
function bpftraceCommand(text = process.env[BPFTRACE_COMMAND_ENV]) {
  const words = (text ?? "").trim().split(/\s+/).filter(Boolean);
  return words.length > 0 ? words : ["bpftrace"];
}
function defaultPerfPages(ncpus = onlineCpus().length, version, memBytes = totalmem()) {
  const cpus = Math.max(1, ncpus);
  const perCpu = (version !== void 0 && stringsAtDefaultLength(version) ? 4 : 1) * 4096;
  const total = Math.max(64 * cpus, Math.min(perCpu * cpus, 32768, Math.floor(memBytes / 32 / 4096)));
  const shared = version !== void 0 && versionAtLeast(version, [0, 19, 0]);
  const pages = shared ? total : Math.max(64, Math.floor(total / cpus));
  return 2 ** Math.floor(Math.log2(pages));
}
function stringsAtDefaultLength(version) {
  return versionAtLeast(version, [0, 24, 0]) && !versionAtLeast(version, [0, 27, 0]);
}
var HARMLESS_STDERR = [/couldn't set RLIMIT_MEMLOCK/, /^\s*$/, /^Attach(ing|ed) \d+ probes?/];
function defaultScriptPath() {
  let dir = dirname3(fileURLToPath2(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join4(dir, "bpf", "iotrace.bt");
    if (existsSync16(candidate)) return candidate;
    dir = dirname3(dir);
  }
  throw new TracerError('bpf/iotrace.bt not found next to io-trace: reinstall the package (its "bpf" directory is missing)');
}
function envInt(name, fallback) {
  const v = process.env[name];
  if (v === void 0 || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new TracerError(`${name}=${v}: expected a positive integer`);
  return n;
}
function run2(command, args, timeoutMs) {
  return new Promise((resolve) => {
    execFile(command[0], [...command.slice(1), ...args], { timeout: timeoutMs, encoding: "utf8", maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const e2 = error;
      resolve({
        code: e2 ? typeof e2.code === "number" ? e2.code : null : 0,
        stdout,
        stderr,
        ...e2 && typeof e2.code === "string" ? { error: e2 } : {}
      });
    });
  });
}
function parseBpftraceVersion(text) {
  return /v?(\d+\.\d+\.\d+)/.exec(text)?.[1];
}
function versionAtLeast(v, min) {
  const parts = v.split(".").map(Number);
  for (let i = 0; i < min.length; i++) {
    if ((parts[i] ?? 0) !== min[i]) return (parts[i] ?? 0) > min[i];
  }
  return true;
}
function isRoot() {
  return process.getuid?.() === 0;
}
var BpftraceTracer = class {
  name = "bpftrace";
  command;
  /** The version `check()` found (the script is fitted to it). */
  version;
  scriptPath;
  perfPages;
  mapKeys;
  readyTimeoutMs;
  stopTimeoutMs;
  detachInBackground;
  checked;
  probeOnCheck;
  /** Prefix to run bpftrace as root: [] as root, ['sudo', '-n'] otherwise. */
  asRoot = [];
  /** Prefix to run bpftrace as SCHED_BATCH (`chrt -b 0`), [] where chrt cannot: see check(). */
  schedBatch = [];
  /**
   * Whether the kernel has the io_uring_submit_req tracepoint (check(): tracefs is readable by root only,
   * so as another user it is looked up through sudo). Undefined: not checked, adaptScript looks itself.
   */
  hasSubmitTracepoint;
  /** A standby tracer this run claimed (claimStandby): attach() adopts it instead of starting bpftrace. */
  standby;
  constructor(options = {}) {
    this.command = options.command ?? bpftraceCommand();
    this.scriptPath = options.scriptPath;
    this.perfPages = options.perfPages ?? (process.env.IO_TRACE_BPF_PERF_PAGES ? envInt("IO_TRACE_BPF_PERF_PAGES", 0) : void 0);
    if (this.perfPages !== void 0 && (this.perfPages & this.perfPages - 1) !== 0) {
      throw new TracerError(`IO_TRACE_BPF_PERF_PAGES=${this.perfPages}: must be a power of 2 (perf ring buffers are)`);
    }
    this.mapKeys = options.mapKeys ?? envInt("IO_TRACE_BPF_MAP_KEYS", 16384);
    this.readyTimeoutMs = options.readyTimeoutMs ?? 6e4;
    this.probeOnCheck = options.probeOnCheck ?? false;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 3e3;
    this.detachInBackground = options.detachInBackground ?? process.env.IO_TRACE_BPF_WAIT_DETACH !== "1";
    this.hasSubmitTracepoint = options.submitTracepoint;
  }
  /** Binary, version, root (or passwordless sudo), tracefs, and (probeOnCheck) a real probe. Cached. */
  check() {
    this.checked ??= this.doCheck();
    return this.checked;
  }
  async doCheck() {
    if (!isRoot()) {
      const sudo = await run2(["sudo"], ["-n", "true"], 5e3);
      if (sudo.code !== 0) {
        return { available: false, reason: "bpftrace needs root: run io-trace as root or allow passwordless `sudo -n`" };
      }
      this.asRoot = ["sudo", "-n"];
    }
    const shown = this.command.join(" ");
    const ver = await run2([...this.asRoot, ...this.command], ["--version"], 15e3);
    if (ver.error?.code === "ENOENT") {
      return { available: false, reason: `${this.asRoot.length ? this.command[0] : shown} not found on PATH: install bpftrace (e.g. \`apt-get install bpftrace\`) or set ${BPFTRACE_COMMAND_ENV}` };
    }
    const version = parseBpftraceVersion(ver.stdout + ver.stderr);
    if (ver.code !== 0 || version === void 0) {
      return { available: false, reason: `\`${shown} --version\` failed: ${(ver.stderr || ver.stdout).trim() || `exit code ${ver.code}`}` };
    }
    this.version = version;
    if (!versionAtLeast(version, MIN_VERSION)) {
      return { available: false, version, reason: `bpftrace ${version} is too old: io-trace needs ${MIN_VERSION.join(".")} or newer` };
    }
    if (isRoot() && !existsSync16("/sys/kernel/tracing/events/raw_syscalls") && !existsSync16("/sys/kernel/debug/tracing/events/raw_syscalls")) {
      return {
        available: false,
        version,
        reason: "tracefs is not mounted (no /sys/kernel/tracing/events): run `mount -t tracefs nodev /sys/kernel/tracing`"
      };
    }
    this.schedBatch = (await run2(["chrt"], ["-b", "0", "true"], 5e3)).code === 0 ? ["chrt", "-b", "0"] : [];
    this.hasSubmitTracepoint ??= isRoot() ? existsSync16(IO_URING_SUBMIT_TRACEPOINT) : (await run2(["sudo"], ["-n", "test", "-e", IO_URING_SUBMIT_TRACEPOINT], 5e3)).code === 0;
    if (this.probeOnCheck) {
      const probe2 = await run2(
        [...this.asRoot, ...this.command],
        [
          "-e",
          'tracepoint:raw_syscalls:sys_enter /pid == 0/ { } BEGIN { printf("iotrace-ok %d\\n", curtask->fs->pwd.dentry != 0); exit(); }'
        ],
        15e3
      );
      if (!/iotrace-ok 1/.test(probe2.stdout)) {
        const why = meaningfulStderr(probe2.stderr).join("; ") || `exit code ${probe2.code}`;
        return { available: false, version, reason: `bpftrace ${version} (${shown}) cannot attach a tracepoint here (BPF not permitted, or no BTF): ${why}` };
      }
    }
    return { available: true, version };
  }
  /**
   * Take the standby tracer at `dir` for this run, if one is there and usable: the build must then be
   * launched through the returned launcher (its name is how the standby recognises the root). A standby
   * that cannot be used is reported and removed; this run then starts its own bpftrace.
   */
  async claimStandby(dir, log) {
    const result = claimStandby(dir, scriptHash(readFileSync16(this.scriptPath ?? defaultScriptPath(), "utf8")));
    if (result.claimed) {
      const notReady = await waitStandbyReady(result.claimed, this.readyTimeoutMs);
      if (notReady) {
        discardStandby(result.claimed.dir, result.claimed.record, "SIGKILL");
        log.warn(`${notReady}; starting bpftrace now`);
        return void 0;
      }
      this.standby = result.claimed;
      log.info(`using the standby tracer of ${dir} (bpftrace pid ${result.claimed.record.pid}, started ${((Date.now() - result.claimed.record.startedAt) / 1e3).toFixed(1)} s ago)`);
      return result.claimed.files.launcher;
    }
    if (!result.none) log.warn(`${result.unusable}; starting bpftrace now`);
    return void 0;
  }
  /**
   * Start a standby tracer in `dir` and return its record once bpftrace runs (waitReady: once its probes
   * are attached, or with the reason it failed). It outlives this process, writing to files in `dir`.
   */
  async startStandby(dir, options) {
    const a = await this.check();
    if (!a.available) throw new TracerError(`bpftrace cannot run here: ${a.reason ?? "unavailable"}`);
    const shipped = readFileSync16(this.scriptPath ?? defaultScriptPath(), "utf8");
    const nonce = newNonce();
    const script = scriptToRun(shipped, { version: this.version, hasSubmitTracepoint: this.hasSubmitTracepoint, standby: { comm: nonce, idleSeconds: options.idleSeconds } }, options.log);
    const files = prepareStandbyDir(dir, nonce);
    writeFileSync3(files.script, script);
    const out = openSync7(files.output, "w");
    const err = openSync7(files.stderr, "w");
    const { words, env } = bpftraceInvocation(
      { command: this.command, asRoot: this.asRoot, schedBatch: this.schedBatch, version: this.version, perfPages: this.perfPages ?? defaultPerfPages(onlineCpus().length, this.version), mapKeys: this.mapKeys },
      script,
      0
    );
    const child = spawn6(words[0], words.slice(1), { env: { ...process.env, ...env }, stdio: ["ignore", out, err], detached: true });
    closeSync7(out);
    closeSync7(err);
    const started = await new Promise((resolve, reject) => {
      child.once("error", (e2) => reject(new TracerError(`cannot start bpftrace (${this.command.join(" ")}): ${e2.message}`)));
      child.once("spawn", () => resolve(child.pid));
    }).catch((e2) => {
      rmSync5(dir, { recursive: true, force: true });
      throw e2;
    });
    child.unref();
    const fail = (why) => {
      const said = readFileSync16(files.stderr, "utf8").split("\n").filter((l) => l.trim() && !HARMLESS_STDERR.some((re) => re.test(l)));
      rmSync5(dir, { recursive: true, force: true });
      throw new TracerError(`${why}${said.length ? `: ${said.slice(0, 8).join(" | ")}` : ""}`);
    };
    const deadline = Date.now() + this.readyTimeoutMs;
    let pid = started;
    while (this.asRoot.length > 0 && pid === started) {
      pid = childPids(started)[0] ?? started;
      if (child.exitCode !== null || child.signalCode !== null) fail(`sudo could not start bpftrace as a standby tracer (code ${child.exitCode})`);
      if (Date.now() > deadline) fail("sudo did not start bpftrace within the attach timeout");
      if (pid === started) await new Promise((r) => setTimeout(r, 5));
    }
    const start = processStart(pid);
    if (start === void 0) fail(`bpftrace exited at once (code ${child.exitCode}, signal ${child.signalCode})`);
    const record = {
      ioTraceVersion: IO_TRACE_VERSION,
      scriptHash: scriptHash(shipped),
      pid,
      startTicks: start.startTicks,
      sudo: this.asRoot.length > 0,
      nonce,
      launcher: files.launcher,
      bpftraceVersion: this.version ?? null,
      startedAt: Date.now(),
      idleSeconds: options.idleSeconds
    };
    writeStandbyRecord(dir, record);
    await stopTracepointSampling(pid, { asRoot: this.asRoot, ready: { file: files.output, waitSeconds: Math.ceil(this.readyTimeoutMs / 1e3) }, detached: { outputFile: files.sampling } });
    const notReady = options.waitReady ? await waitStandbyReady({ record, dir, files }, Math.max(0, deadline - Date.now())) : null;
    if (notReady) {
      discardStandby(dir, record, "SIGKILL");
      throw new TracerError(notReady);
    }
    options.log.debug(`standby bpftrace pid ${record.pid} in ${dir}, launcher ${files.launcher}`);
    return record;
  }
  releaseStandby() {
    if (this.standby) discardStandby(this.standby.dir, this.standby.record);
    this.standby = void 0;
  }
  attach(options) {
    const standby = this.standby;
    this.standby = void 0;
    return new BpftraceSession(this, options, {
      standby,
      hasSubmitTracepoint: this.hasSubmitTracepoint,
      command: this.command,
      version: this.version,
      asRoot: this.asRoot,
      schedBatch: this.schedBatch,
      scriptPath: this.scriptPath ?? defaultScriptPath(),
      perfPages: this.perfPages ?? defaultPerfPages(onlineCpus().length, this.version),
      mapKeys: this.mapKeys,
      readyTimeoutMs: this.readyTimeoutMs,
      stopTimeoutMs: this.stopTimeoutMs,
      detachInBackground: this.detachInBackground
    });
  }
};
function bpftraceInvocation(c, script, pid) {
  const env = bpftraceEnv(c.version, c.perfPages, c.mapKeys);
  const args = ["--no-warnings", "-B", "line", "-f", "json", "-e", script, String(pid)];
  const words = [...c.schedBatch, ...c.asRoot.length > 0 ? [...c.asRoot, "env", ...Object.entries(env).map(([k, v]) => `${k}=${v}`)] : [], ...c.command, ...args];
  return { words, env };
}
function meaningfulStderr(text) {
  return text.split("\n").map((l) => l.trimEnd()).filter((l) => !HARMLESS_STDERR.some((re) => re.test(l)));
}
var BpftraceSession = class {
  ready;
  child;
  decoder;
  log;
  sink;
  config;
  diagnostics = [];
  notices = /* @__PURE__ */ new Map();
  exited;
  stdoutDone;
  stderrDone;
  raw;
  rawPending = [];
  rawPendingBytes = 0;
  eventCount = 0;
  isReady = false;
  stopping = false;
  finished;
  stderrText = "";
  /** bpftrace's own total of lost events, when it prints one at exit. */
  totalLost = 0;
  constructor(_tracer, options, config) {
    this.log = options.log;
    this.sink = options.sink;
    this.config = config;
    mkdirSync3(options.workDir, { recursive: true });
    const standby = config.standby;
    const script = standby ? readFileSync16(standby.files.script, "utf8") : scriptToRun(readFileSync16(config.scriptPath, "utf8"), { version: config.version, hasSubmitTracepoint: config.hasSubmitTracepoint }, this.log);
    writeFileSync3(join4(options.workDir, "iotrace.bt"), script);
    this.raw = createWriteStream2(join4(options.workDir, "bpftrace-output.jsonl"));
    this.raw.on("error", (e2) => this.log.debug(`bpftrace raw output not saved: ${e2.message}`));
    const offsetMs = Date.now() - Number(process.hrtime.bigint()) / 1e6;
    let onReady = () => {
    };
    let onFail = () => {
    };
    this.ready = new Promise((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    this.ready.catch(() => {
    });
    let adopted;
    const readyNow = () => {
      if (this.isReady || !this.decoder.ready || standby && adopted === void 0) return;
      if (standby && adopted !== options.pid) {
        clearTimeout(timer);
        onFail(new TracerError(`the standby tracer adopted process ${adopted}, not the build's launcher (pid ${options.pid})`));
        this.kill("SIGINT");
        return;
      }
      this.isReady = true;
      clearTimeout(timer);
      this.log.debug(`bpftrace attached ${this.decoder.stats.probes} probes, following pid ${options.pid}${standby ? " (standby tracer)" : ""}`);
      const done = standby ? readIfThere(standby.files.sampling) : "";
      const pid = standby ? standby.record.pid : this.child.pid;
      const said = /^disabled /.test(done) || pid === void 0 ? Promise.resolve(done) : stopTracepointSampling(pid, { asRoot: config.asRoot });
      void Promise.race([said, new Promise((r) => setTimeout(() => r("tracepoint events: no answer within 3 s, not waited for"), 3e3).unref())]).then((r) => {
        this.log.debug(`${standby ? "standby: " : ""}${r}`);
        onReady();
      });
    };
    this.decoder = new BpftraceDecoder({
      toEpochMs: (ns) => ns / 1e6 + offsetMs,
      onReady: readyNow,
      onRoot: (pid) => {
        adopted ??= pid;
        readyNow();
      },
      onOther: (text) => this.diagnostic(text)
    });
    if (standby) {
      this.child = new StandbyProcess(standby.record, standby.files);
    } else {
      const { words, env } = bpftraceInvocation(config, script, options.pid);
      this.log.debug(`starting ${words.slice(0, -3).join(" ")} <iotrace.bt> ${options.pid}`);
      this.child = spawn6(words[0], words.slice(1), {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"]
      });
    }
    const version = standby ? standby.record.bpftraceVersion : config.version;
    const named = `${standby ? "the standby " : ""}bpftrace ${version ?? "(version unknown)"} (${config.command.join(" ")})`;
    const timer = setTimeout(() => {
      onFail(new TracerError(`${named} did not attach within ${config.readyTimeoutMs / 1e3} s${this.stderrSummary()}`));
      this.kill("SIGKILL");
    }, config.readyTimeoutMs);
    this.exited = new Promise((resolve) => {
      this.child.once("error", (e2) => {
        clearTimeout(timer);
        onFail(new TracerError(`cannot start ${named}: ${e2.message}`));
        resolve({ code: null, signal: null });
      });
      this.child.once("exit", (code, signal) => {
        clearTimeout(timer);
        if (!this.isReady) {
          const drained = Promise.race([this.stderrDone, new Promise((r) => setTimeout(r, 2e3).unref())]);
          void drained.then(() => onFail(new TracerError(`${named} could not load bpf/iotrace.bt (exited before attaching, code ${code}, signal ${signal})${this.stderrSummary()}`)));
        } else if (!this.stopping) {
          this.notice({
            type: "notice",
            ts: Date.now(),
            kind: "tracer_error",
            message: `bpftrace exited while the build ran (code ${code}, signal ${signal})${this.stderrSummary()}`
          });
        }
        resolve({ code, signal });
      });
    });
    this.child.stderr.setEncoding("utf8");
    let partial = "";
    this.child.stderr.on("data", (s) => {
      const lines = (partial + s).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) this.stderrLine(line);
    });
    this.stderrDone = new Promise((resolve) => {
      this.child.stderr.once("close", () => {
        if (partial) this.stderrLine(partial);
        partial = "";
        resolve();
      });
    });
    this.stdoutDone = new Promise((resolve) => {
      this.child.stdout.on("data", (chunk) => {
        this.saveRaw(chunk);
        this.deliver(this.decoder.push(chunk));
      });
      this.child.stdout.once("close", () => resolve());
    });
  }
  finish() {
    this.finished ??= this.doFinish();
    return this.finished;
  }
  async doFinish() {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const synced = await this.waitForSync(this.config.stopTimeoutMs);
      if (!synced) {
        const missing = onlineCpus().filter((c) => !this.decoder.syncedCpus.has(c));
        this.notice({
          type: "notice",
          ts: Date.now(),
          kind: "tracer_error",
          message: `bpftrace did not confirm reading CPU ${missing.join(", ")} up to the build's exit within ${this.config.stopTimeoutMs} ms: events at the end of the build may be missing`
        });
      }
      if (synced) {
        const more = this.decoder.countUnreportedLoss();
        if (more > 0) {
          this.notice(lostNotice(more, "counted by the script, not yet reported by bpftrace"));
        }
      }
      if (synced && this.canDetachInBackground()) {
        this.detachLater();
        return this.outcome();
      }
      const deadline = Date.now() + 2 * this.config.stopTimeoutMs;
      let done = false;
      while (!done && Date.now() < deadline) {
        this.kill("SIGINT");
        done = await this.waitExit(Math.min(1200, deadline - Date.now()));
        if (!done) this.log.debug("bpftrace did not stop on SIGINT yet; sending it again");
      }
      if (!done) {
        this.log.warn("bpftrace did not stop after two SIGINTs: killing it (events still buffered are lost)");
        this.diagnostic("bpftrace killed with SIGKILL after ignoring SIGINT");
        this.kill("SIGKILL");
        await this.exited;
      }
    }
    await this.exited;
    await this.stdoutDone;
    await this.stderrDone;
    this.deliver(this.decoder.end());
    for (const line of meaningfulStderr(this.stderrText)) this.diagnostic(line);
    this.removeStandbyDir();
    return this.outcome();
  }
  /**
   * Whether bpftrace may be left to stop on its own: every CPU's records up to the build's exit are read
   * (the caller checked), nothing was lost (every loss report, on stdout or stderr, adds to the decoder's
   * count; 0.27 prints its exact total only at exit, so after any loss io-trace waits for it), bpftrace
   * is not a child run through sudo (whose SIGKILL needs the relay in kill(); a standby is signalled by
   * its own pid, through sudo when it is root's), and it is still running.
   */
  canDetachInBackground() {
    return this.config.detachInBackground && (this.config.standby !== void 0 || this.config.asRoot.length === 0) && this.decoder.stats.lostEvents === 0 && this.child.pid !== void 0 && this.child.exitCode === null && this.child.signalCode === null;
  }
  /**
   * Stop bpftrace without waiting for it: SIGINT now, and a detached watchdog that repeats it and then
   * kills bpftrace if it is still there (it sometimes ignores a SIGINT that lands while it is busy).
   * What it prints from here on (processes that outlived the build) is not read: the pipes are closed.
   */
  detachLater() {
    const pid = this.child.pid;
    let comm = "";
    try {
      comm = readFileSync16(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
    }
    this.kill("SIGINT");
    if (comm) {
      const same = `[ "$(cat /proc/$0/comm 2>/dev/null)" = "$1" ]`;
      const kill = this.config.standby?.record.sudo ? "sudo -n kill" : "kill";
      const watchdog = spawn6("sh", ["-c", `sleep 1.5; ${same} && ${kill} -INT $0; sleep 3; ${same} && ${kill} -KILL $0`, String(pid), comm], { stdio: "ignore", detached: true });
      watchdog.on("error", () => {
      });
      watchdog.unref();
    }
    this.log.debug(`bpftrace (pid ${pid}) detaches its probes in the background`);
    this.child.stdout?.removeAllListeners("data");
    this.child.stdout?.destroy();
    this.child.stderr?.removeAllListeners("data");
    this.child.stderr?.destroy();
    this.child.unref();
    this.deliver(this.decoder.end({ dropPartial: true }));
    for (const line of meaningfulStderr(this.stderrText)) this.diagnostic(line);
    this.removeStandbyDir();
  }
  /** A standby's folder goes once its output is read (its copy of the output is in the run's folder). */
  removeStandbyDir() {
    if (this.config.standby) rmSync5(this.config.standby.dir, { recursive: true, force: true });
  }
  async outcome() {
    this.flushRaw();
    await new Promise((resolve) => this.raw ? this.raw.end(resolve) : resolve());
    const stats = this.decoder.stats;
    if (this.totalLost > stats.lostEvents) {
      const more = this.totalLost - stats.lostEvents;
      stats.lostEvents = this.totalLost;
      this.notice(lostNotice(more, "from its exit total"));
    }
    if (stats.strays > 0) this.diagnostic(`${stats.strays} bpftrace records could not be matched (after lost events)`);
    const reasons = [];
    for (const [kind, { count, first }] of this.notices) {
      if (!INCOMPLETE_NOTICE_KINDS.has(kind)) continue;
      if (kind === "lost") reasons.push(lostEventsReason(stats.lostEvents, count));
      else reasons.push(count > 1 ? `${first} (and ${count - 1} more ${kind} notices)` : first);
    }
    return { lostEvents: stats.lostEvents, incompleteReasons: reasons, eventCount: this.eventCount, diagnostics: this.diagnostics };
  }
  /**
   * Keep bpftrace's output with the run, in writes of 256 KiB: with -B line it arrives a record or a few
   * at a time, and one write per chunk cost ~0.3 s of io-trace's CPU on a 17k-record build.
   */
  saveRaw(chunk) {
    if (!this.raw) return;
    this.rawPending.push(chunk);
    this.rawPendingBytes += chunk.length;
    if (this.rawPendingBytes >= 256 * 1024) this.flushRaw();
  }
  flushRaw() {
    if (!this.raw || this.rawPending.length === 0) return;
    this.raw.write(this.rawPending.length === 1 ? this.rawPending[0] : Buffer.concat(this.rawPending, this.rawPendingBytes));
    this.rawPending = [];
    this.rawPendingBytes = 0;
  }
  stderrLine(line) {
    const total = /Total lost event count: (\d+)/.exec(line);
    if (total) {
      this.totalLost = Number(total[1]);
      return;
    }
    const lost = parseLostEvents(line);
    if (lost !== void 0) {
      const count = this.decoder.reportedLoss(lost);
      if (count > 0) this.deliver([lostNotice(count)]);
      return;
    }
    if (this.stderrText.length < 65536) this.stderrText += line + "\n";
  }
  deliver(events) {
    if (events.length === 0) return;
    for (const e2 of events) if (e2.type === "notice") this.remember(e2);
    this.eventCount += events.length;
    try {
      this.sink(events);
    } catch (e2) {
      this.log.error(`trace event sink failed: ${e2.message}`);
      this.diagnostic(`sink error: ${e2.message}`);
    }
  }
  /** A notice the session itself raises (not from the decoder). */
  notice(n) {
    this.deliver([n]);
  }
  remember(n) {
    const seen = this.notices.get(n.kind);
    if (seen) seen.count++;
    else this.notices.set(n.kind, { count: 1, first: n.message });
  }
  diagnostic(line) {
    if (this.diagnostics.length < 200) this.diagnostics.push(line);
  }
  /** bpftrace's own words, errors first (a warning must not hide the error that follows it). */
  stderrSummary() {
    const lines = meaningfulStderr(this.stderrText);
    const errors = lines.filter((l) => /error/i.test(l));
    const shown = [...errors, ...lines.filter((l) => !errors.includes(l))].slice(0, 8);
    return shown.length > 0 ? `: ${shown.join(" | ")}` : "";
  }
  /** Resolves true once S records from all online CPUs arrived, false after `ms` or if bpftrace exits. */
  waitForSync(ms) {
    const cpus = onlineCpus();
    const done = () => cpus.every((c) => this.decoder.syncedCpus.has(c));
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const unsynced = cpus.filter((c) => !this.decoder.syncedCpus.has(c));
      const kick = spawn6("sh", ["-c", 'for c; do taskset -c "$c" true; done', "sh", ...unsynced.map(String)], { stdio: "ignore" });
      kick.on("error", () => {
      });
      const wakers = [];
      const wake = setTimeout(() => {
        for (const c of cpus) {
          if (this.decoder.syncedCpus.has(c)) continue;
          const w = spawn6("taskset", ["-c", String(c), "timeout", String(ms / 1e3), "sh", "-c", "while :; do :; done"], { stdio: "ignore", detached: true });
          w.on("error", () => {
          });
          wakers.push(w);
        }
      }, 30);
      const finish = (ok) => {
        clearTimeout(timer);
        clearTimeout(wake);
        for (const w of wakers) {
          try {
            if (w.pid !== void 0) process.kill(-w.pid, "SIGKILL");
          } catch {
          }
        }
        this.child.stdout.off("data", check);
        resolve(ok);
      };
      const check = () => {
        if (done()) finish(true);
      };
      const timer = setTimeout(() => finish(done()), ms);
      this.child.stdout.on("data", check);
      void this.exited.then(() => finish(done()));
    });
  }
  waitExit(ms) {
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      void this.exited.then(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }
  kill(signal) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.config.asRoot.length > 0 && signal === "SIGKILL") {
      for (const pid of childPids(this.child.pid)) {
        execFile("sudo", ["-n", "kill", "-KILL", String(pid)], () => {
        });
      }
    }
    try {
      this.child.kill(signal);
    } catch {
    }
  }
};
function onlineCpus() {
  let spec;
  try {
    spec = readFileSync16("/sys/devices/system/cpu/online", "utf8").trim();
  } catch {
    return Array.from({ length: availableParallelism() }, (_, i) => i);
  }
  const cpus = [];
  for (const part of spec.split(",")) {
    const [a, b] = part.split("-").map(Number);
    for (let c = a; c <= (b ?? a); c++) cpus.push(c);
  }
  return cpus;
}
function childPids(pid) {
  if (pid === void 0) return [];
  try {
    return readFileSync16(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
var IO_URING_SUBMIT_TRACEPOINT = "/sys/kernel/tracing/events/io_uring/io_uring_submit_req";
function adaptScript(script, options = {}) {
  let out = script.replace(/^#!.*\n/, "");
  if (options.standby) out = gateRawSyscalls(out);
  if (!(options.hasSubmitTracepoint ?? existsSync16(IO_URING_SUBMIT_TRACEPOINT))) {
    out = out.replace(/\/\* IO_URING_SUBMIT_BEGIN[\s\S]*?\/\* IO_URING_SUBMIT_END \*\//, "").replace(/^.*IO_URING_SUBMIT_ONLY.*\n/gm, "").replace("&& 0 /* IO_URING_SETUP_FALLBACK */", "");
  }
  if (options.standby) {
    const { comm, idleSeconds } = options.standby;
    if (!/^[A-Za-z0-9_.-]{1,15}$/.test(comm)) throw new TracerError(`standby tracer: ${JSON.stringify(comm)} cannot be a process name`);
    if (!Number.isInteger(idleSeconds) || idleSeconds <= 0) throw new TracerError(`standby tracer: idle limit ${idleSeconds} s must be a positive whole number`);
    const probes = [
      "tracepoint:sched:sched_process_exec",
      "/@root == 0 || @rootgone/",
      "{",
      "	if (@root == 0) {",
      `		if (comm == "${comm}") {`,
      "			@root = (uint64)pid;",
      "			@tracked[(uint64)pid] = 1;",
      "			@inst[(uint64)pid] = nsecs;",
      '			printf("G\\t%lu\\t%d\\n", nsecs, pid);',
      "			@sent[cpu] = @sent[cpu] + 1; /* counted like every record but R and S (see S in iotrace.bt) */",
      "		}",
      "	} else {",
      "		if (@synced[cpu] == 0) {",
      "			@synced[cpu] = 1;",
      '			printf("S\\t%d\\t%d\\n", cpu, @sent[cpu]);',
      "		}",
      "	}",
      "}",
      "",
      // A standby nobody claimed (the job failed before the build step) must not trace forever.
      `interval:s:${idleSeconds}`,
      "/@root == 0/",
      "{",
      "	exit();",
      "}",
      "",
      // Nor one whose run died after adopting the build: its output goes to a file, so no broken pipe
      // ends it. 20-30 s after the root exited it exits (a live run stops it within a second).
      "interval:s:10",
      "/@rootgone/",
      "{",
      "	@rootgone = @rootgone + 1;",
      "	if (@rootgone > 3) {",
      "		exit();",
      "	}",
      "}"
    ].join("\n");
    out = out.replace(/^.*STANDBY_DROP.*\n/gm, "").replace(/,\ntracepoint:sched:sched_process_exec \/\* EXEC_SYNC.*\*\/$/m, "").replace(/^\/\* STANDBY_PROBES .*\*\/$/m, probes);
  }
  if (options.version !== void 0 && versionAtLeast(options.version, [0, 24, 0])) {
    let k = 0;
    out = out.replace(/^(\s*)while \((.*)\) \{(?: \/\/ (\$\w+) from (\d+))?$/gm, (_m, indent, cond, counter, from) => {
      const bound = Math.max(...(cond.match(/\b\d+\b/g) ?? ["0"]).map(Number)) + 1;
      k++;
      const take = counter ? ` ${counter} = (uint64)$loop${k};` : "";
      return `${indent}for $loop${k} : ${from ?? 0}..${bound} {${take} if (!(${cond})) { break; }`;
    });
  }
  return out;
}
function scriptToRun(shipped, options, log, btfFile = KERNEL_BTF) {
  const script = adaptScript(shipped, options);
  if (options.version === void 0 || versionAtLeast(options.version, [0, 25, 0])) return script;
  try {
    return inlineStructOffsets(script, KernelBtf.fromFile(btfFile));
  } catch (e2) {
    log.debug(`kernel struct offsets not inlined, bpftrace resolves them itself (~0.5 s slower): ${e2.message}`);
    return script;
  }
}
var GATE_MULTIPLIER = 0x4b2f32bf9d481cbdn;
var GATE_SHIFT = 49n;
function gateBit(id) {
  return Number((BigInt(id) * GATE_MULTIPLIER & 0xffffffffffffffffn) >> GATE_SHIFT & 63n);
}
function gateRawSyscalls(script) {
  const ids = [...script.matchAll(/^\s*@sc\[(\d+)\] = /gm)].map((m) => Number(m[1]));
  if (ids.length === 0) return script;
  let mask = 0n;
  for (const id of ids) mask |= 1n << BigInt(gateBit(id));
  if (mask >> 63n) throw new TracerError("the syscall gate puts a traced syscall on bit 63: choose another multiplier");
  const gate = `((0x${mask.toString(16)} >> ((((uint64)args->id * ${GATE_MULTIPLIER}) >> ${GATE_SHIFT}) & 63)) & 1)`;
  return script.replace(/^(tracepoint:raw_syscalls:sys_(?:enter|exit)\n)\/(.*)\/$/gm, (_m, probe2, predicate) => `${probe2}/${gate} && ${predicate}/`);
}
function bpftraceEnv(version, perfPages, mapKeys) {
  const env = {
    BPFTRACE_STR_TRUNC_TRAILER: "",
    BPFTRACE_PERF_RB_PAGES: String(perfPages)
  };
  const renamed = version !== void 0 && versionAtLeast(version, [0, 20, 0]);
  const old = version === void 0 || !renamed;
  const defaultStrlen = version !== void 0 && stringsAtDefaultLength(version);
  if (renamed || version === void 0) Object.assign(env, { ...defaultStrlen ? {} : { BPFTRACE_MAX_STRLEN: "200" }, BPFTRACE_MAX_MAP_KEYS: String(mapKeys) });
  if (old) Object.assign(env, { BPFTRACE_STRLEN: "200", BPFTRACE_MAP_KEYS_MAX: String(mapKeys) });
  return env;
}
function lostEventsReason(total, reports) {
  return `bpftrace lost ${total} events (output buffer full${reports > 1 ? `; ${reports} reports` : ""})`;
}
function readIfThere(file) {
  try {
    return readFileSync16(file, "utf8").trim();
  } catch {
    return "";
  }
}

// src/tracer/strace.ts
import { spawn as spawn7 } from "node:child_process";
import { createWriteStream as createWriteStream3, readlinkSync as readlinkSync2 } from "node:fs";
import { join as join5 } from "node:path";

// src/tracer/strace-parse.ts
import { constants as osConstants } from "node:os";
var STRACE_SYSCALLS = [
  "?open",
  "openat",
  "?openat2",
  "?creat",
  "?stat",
  "?lstat",
  "?newfstatat",
  "statx",
  "?access",
  "faccessat",
  "?faccessat2",
  "?readlink",
  "readlinkat",
  "?getdents",
  "getdents64",
  "?unlink",
  "unlinkat",
  "?rmdir",
  "?mkdir",
  "mkdirat",
  "?rename",
  "renameat",
  "?renameat2",
  "?link",
  "linkat",
  "?symlink",
  "symlinkat",
  "truncate",
  "execve",
  "execveat",
  "chdir",
  "fchdir",
  "clone",
  "?clone3",
  "?fork",
  "?vfork",
  "?io_uring_setup"
];
var STRACE_MAX_STRLEN = 131072;
var OPEN_FLAG_BITS = {
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  O_CREAT,
  O_TRUNC,
  O_DIRECTORY,
  O_PATH,
  // O_TMPFILE includes O_DIRECTORY; strace prints it as one name.
  O_TMPFILE: 4259840
};
function parseOpenFlags(text) {
  let flags = 0;
  for (const name of text.trim().split("|")) {
    const bit = OPEN_FLAG_BITS[name];
    if (bit !== void 0) flags |= bit;
    else if (/^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/.test(name)) flags |= Number(name.startsWith("0x") ? name : name.startsWith("0") ? parseInt(name, 8) : name);
  }
  return flags;
}
var EXTRA_ERRNO = {
  ERESTARTSYS: 512,
  ERESTARTNOINTR: 513,
  ERESTARTNOHAND: 514,
  ENOIOCTLCMD: 515,
  ERESTART_RESTARTBLOCK: 516
};
var UNKNOWN_ERRNO = 1e3;
function errnoNumber(name) {
  const n = osConstants.errno[name] ?? EXTRA_ERRNO[name];
  if (n !== void 0) return n;
  const m = /^E(\d+)$/.exec(name);
  return m ? Number(m[1]) : void 0;
}
function decodeHex(escaped) {
  const n = escaped.length >> 2;
  if (n === 0) return "";
  const bytes2 = Buffer.allocUnsafe(n);
  for (let i = 0, j = 2; i < n; i++, j += 4) bytes2[i] = hexValue(escaped.charCodeAt(j)) << 4 | hexValue(escaped.charCodeAt(j + 1));
  return bytes2.toString("utf8");
}
function hexValue(c) {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}
var STRING_RE = /^"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?$/;
var FD_RE = /^(AT_FDCWD|-?\d+)(?:<((?:\\x[0-9a-f]{2})*)>(?:\(deleted\))?)?$/;
function parseString(arg) {
  if (arg === void 0) return void 0;
  const m = STRING_RE.exec(arg);
  if (!m) return void 0;
  return { value: decodeHex(m[1]), truncated: m[2] !== void 0 };
}
function parseFd(arg) {
  if (arg === void 0) return void 0;
  const m = FD_RE.exec(arg);
  if (!m) return void 0;
  return { fd: m[1] === "AT_FDCWD" ? "AT_FDCWD" : Number(m[1]), path: m[2] === void 0 ? void 0 : decodeHex(m[2]) };
}
function splitArgs(text) {
  const out = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inString = !inString;
    else if (inString) continue;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last.length > 0 || out.length > 0) out.push(last);
  return out;
}
function parseCall(tid, ts, text) {
  const open = text.indexOf("(");
  if (open <= 0) return void 0;
  const name = text.slice(0, open);
  if (!/^[a-z0-9_]+$/.test(name)) return void 0;
  const args = [];
  let depth = 0;
  let inString = false;
  let start = open + 1;
  let close = -1;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inString = !inString;
    else if (inString) continue;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (--depth === 0) {
        close = i;
        break;
      }
    } else if (c === 44 && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (close < 0) return void 0;
  const last = text.slice(start, close).trim();
  if (last.length > 0 || args.length > 0) args.push(last);
  const m = /^\s*=\s*(\S+)(?:\s+(E[A-Z0-9_]+|E\?\?\?))?/.exec(text.slice(close + 1, close + 80));
  if (!m) return void 0;
  const ret = m[1];
  let errno;
  if (ret === "?") errno = void 0;
  else if (m[2] !== void 0 && ret.startsWith("-")) errno = errnoNumber(m[2]) ?? UNKNOWN_ERRNO;
  else errno = 0;
  return { tid, ts, name, args, ret, errno };
}
function retNumber(ret) {
  const m = /^(-?\d+|0x[0-9a-f]+)/.exec(ret);
  return m ? Number(m[1]) : NaN;
}
var LINE_RE = /^(?:\[pid\s+)?(\d+)\]?\s+(\d+)\.(\d+)\s+(.*)$/;
var UNFINISHED = " <unfinished ...>";
var PID_CHANGED = / <pid changed to (\d+) \.\.\.>$/;
var TRACED_NAMES = new Set(STRACE_SYSCALLS.map((n) => n.replace(/^\?/, "")));
var CLONE_CALLS = /* @__PURE__ */ new Set(["clone", "clone3", "fork", "vfork"]);
var CLONE_THREAD = "CLONE_THREAD";
var CLONE_FS = "CLONE_FS";
var DEDUPED_OPS = /* @__PURE__ */ new Set(["read", "write", "create", "truncate", "stat", "readdir", "mkdir"]);
var GENERATION_OPS = /* @__PURE__ */ new Set(["unlink", "rmdir", "rename_from", "link"]);
var MAX_DEDUP_KEYS = 2e5;
var StraceParser = class {
  stats = { lines: 0, unparsed: 0, deduped: 0, events: 0 };
  /** Lines that could not be parsed (first 20), for diagnostics. */
  unparsedSamples = [];
  tgid = /* @__PURE__ */ new Map();
  procs = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  orphans = /* @__PURE__ */ new Map();
  seen = /* @__PURE__ */ new Set();
  dedupe;
  ignore;
  images = 0;
  partial = "";
  out = [];
  constructor(options) {
    this.dedupe = options.dedupe ?? true;
    this.ignore = new Set(options.ignorePids ?? []);
    this.tgid.set(options.rootPid, options.rootPid);
    this.procs.set(options.rootPid, { cwd: { path: options.rootCwd }, image: ++this.images });
  }
  /**
   * Processes of the build not yet seen to exit (including new tids not yet attributed). Zero once
   * strace has reported the end of every process the build created: each parent's clone return
   * (naming the child) is printed before that parent's exit.
   */
  get running() {
    return this.procs.size + this.orphans.size;
  }
  /** Feed a chunk of output (any split); returns the events completed by its whole lines. */
  pushChunk(chunk) {
    const text = this.partial + chunk;
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.line(line);
    return this.take();
  }
  /** Feed one whole line (without its newline); returns the events it completed. */
  pushLine(line) {
    this.line(line);
    return this.take();
  }
  /**
   * The output ended: parse a last unterminated line, and emit what waited for a clone that never
   * returned (its new threads/processes are taken as processes of their own).
   */
  end() {
    if (this.partial.length > 0) {
      this.line(this.partial);
      this.partial = "";
    }
    for (const [tid, orphan] of [...this.orphans]) {
      this.orphans.delete(tid);
      this.tgid.set(tid, tid);
      this.procs.set(tid, { cwd: { path: void 0 }, image: ++this.images });
      for (const l of orphan.lines) this.body(tid, l.ts, l.body);
    }
    this.pending.clear();
    return this.take();
  }
  take() {
    const out = this.out;
    this.out = [];
    this.stats.events += out.length;
    return out;
  }
  line(line) {
    if (line.length === 0) return;
    this.stats.lines++;
    const m = LINE_RE.exec(line);
    if (!m) {
      this.unparsed(line);
      return;
    }
    const tid = Number(m[1]);
    if (this.ignore.has(tid)) return;
    const ts = Number(m[2]) * 1e3 + Number(m[3].padEnd(6, "0").slice(0, 6)) / 1e3;
    const body = m[4];
    if (!this.tgid.has(tid)) {
      if (!this.bindOrphan(tid, ts)) {
        let o = this.orphans.get(tid);
        if (!o) this.orphans.set(tid, o = { lines: [] });
        o.lines.push({ ts, body });
        return;
      }
    }
    this.body(tid, ts, body);
  }
  body(tid, ts, body) {
    if (body.startsWith("+++ ")) {
      this.status(tid, ts, body);
      return;
    }
    if (body.startsWith("--- ")) return;
    if (body.startsWith("[ ")) return;
    let text = body;
    let startTs = ts;
    let boundChild;
    if (body.startsWith("<... ")) {
      const m = /^<\.\.\. ([a-z0-9_?]+) resumed>(.*)$/.exec(body);
      const p = this.pending.get(tid);
      if (!m || !p || p.name !== m[1]) {
        return;
      }
      this.pending.delete(tid);
      text = p.text + m[2].replace(/^ <unfinished \.\.\.>/, "");
      startTs = p.ts;
      boundChild = p.boundChild;
    }
    const moved = PID_CHANGED.exec(text);
    if (moved) {
      const name = text.slice(0, Math.max(0, text.indexOf("(")));
      this.pending.set(Number(moved[1]), { ts: startTs, name, text: text.slice(0, moved.index) });
      this.pending.delete(tid);
      return;
    }
    if (text.endsWith(UNFINISHED)) {
      const name = text.slice(0, Math.max(0, text.indexOf("(")));
      this.pending.set(tid, { ts: startTs, name, text: text.slice(0, -UNFINISHED.length), boundChild });
      return;
    }
    if (text.includes("<detached ...>")) return;
    const rec = parseCall(tid, ts, text);
    if (!rec) {
      const name = /^([a-z0-9_]+)\(/.exec(text)?.[1];
      if (name !== void 0 && TRACED_NAMES.has(name)) this.unparsed(body);
      return;
    }
    this.syscall(rec);
  }
  status(tid, ts, body) {
    const superseded = /^\+\+\+ superseded by execve in pid (\d+) \+\+\+/.exec(body);
    if (superseded) {
      const thread = Number(superseded[1]);
      if (thread !== tid) this.tgid.delete(thread);
      return;
    }
    if (!/^\+\+\+ (exited with|killed by) /.test(body)) return;
    const pid = this.tgid.get(tid);
    this.pending.delete(tid);
    this.tgid.delete(tid);
    if (pid === tid) {
      this.procs.delete(pid);
      this.out.push({ type: "exit", ts, pid });
    }
  }
  /**
   * A tid we have not seen: some traced clone created it and has not returned yet. If exactly one
   * clone-family call is in flight its caller is the parent; otherwise wait for the clone's return.
   */
  bindOrphan(tid, ts) {
    let parent;
    let call;
    for (const [t, p] of this.pending) {
      if (!CLONE_CALLS.has(p.name) || p.boundChild !== void 0) continue;
      if (call) return false;
      parent = t;
      call = p;
    }
    if (!call || parent === void 0) return false;
    call.boundChild = tid;
    this.newTask(parent, tid, call.text, ts);
    return true;
  }
  newTask(parentTid, child, callText2, ts) {
    const ppid = this.tgid.get(parentTid) ?? parentTid;
    const flags = /flags=([A-Z0-9_|x]+)/.exec(callText2)?.[1]?.split("|") ?? [];
    if (flags.includes(CLONE_THREAD)) {
      this.tgid.set(child, ppid);
    } else {
      const parent = this.procs.get(ppid);
      const cwd = flags.includes(CLONE_FS) && parent ? parent.cwd : { path: parent?.cwd.path, raw: parent?.cwd.raw };
      this.tgid.set(child, child);
      this.procs.set(child, { cwd, image: ++this.images });
      this.out.push({ type: "fork", ts, pid: ppid, child });
    }
    const orphan = this.orphans.get(child);
    if (orphan) {
      this.orphans.delete(child);
      for (const l of orphan.lines) this.body(child, l.ts, l.body);
    }
  }
  unparsed(line) {
    this.stats.unparsed++;
    if (this.unparsedSamples.length < 20) this.unparsedSamples.push(line.length > 300 ? `${line.slice(0, 300)}...` : line);
  }
  syscall(r) {
    const pid = this.tgid.get(r.tid) ?? r.tid;
    const proc = this.procs.get(pid) ?? { cwd: { path: void 0 }, image: ++this.images };
    for (const a2 of r.args) {
      if (a2.startsWith("AT_FDCWD<")) {
        if (a2 !== proc.cwd.raw) {
          const p = parseFd(a2)?.path;
          if (p) proc.cwd.path = p;
          proc.cwd.raw = a2;
        }
        break;
      }
    }
    if (r.errno === void 0) return;
    const a = r.args;
    switch (r.name) {
      case "open":
        return this.access(r, pid, proc, classifyOpenFlags(parseOpenFlags(a[1] ?? "")), void 0, a[0]);
      case "openat":
        return this.access(r, pid, proc, classifyOpenFlags(parseOpenFlags(a[2] ?? "")), a[0], a[1]);
      case "openat2": {
        const flags = /flags=([^,}]+)/.exec(a[2] ?? "")?.[1] ?? "";
        return this.access(r, pid, proc, classifyOpenFlags(parseOpenFlags(flags)), a[0], a[1]);
      }
      case "creat":
        return this.access(r, pid, proc, "create", void 0, a[0]);
      case "stat":
      case "lstat":
      case "access":
      case "readlink":
        return this.access(r, pid, proc, "stat", void 0, a[0]);
      case "newfstatat":
      case "statx":
      case "faccessat":
      case "faccessat2":
      case "readlinkat":
        return this.access(r, pid, proc, "stat", a[0], a[1]);
      case "getdents":
      case "getdents64": {
        const path33 = parseFd(a[0])?.path;
        if (path33 !== void 0) this.emitAccess(r, pid, proc, "readdir", path33);
        return;
      }
      case "unlink":
        return this.access(r, pid, proc, "unlink", void 0, a[0]);
      case "unlinkat":
        return this.access(r, pid, proc, (a[2] ?? "").includes("AT_REMOVEDIR") ? "rmdir" : "unlink", a[0], a[1]);
      case "rmdir":
        return this.access(r, pid, proc, "rmdir", void 0, a[0]);
      case "mkdir":
        return this.access(r, pid, proc, "mkdir", void 0, a[0]);
      case "mkdirat":
        return this.access(r, pid, proc, "mkdir", a[0], a[1]);
      case "rename":
        this.access(r, pid, proc, "rename_from", void 0, a[0]);
        return this.access(r, pid, proc, "rename_to", void 0, a[1]);
      case "renameat":
      case "renameat2":
        this.access(r, pid, proc, "rename_from", a[0], a[1]);
        return this.access(r, pid, proc, "rename_to", a[2], a[3]);
      case "link":
      case "symlink":
        return this.access(r, pid, proc, "link", void 0, a[1]);
      case "linkat":
        return this.access(r, pid, proc, "link", a[2], a[3]);
      case "symlinkat":
        return this.access(r, pid, proc, "link", a[1], a[2]);
      case "truncate":
        return this.access(r, pid, proc, "truncate", void 0, a[0]);
      case "execve":
        return this.exec(r, pid, proc, void 0, a[0], a[1], a[2]);
      case "execveat":
        return this.exec(r, pid, proc, a[0], a[1], a[2], a[3], (a[4] ?? "").includes("AT_EMPTY_PATH"));
      case "chdir": {
        if (r.errno !== 0) return;
        const path33 = this.resolve(r, pid, proc, void 0, a[0]);
        if (path33 !== void 0) Object.assign(proc.cwd, { path: normalise(path33), raw: void 0 });
        return;
      }
      case "fchdir": {
        const path33 = parseFd(a[0])?.path;
        if (r.errno === 0 && path33 !== void 0) Object.assign(proc.cwd, { path: path33, raw: void 0 });
        return;
      }
      case "clone":
      case "clone3":
      case "fork":
      case "vfork": {
        const child = retNumber(r.ret);
        if (r.errno !== 0 || !(child > 0) || this.tgid.has(child)) return;
        return this.newTask(r.tid, child, `${r.name}(${a.join(", ")})`, r.ts);
      }
      case "io_uring_setup":
        if (r.errno === 0) {
          this.out.push({
            type: "notice",
            ts: r.ts,
            kind: "io_uring",
            pid,
            message: `process ${pid} set up io_uring (fd ${retNumber(r.ret)}): its file I/O through the ring is invisible to syscall tracing`
          });
        }
        return;
      default:
        return;
    }
  }
  /**
   * The absolute path a call named: as given if absolute, else against its dirfd's `-y` path, or
   * the tracked cwd for calls without a dirfd. Undefined (and a notice if the name was cut) when it
   * cannot be known whole; undefined silently for an empty name (AT_EMPTY_PATH: an fstat-like call
   * on an fd whose open was recorded) and for a name strace could not read (an address).
   */
  resolve(r, pid, proc, dirArg, pathArg) {
    const s = parseString(pathArg);
    if (!s) {
      if (pathArg !== void 0 && pathArg !== "NULL" && /^0x[0-9a-f]+$/.test(pathArg) && r.errno === 0) {
        this.truncated(r, pid, `strace could not read the path of ${r.name}() at ${pathArg}`);
      }
      return void 0;
    }
    if (s.truncated) {
      this.truncated(r, pid, `path of ${r.name}() longer than strace's limit: ${s.value.slice(0, 120)}...`);
      return void 0;
    }
    if (s.value.length === 0) return void 0;
    if (s.value.startsWith("/")) return s.value;
    let base;
    if (dirArg === void 0) {
      base = proc.cwd.path;
    } else {
      const d = parseFd(dirArg);
      base = d?.path ?? (d?.fd === "AT_FDCWD" ? proc.cwd.path : void 0);
    }
    if (base === void 0 || !base.startsWith("/")) return void 0;
    return base === "/" ? `/${s.value}` : `${base}/${s.value}`;
  }
  access(r, pid, proc, op, dirArg, pathArg) {
    const path33 = this.resolve(r, pid, proc, dirArg, pathArg);
    if (path33 === void 0) {
      if (GENERATION_OPS.has(op)) this.seen.clear();
      return;
    }
    this.emitAccess(r, pid, proc, op, path33);
  }
  emitAccess(r, pid, proc, op, path33) {
    const errno = r.errno ?? 0;
    if (GENERATION_OPS.has(op)) {
      this.seen.clear();
    } else if (this.dedupe && DEDUPED_OPS.has(op)) {
      const key2 = `${pid}\0${proc.image}\0${op}\0${errno}\0${path33}`;
      if (this.seen.has(key2)) {
        this.stats.deduped++;
        return;
      }
      if (this.seen.size >= MAX_DEDUP_KEYS) this.seen.clear();
      this.seen.add(key2);
    }
    this.out.push({ type: "access", ts: r.ts, pid, op, path: path33, errno });
  }
  exec(r, pid, proc, dirArg, pathArg, argvArg, envArg, emptyPath = false) {
    let path33;
    if (emptyPath && parseString(pathArg)?.value === "") path33 = parseFd(dirArg)?.path;
    else path33 = this.resolve(r, pid, proc, dirArg, pathArg);
    if (path33 === void 0) return;
    const errno = r.errno ?? 0;
    if (errno === 0) {
      proc.image = ++this.images;
      const { argv, truncated } = parseArgv(argvArg);
      const ev = { type: "exec", ts: r.ts, pid, path: path33, argv };
      if (truncated) ev.argvTruncated = true;
      if (proc.cwd.path !== void 0) ev.cwd = proc.cwd.path;
      const env = parseIdentityEnv(envArg);
      if (env) ev.env = env;
      this.out.push(ev);
    }
    this.out.push({ type: "access", ts: r.ts, pid, op: "exec", path: path33, errno });
  }
  truncated(r, pid, message) {
    this.out.push({ type: "notice", ts: r.ts, kind: "truncated_path", pid, message });
  }
};
var IDENTITY_PREFIXES = IDENTITY_ENV_VARS.map((name) => ({
  name,
  hex: '"' + [...Buffer.from(name + "=", "latin1")].map((b) => "\\x" + b.toString(16).padStart(2, "0")).join("")
}));
function parseIdentityEnv(arg) {
  if (arg === void 0 || !arg.startsWith("[") || !arg.endsWith("]")) return void 0;
  const env = {};
  for (const item of splitArgs(arg.slice(1, -1))) {
    if (item === "...") return void 0;
    if (!item.startsWith('"\\x')) continue;
    for (const { name, hex } of IDENTITY_PREFIXES) {
      if (!item.startsWith(hex)) continue;
      const s = parseString(item);
      if (!s || s.truncated) return void 0;
      env[name] = s.value.slice(name.length + 1);
    }
  }
  return env;
}
function parseArgv(arg) {
  if (arg === void 0 || !arg.startsWith("[") || !arg.endsWith("]")) return { argv: [], truncated: true };
  const argv = [];
  let truncated = false;
  for (const item of splitArgs(arg.slice(1, -1))) {
    if (item === "...") {
      truncated = true;
      continue;
    }
    const s = parseString(item);
    if (!s) {
      truncated = true;
      continue;
    }
    argv.push(s.value);
    if (s.truncated) truncated = true;
  }
  return { argv, truncated };
}
function normalise(path33) {
  const parts = [];
  for (const p of path33.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return `/${parts.join("/")}`;
}

// src/tracer/strace.ts
function straceArgs(pid, keeper) {
  return [
    "-f",
    // follow forks, vforks and clones (ptrace options: nothing created escapes)
    "-ttt",
    // epoch seconds with microseconds
    "-y",
    // print the path of every fd, and the cwd as AT_FDCWD<path>
    "-xx",
    // every string byte as \xHH: hostile names cannot break the line syntax
    "-s",
    String(STRACE_MAX_STRLEN),
    // never cut a path or an argv string
    // Print execve's environment whole (other calls stay abbreviated): the task identity variables
    // are read from it, since a process that exits at once has no /proc/PID/environ left to read.
    "-e",
    "abbrev=!execve,execveat",
    "-e",
    `trace=${STRACE_SYSCALLS.join(",")}`,
    // Not signal=none: strace prints "+++ killed by SIG +++" only for signals in this set.
    "-e",
    "signal=all",
    // ptrace cannot see operations submitted through io_uring, nor tell a harmless ring (libuv's
    // epoll_ctl batching, set up by every Node process) from one that opens files. So the build gets
    // ENOSYS from io_uring_setup, as on a kernel without io_uring, and falls back to plain syscalls.
    "-e",
    "inject=io_uring_setup:error=ENOSYS",
    // strace pipes its output into `cat`, whose stdout is ours (Node's stdio pipes are socketpairs,
    // which `-o /dev/stdout` cannot open: ENXIO).
    "-o",
    "|cat",
    "-p",
    String(pid),
    ...keeper === void 0 ? [] : ["-p", String(keeper)]
  ];
}
var MAX_DIAGNOSTICS = 100;
var StraceTracer = class {
  name = "strace";
  availability;
  bin;
  lingerMs;
  readyTimeoutMs;
  keepRawLog;
  constructor(options = {}) {
    this.keepRawLog = options.keepRawLog ?? false;
    this.bin = options.bin ?? "strace";
    this.lingerMs = options.lingerMs ?? 2e3;
    this.readyTimeoutMs = options.readyTimeoutMs ?? 1e4;
  }
  /** Is strace installed, and may it ptrace-attach here? Probed once (a real attach), then cached. */
  check() {
    this.availability ??= probeStrace(this.bin);
    return this.availability;
  }
  attach(options) {
    return new StraceSession(this.bin, options, this.lingerMs, this.readyTimeoutMs, this.keepRawLog);
  }
};
var StraceSession = class {
  constructor(bin, options, lingerMs, readyTimeoutMs, keepRawLog) {
    this.lingerMs = lingerMs;
    this.sink = options.sink;
    this.log = options.log;
    this.pid = options.pid;
    let rootCwd;
    try {
      rootCwd = readlinkSync2(`/proc/${options.pid}/cwd`);
    } catch {
    }
    let keeper = spawn7("cat", [], { stdio: ["pipe", "ignore", "ignore"] });
    keeper.on("error", () => {
    });
    if (keeper.pid === void 0) {
      this.diagnostic("cannot start `cat` as strace keeper: children forked just before the last process exits may be missed");
      keeper = void 0;
    }
    this.keeper = keeper;
    this.parser = new StraceParser({ rootPid: options.pid, rootCwd, ignorePids: keeper?.pid === void 0 ? [] : [keeper.pid] });
    const args = straceArgs(options.pid, keeper?.pid);
    this.log.debug(`strace: ${bin} ${args.join(" ")}`);
    this.child = spawn7(bin, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    this.closed = new Promise((resolve) => {
      this.child.once("close", (code, signal) => resolve({ code, signal }));
      this.child.once("error", () => resolve({ code: null, signal: null }));
    });
    this.child.stdout.setEncoding("latin1");
    const raw = keepRawLog ? createWriteStream3(join5(options.workDir, "strace.log"), { encoding: "latin1" }) : void 0;
    raw?.on("error", (e2) => this.log.debug(`strace raw output not saved: ${e2.message}`));
    this.child.stdout.on("data", (chunk) => {
      raw?.write(chunk);
      this.deliver(this.parser.pushChunk(chunk));
    });
    this.child.stdout.once("end", () => raw?.end());
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new TracerError(`strace did not attach to pid ${this.pid} within ${readyTimeoutMs} ms`));
        this.child.kill("SIGKILL");
      }, readyTimeoutMs);
      const fail = (why) => {
        clearTimeout(timer);
        reject(new TracerError(why));
      };
      let errBuf = "";
      let keeperDone = this.keeper === void 0;
      this.child.stderr.setEncoding("utf8");
      this.child.stderr.on("data", (chunk) => {
        errBuf += chunk;
        const lines = errBuf.split("\n");
        errBuf = lines.pop() ?? "";
        for (const line of lines) {
          const m = /^strace: Process (\d+) (attached|detached)/.exec(line);
          if (m) {
            if (m[2] === "attached" && Number(m[1]) === this.pid) this.attached = true;
            if (m[2] === "attached" && Number(m[1]) === this.keeper?.pid) keeperDone = true;
            continue;
          }
          if (line.trim() === "") continue;
          if (this.keeper && line.startsWith(`strace: pid ${this.keeper.pid}: `)) {
            this.log.debug(line);
            continue;
          }
          this.diagnostic(`strace: ${line.replace(/^strace: /, "")}`);
          const attachError = /^strace: attach: \w+\(\w+, (\d+)\)/.exec(line);
          if (attachError && Number(attachError[1]) === this.keeper?.pid) {
            keeperDone = true;
          } else if (!this.attached && (attachError || /ptrace|Operation not permitted|No such process/.test(line))) {
            fail(`strace cannot attach to pid ${this.pid}: ${line.replace(/^strace: /, "")}. It needs root or CAP_SYS_PTRACE (and kernel.yama.ptrace_scope < 3; containers need SYS_PTRACE)`);
          }
        }
        if (this.attached && keeperDone) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.child.once("error", (e2) => fail(`cannot run ${bin}: ${e2.message}; install strace (apt-get install strace)`));
      this.closed.then(({ code, signal }) => {
        if (!this.attached) fail(`strace exited before attaching to pid ${this.pid} (code ${code}, signal ${signal})${this.lastDiagnostic()}`);
      });
    });
    this.ready.catch(() => this.endKeeper());
  }
  lingerMs;
  ready;
  child;
  parser;
  sink;
  log;
  pid;
  diagnostics = [];
  incomplete = [];
  closed;
  keeper;
  eventCount = 0;
  ioUring = /* @__PURE__ */ new Set();
  truncatedPaths = 0;
  sinkFailed = false;
  attached = false;
  stopping = false;
  finishing;
  finish() {
    this.finishing ??= this.doFinish();
    return this.finishing;
  }
  async doFinish() {
    const deadline = Date.now() + this.lingerMs;
    let exit;
    while (!exit && this.attached && this.parser.running > 0 && Date.now() < deadline) {
      exit = await within(this.closed, 10);
    }
    if (!exit && this.attached && this.parser.running > 0) {
      this.stopping = true;
      const msg = `${this.parser.running} process(es) of the build were still running ${this.lingerMs} ms after it exited; strace detached from them (their later file accesses are not traced)`;
      this.log.warn(msg);
      this.diagnostic(msg);
      for (const [signal2, wait] of [["SIGINT", 2e3], ["SIGINT", 3e3], ["SIGKILL", 5e3]]) {
        this.child.kill(signal2);
        exit = await within(this.closed, wait);
        if (exit) break;
      }
    }
    this.endKeeper();
    if (!exit) {
      exit = await within(this.closed, 5e3);
      if (!exit) {
        this.stopping = true;
        this.child.kill("SIGINT");
        exit = await within(this.closed, 3e3) ?? (this.child.kill("SIGKILL"), await this.closed);
      }
    }
    exit ??= await this.closed;
    this.deliver(this.parser.end());
    const { code, signal } = exit;
    if (signal === "SIGKILL" || code !== 0 && !(this.stopping && (code === null || code === 130))) {
      this.reason(`strace ended abnormally (code ${code}, signal ${signal})${this.lastDiagnostic()}: events may be missing`);
      this.noticeTracerError(`strace ended abnormally (code ${code}, signal ${signal})`);
    }
    if (!this.attached) this.reason(`strace never attached to pid ${this.pid}`);
    if (this.parser.stats.unparsed > 0) {
      const msg = `${this.parser.stats.unparsed} strace line(s) of traced syscalls could not be parsed`;
      this.reason(msg);
      this.noticeTracerError(msg);
      for (const s of this.parser.unparsedSamples) this.diagnostic(`unparsed: ${s}`);
    }
    if (this.ioUring.size > 0) this.reason(`io_uring set up by pid(s) ${[...this.ioUring].join(", ")}: I/O through it is invisible`);
    if (this.truncatedPaths > 0) this.reason(`${this.truncatedPaths} path(s) could not be read whole`);
    if (this.sinkFailed) this.reason("the event sink failed; events were dropped");
    this.log.debug(`strace: ${this.parser.stats.lines} lines, ${this.eventCount} events, ${this.parser.stats.deduped} repeats dropped`);
    return { lostEvents: 0, incompleteReasons: [...this.incomplete], eventCount: this.eventCount, diagnostics: [...this.diagnostics] };
  }
  deliver(batch) {
    if (batch.length === 0) return;
    for (const e2 of batch) {
      if (e2.type !== "notice") continue;
      if (e2.kind === "io_uring" && e2.pid !== void 0) this.ioUring.add(e2.pid);
      if (e2.kind === "truncated_path") this.truncatedPaths++;
    }
    this.eventCount += batch.length;
    try {
      this.sink(batch);
    } catch (e2) {
      if (!this.sinkFailed) this.log.error(`trace event sink failed: ${e2.message}`);
      this.sinkFailed = true;
    }
  }
  endKeeper() {
    if (!this.keeper) return;
    this.keeper.stdin?.end();
    const k = this.keeper;
    this.closed.then(() => k.exitCode === null && k.signalCode === null && k.kill("SIGKILL"));
  }
  noticeTracerError(message) {
    this.deliver([{ type: "notice", ts: Date.now(), kind: "tracer_error", message }]);
  }
  reason(r) {
    if (!this.incomplete.includes(r)) this.incomplete.push(r);
  }
  diagnostic(d) {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push(d);
  }
  lastDiagnostic() {
    const d = this.diagnostics.filter((x) => x.startsWith("strace: ")).at(-1);
    return d ? ` (${d})` : "";
  }
};
async function within(p, ms) {
  let timer;
  const timeout = new Promise((r) => timer = setTimeout(() => r(void 0), ms));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
function run3(bin, args, timeoutMs) {
  return new Promise((resolve) => {
    let out = "";
    let err = "";
    const child = spawn7(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (c) => out += c);
    child.stderr.on("data", (c) => err += c);
    child.once("error", (e2) => {
      clearTimeout(timer);
      resolve({ code: null, out, err, error: e2.message });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
async function probeStrace(bin = "strace") {
  const v = await run3(bin, ["-V"], 5e3);
  if (v.code === null) return { available: false, reason: `${bin} not found (${v.error ?? "did not run"}): install strace (apt-get install strace)` };
  const version = /version\s+(\d+(?:\.\d+)+)/.exec(v.out)?.[1];
  if (v.code !== 0 || !version) return { available: false, reason: `\`${bin} -V\` failed (code ${v.code}): ${(v.err || v.out).trim().slice(0, 200)}` };
  const sleeper = spawn7("sleep", ["2"], { stdio: "ignore" });
  if (sleeper.pid === void 0) return { available: false, version, reason: "cannot start `sleep` to test ptrace attach" };
  const attach = spawn7(bin, ["-e", "trace=none", "-o", "/dev/null", "-p", String(sleeper.pid)], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const verdict = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, why: "strace did not attach within 5 s" }), 5e3);
    attach.stderr.setEncoding("utf8");
    attach.stderr.on("data", (c) => {
      err += c;
      if (/Process \d+ attached/.test(err)) {
        clearTimeout(timer);
        resolve({ ok: true, why: "" });
      }
    });
    attach.once("error", (e2) => {
      clearTimeout(timer);
      resolve({ ok: false, why: e2.message });
    });
    attach.once("close", (code) => {
      clearTimeout(timer);
      resolve({ ok: false, why: `exited with code ${code}: ${err.trim().split("\n").at(-1) ?? ""}` });
    });
  });
  sleeper.kill("SIGKILL");
  attach.kill("SIGKILL");
  if (!verdict.ok) {
    return {
      available: false,
      version,
      reason: `strace cannot ptrace-attach here (${verdict.why}); run as root or grant CAP_SYS_PTRACE (containers: --cap-add SYS_PTRACE)`
    };
  }
  return { available: true, version };
}

// src/tracer/registry.ts
function defaultTracers(options = {}) {
  return [new BpftraceTracer(options.bpftraceCommand ? { command: options.bpftraceCommand } : {}), new StraceTracer()];
}

// src/cli/commands/run.ts
var RUN_HELP = `Usage: io-trace run [options] -- <build command...>

Runs the build under a kernel tracer, records every file access of its process tree, and checks each
task's reads and writes against its declared inputs and outputs.

Options:
  --plan FILE|auto|nx|turbo  where the tasks come from (default auto: nx.json / turbo.json /
                             io-trace.plan.json in the working directory)
  --tasks T1,T2              tasks to plan when the command does not say (nx/turbo)
  --tracer auto|bpftrace|strace|none   (default auto: bpftrace, else strace, else untraced)
  --bpftrace CMD             the command that runs bpftrace, words split on spaces (default
                             $IO_TRACE_BPFTRACE, else bpftrace), e.g. "chroot /srv/sid bpftrace"
  --user NAME                run the build as this user (io-trace and the tracer stay root)
  --out-dir DIR              database and logs (default .io-trace)
  --db FILE                  database file (default <out-dir>/trace.db)
  --json FILE                write the JSON report
  --fail-on none|warning|error   exit 1 when the build passed but findings reach this severity
                             (default none: the build's exit code only)
  --transcript FILE          an agent's own transcript, when it writes one to a file (e.g. an
                             orchestrator's run-abc.jsonl): recorded relative to the database and
                             timed as it grows (default: the build's stdout, when it is an agent's JSONL)
  --ignore GLOB              ignore paths (repeatable), on top of io-trace.config.json
  --config FILE              config file (default <workspace>/io-trace.config.json)
  --quiet                    do not echo the build's output (it is still saved)
  --verbose                  debug logging

A standby bpftrace (io-trace tracer start) in $IO_TRACE_STANDBY, else <RUNNER_TEMP or /tmp>/io-trace-standby,
is adopted instead of starting one (IO_TRACE_STANDBY=off: never).
`;
async function runCommand(ctx) {
  const { values, positionals } = parse3("run", ctx.argv, {
    plan: { type: "string" },
    tasks: { type: "string" },
    tracer: { type: "string" },
    bpftrace: { type: "string" },
    user: { type: "string" },
    "out-dir": { type: "string" },
    db: { type: "string" },
    json: { type: "string" },
    "fail-on": { type: "string" },
    ignore: { type: "string", multiple: true },
    transcript: { type: "string" },
    config: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(RUN_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new ConfigurationError("io-trace run: no build command: put it after `--`, e.g. `io-trace run -- npm run build`");
  const tracer = oneOf("--tracer", values.tracer, ["auto", "bpftrace", "strace", "none"], "auto");
  const failOn = oneOf("--fail-on", values["fail-on"], ["none", "warning", "error"], "none");
  const planOptions = {
    spec: values.plan ?? "auto",
    cwd: ctx.cwd,
    command: positionals,
    tasks: values.tasks?.split(",").map((s) => s.trim()).filter(Boolean),
    log: ctx.log
  };
  const prepared = resolvePlan(planOptions).then((plan2) => ({
    plan: plan2,
    ignore: mergeIgnoreRules(loadConfigFile(values.config, plan2.workspaceRoot), { ...emptyIgnoreRules(), all: values.ignore ?? [] })
  }));
  prepared.catch(() => void 0);
  const source = planSourceOf(planOptions);
  const plan = source !== void 0 && source !== "file" ? { source, prepared } : (await prepared).plan;
  const ignore = "prepared" in plan ? void 0 : (await prepared).ignore;
  const outDir = path19.resolve(ctx.cwd, values["out-dir"] ?? ".io-trace");
  const handlers = [];
  const result = await runBuild({
    command: positionals,
    cwd: ctx.cwd,
    plan,
    ...ignore ? { ignore } : {},
    outDir,
    ...values.db ? { dbPath: path19.resolve(ctx.cwd, values.db) } : {},
    tracer,
    tracers: defaultTracers(values.bpftrace !== void 0 ? { bpftraceCommand: bpftraceCommand(values.bpftrace) } : {}),
    ...values.user ? { user: values.user } : {},
    ...values.transcript ? { transcript: path19.resolve(ctx.cwd, values.transcript) } : {},
    log: ctx.log,
    echo: values.quiet ? null : { stdout: (c) => ctx.stdout.write(c), stderr: (c) => ctx.stderr.write(c) },
    // --quiet relies on the saved logs: output that cannot be saved is shown after all.
    fallbackEcho: { stdout: (c) => ctx.stdout.write(c), stderr: (c) => ctx.stderr.write(c) },
    stdin: process.stdin.isTTY ? "inherit" : "ignore",
    onBuildStarted: (stop) => {
      for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
        const h = () => stop(sig);
        process.on(sig, h);
        handlers.push([sig, h]);
      }
    }
  }).finally(() => {
    for (const [sig, h] of handlers) process.off(sig, h);
  });
  const reportsStart = Date.now();
  let jsonFailure;
  if (values.json) {
    const file = path19.resolve(ctx.cwd, values.json);
    try {
      writeReport(file, result.report);
    } catch (e2) {
      jsonFailure = `cannot write the JSON report ${values.json}: ${describeWriteFailure(e2, file)}`;
    }
  }
  const dbShown = result.dbPath === null ? void 0 : path19.relative(ctx.cwd, result.dbPath) || result.dbPath;
  ctx.stderr.write(formatTerminalSummary(result.report, { color: ctx.color, ...dbShown ? { dbPath: dbShown } : { unsaved: true } }));
  if (jsonFailure) ctx.log.error(jsonFailure);
  if (result.dbPath !== null) recordReportsSpan(result.dbPath, result.runId, reportsStart, { json: values.json !== void 0 });
  return exitCodeFor(result.buildExitCode, result.report, failOn);
}
function recordReportsSpan(dbPath, runId, startTs, attributes) {
  try {
    const store = TraceStore.openExisting(dbPath);
    try {
      store.addEvent(runId, { kind: "span", name: "reports", startTs, durationMs: Date.now() - startTs, status: "ok", attributes });
    } finally {
      store.close();
    }
  } catch {
  }
}
function writeReport(file, report) {
  writeFileSync4(file, JSON.stringify(report, null, 2) + "\n");
}
function exitCodeFor(buildExitCode, report, failOn) {
  if (buildExitCode !== 0) return buildExitCode;
  if (failOn === "none") return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}

// src/cli/commands/analyze.ts
var ANALYZE_HELP = `Usage: io-trace analyze [options] [RUN]

Analyses a recorded run again (default: the latest) and prints its findings; use it to try new ignore
rules on an existing trace, or to produce the JSON report from a downloaded database.

Options:
  --db FILE         trace database (default .io-trace/trace.db)
  --json FILE       write the JSON report
  --ignore GLOB     ignore paths (repeatable)
  --config FILE     config file (default <workspace>/io-trace.config.json)
  --fail-on none|warning|error   exit 1 when findings reach this severity
`;
async function analyzeCommand(ctx) {
  const { values, positionals } = parse3("analyze", ctx.argv, {
    db: { type: "string" },
    json: { type: "string" },
    ignore: { type: "string", multiple: true },
    config: { type: "string" },
    "fail-on": { type: "string" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(ANALYZE_HELP);
    return 0;
  }
  const failOn = oneOf("--fail-on", values["fail-on"], ["none", "warning", "error"], "none");
  const dbPath = path20.resolve(ctx.cwd, values.db ?? ".io-trace/trace.db");
  const store = TraceStore.openExisting(dbPath);
  try {
    const run4 = store.resolveRun(positionals[0]);
    const root = run4.workspaceRoot ?? run4.cwd;
    const ignore = mergeIgnoreRules(loadConfigFile(values.config, root), { ...emptyIgnoreRules(), all: values.ignore ?? [] });
    const outRel = path20.relative(root, path20.dirname(dbPath));
    const report = analyseRun(store, run4.id, { ignore, extraIgnores: outRel && !outRel.startsWith("..") ? [outRel] : [] });
    if (values.json) writeReport(path20.resolve(ctx.cwd, values.json), report);
    ctx.stderr.write(formatTerminalSummary(report, { color: ctx.color, dbPath: path20.relative(ctx.cwd, dbPath) || dbPath }));
    return exitCodeFor(0, report, failOn);
  } finally {
    store.close();
  }
}

// src/cli/commands/plan.ts
import { mkdirSync as mkdirSync4, writeFileSync as writeFileSync5 } from "node:fs";
import path21 from "node:path";
var PLAN_HELP = `Usage: io-trace plan [options] [-- <build command...>]

Resolves the plan (each task's declared inputs, outputs and dependencies, as the build tool hashes
them) and prints it, or writes it to a file.

Options:
  --plan FILE|auto|nx|turbo  where the tasks come from (default auto, as for io-trace run)
  --tasks T1,T2              tasks to plan when no build command says (e.g. build, app:build, app#build)
  --format seed|json         seed (default): the native plan file (version 1), loadable with --plan FILE;
                             json: the resolved plan with everything io-trace knows (identities, where
                             each field is declared, tool version)
  --out FILE                 write to FILE instead of stdout (workspaceRoot is written relative to it)
  --verbose                  debug logging

The build command, when given, is only read (nx run/run-many/affected, turbo run), never run.
`;
async function planCommand(ctx) {
  const { values, positionals } = parse3("plan", ctx.argv, {
    plan: { type: "string" },
    tasks: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(PLAN_HELP);
    return 0;
  }
  const format2 = oneOf("--format", values.format, ["seed", "json"], "seed");
  const plan = await resolvePlan({
    spec: values.plan ?? "auto",
    cwd: ctx.cwd,
    command: positionals,
    tasks: values.tasks?.split(",").map((s) => s.trim()).filter(Boolean),
    log: ctx.log
  });
  const out = values.out ? path21.resolve(ctx.cwd, values.out) : void 0;
  const doc = format2 === "seed" ? toPlanFile(plan, out ? path21.dirname(out) : ctx.cwd) : plan;
  const text = JSON.stringify(doc, null, 2) + "\n";
  if (out) {
    mkdirSync4(path21.dirname(out), { recursive: true });
    writeFileSync5(out, text);
    ctx.log.info(`wrote ${plan.tasks.length} task(s) to ${path21.relative(ctx.cwd, out) || out}`);
  } else ctx.stdout.write(text);
  return 0;
}

// src/triage/db.ts
import { existsSync as existsSync17, statSync as statSync5 } from "node:fs";
import path22 from "node:path";
var DEFAULT_DB = ".io-trace/trace.db";
function locateDatabase(cwd, db) {
  const given = path22.resolve(cwd, db ?? DEFAULT_DB);
  if (existsSync17(given) && statSync5(given).isDirectory()) {
    for (const candidate of [path22.join(given, "trace.db"), path22.join(given, ".io-trace", "trace.db")]) {
      if (existsSync17(candidate)) return candidate;
    }
    throw new StoreError(`${given} is a directory without a trace.db (looked for trace.db and .io-trace/trace.db): pass --db FILE`);
  }
  return given;
}
function openForTriage(file) {
  const store = TraceStore.openExisting(file, { readonly: true });
  for (const p of ["temp_store = MEMORY", "cache_size = -131072", "mmap_size = 1073741824"]) {
    try {
      store.db.pragma(p);
    } catch {
    }
  }
  return store;
}
async function withDatabase(file, fn) {
  const store = openForTriage(file);
  try {
    return await fn(store);
  } catch (e2) {
    if (e2 instanceof IoTraceError) throw e2;
    const msg = e2 instanceof Error ? e2.message : String(e2);
    if (/sqlite|database|malformed|no such (table|column)|disk image|not a database/i.test(msg) || e2.code?.startsWith?.("ERR_SQLITE")) {
      throw new StoreError(`trace database ${file} is damaged or not an io-trace database: ${msg}`);
    }
    throw e2;
  } finally {
    store.close();
  }
}

// src/triage/format.ts
var CONTROL2 = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
function safe(s) {
  if (!CONTROL2.test(s)) return s;
  return displayPath(s).replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function colors(on) {
  const wrap = (code) => (s) => on ? `\x1B[${code}m${s}\x1B[0m` : s;
  return { red: wrap("31"), green: wrap("32"), yellow: wrap("33"), dim: wrap("2"), bold: wrap("1") };
}
function duration(ms) {
  if (ms === null || ms === void 0 || !Number.isFinite(ms)) return "-";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(2)} s`;
  const m = Math.floor(ms / 6e4);
  return `${m}m${String(Math.round(ms % 6e4 / 1e3)).padStart(2, "0")}s`;
}
function age(ts, now = Date.now()) {
  const s = Math.max(0, (now - ts) / 1e3);
  if (s < 60) return `${Math.round(s)}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}
function isoTime(ts) {
  return new Date(ts).toISOString();
}
function width(s) {
  return [...s.replace(/\x1b\[[0-9;]*m/g, "")].length;
}
function table(header, rows, indent = "") {
  return tableLines(header, rows, indent).join("\n") + "\n";
}
function tableLines(header, rows, indent = "") {
  const widths = header.map((h) => width(h));
  for (const r of rows) {
    for (let i = 0; i < r.length - 1; i++) {
      const w = width(r[i] ?? "");
      if (w > widths[i]) widths[i] = w;
    }
  }
  const line = (cells) => indent + cells.map((c, i) => i === cells.length - 1 ? c : c + " ".repeat(Math.max(0, widths[i] - width(c)))).join("  ").trimEnd();
  const out = [line(header)];
  for (const r of rows) out.push(line(r));
  return out;
}
var ChunkedWriter = class _ChunkedWriter {
  constructor(out) {
    this.out = out;
  }
  out;
  static SIZE = 1 << 20;
  buf = Buffer.allocUnsafe(_ChunkedWriter.SIZE);
  at = 0;
  line(s) {
    if (this.at + s.length * 3 + 1 > this.buf.length) {
      this.flush();
      if (s.length * 3 + 1 > this.buf.length) {
        this.out.write(s + "\n");
        return;
      }
    }
    this.at += this.buf.write(s, this.at);
    this.buf[this.at++] = 10;
  }
  flush() {
    if (this.at === 0) return;
    this.out.write(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(_ChunkedWriter.SIZE);
    this.at = 0;
  }
};

// src/triage/causes.ts
import path23 from "node:path";
var CAUSE_OP = {
  unexpected_read: "read",
  undeclared_dependency: "read",
  unexpected_write: "write",
  overlapping_output: "write",
  input_mutation: "write"
};
var MAX_CHAIN = 6;
function explainFindings(store, run4, findings) {
  const causes = findingCauses(store, run4, findings);
  return findings.map((f, i) => causes[i] ? { ...f, cause: causes[i] } : f);
}
function findingCauses(store, run4, findings) {
  const root = run4.workspaceRoot ?? run4.cwd;
  const wanted = findings.map((f) => {
    const op = CAUSE_OP[f.type];
    const rel2 = f.samples?.[0] ?? f.path;
    return op ? { op, rel: rel2, abs: path23.posix.join(root, rel2) } : void 0;
  });
  const paths = [...new Set(wanted.flatMap((w) => w ? [w.abs] : []))];
  if (paths.length === 0) return findings.map(() => void 0);
  const procs = new Map(store.loadProcesses(run4.id).map((p) => [p.key, p]));
  const hits = /* @__PURE__ */ new Map();
  for (let i = 0; i < paths.length; i += 500) {
    const chunk = paths.slice(i, i + 500);
    const rows = store.db.prepare(`SELECT proc_key AS procKey, path, op, count, first_ts AS firstTs FROM accesses WHERE run_id = ? AND errno = 0 AND path IN (${chunk.map(() => "?").join(", ")})`).all(run4.id, ...chunk);
    for (const r of rows) {
      let list2 = hits.get(r.path);
      if (!list2) hits.set(r.path, list2 = []);
      list2.push(r);
    }
  }
  return findings.map((f, i) => {
    const w = wanted[i];
    if (!w) return void 0;
    const ops = w.op === "read" ? READ_OPS : WRITE_OPS;
    const mine = (hits.get(w.abs) ?? []).filter((h) => ops.has(h.op) && procs.get(h.procKey)?.taskId === f.task);
    if (mine.length === 0) return void 0;
    const first = mine.reduce((a, b) => b.firstTs < a.firstTs ? b : a);
    const proc = procs.get(first.procKey);
    return {
      op: w.op,
      path: w.rel,
      pid: proc.pid,
      procKey: proc.key,
      chain: chainOf(proc, procs),
      firstTs: first.firstTs,
      count: mine.reduce((n, h) => n + h.count, 0)
    };
  });
}
function chainOf(proc, procs) {
  const out = [];
  for (let p = proc; p && out.length < MAX_CHAIN; p = p.parentKey !== null ? procs.get(p.parentKey) : void 0) {
    if (p !== proc && p.taskId !== proc.taskId) break;
    out.push(processLabel(p));
  }
  return out;
}
function processLabel(p) {
  const argv = p.argv?.length ? p.argv : p.exe ? [p.exe] : [`pid ${p.pid}`];
  const short = argv.map((a, i) => {
    if (i === 0) return path23.posix.basename(a);
    const parts = a.split("/");
    return a.startsWith("/") && parts.length > 4 ? `.../${parts.slice(-3).join("/")}` : a;
  });
  const text = short.join(" ");
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}
function formatCause(c, runStart) {
  const at3 = ((c.firstTs - runStart) / 1e3).toFixed(2);
  return `${c.op === "read" ? "read" : "written"} by ${c.chain.join(" <- ")} (pid ${c.pid}, first at +${at3}s${c.count > 1 ? `, ${c.count} times` : ""})`;
}

// src/triage/queries.ts
function listRunSummaries(store, limit = 20) {
  const runs = store.listRuns(limit);
  if (runs.length === 0) return [];
  const minId = Math.min(...runs.map((r) => r.id));
  const findings = /* @__PURE__ */ new Map();
  for (const row of store.db.prepare("SELECT run_id AS runId, severity, count(*) AS n FROM findings WHERE run_id >= ? GROUP BY run_id, severity").all(minId)) {
    const c = findings.get(row.runId) ?? { error: 0, warning: 0, info: 0 };
    c[row.severity] = (c[row.severity] ?? 0) + row.n;
    findings.set(row.runId, c);
  }
  const spans = /* @__PURE__ */ new Map();
  for (const row of store.db.prepare("SELECT run_id AS runId, count(*) AS n, sum(status = 'error') AS failed FROM events WHERE kind = 'span' AND run_id >= ? GROUP BY run_id").all(minId)) {
    spans.set(row.runId, { n: row.n, failed: row.failed ?? 0 });
  }
  return runs.map((r) => {
    const f = findings.get(r.id) ?? { error: 0, warning: 0, info: 0 };
    const s = spans.get(r.id) ?? { n: 0, failed: 0 };
    return {
      id: r.id,
      command: r.command,
      status: r.status,
      exitCode: r.exitCode,
      signal: r.signal,
      tracer: r.tracer,
      startedAt: r.startedAt,
      durationMs: r.endedAt !== null ? r.endedAt - r.startedAt : null,
      findings: { ...f, total: f.error + f.warning + f.info },
      spans: s.n,
      failedSpans: s.failed,
      source: sourceOf(r)
    };
  });
}
function sourceOf(run4) {
  const src = run4.host?.source;
  return src?.db ? `${src.db} run ${src.runId}` : null;
}
function runSpans(store, runId) {
  const events = store.loadEvents(runId).filter((e2) => e2.kind === "span");
  const views = events.map((e2) => toSpanView(e2));
  const recordedTasks = new Set(views.filter((v) => v.name === "task").map((v) => String(v.attributes.task)));
  const build = views.find((v) => v.name === "build" && v.parentId === null);
  for (const t of store.taskStatuses(runId)) {
    if (recordedTasks.has(t.taskId) || t.startedAt === null || t.endedAt === null) continue;
    views.push({
      id: null,
      parentId: build?.id ?? null,
      name: "task",
      startTs: t.startedAt,
      durationMs: Math.max(0, t.endedAt - t.startedAt),
      status: "ok",
      error: null,
      attributes: { task: t.taskId, processes: t.processCount },
      depth: 0,
      derived: true
    });
  }
  const byParent = /* @__PURE__ */ new Map();
  const ids = new Set(views.map((v) => v.id).filter((id) => id !== null));
  for (const v of views) {
    const parent = v.parentId !== null && ids.has(v.parentId) ? v.parentId : null;
    const list2 = byParent.get(parent) ?? [];
    list2.push(v);
    byParent.set(parent, list2);
  }
  const out = [];
  const visit2 = (parent, depth) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => a.startTs - b.startTs || (a.id ?? Infinity) - (b.id ?? Infinity));
    for (const c of children) {
      c.depth = depth;
      out.push(c);
      if (c.id !== null) visit2(c.id, depth + 1);
    }
  };
  visit2(null, 0);
  return out;
}
function toSpanView(e2) {
  return {
    id: e2.id,
    parentId: e2.parentId ?? null,
    name: e2.name,
    startTs: e2.startTs,
    durationMs: e2.durationMs ?? null,
    status: e2.status ?? null,
    error: e2.error ?? null,
    attributes: e2.attributes ?? {},
    depth: 0,
    derived: false
  };
}
function runMetrics(store, runId) {
  return store.loadEvents(runId).filter((e2) => e2.kind === "metric").map((e2) => ({ name: e2.name, value: e2.value ?? 0, attributes: e2.attributes ?? {} }));
}
function runNotices(store, runId) {
  return store.loadEvents(runId).filter((e2) => e2.kind === "notice").map((e2) => ({ name: e2.name, ts: e2.startTs, message: e2.error ?? (typeof e2.attributes?.message === "string" ? e2.attributes.message : null), attributes: e2.attributes ?? {} }));
}
function runTasks(store, runId) {
  const declared = new Map(store.loadTasks(runId).map((t) => [t.id, t]));
  return store.taskStatuses(runId).map((t) => ({ ...t, declared: declared.get(t.taskId) }));
}
function parseOps(spec) {
  if (!spec || spec.length === 0) return void 0;
  const out = /* @__PURE__ */ new Set();
  for (const part of spec.flatMap((s) => s.split(","))) {
    const op = part.trim();
    if (!op) continue;
    if (op === "reads") READ_OPS.forEach((o) => out.add(o));
    else if (op === "writes") WRITE_OPS.forEach((o) => out.add(o));
    else if (ACCESS_OPS.includes(op)) out.add(op);
    else throw new ConfigurationError(`--op ${JSON.stringify(op)}: use one of ${ACCESS_OPS.join(", ")}, or the groups reads, writes`);
  }
  return out;
}
function runFiles(store, run4, query = {}) {
  return [...iterateRunFiles(store, run4, query)];
}
function* iterateRunFiles(store, run4, query = {}) {
  if (query.task !== void 0) requireTask(store, run4, query.task);
  let scope;
  if (query.task !== void 0) {
    const keys = [...processTasks(store, run4.id)].filter(([, t]) => t === query.task).map(([k]) => k);
    if (keys.length === 0) return;
    scope = { sql: `a.run_id = ? AND a.proc_key IN (${keys.map(() => "?").join(",")})`, params: [run4.id, ...keys] };
  } else {
    scope = store.accessScope(run4.id, "a");
  }
  const where2 = [scope.sql];
  const params = [...scope.params];
  if (query.ops) {
    where2.push(`a.op IN (${[...query.ops].map(() => "?").join(",")})`);
    params.push(...query.ops);
  }
  if (query.failed === false) where2.push("a.errno = 0");
  const root = run4.workspaceRoot ?? run4.cwd;
  const rows = store.db.prepare(
    `SELECT p.task_id, a.op, a.errno, a.path, sum(a.count), count(*), min(a.first_ts), max(a.last_ts)
       FROM accesses a LEFT JOIN processes p ON p.run_id = a.run_id AND p.key = a.proc_key
       WHERE ${where2.join(" AND ")}
       GROUP BY p.task_id, a.path, a.op, a.errno
       ORDER BY p.task_id IS NOT NULL, p.task_id, a.path, a.op, a.errno`
  ).iterateArrays(...params);
  for (const [task2, op, errno, p, count, processes, firstTs, lastTs] of rows) {
    yield { path: p, display: relativeTo(root, p), op, errno, task: task2, count, processes, firstTs, lastTs };
  }
}
function taskDetail(store, run4, taskId) {
  requireTask(store, run4, taskId);
  const task2 = runTasks(store, run4.id).find((t) => t.taskId === taskId);
  const files = runFiles(store, run4, { task: taskId });
  const reads = files.filter((f) => f.errno === 0 && READ_OPS.has(f.op));
  const writes = files.filter((f) => f.errno === 0 && WRITE_OPS.has(f.op));
  return {
    task: task2,
    processes: store.loadProcesses(run4.id).filter((p) => p.taskId === taskId),
    reads,
    writes,
    otherAccesses: files.length - reads.length - writes.length,
    findings: explainFindings(store, run4, store.loadFindings(run4.id).filter((f) => f.task === taskId || f.otherTask === taskId || (f.tasks?.includes(taskId) ?? false))),
    tree: processTree(store, run4, taskId)
  };
}
function processTree(store, run4, taskId) {
  const procs = store.loadProcesses(run4.id).filter((p) => p.taskId === taskId);
  const root = run4.workspaceRoot ?? run4.cwd;
  const nodes = new Map(
    procs.map((p) => [p.key, { key: p.key, pid: p.pid, label: processLabel(p), argv: p.argv, startedAt: p.startedAt, endedAt: p.endedAt, reads: [], writes: [], children: [] }])
  );
  const rows = store.db.prepare("SELECT a.proc_key AS procKey, a.path, a.op FROM accesses a JOIN processes p ON p.run_id = a.run_id AND p.key = a.proc_key WHERE a.run_id = ? AND p.task_id = ? AND a.errno = 0 ORDER BY a.first_ts").iterate(run4.id, taskId);
  for (const r of rows) {
    const n = nodes.get(r.procKey);
    if (!n) continue;
    const list2 = READ_OPS.has(r.op) ? n.reads : WRITE_OPS.has(r.op) ? n.writes : void 0;
    const shown = relativeTo(root, r.path);
    if (list2 && !list2.includes(shown)) list2.push(shown);
  }
  const roots = [];
  for (const p of procs) {
    const parent = p.parentKey !== null ? nodes.get(p.parentKey) : void 0;
    (parent ? parent.children : roots).push(nodes.get(p.key));
  }
  return roots;
}
function requireTask(store, run4, taskId) {
  const tasks = store.taskStatuses(run4.id).map((t) => t.taskId);
  if (!tasks.includes(taskId)) {
    const known = tasks.length ? `; its tasks: ${tasks.slice(0, 10).map((t) => JSON.stringify(t)).join(", ")}${tasks.length > 10 ? ` and ${tasks.length - 10} more` : ""}` : "; it has no tasks";
    throw new StoreError(`task ${JSON.stringify(taskId)} is not in run ${run4.id} of ${store.file}${known}`);
  }
}
function processTasks(store, runId) {
  const out = /* @__PURE__ */ new Map();
  for (const p of store.db.prepare("SELECT key, task_id AS taskId FROM processes WHERE run_id = ?").iterate(runId)) {
    out.set(p.key, p.taskId);
  }
  return out;
}
function relativeTo(root, abs) {
  const base = root.endsWith("/") ? root : root + "/";
  return abs.startsWith(base) ? abs.slice(base.length) : abs;
}

// src/cli/commands/list.ts
var LIST_HELP = `Usage: io-trace list [options]

Lists the recent runs in a trace database, newest first.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (a downloaded artifact)
                    (default .io-trace/trace.db)
  --limit N         how many runs (default 20)
  --json            machine-readable output
`;
function stdoutColor(ctx) {
  return ctx.color && ctx.stdout.isTTY === true;
}
function statusColor(status, c) {
  return status === "clean" ? c.green(status) : status === "issues" || status === "failed" ? c.red(status) : status === "running" ? status : c.yellow(status);
}
async function listCommand(ctx) {
  const { values } = parse3("list", ctx.argv, {
    db: { type: "string" },
    limit: { type: "string" },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(LIST_HELP);
    return 0;
  }
  const limit = values.limit === void 0 ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigurationError(`--limit ${JSON.stringify(values.limit)}: use a positive whole number`);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const runs = await withDatabase(dbFile, (store) => listRunSummaries(store, limit));
  if (values.json) {
    ctx.stdout.write(JSON.stringify({ database: dbFile, runs }, null, 2) + "\n");
    return 0;
  }
  ctx.stdout.write(formatRunList(runs, stdoutColor(ctx)));
  return 0;
}
function formatRunList(runs, color, now = Date.now()) {
  if (runs.length === 0) return "no runs recorded yet\n";
  const c = colors(color);
  const withSource = runs.some((r) => r.source);
  const header = ["RUN", "STATUS", "EXIT", "FINDINGS", "SPANS", "AGE", "TIME", ...withSource ? ["SOURCE"] : [], "COMMAND"];
  const rows = runs.map((r) => [
    String(r.id),
    statusColor(r.status, c),
    r.signal ?? (r.exitCode === null ? "-" : String(r.exitCode)),
    r.findings.total === 0 ? "0" : `${r.findings.total} (${r.findings.error}e ${r.findings.warning}w ${r.findings.info}i)`,
    r.failedSpans ? `${r.spans} (${c.red(`${r.failedSpans} failed`)})` : String(r.spans),
    age(r.startedAt, now),
    duration(r.durationMs),
    ...withSource ? [r.source ? safe(r.source) : "-"] : [],
    displayCommand(r.command)
  ]);
  return table(header, rows);
}

// src/triage/run-files.ts
import { existsSync as existsSync18, statSync as statSync6 } from "node:fs";
import path24 from "node:path";
function runFile(dbFile, run4, which) {
  const dir = path24.dirname(dbFile);
  let stored = which === "transcript" ? run4.transcriptPath : which === "log" ? run4.logPath : which === "stdout" ? run4.stdoutPath : run4.stderrPath;
  let times = which === "transcript" && run4.transcriptTimesPath ? path24.resolve(dir, run4.transcriptTimesPath) : null;
  if (which === "transcript" && !stored && run4.stdoutPath && !run4.transcriptFormat) {
    const stdout = path24.resolve(dir, run4.stdoutPath);
    try {
      if (AGENT_FORMATS.has(detectFileFormat(stdout).format)) {
        stored = run4.stdoutPath;
        times = null;
      }
    } catch {
    }
  }
  if (!stored) return { which, stored: null, path: null, exists: false, bytes: null };
  const abs = path24.resolve(dir, stored);
  const exists = existsSync18(abs);
  return { which, stored, path: abs, exists, bytes: exists ? statSync6(abs).size : null, ...which === "transcript" ? { times } : {} };
}
function runFiles2(dbFile, run4) {
  return ["transcript", "log", "stdout", "stderr"].map((w) => runFile(dbFile, run4, w));
}

// src/triage/timeline.ts
var TIMELINE_TRANSCRIPT_KINDS = /* @__PURE__ */ new Set(["system", "message", "tool_call", "tool_result", "result", "event"]);
function timelineSources(store, run4, options = {}) {
  const small = [];
  for (const span of runSpans(store, run4.id)) {
    if (options.task !== void 0 && span.name === "task" && span.attributes.task !== options.task) continue;
    small.push({ kind: "span", ts: span.startTs, span });
  }
  for (const n of runNotices(store, run4.id)) small.push({ kind: "notice", ts: n.ts, name: n.name, message: n.message });
  for (const p of store.loadProcesses(run4.id)) {
    if (options.task !== void 0 && p.taskId !== options.task) continue;
    if (p.startedAt === null) continue;
    small.push({ kind: "process", ts: p.startedAt, procKey: p.key, pid: p.pid, task: p.taskId, role: p.role, exe: p.exe, argv: p.argv, endedAt: p.endedAt });
  }
  if (options.transcript) {
    let last = run4.startedAt;
    for (const item of options.transcript.items) {
      const approx = item.ts === void 0;
      const ts = item.ts ?? last;
      last = ts;
      if (!TIMELINE_TRANSCRIPT_KINDS.has(item.kind) && !(item.kind === "text" && !approx)) continue;
      small.push({ kind: "transcript", ts, approx, item });
    }
  }
  small.sort((a, b) => a.ts - b.ts);
  const procs = processTasks(store, run4.id);
  let scope;
  if (options.task !== void 0) {
    const keys = [...procs].filter(([, t]) => t === options.task).map(([k]) => k);
    scope = { sql: `run_id = ? AND proc_key IN (${keys.map(() => "?").join(",") || "NULL"})`, params: [run4.id, ...keys] };
  } else {
    scope = store.accessScope(run4.id);
  }
  const accesses = store.db.prepare(`SELECT first_ts, proc_key, op, errno, path, count, last_ts FROM accesses WHERE ${scope.sql} ORDER BY first_ts, id`).iterateArrays(...scope.params);
  return { small, accesses, procs };
}
function* mergeTimeline(sources, onEntry, onRow) {
  const { small } = sources;
  let i = 0;
  for (const r of sources.accesses) {
    while (i < small.length && small[i].ts <= r[0]) yield onEntry(small[i++]);
    yield onRow(r);
  }
  while (i < small.length) yield onEntry(small[i++]);
}
var ERRNO = {
  1: "EPERM",
  2: "ENOENT",
  9: "EBADF",
  13: "EACCES",
  16: "EBUSY",
  17: "EEXIST",
  18: "EXDEV",
  20: "ENOTDIR",
  21: "EISDIR",
  22: "EINVAL",
  28: "ENOSPC",
  30: "EROFS",
  36: "ENAMETOOLONG",
  39: "ENOTEMPTY",
  40: "ELOOP"
};
function errnoName(errno) {
  return ERRNO[errno] ?? `errno ${errno}`;
}

// src/triage/tool-calls.ts
var START_SLACK_MS = 250;
function attributeToolCalls(store, run4, transcript, runEnd = run4.endedAt ?? Infinity) {
  const spans = toolCallSpans(transcript);
  const calls = spans.map((s) => ({ ...s, processes: [], files: [] }));
  const byId = new Map(calls.map((c) => [c.id, c]));
  const timed = calls.filter((c) => c.startTs !== void 0);
  const endOf = (c) => c.endTs ?? runEnd;
  const procs = store.loadProcesses(run4.id).sort((a, b) => a.key - b.key);
  const callOfProc = /* @__PURE__ */ new Map();
  const agentProcesses = [];
  for (const p of procs) {
    const inheritedId = p.parentKey !== null ? callOfProc.get(p.parentKey) : void 0;
    const call = inheritedId !== void 0 ? byId.get(inheritedId) : p.parentKey !== null ? callStarting(p, timed, endOf) : void 0;
    if (call !== void 0) {
      callOfProc.set(p.key, call.id);
      call.processes.push(view(p));
    } else {
      agentProcesses.push(view(p));
    }
  }
  const root = run4.workspaceRoot ?? run4.cwd;
  const outside = [];
  const rows = store.db.prepare("SELECT proc_key, op, errno, path, count, first_ts FROM accesses WHERE run_id = ? ORDER BY first_ts, id").iterateArrays(run4.id);
  const folded = /* @__PURE__ */ new Map();
  const callOf = (procKey, ts, p) => {
    const own = callOfProc.get(procKey);
    return own !== void 0 ? byId.get(own) : inFlight(ts, p, timed, endOf);
  };
  for (const [procKey, op, errno, p, count, firstTs] of rows) {
    const call = callOf(procKey, firstTs, p);
    const key2 = `${call?.id ?? ""}\0${op}\0${errno}\0${p}`;
    const seen = folded.get(key2);
    if (seen) {
      seen.count += count;
      continue;
    }
    const f = { path: p, display: relativeTo(root, p), op, errno, count, firstTs };
    folded.set(key2, f);
    (call ? call.files : outside).push(f);
  }
  return { calls, outside, agentProcesses, untimed: calls.length - timed.length, callOf: (k, ts, p) => callOf(k, ts, p)?.id };
}
function callStarting(p, timed, endOf) {
  if (p.startedAt === null) return void 0;
  const t = p.startedAt;
  const candidates = timed.filter((c) => c.startTs - START_SLACK_MS <= t && t <= endOf(c));
  if (candidates.length <= 1) return candidates[0];
  const argv = (p.argv ?? []).join(" ");
  const byCommand = candidates.filter((c) => c.command !== void 0 && c.command !== "" && argv.includes(c.command));
  const pool = byCommand.length ? byCommand : candidates;
  return pool.reduce((a, b) => b.startTs > a.startTs ? b : a);
}
function inFlight(ts, path33, timed, endOf) {
  const candidates = timed.filter((c) => c.startTs <= ts && ts <= endOf(c));
  if (candidates.length <= 1) return candidates[0];
  const named = candidates.filter((c) => c.input !== void 0 && JSON.stringify(c.input).includes(JSON.stringify(path33).slice(1, -1)));
  const pool = named.length ? named : candidates;
  return pool.reduce((a, b) => b.startTs > a.startTs ? b : a);
}
function view(p) {
  return { key: p.key, pid: p.pid, argv: p.argv, exe: p.exe, startedAt: p.startedAt };
}
function findCall(attribution, id, runId) {
  const call = attribution.calls.find((c) => c.id === id);
  if (!call) {
    const ids = attribution.calls.map((c) => JSON.stringify(c.id));
    throw new StoreError(`tool call ${JSON.stringify(id)} is not in the transcript of run ${runId}${ids.length ? `; its tool calls: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ` and ${ids.length - 10} more` : ""}` : "; it has no tool calls"}`);
  }
  return call;
}
function readsAndWrites(files) {
  const reads = files.filter((f) => f.errno === 0 && READ_OPS.has(f.op));
  const writes = files.filter((f) => f.errno === 0 && WRITE_OPS.has(f.op));
  return { reads, writes, other: files.length - reads.length - writes.length };
}

// src/triage/transcript.ts
function loadRunTranscript(dbFile, run4, hint = "auto") {
  const file = runFile(dbFile, run4, "transcript");
  if (!file.path || !file.exists) return void 0;
  return { file, parsed: readTranscriptFile(file.path, { hint, timesFile: file.times ?? null }) };
}
function loadRunLog(dbFile, run4, hint = "auto") {
  const file = runFile(dbFile, run4, "log");
  if (!file.path || !file.exists) return void 0;
  return readTranscriptFile(file.path, { hint });
}

// src/cli/commands/show.ts
var SHOW_HELP = `Usage: io-trace show [options] [RUN]

Shows one run (default: the latest): its facts, where its transcript and logs are, its findings, and
io-trace's spans (where the time went), with the error under a failed span.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T          one task: its processes, the files it read and wrote, its findings
  --full            an agent run's tool calls, each with the files it read and wrote (and what the
                    agent touched outside any call); then one timeline: spans, processes, transcript
                    tool calls and every file access, by time ({ID}: the tool call that made it)
  --agent HINT      how to read the transcript: auto (default), claude, codex, jsonl, text
  --json            machine-readable output
`;
async function showCommand(ctx) {
  const { values, positionals } = parse3("show", ctx.argv, {
    db: { type: "string" },
    task: { type: "string" },
    full: { type: "boolean" },
    agent: { type: "string" },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(SHOW_HELP);
    return 0;
  }
  const hint = checkHint(values.agent);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const c = colors(stdoutColor(ctx));
  return withDatabase(dbFile, (store) => {
    const run4 = store.resolveRun(positionals[0]);
    if (values.full) {
      showFull(ctx, store, dbFile, run4, { json: values.json === true, hint, ...values.task !== void 0 ? { task: values.task } : {} }, c);
      return 0;
    }
    if (values.task !== void 0) {
      const detail = taskDetail(store, run4, values.task);
      if (values.json) ctx.stdout.write(JSON.stringify({ database: dbFile, run: run4.id, ...detail }, null, 2) + "\n");
      else ctx.stdout.write(formatTask(run4, detail, c));
      return 0;
    }
    const view2 = runView(store, dbFile, run4);
    if (values.json) ctx.stdout.write(JSON.stringify({ database: dbFile, ...view2 }, null, 2) + "\n");
    else ctx.stdout.write(formatRun(view2, c));
    return 0;
  });
}
function runView(store, dbFile, run4) {
  const findings = explainFindings(store, run4, store.loadFindings(run4.id));
  const taskFindings = {};
  for (const f of findings) taskFindings[f.task] = (taskFindings[f.task] ?? 0) + 1;
  return {
    run: run4,
    source: sourceOf(run4),
    files: runFiles2(dbFile, run4),
    tasks: runTasks(store, run4.id),
    taskFindings,
    findings,
    spans: runSpans(store, run4.id),
    metrics: runMetrics(store, run4.id)
  };
}
function formatRun(view2, c, now = Date.now()) {
  const { run: run4 } = view2;
  const out = [];
  const build = run4.signal ? `build killed by ${run4.signal}` : run4.exitCode === null ? "build did not finish" : `build exit ${run4.exitCode}`;
  const tracer = run4.tracer === "none" ? "untraced" : `${run4.tracer}${run4.tracerVersion ? " " + run4.tracerVersion : ""}`;
  out.push(`run ${run4.id}: ${statusColor(run4.status, c)} (${build}, ${tracer}, ${duration(run4.endedAt !== null ? run4.endedAt - run4.startedAt : null)}, ${age(run4.startedAt, now)})`);
  out.push(`  command:   ${displayCommand(run4.command)}`);
  out.push(`  cwd:       ${safe(run4.cwd)}`);
  if (run4.workspaceRoot && run4.workspaceRoot !== run4.cwd) out.push(`  workspace: ${safe(run4.workspaceRoot)}`);
  out.push(`  plan:      ${run4.planSource ?? "-"}${run4.planFile ? ` (${safe(run4.planFile)})` : ""}`);
  out.push(`  started:   ${isoTime(run4.startedAt)}${run4.endedAt !== null ? `, ended ${isoTime(run4.endedAt)}` : ""}`);
  out.push(`  tracer:    ${tracer}${run4.tracerReason ? `: ${safe(run4.tracerReason)}` : ""}`);
  out.push(`  events:    ${run4.eventCount.toLocaleString("en-US")}${run4.lostEvents ? `, ${c.red(`${run4.lostEvents} lost`)}` : ""}`);
  const h = run4.host;
  const hostBits = [h.os, h.arch, h.node && `node ${h.node}`, h.hostname && `host ${h.hostname}`].filter(Boolean).map((x) => safe(String(x)));
  if (hostBits.length) out.push(`  host:      ${hostBits.join(", ")}`);
  const gh = h.github;
  if (gh) {
    const bits = [
      gh.repository && `${gh.repository}`,
      gh.runId && `run ${gh.runId}${gh.runAttempt ? ` (attempt ${gh.runAttempt})` : ""}`,
      gh.workflow && `workflow ${gh.workflow}`,
      gh.job && `job ${gh.job}`,
      gh.pr && `PR #${gh.pr}`,
      gh.headSha ? `head ${String(gh.headSha).slice(0, 12)}` : gh.sha && `sha ${String(gh.sha).slice(0, 12)}`,
      gh.runnerOs && `runner ${gh.runnerOs}${gh.runnerArch ? "/" + gh.runnerArch : ""}`
    ].filter(Boolean).map((x) => safe(String(x)));
    out.push(`  github:    ${bits.join(", ")}`);
    if (gh.url) out.push(`             ${safe(String(gh.url))}`);
  }
  if (view2.source) out.push(`  merged:    from ${safe(view2.source)}`);
  if (run4.incompleteReasons.length) {
    out.push(`  ${c.yellow("incomplete:")}`);
    for (const r of run4.incompleteReasons) out.push(`    - ${safe(r)}`);
  }
  out.push("  logs:");
  for (const f of view2.files) {
    const format2 = f.which === "transcript" && run4.transcriptFormat ? `, ${run4.transcriptFormat}` : "";
    const none = f.which === "transcript" ? "(none: stdout is not an agent's JSONL)" : "(none recorded)";
    const where2 = f.path === null ? none : `${safe(f.path)}${f.exists ? ` (${bytes(f.bytes ?? 0)}${format2})` : c.yellow(" (missing)")}`;
    out.push(`    ${f.which.padEnd(11)} ${where2}`);
  }
  if (view2.tasks.length) {
    out.push(`  tasks (${view2.tasks.length}):`);
    out.push(
      table(
        ["TASK", "STATUS", "PROCS", "TIME", "FINDINGS"],
        view2.tasks.map((t) => [safe(t.taskId), t.status ?? "-", String(t.processCount), duration(t.startedAt !== null && t.endedAt !== null ? t.endedAt - t.startedAt : null), String(view2.taskFindings[t.taskId] ?? 0)]),
        "    "
      ).trimEnd()
    );
  }
  out.push(...formatFindings(view2.findings, c, "  ", run4.startedAt));
  out.push(...formatSpans(view2.spans, run4.startedAt, c));
  if (view2.metrics.length) out.push(`  metrics:   ${view2.metrics.map((m) => `${safe(m.name)}=${m.value.toLocaleString("en-US")}`).join(", ")}`);
  return out.join("\n") + "\n";
}
function formatFindings(findings, c, indent, runStart) {
  const out = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  out.push(`${indent}findings: ${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info`);
  for (const f of findings) {
    const sev = f.severity === "error" ? c.red("error  ") : f.severity === "warning" ? c.yellow("warning") : c.dim("info   ");
    out.push(`${indent}  ${sev} ${f.type.padEnd(21)} ${safe(findingWho(f, 5))}  ${safe(findingWhat(f))}`);
    if (f.tasks && f.tasks.length > 5) out.push(`${indent}          tasks: ${safe(f.tasks.join(", "))}`);
    if (f.samples && f.count && f.count > 1) out.push(`${indent}          files: ${safe(f.samples.join(", "))}${f.count > f.samples.length ? `, ... (io-trace files --task ${safe(f.task)})` : ""}`);
    if (f.reason) out.push(`${indent}          note: ${safe(f.reason)}`);
    if (f.fix) out.push(`${indent}          fix: ${safe(fixText(f.fix))}`);
    if (f.cause && runStart !== void 0) out.push(`${indent}          why: ${safe(formatCause(f.cause, runStart))}`);
  }
  return out;
}
function formatSpans(spans, runStart, c) {
  if (spans.length === 0) return ["  spans: none recorded"];
  const rows = spans.map((s) => {
    const label = `${"  ".repeat(s.depth)}${safe(s.name)}${s.name === "task" && s.attributes.task !== void 0 ? ` ${safe(String(s.attributes.task))}` : ""}${s.derived ? c.dim(" (from processes)") : ""}`;
    const status = s.status === "error" ? c.red("error") : s.status === null ? c.yellow("open") : s.status;
    return [label, rel(s.startTs, runStart), duration(s.durationMs), status];
  });
  const lines = table(["SPAN", "START", "DURATION", "STATUS"], rows, "    ").trimEnd().split("\n");
  const out = ["  spans:", lines[0]];
  spans.forEach((s, i) => {
    out.push(lines[i + 1]);
    if (s.error) out.push(`    ${"  ".repeat(s.depth)}  ${c.red("error:")} ${safe(s.error)}`);
  });
  return out;
}
function formatTree(nodes, c, indent, budget) {
  const out = [];
  let shown = 0;
  let total = 0;
  const count = (ns) => ns.reduce((n, x) => n + 1 + count(x.children), 0);
  total = count(nodes);
  const list2 = (label, paths, pad) => {
    if (!paths.length) return;
    out.push(`${pad}  ${c.dim(label)} ${paths.slice(0, 5).map(safe).join(", ")}${paths.length > 5 ? c.dim(` and ${paths.length - 5} more`) : ""}`);
  };
  const walk = (ns, depth) => {
    for (const n of ns) {
      if (shown >= budget) return;
      shown++;
      const pad = indent + "  ".repeat(depth);
      out.push(`${pad}pid ${n.pid}  ${safe(n.label)}`);
      list2("read ", n.reads, pad);
      list2("wrote", n.writes, pad);
      walk(n.children, depth + 1);
    }
  };
  walk(nodes, 0);
  if (total > shown) out.push(`${indent}...and ${total - shown} more processes (--json for all)`);
  return out;
}
function formatTask(run4, d, c) {
  const out = [];
  const t = d.task;
  out.push(`task ${safe(t.taskId)} in run ${run4.id}: ${t.status ?? "-"} (${t.processCount} processes, ${duration(t.startedAt !== null && t.endedAt !== null ? t.endedAt - t.startedAt : null)})`);
  out.push(`  project root: ${safe(t.declared.projectRoot)}`);
  out.push(`  inputs:       ${t.declared.inputs.map((i) => safe(i)).join(", ") || "-"}`);
  out.push(`  outputs:      ${t.declared.outputs.map((o) => safe(o)).join(", ") || "-"}`);
  out.push(`  dependsOn:    ${t.declared.dependsOn.map((o) => safe(o)).join(", ") || "-"}`);
  out.push(`  processes (${d.processes.length}), each with the files it read and wrote itself:`);
  out.push(...formatTree(d.tree, c, "    ", 200));
  const files = (label, rows) => {
    out.push(`  ${label} (${rows.length}):`);
    for (const f of rows) out.push(`    ${f.op.padEnd(11)} ${safe(f.display)}${f.count > 1 ? c.dim(` x${f.count}`) : ""}`);
  };
  files("reads", d.reads);
  files("writes", d.writes);
  out.push(`  other accesses (probes, listings, failures): ${d.otherAccesses} (io-trace files ${run4.id} --task ${safe(t.taskId)})`);
  out.push(...formatFindings(d.findings, c, "  ", run4.startedAt));
  return out.join("\n") + "\n";
}
function loadTranscript(dbFile, run4, hint) {
  const agent = loadRunTranscript(dbFile, run4, hint);
  if (agent) return { parsed: agent.parsed, agent: true };
  const log = loadRunLog(dbFile, run4, hint);
  return log ? { parsed: log, agent: false } : void 0;
}
function showFull(ctx, store, dbFile, run4, options, c) {
  const loaded = loadTranscript(dbFile, run4, options.hint);
  const transcript = loaded?.parsed;
  const calls = loaded?.agent && options.task === void 0 ? attributeToolCalls(store, run4, loaded.parsed) : void 0;
  const sources = timelineSources(store, run4, { ...transcript ? { transcript } : {}, ...options.task !== void 0 ? { task: options.task } : {} });
  const w = new ChunkedWriter(ctx.stdout);
  if (options.json) {
    const head = {
      database: dbFile,
      run: run4,
      transcript: transcript ? { format: transcript.format, reason: transcript.reason, badLines: transcript.badLines, agent: loaded.agent } : null,
      ...calls ? { toolCalls: calls.calls, outsideToolCalls: { processes: calls.agentProcesses, files: calls.outside } } : {}
    };
    w.line(JSON.stringify(head).slice(0, -1) + ',"timeline":[');
    let first = true;
    const taskJson = /* @__PURE__ */ new Map();
    for (const [key2, task2] of sources.procs) taskJson.set(key2, JSON.stringify(task2));
    const opJson = /* @__PURE__ */ new Map();
    const entries = mergeTimeline(
      sources,
      (e2) => JSON.stringify(e2),
      ([ts, procKey, op, errno, path33, count, lastTs]) => {
        let o = opJson.get(op);
        if (o === void 0) opJson.set(op, o = JSON.stringify(op));
        const call = calls?.callOf(procKey, ts, path33);
        return `{"kind":"access","ts":${ts},"lastTs":${lastTs},"procKey":${procKey},"task":${taskJson.get(procKey) ?? "null"},"op":${o},"errno":${errno},"path":${JSON.stringify(path33)},"count":${count}${call !== void 0 ? `,"toolCall":${JSON.stringify(call)}` : ""}}`;
      }
    );
    for (const line of entries) {
      w.line(first ? line : "," + line);
      first = false;
    }
    w.line("]}");
    w.flush();
    return;
  }
  w.line(`run ${run4.id}: ${statusColor(run4.status, c)}  ${displayCommand(run4.command)}`);
  w.line(`  started ${isoTime(run4.startedAt)}; times are seconds since then; paths relative to ${safe(run4.workspaceRoot ?? run4.cwd)}`);
  if (transcript) w.line(`  ${loaded.agent ? "transcript" : "console output"}: ${transcript.format} (${safe(transcript.reason)})${transcript.badLines ? `, ${transcript.badLines} non-JSON lines` : ""}`);
  if (calls) for (const line of formatToolCalls(run4, calls, c)) w.line(line);
  w.line("  timeline:");
  const format2 = entryFormatter(run4, c);
  const formatRow = accessRowFormatter(run4, sources.procs, c, calls);
  for (const line of mergeTimeline(sources, format2, formatRow)) w.line(line);
  w.flush();
}
function formatToolCalls(run4, a, c) {
  const root = (run4.workspaceRoot ?? run4.cwd).replace(/\/?$/, "/");
  const out = [`  tool calls (${a.calls.length})${a.untimed ? `, ${c.yellow(`${a.untimed} without a time (no file can be tied to them)`)}` : ""}:`];
  if (run4.tracer === "none") out.push(`    ${c.yellow("not traced: no file access was recorded, so none is listed below")}`);
  const listFiles = (files, more) => {
    const { reads, writes } = readsAndWrites(files);
    const shownReads = reads.filter((f) => f.path.startsWith(root));
    const shownWrites = writes.filter((f) => !/^\/(dev|proc)\//.test(f.path));
    for (const f of [...shownReads, ...shownWrites]) out.push(`        ${(WRITE_LABEL.has(f.op) ? f.op : "read").padEnd(11)} ${safe(f.display)}${f.count > 1 ? c.dim(` x${f.count}`) : ""}`);
    const rest = files.length - shownReads.length - shownWrites.length;
    if (rest > 0) out.push(c.dim(`        +${rest} other accesses (runtime files, probes, failures: ${more})`));
    if (files.length === 0) out.push(c.dim("        no file accesses"));
  };
  for (const call of a.calls) {
    const when2 = call.startTs === void 0 ? "-" : rel(call.startTs, run4.startedAt);
    const took = call.startTs !== void 0 && call.endTs !== void 0 ? duration(call.endTs - call.startTs) : call.resultLine === void 0 ? c.yellow("no result") : "-";
    const status = call.isError ? c.red(" error") : "";
    out.push(`    ${c.bold(safe(call.name))} ${safe(call.id)}  ${when2} ${took}${status}  ${oneLineSafe(call.text, 120)}`);
    if (call.processes.length) out.push(`        processes: ${procList(call.processes)}`);
    listFiles(call.files, `io-trace files ${run4.id} --tool-call ${safe(call.id)}`);
  }
  out.push(`  the agent's own processes outside any tool call${a.agentProcesses.length ? ` (${procList(a.agentProcesses)})` : ""}:`);
  listFiles(a.outside, `io-trace show ${run4.id} --full --json`);
  return out;
}
function cut(s, max) {
  return s.length > max ? s.slice(0, max - 1) + "\u2026" : s;
}
var WRITE_LABEL = /* @__PURE__ */ new Set(["write", "create", "truncate", "unlink", "rmdir", "mkdir", "rename_from", "rename_to", "link"]);
function procList(procs, max = 4) {
  const shown = procs.slice(0, max).map((p) => `pid ${p.pid}${p.argv ? " " + cut(displayCommand(p.argv), 60) : ""}`);
  return shown.join(", ") + (procs.length > max ? `, +${procs.length - max} more` : "");
}
function accessRowFormatter(run4, procs, c, calls) {
  const root = (run4.workspaceRoot ?? run4.cwd).replace(/\/?$/, "/");
  const start = run4.startedAt;
  const taskByKey = [];
  for (const [key2, task2] of procs) taskByKey[key2] = task2 === null ? c.dim("[-]") : `[${safe(task2)}]`;
  const unattributed = c.dim("[-]");
  const opLabels = /* @__PURE__ */ new Map();
  return ([ts, procKey, op, errno, path33, count]) => {
    let opLabel = opLabels.get(errno ? `${op}/${errno}` : op);
    if (opLabel === void 0) {
      opLabel = (errno ? `${op}!${errnoName(errno)}` : op).padEnd(12);
      opLabels.set(errno ? `${op}/${errno}` : op, opLabel);
    }
    const p = path33.startsWith(root) ? path33.slice(root.length) : path33;
    const call = calls?.callOf(procKey, ts, path33);
    return `${relFast(ts, start)}  ${opLabel} ${taskByKey[procKey] ?? unattributed}${call !== void 0 ? ` {${safe(call)}}` : ""} ${safe(p)}${count > 1 ? ` x${count}` : ""}`;
  };
}
function relFast(ts, start) {
  let ms = Math.round(ts - start);
  const sign = ms < 0 ? "-" : "+";
  if (ms < 0) ms = -ms;
  const frac = ms % 1e3;
  const s = `${sign}${(ms - frac) / 1e3}.${frac < 10 ? "00" : frac < 100 ? "0" : ""}${frac}s`;
  return s.length >= 10 ? s : " ".repeat(10 - s.length) + s;
}
function entryFormatter(run4, c) {
  const root = (run4.workspaceRoot ?? run4.cwd).replace(/\/?$/, "/");
  const taskLabels = /* @__PURE__ */ new Map();
  const opLabels = /* @__PURE__ */ new Map();
  const taskLabel = (task2) => {
    let l = taskLabels.get(task2);
    if (l === void 0) taskLabels.set(task2, l = task2 === null ? c.dim("[-]") : `[${safe(task2)}]`);
    return l;
  };
  const opLabel = (op, errno) => {
    const key2 = `${op}/${errno}`;
    let l = opLabels.get(key2);
    if (l === void 0) opLabels.set(key2, l = (errno ? `${op}!${errnoName(errno)}` : op).padEnd(12));
    return l;
  };
  return (e2) => {
    const t = rel(e2.ts, run4.startedAt).padStart(10);
    switch (e2.kind) {
      case "access": {
        const p = e2.path.startsWith(root) ? e2.path.slice(root.length) : e2.path;
        return `${t}  ${opLabel(e2.op, e2.errno)} ${taskLabel(e2.task)} ${safe(p)}${e2.count > 1 ? ` x${e2.count}` : ""}`;
      }
      case "process":
        return `${t}  ${c.bold("process".padEnd(12))} ${e2.task === null ? c.dim(`[${e2.role}]`) : `[${safe(e2.task)}]`} pid ${e2.pid}${e2.argv ? " " + displayCommand(e2.argv) : e2.exe ? " " + safe(e2.exe) : ""}`;
      case "span": {
        const s = e2.span;
        const label = s.name === "task" && s.attributes.task !== void 0 ? `task ${safe(String(s.attributes.task))}` : safe(s.name);
        const status = s.status === "error" ? c.red("error") : s.status ?? "open";
        return `${t}  ${c.bold("span".padEnd(12))} ${"  ".repeat(s.depth)}${label} (${duration(s.durationMs)}, ${status})${s.error ? `: ${safe(s.error)}` : ""}`;
      }
      case "notice":
        return `${t}  ${c.yellow("notice".padEnd(12))} ${safe(e2.name)}${e2.message ? `: ${safe(e2.message)}` : ""}`;
      case "transcript": {
        const i = e2.item;
        const when2 = e2.approx ? "~" : " ";
        const kind = i.kind === "tool_call" ? "tool" : i.kind === "tool_result" ? i.isError ? "tool-error" : "tool-result" : i.kind === "message" ? i.role ?? "message" : i.kind;
        const text = oneLineSafe(i.kind === "tool_call" ? `${i.name ?? "tool"}: ${i.text ?? ""}` : i.text ?? "");
        return `${t}${when2} ${(i.kind === "tool_result" && i.isError ? c.red : c.bold)(kind.padEnd(12))} ${text}`;
      }
    }
  };
}
function oneLineSafe(s, max = 160) {
  const flat2 = s.replace(/\s+/g, " ").trim();
  return safe(flat2.length > max ? flat2.slice(0, max - 1) + "\u2026" : flat2);
}
function rel(ts, start) {
  return relFast(ts, start).trimStart();
}
function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// src/triage/raw.ts
import { closeSync as closeSync8, openSync as openSync8, readSync as readSync5 } from "node:fs";
async function copyRaw(file, runId, dbFile, out) {
  if (file.path === null) throw new StoreError(`run ${runId} in ${dbFile} recorded no ${file.which} file`);
  if (!file.exists) {
    const fix = file.stored && !file.stored.startsWith("runs/") ? `it is recorded as ${file.stored}, relative to the folder of ${dbFile}: put the file there` : `it is stored relative to ${dbFile}; copy the runs/ folder beside the database`;
    throw new StoreError(`the ${file.which} of run ${runId} is missing: ${file.path} (${fix})`);
  }
  const fd = openSync8(file.path, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (; ; ) {
      const n = readSync5(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const ok = out.write(Buffer.from(buf.subarray(0, n)));
      if (!ok && out.once) await new Promise((resolve) => out.once("drain", resolve));
    }
  } finally {
    closeSync8(fd);
  }
}

// src/cli/commands/transcript.ts
var TRANSCRIPT_HELP = `Usage: io-trace transcript [options] [RUN]

Prints an agent run's transcript (default: the latest run) byte for byte: the agent's own JSONL (its
stdout when an adapter recognised it, or the file given to run --transcript). Pipe it:
io-trace transcript | jq 'select(.type == "assistant")'. The interleaved console output is io-trace log.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --items           list the parsed tool calls and messages instead of the raw bytes
  --agent HINT      how to parse with --items: auto (default), claude, codex, jsonl, text
  --json            with --items: machine-readable output
`;
async function transcriptCommand(ctx) {
  const { values, positionals } = parse3("transcript", ctx.argv, {
    db: { type: "string" },
    items: { type: "boolean" },
    agent: { type: "string" },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(TRANSCRIPT_HELP);
    return 0;
  }
  const hint = checkHint(values.agent);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { run: run4, file } = await withDatabase(dbFile, (store) => {
    const run5 = store.resolveRun(positionals[0]);
    return { run: run5, file: runFile(dbFile, run5, "transcript") };
  });
  if (file.path === null) {
    throw new StoreError(
      `run ${run4.id} in ${dbFile} has no agent transcript: its stdout is not JSONL an adapter recognises and run --transcript FILE was not given; its console output is \`io-trace log ${run4.id}\``
    );
  }
  if (!values.items && !values.json) {
    await copyRaw(file, run4.id, dbFile, ctx.stdout);
    return 0;
  }
  if (!file.exists) await copyRaw(file, run4.id, dbFile, ctx.stdout);
  const parsed = readTranscriptFile(file.path, { hint, timesFile: file.times ?? null });
  if (values.json) {
    ctx.stdout.write(JSON.stringify({ database: dbFile, run: run4.id, file: file.path, ...parsed }, null, 2) + "\n");
    return 0;
  }
  const c = colors(stdoutColor(ctx));
  ctx.stdout.write(`transcript of run ${run4.id}: ${parsed.format} (${safe(parsed.reason)}), ${parsed.items.length} items${parsed.badLines ? `, ${parsed.badLines} non-JSON lines` : ""}
`);
  const rows = parsed.items.filter((i) => i.kind !== "text" || parsed.format === "text").map((i) => [
    String(i.line),
    i.ts === void 0 ? "-" : `+${duration(i.ts - run4.startedAt)}`,
    i.kind === "tool_result" && i.isError ? c.red("tool_error") : i.kind,
    safe(i.name ?? i.role ?? ""),
    i.kind === "tool_call" || i.kind === "tool_result" ? safe(i.id ?? "") : "",
    safe(flat(i.text ?? ""))
  ]);
  ctx.stdout.write(table(["LINE", "AT", "KIND", "WHO", "ID", "TEXT"], rows, "  "));
  return 0;
}
function flat(s, max = 160) {
  const f = s.replace(/\s+/g, " ").trim();
  return f.length > max ? f.slice(0, max - 1) + "\u2026" : f;
}

// src/cli/commands/stderr.ts
var STDERR_HELP = `Usage: io-trace stderr [options] [RUN]

Prints the build's stderr of a run (default: the latest) exactly as recorded, to stdout (pipeable).

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --stdout          print the build's stdout instead
`;
async function stderrCommand(ctx) {
  const { values, positionals } = parse3("stderr", ctx.argv, {
    db: { type: "string" },
    stdout: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(STDERR_HELP);
    return 0;
  }
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { run: run4, file } = await withDatabase(dbFile, (store) => {
    const run5 = store.resolveRun(positionals[0]);
    return { run: run5, file: runFile(dbFile, run5, values.stdout ? "stdout" : "stderr") };
  });
  await copyRaw(file, run4.id, dbFile, ctx.stdout);
  return 0;
}

// src/cli/commands/log.ts
var LOG_HELP = `Usage: io-trace log [options] [RUN]

Prints a run's console output (default: the latest run): the build's stdout and stderr interleaved in
the order they arrived, exactly as recorded. For one stream alone: io-trace stderr [--stdout]; for an
agent's own JSONL: io-trace transcript.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
`;
async function logCommand(ctx) {
  const { values, positionals } = parse3("log", ctx.argv, {
    db: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(LOG_HELP);
    return 0;
  }
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { run: run4, file } = await withDatabase(dbFile, (store) => {
    const run5 = store.resolveRun(positionals[0]);
    return { run: run5, file: runFile(dbFile, run5, "log") };
  });
  await copyRaw(file, run4.id, dbFile, ctx.stdout);
  return 0;
}

// src/cli/commands/files.ts
var FILES_HELP = `Usage: io-trace files [options] [RUN]

Lists the files a run (default: the latest) touched: one row per task, operation, result and path,
folded over processes (COUNT is how many times, PROCS by how many processes).

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T          only this task's processes
  --tool-call ID    only what this tool call of an agent run touched (IDs: io-trace show RUN --full)
  --op OP           only these operations (repeatable or comma-separated): read, write, create,
                    truncate, stat, readdir, unlink, rmdir, mkdir, rename_from, rename_to, link, exec,
                    or the groups reads (read, exec) and writes (everything that changes a file)
  --ok              only successful accesses (no failed probes)
  --json            machine-readable output (exact absolute paths)
`;
async function filesCommand(ctx) {
  const { values, positionals } = parse3("files", ctx.argv, {
    db: { type: "string" },
    task: { type: "string" },
    "tool-call": { type: "string" },
    op: { type: "string", multiple: true },
    ok: { type: "boolean" },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(FILES_HELP);
    return 0;
  }
  const ops = parseOps(values.op);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  return withDatabase(dbFile, (store) => {
    const run4 = store.resolveRun(positionals[0]);
    if (values["tool-call"] !== void 0) {
      const transcript = loadRunTranscript(dbFile, run4);
      if (!transcript) throw new StoreError(`run ${run4.id} in ${dbFile} has no agent transcript, so no tool calls (io-trace show ${run4.id} --full)`);
      const call = findCall(attributeToolCalls(store, run4, transcript.parsed), values["tool-call"], run4.id);
      const files = call.files.filter((f) => (!ops || ops.has(f.op)) && (!values.ok || f.errno === 0)).sort((a, b) => a.path.localeCompare(b.path) || a.op.localeCompare(b.op));
      const { files: _all, ...head } = call;
      if (values.json) {
        ctx.stdout.write(JSON.stringify({ database: dbFile, run: run4.id, workspaceRoot: run4.workspaceRoot ?? run4.cwd, toolCall: head, files }, null, 2) + "\n");
        return 0;
      }
      ctx.stdout.write(formatCallFiles(call.id, call.name, call.text, files));
      return 0;
    }
    const rows = iterateRunFiles(store, run4, { ...values.task !== void 0 ? { task: values.task } : {}, ...ops ? { ops } : {}, failed: !values.ok });
    const w = new ChunkedWriter(ctx.stdout);
    if (values.json) {
      w.line(`{"database":${JSON.stringify(dbFile)},"run":${run4.id},"workspaceRoot":${JSON.stringify(run4.workspaceRoot ?? run4.cwd)},"files":[`);
      let first = true;
      for (const r of rows) {
        w.line((first ? "" : ",") + JSON.stringify(r));
        first = false;
      }
      w.line("]}");
      w.flush();
      return 0;
    }
    const c = colors(stdoutColor(ctx));
    const taskWidth = Math.max(4, ...store.taskStatuses(run4.id).map((t) => [...safe(t.taskId)].length));
    const pad = (s, n2, visible = s.length) => s + " ".repeat(Math.max(0, n2 - visible));
    let n = 0;
    for (const r of rows) {
      if (n++ === 0) w.line(`${pad("TASK", taskWidth)}  ${pad("OP", 11)}  ${pad("RESULT", 12)}  ${pad("COUNT", 7)}  ${pad("PROCS", 5)}  PATH`);
      const task2 = r.task === null ? "-" : safe(r.task);
      const result = r.errno ? errnoName(r.errno) : "ok";
      w.line(
        `${pad(r.task === null ? c.dim(task2) : task2, taskWidth, [...task2].length)}  ${pad(r.op, 11)}  ${pad(r.errno ? c.yellow(result) : result, 12, result.length)}  ${pad(String(r.count), 7)}  ${pad(String(r.processes), 5)}  ${safe(r.display)}`
      );
    }
    if (n === 0) {
      ctx.stdout.write(`no file accesses in run ${run4.id} match
`);
      return 0;
    }
    w.flush();
    return 0;
  });
}
function formatCallFiles(id, name, text, files) {
  const out = [`tool call ${safe(id)}: ${safe(name)}: ${safe(text.replace(/\s+/g, " ").slice(0, 160))}`];
  if (files.length === 0) out.push("  no file accesses");
  else out.push(`  ${"OP".padEnd(11)}  ${"RESULT".padEnd(12)}  ${"COUNT".padEnd(7)}  PATH`);
  for (const f of files) out.push(`  ${f.op.padEnd(11)}  ${(f.errno ? errnoName(f.errno) : "ok").padEnd(12)}  ${String(f.count).padEnd(7)}  ${safe(f.display)}`);
  return out.join("\n") + "\n";
}

// src/cli/commands/findings.ts
var FINDINGS_HELP = `Usage: io-trace findings [options] [RUN]

Lists the findings of a run (default: the latest), with the fix for each.

Options:
  --db FILE|DIR          trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T               only this task's findings (as the task or the other task)
  --type TYPE            only this finding type (repeatable): ${FINDING_TYPES.join(", ")}
  --severity LEVEL       at least this severity: error, warning, info (default info)
  --json                 machine-readable output
`;
async function findingsCommand(ctx) {
  const { values, positionals } = parse3("findings", ctx.argv, {
    db: { type: "string" },
    task: { type: "string" },
    type: { type: "string", multiple: true },
    severity: { type: "string" },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(FINDINGS_HELP);
    return 0;
  }
  const min = oneOf("--severity", values.severity, SEVERITIES, "info");
  for (const t of values.type ?? []) {
    if (!FINDING_TYPES.includes(t)) throw new ConfigurationError(`--type ${JSON.stringify(t)}: use one of ${FINDING_TYPES.join(", ")}`);
  }
  const dbFile = locateDatabase(ctx.cwd, values.db);
  return withDatabase(dbFile, (store) => {
    const run4 = store.resolveRun(positionals[0]);
    if (values.task !== void 0) requireTask(store, run4, values.task);
    const findings = explainFindings(store, run4, store.loadFindings(run4.id)).filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min]).filter((f) => !values.type?.length || values.type.includes(f.type)).filter((f) => values.task === void 0 || f.task === values.task || f.otherTask === values.task || (f.tasks?.includes(values.task) ?? false));
    if (values.json) {
      ctx.stdout.write(JSON.stringify({ database: dbFile, run: run4.id, status: run4.status, findings }, null, 2) + "\n");
      return 0;
    }
    ctx.stdout.write(`run ${run4.id}: ${run4.status}
` + formatFindings(findings, colors(stdoutColor(ctx)), "  ", run4.startedAt).join("\n") + "\n");
    return 0;
  });
}

// src/cli/commands/merge.ts
import { writeFileSync as writeFileSync6 } from "node:fs";
import path26 from "node:path";

// src/store/merge.ts
import { copyFileSync as copyFileSync2, existsSync as existsSync19, mkdirSync as mkdirSync5, realpathSync as realpathSync8, rmSync as rmSync6 } from "node:fs";
import path25 from "node:path";
var TABLES = ["tasks", "processes", "accesses", "findings"];
function mergeDatabases(sources, out, options = {}) {
  if (sources.length === 0) throw new ConfigurationError("io-trace merge: no databases to merge (give one or more trace.db files)");
  const outAbs = path25.resolve(out);
  const seen = /* @__PURE__ */ new Map();
  for (const s of sources) {
    if (!existsSync19(s)) throw new StoreError(`trace database ${s} does not exist`);
    const real = realpathSync8(s);
    if (seen.has(real)) throw new ConfigurationError(`io-trace merge: ${s} is given twice (also as ${seen.get(real)})`);
    seen.set(real, s);
    if (existsSync19(outAbs) && real === realpathSync8(outAbs)) throw new ConfigurationError(`io-trace merge: --out ${out} is also an input; write to a new file`);
  }
  if (existsSync19(outAbs)) {
    if (!options.force) throw new ConfigurationError(`io-trace merge: ${out} already exists; pass --force to replace it, or choose another --out`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync6(outAbs + suffix, { force: true });
  }
  const runIds = /* @__PURE__ */ new Map();
  for (const s of sources) {
    const src = TraceStore.openExisting(s, { readonly: true });
    try {
      runIds.set(s, src.db.prepare("SELECT id FROM runs ORDER BY id").all().map((r) => r.id));
    } catch (e2) {
      throw new StoreError(`trace database ${s} is damaged: ${e2.message}`);
    } finally {
      src.close();
    }
  }
  const store = TraceStore.create(outAbs);
  const outDir = path25.dirname(outAbs);
  const result = { out: outAbs, runs: [], warnings: [] };
  try {
    const db = store.db;
    const columns = (table2) => db.prepare(`PRAGMA main.table_info(${table2})`).all().map((c) => c.name).filter((n) => n !== "id" && n !== "run_id");
    const runCols = db.prepare("PRAGMA main.table_info(runs)").all().map((c) => c.name).filter((n) => n !== "id");
    const eventCols = columns("events").filter((c) => c !== "parent_id");
    for (const s of sources) {
      const label = options.label ? options.label(s) : s;
      db.prepare("ATTACH DATABASE ? AS src").run(s);
      try {
        const srcRunCols = new Set(db.prepare("PRAGMA src.table_info(runs)").all().map((c) => c.name));
        const shared = runCols.filter((c) => srcRunCols.has(c));
        const copyRun = db.prepare(`INSERT INTO main.runs (${shared.join(", ")}) SELECT ${shared.join(", ")} FROM src.runs WHERE id = ?`);
        const fromV1 = !srcRunCols.has("log_path");
        const copies = TABLES.map((t) => {
          const srcCols = new Set(db.prepare(`PRAGMA src.table_info(${t})`).all().map((c) => c.name));
          const cols = columns(t).filter((c) => srcCols.has(c));
          const scope = t === "accesses" ? "id BETWEEN ? AND ? AND +run_id = ?" : "run_id = ?";
          return { table: t, stmt: db.prepare(`INSERT INTO main.${t} (run_id, ${cols.join(", ")}) SELECT ?, ${cols.join(", ")} FROM src.${t} WHERE ${scope} ORDER BY id`) };
        });
        const accessRange = db.prepare("SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), -1) AS hi FROM src.accesses WHERE run_id = ?");
        const copyEvents = db.prepare(
          `INSERT INTO main.events (id, run_id, parent_id, ${eventCols.join(", ")})
           SELECT id + ?, ?, CASE WHEN parent_id IS NULL THEN NULL ELSE parent_id + ? END, ${eventCols.join(", ")} FROM src.events WHERE run_id = ? ORDER BY id`
        );
        const eventIdRange = db.prepare("SELECT min(id) AS lo FROM src.events WHERE run_id = ?");
        const maxEventId = db.prepare("SELECT coalesce(max(id), 0) AS hi FROM main.events");
        for (const oldId of runIds.get(s) ?? []) {
          const newId = db.transaction(() => {
            const id = copyRun.run(oldId).lastInsertRowid;
            if (fromV1) db.prepare("UPDATE main.runs SET log_path = transcript_path, transcript_path = NULL WHERE id = ?").run(id);
            for (const { table: table2, stmt } of copies) {
              if (table2 === "accesses") {
                const { lo: lo2, hi } = accessRange.get(oldId);
                stmt.run(id, lo2, hi, oldId);
              } else {
                stmt.run(id, oldId);
              }
            }
            const lo = eventIdRange.get(oldId).lo;
            if (lo !== null) {
              const off = maxEventId.get().hi - lo + 1;
              copyEvents.run(off, id, off, oldId);
            }
            return id;
          });
          result.runs.push({ source: label, sourceRunId: oldId, runId: newId });
          const run4 = store.getRun(newId);
          const prev = run4.host.source;
          const logs = {};
          const logKeys = ["stdoutPath", "stderrPath", "logPath", "transcriptPath", "transcriptTimesPath"];
          for (const [key2, rel2] of logKeys.map((k) => [k, run4[k]])) {
            if (!rel2) continue;
            if (options.copyLogs === false) {
              logs[key2] = path25.relative(outDir, path25.resolve(path25.dirname(s), rel2));
              continue;
            }
            const from = path25.resolve(path25.dirname(s), rel2);
            if (!existsSync19(from)) {
              result.warnings.push(`${label} run ${oldId}: ${rel2} is missing (not in the artifact?); the merged run has no ${key2.replace("Path", "")}`);
              logs[key2] = null;
              continue;
            }
            const to = path25.join(outDir, "runs", String(newId), path25.basename(rel2));
            mkdirSync5(path25.dirname(to), { recursive: true });
            copyFileSync2(from, to);
            if (existsSync19(`${from}.times`)) copyFileSync2(`${from}.times`, `${to}.times`);
            logs[key2] = path25.relative(outDir, to);
          }
          store.updateRun(newId, { ...logs, host: { ...run4.host, source: { db: label, runId: oldId, ...prev ? { via: prev } : {} } } });
        }
      } finally {
        db.prepare("DETACH DATABASE src").run();
      }
    }
  } catch (e2) {
    store.close();
    if (e2 instanceof ConfigurationError || e2 instanceof StoreError) throw e2;
    throw new StoreError(`merging into ${out} failed: ${e2.message}`);
  }
  store.close();
  return result;
}

// src/triage/stored-report.ts
function storedReport(store, run4) {
  const findings = store.loadFindings(run4.id);
  const root = (run4.workspaceRoot ?? run4.cwd).replace(/\/?$/, "/");
  const readOps = [...READ_OPS];
  const writeOps = [...WRITE_OPS];
  const scope = store.accessScope(run4.id, "a");
  const perTask = /* @__PURE__ */ new Map();
  const rows = store.db.prepare(
    `SELECT p.task_id AS task, a.op IN (${readOps.map(() => "?").join(",")}) AS isRead, count(DISTINCT a.path) AS n
       FROM accesses a JOIN processes p ON p.run_id = a.run_id AND p.key = a.proc_key
       WHERE ${scope.sql} AND a.errno = 0 AND p.task_id IS NOT NULL AND a.path >= ? AND a.path < ?
         AND a.op IN (${[...readOps, ...writeOps].map(() => "?").join(",")})
       GROUP BY p.task_id, isRead`
  ).all(...readOps, ...scope.params, root, root.slice(0, -1) + "0", ...readOps, ...writeOps);
  for (const r of rows) {
    const t = perTask.get(r.task) ?? { reads: 0, writes: 0 };
    if (r.isRead) t.reads = r.n;
    else t.writes = r.n;
    perTask.set(r.task, t);
  }
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(f.task, (counts.get(f.task) ?? 0) + 1);
  const tasks = store.taskStatuses(run4.id).map((t) => ({
    taskId: t.taskId,
    status: t.status ?? "not-run",
    reads: perTask.get(t.taskId)?.reads ?? 0,
    writes: perTask.get(t.taskId)?.writes ?? 0,
    findings: counts.get(t.taskId) ?? 0
  }));
  return buildReport(run4, tasks, findings, IO_TRACE_VERSION);
}
var STATUS_WEIGHT = { issues: 4, incomplete: 3, "not-traced": 2, clean: 1 };
function combinedStatus(reports) {
  let worst = "clean";
  for (const r of reports) if (STATUS_WEIGHT[r.status] > STATUS_WEIGHT[worst]) worst = r.status;
  return reports.length === 0 ? "not-traced" : worst;
}

// src/cli/commands/merge.ts
var MERGE_HELP = `Usage: io-trace merge [options] DB... --out FILE

Combines the runs of several trace databases (matrix jobs, several agents) into one database. Each run
gets a new id and keeps where it came from (shown by list and show); its logs are copied beside the new
database. Prints the combined verdict.

Arguments:
  DB                a trace.db, or a downloaded artifact folder holding one
Options:
  --out FILE        the merged database (required; must not exist unless --force)
  --force           replace --out if it exists
  --json FILE       write one combined JSON report (every run's report and the combined status)
  --no-logs         do not copy logs (paths then point at the inputs' folders)
`;
async function mergeCommand(ctx) {
  const { values, positionals } = parse3("merge", ctx.argv, {
    out: { type: "string" },
    force: { type: "boolean" },
    json: { type: "string" },
    "no-logs": { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(MERGE_HELP);
    return 0;
  }
  if (!values.out) throw new ConfigurationError("io-trace merge: --out FILE is required (the merged database to write)");
  if (positionals.length === 0) throw new ConfigurationError("io-trace merge: give the databases to merge, e.g. io-trace merge linux/trace.db mac/trace.db --out all.db");
  const inputs = positionals.map((p) => locateDatabase(ctx.cwd, p));
  const out = path26.resolve(ctx.cwd, values.out);
  const result = mergeDatabases(inputs, out, {
    force: values.force === true,
    copyLogs: !values["no-logs"],
    // Name each source as the user gave it (the artifact folder says which job it was).
    label: (file) => positionals[inputs.indexOf(file)] ?? file
  });
  for (const w of result.warnings) ctx.log.warn(safe(w));
  return withDatabase(out, (store) => {
    const reports = store.listRuns(Number.MAX_SAFE_INTEGER).reverse().map((run4) => storedReport(store, run4));
    const status = combinedStatus(reports);
    if (values.json) {
      const combined = {
        schemaVersion: 1,
        tool: reports[0]?.tool ?? { name: "io-trace", version: "" },
        kind: "merged",
        status,
        sources: result.runs,
        counts: reports.reduce((acc, r) => ({ error: acc.error + r.counts.error, warning: acc.warning + r.counts.warning, info: acc.info + r.counts.info }), { error: 0, warning: 0, info: 0 }),
        runs: reports
      };
      writeFileSync6(path26.resolve(ctx.cwd, values.json), JSON.stringify(combined, null, 2) + "\n");
    }
    ctx.stdout.write(`io-trace: merged ${result.runs.length} run${result.runs.length === 1 ? "" : "s"} from ${inputs.length} database${inputs.length === 1 ? "" : "s"} into ${safe(path26.relative(ctx.cwd, out) || out)}: ${status}
`);
    ctx.stdout.write(formatRunList(listRunSummaries(store, Number.MAX_SAFE_INTEGER), stdoutColor(ctx)));
    return 0;
  });
}

// src/cli/commands/report.ts
import { writeFileSync as writeFileSync7 } from "node:fs";
import path27 from "node:path";

// src/report/html.ts
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
function scriptJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function fmtDuration(ms) {
  if (ms === null || ms === void 0 || !Number.isFinite(ms)) return "-";
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(2)} s`;
  return `${Math.floor(ms / 6e4)}m${String(Math.round(ms % 6e4 / 1e3)).padStart(2, "0")}s`;
}
var e = escapeHtml;
function renderHtmlReport(runs, meta) {
  const title = runs.length === 1 ? `io-trace run ${runs[0].report.run.id}: ${runs[0].report.status}` : `io-trace: ${runs.length} runs`;
  const body = runs.map((r, i) => renderRun(r, i)).join("\n");
  const data = runs.map((r) => ({ startTs: r.startTs, endTs: r.endTs, bins: r.bins, tasks: r.tasks }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(title)}</h1><p class="meta">generated ${e(new Date(meta.generatedAt).toISOString())} by io-trace ${e(meta.version)} from <code>${e(meta.database)}</code></p></header>
<main>
${body}
</main>
<script type="application/json" id="io-trace-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
function renderRun(run4, index) {
  const r = run4.report;
  const gh = run4.host.github;
  const facts = [
    ["command", r.run.command.join(" ")],
    ["build", r.run.signal ? `killed by ${r.run.signal}` : r.run.exitCode === null ? "did not finish" : `exit ${r.run.exitCode}`],
    ["tracer", r.run.tracer === "none" ? "untraced" : `${r.run.tracer}${r.run.tracerVersion ? " " + r.run.tracerVersion : ""}`],
    ["started", r.run.startedAt],
    ["duration", fmtDuration(r.run.durationMs)],
    ["events", `${r.run.eventCount.toLocaleString("en-US")}${r.run.lostEvents ? ` (${r.run.lostEvents} lost)` : ""}`],
    ["tasks", `${r.tasksAnalyzed} analysed, ${r.tasksWithIssues} with issues`],
    ["host", [run4.host.os, run4.host.arch, run4.host.node].filter(Boolean).join(", ")]
  ];
  if (gh) {
    facts.push(["GitHub", [gh.repository, gh.runId && `run ${gh.runId}`, gh.job && `job ${gh.job}`, gh.pr && `PR #${gh.pr}`, (gh.headSha ?? gh.sha) && `sha ${String(gh.headSha ?? gh.sha).slice(0, 12)}`].filter(Boolean).join(", ")]);
  }
  if (run4.source) facts.push(["merged from", run4.source]);
  const types = [...new Set(r.findings.map((f) => f.type))].sort();
  return `<section class="run" id="run-${r.run.id}" data-run-index="${index}">
<h2>Run ${r.run.id} <span class="status status-${e(r.status)}">${e(r.status)}</span></h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(String(v))}</dd>`).join("")}</dl>
${r.incompleteReasons.length ? `<div class="incomplete"><strong>Trace incomplete: the result cannot be vouched for</strong><ul>${r.incompleteReasons.map((x) => `<li>${e(x)}</li>`).join("")}</ul></div>` : ""}
<div class="counts"><span class="sev-error">${r.counts.error} errors</span> <span class="sev-warning">${r.counts.warning} warnings</span> <span class="sev-info">${r.counts.info} info</span></div>

<h3>Findings</h3>
<div class="filter" role="search">
  <label><input type="checkbox" class="f-sev" value="error" checked> errors</label>
  <label><input type="checkbox" class="f-sev" value="warning" checked> warnings</label>
  <label><input type="checkbox" class="f-sev" value="info" checked> info</label>
  <select class="f-type"><option value="">all types</option>${types.map((t) => `<option value="${e(t)}">${e(t)}</option>`).join("")}</select>
  <input type="search" class="f-text" placeholder="filter by task or path">
  <span class="f-count">${r.findings.length} of ${r.findings.length}</span>
</div>
${r.findings.length === 0 ? '<p class="none">No findings.</p>' : `<table class="findings"><thead><tr><th>severity</th><th>type</th><th>task</th><th>path</th><th>fix</th><th>why</th></tr></thead><tbody>
${r.findings.map((f, i) => findingRow(f, run4.causes?.[i], index)).join("\n")}
</tbody></table>`}

<h3>Timeline</h3>
<p class="legend"><span class="lg task"></span> task wall time <span class="lg proc"></span> process <span class="lg read"></span> reads <span class="lg write"></span> writes</p>
<div class="timeline" data-run-index="${index}"></div>

<h3>Tasks</h3>
<table class="tasks"><thead><tr><th>task</th><th>status</th><th>processes</th><th>time</th><th>reads</th><th>writes</th><th>findings</th></tr></thead><tbody>
${run4.tasks.map((t) => {
    const tr = r.tasks.find((x) => x.taskId === t.id);
    return `<tr><td class="task-id">${e(t.id)}</td><td>${e(t.status ?? "-")}</td><td>${t.processes.length + t.moreProcesses}</td><td>${fmtDuration(t.startedAt !== null && t.endedAt !== null ? t.endedAt - t.startedAt : null)}</td><td>${tr?.reads ?? 0}</td><td>${tr?.writes ?? 0}</td><td>${t.findings}</td></tr>`;
  }).join("\n")}
</tbody></table>

<h3>Processes per task</h3>
${renderTrees(run4, index)}

<h3>Where the time went</h3>
${run4.spans.length === 0 ? '<p class="none">No spans recorded.</p>' : `<table class="spans"><thead><tr><th>span</th><th>start</th><th>duration</th><th>status</th></tr></thead><tbody>
${run4.spans.map(
    (s) => `<tr class="span-${e(s.status ?? "open")}"><td style="padding-left:${0.5 + s.depth * 1.2}em">${e(s.label)}${s.error ? `<div class="span-error-msg">${e(s.error)}</div>` : ""}</td><td>${s.startTs < run4.runStartTs ? "-" : "+"}${(Math.abs(s.startTs - run4.runStartTs) / 1e3).toFixed(3)} s</td><td>${fmtDuration(s.durationMs)}</td><td>${e(s.status ?? "open")}</td></tr>`
  ).join("\n")}
</tbody></table>`}
</section>`;
}
function findingRow(f, cause, runIndex) {
  const fix = f.fix ? `${e(f.fix.summary)}${f.fix.file ? ` <span class="where">${e(f.fix.file)}${f.fix.line ? `:${f.fix.line}` : ""}</span>` : ""}` : "";
  const more = f.count && f.count > 1 ? ` <span class="more">(${f.count} files${f.samples?.length ? `: ${e(f.samples.join(", "))}${f.count > f.samples.length ? ", ..." : ""}` : ""})</span>` : "";
  const note = f.reason ? ` <span class="more">(${e(f.reason)})</span>` : "";
  const tasks = f.tasks && f.tasks.length > 1 ? f.tasks : [f.task];
  const who = tasks.length > 1 ? `${tasks.length} tasks: ${e(tasks.join(", "))}` : e(f.task);
  const why = cause ? `<a class="why" href="#${procAnchor(runIndex, cause.procKey)}">${cause.op === "read" ? "read" : "written"} by ${e(cause.chain[0])}</a>${cause.chain.length > 1 ? ` <span class="chain">&lt;- ${cause.chain.slice(1).map(e).join(" &lt;- ")}</span>` : ""} <span class="more">(pid ${cause.pid}${cause.count > 1 ? `, ${cause.count} times` : ""})</span>` : "";
  return `<tr class="finding sev-${e(f.severity)}" data-severity="${e(f.severity)}" data-type="${e(f.type)}" data-task="${e(tasks.join(" "))}" data-path="${e(f.path)}"><td>${e(f.severity)}</td><td>${e(f.type)}</td><td class="task-id">${who}${f.otherTask ? ` <span class="other">with ${e(f.otherTask)}</span>` : ""}</td><td class="path">${e(f.path)}${more}${note}</td><td class="fix">${fix}</td><td class="why">${why}</td></tr>`;
}
function procAnchor(runIndex, key2) {
  return `r${runIndex}-p${key2}`;
}
var TREE_PROCESSES = 300;
var TREE_FILES = 20;
function renderTrees(run4, index) {
  const trees = run4.trees ?? {};
  const ids = Object.keys(trees).filter((t) => trees[t].length);
  if (ids.length === 0) return '<p class="none">No traced processes.</p>';
  const files = (label, list2) => list2.length ? `<div class="files"><span class="lbl">${label}</span> ${list2.slice(0, TREE_FILES).map((p) => `<code>${e(p)}</code>`).join(" ")}${list2.length > TREE_FILES ? ` <span class="more">and ${list2.length - TREE_FILES} more</span>` : ""}</div>` : "";
  const out = [];
  for (const id of ids) {
    let budget = TREE_PROCESSES;
    const node = (n) => {
      if (budget-- <= 0) return "";
      return `<li id="${procAnchor(index, n.key)}"><span class="proc">pid ${n.pid} <code>${e(n.label)}</code></span>${files("read", n.reads)}${files("wrote", n.writes)}${n.children.length ? `<ul>${n.children.map(node).join("")}</ul>` : ""}</li>`;
    };
    const body = trees[id].map(node).join("");
    const hidden = budget < 0 ? ` <span class="more">(first ${TREE_PROCESSES} processes shown; io-trace show --task for all)</span>` : "";
    out.push(`<details class="tree" data-task="${e(id)}"><summary class="task-id">${e(id)}${hidden}</summary><ul>${body}</ul></details>`);
  }
  return out.join("\n");
}
var CSS = `
:root { --fg:#1f2328; --muted:#656d76; --border:#d0d7de; --bg:#fff; --err:#cf222e; --warn:#9a6700; --info:#0969da; --ok:#1a7f37; --read:#0969da; --write:#d1242f; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 16px 0 4px; } h2 { font-size: 19px; border-bottom: 1px solid var(--border); padding-bottom: 4px; } h3 { font-size: 16px; margin-top: 22px; }
.meta, .none, .legend { color: var(--muted); }
details.tree ul { list-style: none; padding-left: 1.2em; margin: 0.2em 0; } details.tree li:target > .proc { background: #fff8c5; } .files .lbl { color: var(--muted); } .files code { margin-right: 0.4em; }
code, .path, .task-id, td { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; white-space: pre-wrap; }
td.path, td.fix, td.task-id { overflow-wrap: anywhere; } table.findings td:nth-child(-n+2) { white-space: nowrap; }
.status { font-size: 13px; padding: 2px 8px; border-radius: 10px; color: #fff; vertical-align: middle; }
.status-clean { background: var(--ok); } .status-issues { background: var(--err); } .status-incomplete, .status-not-traced { background: var(--warn); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12.5px; white-space: pre-wrap; word-break: break-all; }
.incomplete { border: 1px solid var(--warn); background: #fff8c5; padding: 8px 12px; border-radius: 6px; }
.counts span { margin-right: 12px; font-weight: 600; } .sev-error td:first-child, .counts .sev-error { color: var(--err); } .sev-warning td:first-child, .counts .sev-warning { color: var(--warn); } .sev-info td:first-child, .counts .sev-info { color: var(--info); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: top; } th { font-size: 12px; color: var(--muted); font-weight: 600; }
.fix .where, .other, .more { color: var(--muted); }
.filter { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 8px; } .filter input[type=search] { min-width: 260px; padding: 3px 6px; } .f-count { color: var(--muted); }
.span-error td:first-child, .span-error-msg { color: var(--err); } .span-error-msg { font-size: 12px; }
.timeline { border: 1px solid var(--border); border-radius: 6px; padding: 6px 0; }
.lane { display: grid; grid-template-columns: 220px 1fr; align-items: center; min-height: 22px; border-bottom: 1px dashed #eaeef2; }
.lane:last-child { border-bottom: 0; }
.lane-label { padding: 0 8px; font-family: ui-monospace, monospace; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lane-track { position: relative; height: 100%; min-height: 22px; margin-right: 8px; }
.bar { position: absolute; height: 8px; top: 2px; border-radius: 2px; background: #8c959f; min-width: 2px; }
.proc { position: absolute; height: 3px; background: #57606a; min-width: 1px; opacity: .7; }
.act { position: absolute; bottom: 1px; height: 5px; min-width: 1px; }
.act.read { background: var(--read); } .act.write { background: var(--write); }
.lg { display: inline-block; width: 14px; height: 8px; margin: 0 4px 0 12px; vertical-align: middle; } .lg.task { background: #8c959f; } .lg.proc { background: #57606a; height: 3px; margin-bottom: 2px; } .lg.read { background: var(--read); } .lg.write { background: var(--write); }
.axis { display: grid; grid-template-columns: 220px 1fr; color: var(--muted); font-size: 11px; } .axis div:last-child { display: flex; justify-content: space-between; margin-right: 8px; }
`;
var SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('io-trace-data').textContent);
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; }
  function pct(x) { return (Math.max(0, Math.min(1, x)) * 100).toFixed(3) + '%'; }
  function fmt(ms) { return ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(2) + ' s'; }
  document.querySelectorAll('.timeline').forEach(function (box) {
    var run = data[Number(box.getAttribute('data-run-index'))];
    var span = Math.max(1, run.endTs - run.startTs);
    var x = function (ts) { return (ts - run.startTs) / span; };
    var axis = el('div', 'axis'); axis.appendChild(el('div', '', ''));
    var ticks = el('div'); ticks.appendChild(el('span', '', '0 s')); ticks.appendChild(el('span', '', fmt(span / 2))); ticks.appendChild(el('span', '', fmt(span)));
    axis.appendChild(ticks); box.appendChild(axis);
    if (run.tasks.length === 0) { box.appendChild(el('p', 'none', 'No tasks.')); }
    run.tasks.forEach(function (t) {
      var lane = el('div', 'lane'); lane.setAttribute('data-task', t.id);
      var label = el('div', 'lane-label', t.id); label.title = t.id + ' (' + (t.status || '-') + ', ' + (t.processes.length + t.moreProcesses) + ' processes, ' + t.findings + ' findings)';
      lane.appendChild(label);
      var track = el('div', 'lane-track');
      var rows = Math.min(t.processes.length, 12);
      track.style.height = (22 + rows * 4) + 'px';
      if (t.startedAt !== null && t.endedAt !== null) {
        var bar = el('div', 'bar'); bar.style.left = pct(x(t.startedAt)); bar.style.width = pct(x(t.endedAt) - x(t.startedAt));
        bar.title = t.id + ': ' + fmt(t.endedAt - t.startedAt); track.appendChild(bar);
      }
      t.processes.forEach(function (p, i) {
        if (p.startedAt === null) return;
        var end = p.endedAt === null ? run.endTs : p.endedAt;
        var pr = el('div', 'proc'); pr.style.left = pct(x(p.startedAt)); pr.style.width = pct(x(end) - x(p.startedAt));
        pr.style.top = (12 + (i % 12) * 4) + 'px'; pr.title = 'pid ' + p.pid + ': ' + p.command; track.appendChild(pr);
      });
      var max = 1;
      t.reads.forEach(function (n, i) { max = Math.max(max, n + t.writes[i]); });
      for (var i = 0; i < run.bins; i++) {
        [['read', t.reads[i]], ['write', t.writes[i]]].forEach(function (kv, k) {
          if (!kv[1]) return;
          var a = el('div', 'act ' + kv[0]); a.style.left = pct(i / run.bins); a.style.width = pct(1 / run.bins / 2);
          a.style.marginLeft = k ? (100 / run.bins / 2).toFixed(3) + '%' : '0'; a.style.opacity = String(0.25 + 0.75 * kv[1] / max);
          a.title = kv[1] + ' ' + kv[0] + (kv[1] === 1 ? '' : 's'); track.appendChild(a);
        });
      }
      lane.appendChild(track); box.appendChild(lane);
    });
  });
  document.querySelectorAll('section.run').forEach(function (sec) {
    var rows = sec.querySelectorAll('tr.finding');
    var sev = sec.querySelectorAll('.f-sev'), type = sec.querySelector('.f-type'), text = sec.querySelector('.f-text'), count = sec.querySelector('.f-count');
    function apply() {
      var on = {}; sev.forEach(function (c) { on[c.value] = c.checked; });
      var q = text.value.toLowerCase(), shown = 0;
      rows.forEach(function (r) {
        var ok = on[r.dataset.severity] && (!type.value || r.dataset.type === type.value) &&
          (!q || r.dataset.task.toLowerCase().indexOf(q) >= 0 || r.dataset.path.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok; if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length;
    }
    sev.forEach(function (c) { c.addEventListener('change', apply); });
    type.addEventListener('change', apply); text.addEventListener('input', apply);
  });
  // A finding's "why" link opens the task's process tree at the process that made the access.
  document.querySelectorAll('a.why').forEach(function (a) {
    a.addEventListener('click', function () {
      var target = document.getElementById(a.getAttribute('href').slice(1));
      for (var n = target; n; n = n.parentElement) if (n.tagName === 'DETAILS') n.open = true;
    });
  });
})();
`;

// src/triage/html-data.ts
var BINS = 80;
var LANE_PROCESSES = 40;
function collectHtmlRun(store, run4) {
  const report = storedReport(store, run4);
  const statuses = store.taskStatuses(run4.id);
  const processes = store.loadProcesses(run4.id);
  const spans = runSpans(store, run4.id);
  let startTs = run4.startedAt;
  let endTs = run4.endedAt ?? run4.startedAt;
  for (const t of statuses) {
    if (t.startedAt !== null) startTs = Math.min(startTs, t.startedAt);
    if (t.endedAt !== null) endTs = Math.max(endTs, t.endedAt);
  }
  for (const p of processes) {
    if (p.startedAt !== null) startTs = Math.min(startTs, p.startedAt);
    if (p.endedAt !== null) endTs = Math.max(endTs, p.endedAt);
  }
  const width2 = Math.max(1, endTs - startTs);
  const findingCount = /* @__PURE__ */ new Map();
  for (const f of report.findings) for (const t of f.tasks ?? [f.task]) findingCount.set(t, (findingCount.get(t) ?? 0) + 1);
  const tasks = /* @__PURE__ */ new Map();
  for (const t of statuses) {
    tasks.set(t.taskId, {
      id: t.taskId,
      status: t.status,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      processes: [],
      moreProcesses: 0,
      reads: new Array(BINS).fill(0),
      writes: new Array(BINS).fill(0),
      findings: findingCount.get(t.taskId) ?? 0
    });
  }
  for (const p of processes) {
    const t = p.taskId !== null ? tasks.get(p.taskId) : void 0;
    if (!t) continue;
    if (t.processes.length >= LANE_PROCESSES) {
      t.moreProcesses++;
      continue;
    }
    t.processes.push({ pid: p.pid, startedAt: p.startedAt, endedAt: p.endedAt, command: p.argv ? displayCommand(p.argv) : p.exe ?? "" });
  }
  const procs = processTasks(store, run4.id);
  const scope = store.accessScope(run4.id);
  const rows = store.db.prepare(`SELECT proc_key, op, first_ts FROM accesses WHERE ${scope.sql} AND errno = 0`).iterateArrays(...scope.params);
  for (const [key2, op, ts] of rows) {
    const taskId = procs.get(key2);
    const t = taskId ? tasks.get(taskId) : void 0;
    if (!t) continue;
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor((ts - startTs) / width2 * BINS)));
    if (READ_OPS.has(op)) t.reads[bin]++;
    else if (WRITE_OPS.has(op)) t.writes[bin]++;
  }
  return {
    report,
    causes: findingCauses(store, run4, report.findings),
    trees: Object.fromEntries([...tasks.keys()].map((id) => [id, processTree(store, run4, id)])),
    host: run4.host,
    source: sourceOf(run4),
    runStartTs: run4.startedAt,
    startTs,
    endTs,
    bins: BINS,
    tasks: [...tasks.values()],
    spans: spans.map((s) => ({
      name: s.name,
      label: s.name === "task" && s.attributes.task !== void 0 ? `task ${String(s.attributes.task)}${s.derived ? " (from processes)" : ""}` : s.name,
      startTs: s.startTs,
      durationMs: s.durationMs,
      status: s.status,
      error: s.error,
      depth: s.depth
    }))
  };
}

// src/cli/commands/report.ts
var REPORT_HELP = `Usage: io-trace report [options] [RUN...]

Writes a report of recorded runs (default: the latest run) from a trace database.

Options:
  --db FILE|DIR          trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --format html|json     html: one self-contained page (summary, findings with fixes and a filter,
                         a per-task timeline); json: the JSON report (default html)
  --all                  every run in the database (e.g. after io-trace merge)
  --out FILE             where to write (default: stdout)
`;
async function reportCommand(ctx) {
  const { values, positionals } = parse3("report", ctx.argv, {
    db: { type: "string" },
    format: { type: "string" },
    all: { type: "boolean" },
    out: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(REPORT_HELP);
    return 0;
  }
  const format2 = oneOf("--format", values.format, ["html", "json"], "html");
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const text = await withDatabase(dbFile, (store) => {
    const runs = values.all ? store.listRuns(Number.MAX_SAFE_INTEGER).reverse() : positionals.length ? positionals.map((p) => store.resolveRun(p)) : [store.resolveRun(void 0)];
    if (format2 === "json") {
      const reports = runs.map((r) => storedReport(store, r));
      const value = reports.length === 1 && !values.all ? reports[0] : { schemaVersion: 1, kind: "multi-run", status: combinedStatus(reports), runs: reports };
      return JSON.stringify(value, null, 2) + "\n";
    }
    return renderHtmlReport(
      runs.map((r) => collectHtmlRun(store, r)),
      { generatedAt: Date.now(), database: dbFile, version: IO_TRACE_VERSION }
    );
  });
  if (values.out) {
    const out = path27.resolve(ctx.cwd, values.out);
    writeFileSync7(out, text);
    ctx.stderr.write(`io-trace: wrote ${format2} report to ${path27.relative(ctx.cwd, out) || out}
`);
  } else {
    ctx.stdout.write(text);
  }
  return 0;
}

// src/cli/commands/fix.ts
import { existsSync as existsSync22, mkdirSync as mkdirSync6, writeFileSync as writeFileSync8 } from "node:fs";
import path31 from "node:path";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path33, added, removed, oldPosInc, options) {
    const last = path33.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path33.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path33.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines2(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines2(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/fix/apply.ts
function applyConfigEdits(text, edits) {
  let out = text;
  const indentUnit = detectIndent(text);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  for (const edit of edits) {
    const tree = parseTree2(out, [], { allowTrailingComma: true });
    if (!tree) throw new Error("not a JSON document");
    const node = findNodeAtLocation2(tree, edit.path);
    if (node && node.type === "array") {
      const present = (node.children ?? []).map((c) => canonical(jsonAt(out, c)));
      const missing = unique(edit.values).filter((v) => !present.includes(canonical(v)));
      if (missing.length) out = appendToArray(out, node, missing, eol);
      continue;
    }
    if (node) throw new Error(`${edit.path.join(".")} is a ${node.type}, not an array`);
    out = createProperty(out, tree, edit.path, unique([...edit.base, ...edit.values]), indentUnit, eol);
  }
  return out;
}
function unique(values) {
  const out = [];
  for (const v of values) if (!out.some((x) => canonical(x) === canonical(v))) out.push(v);
  return out;
}
function jsonAt(text, n) {
  try {
    return JSON.parse(text.slice(n.offset, n.offset + n.length));
  } catch {
    return text.slice(n.offset, n.offset + n.length);
  }
}
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
function inline(v) {
  if (Array.isArray(v)) return `[${v.map(inline).join(", ")}]`;
  if (v && typeof v === "object") return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(", ")} }`.replace("{  }", "{}");
  return JSON.stringify(v);
}
function lineStart(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function indentAt(text, offset) {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))[0];
}
function multiLine(text, n) {
  return text.slice(n.offset, n.offset + n.length).includes("\n");
}
function appendToArray(text, arr, values, eol) {
  const items = arr.children ?? [];
  const close = arr.offset + arr.length - 1;
  if (items.length === 0) {
    const inner = text.slice(arr.offset + 1, close);
    if (inner.includes("\n")) {
      const indent = indentAt(text, arr.offset) + detectIndent(text);
      return text.slice(0, arr.offset + 1) + eol + values.map((v) => indent + inline(v)).join("," + eol) + eol + indentAt(text, close) + text.slice(close);
    }
    return text.slice(0, arr.offset + 1) + values.map(inline).join(", ") + text.slice(close);
  }
  const last = items[items.length - 1];
  const at3 = last.offset + last.length;
  if (multiLine(text, arr)) {
    const indent = indentAt(text, last.offset);
    return text.slice(0, at3) + values.map((v) => "," + eol + indent + inline(v)).join("") + text.slice(at3);
  }
  return text.slice(0, at3) + values.map((v) => ", " + inline(v)).join("") + text.slice(at3);
}
function createProperty(text, tree, path33, value, unit, eol) {
  let depth = path33.length - 1;
  let parent;
  for (; depth >= 0; depth--) {
    parent = depth === 0 ? tree : findNodeAtLocation2(tree, path33.slice(0, depth));
    if (parent) break;
  }
  if (!parent || parent.type !== "object") throw new Error(`cannot add ${path33.join(".")}: ${path33.slice(0, Math.max(depth, 0)).join(".") || "the document"} is not an object`);
  let nested = value;
  for (let i = path33.length - 1; i > depth; i--) nested = { [String(path33[i])]: nested };
  const key2 = String(path33[depth]);
  const props = parent.children ?? [];
  const close = parent.offset + parent.length - 1;
  if (!multiLine(text, parent)) {
    const entry2 = `${JSON.stringify(key2)}: ${inline(nested)}`;
    if (props.length === 0) return text.slice(0, parent.offset + 1) + " " + entry2 + " " + text.slice(close);
    const last2 = props[props.length - 1];
    const at4 = last2.offset + last2.length;
    return text.slice(0, at4) + ", " + entry2 + text.slice(at4);
  }
  const indent = props.length ? indentAt(text, props[0].offset) : indentAt(text, parent.offset) + unit;
  const entry = `${JSON.stringify(key2)}: ${block(nested, indent, unit, eol)}`;
  if (props.length === 0) return text.slice(0, parent.offset + 1) + eol + indent + entry + eol + indentAt(text, close) + text.slice(close);
  const last = props[props.length - 1];
  const at3 = last.offset + last.length;
  return text.slice(0, at3) + "," + eol + indent + entry + text.slice(at3);
}
function block(v, indent, unit, eol) {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const inner = indent + unit;
    const entries = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${block(x, inner, unit, eol)}`);
    return `{${eol}${entries.join("," + eol)}${eol}${indent}}`;
  }
  return inline(v);
}
function detectIndent(text) {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
}

// src/fix/locate.ts
import { existsSync as existsSync20, readFileSync as readFileSync17 } from "node:fs";
import path28 from "node:path";
var ConfigFiles = class {
  constructor(root) {
    this.root = root;
  }
  root;
  cache = /* @__PURE__ */ new Map();
  read(file) {
    if (!this.cache.has(file)) {
      const abs = path28.join(this.root, file);
      if (!existsSync20(abs)) this.cache.set(file, null);
      else {
        const text = readFileSync17(abs, "utf8");
        this.cache.set(file, { text, tree: parseTree2(text, [], { allowTrailingComma: true, disallowComments: false }) });
      }
    }
    return this.cache.get(file) ?? null;
  }
  node(file, p) {
    const f = this.read(file);
    return f?.tree ? findNodeAtLocation2(f.tree, p) : void 0;
  }
  value(file, p) {
    const n = this.node(file, p);
    return n ? nodeValue(n) : void 0;
  }
};
function nodeValue(n) {
  switch (n.type) {
    case "array":
      return (n.children ?? []).map(nodeValue);
    case "object":
      return Object.fromEntries((n.children ?? []).map((prop) => [prop.children[0].value, prop.children[1] ? nodeValue(prop.children[1]) : void 0]));
    default:
      return n.value;
  }
}
function locateEdit(ctx, files, task2, field, values, sharedBy = 1) {
  switch (ctx.source) {
    case "file":
      return locatePlanFile(ctx, files, task2, field, values);
    case "turbo":
      return locateTurbo(ctx, files, task2, field, values, sharedBy);
    case "nx":
      return locateNx(ctx, files, task2, field, values, sharedBy);
  }
}
function locatePlanFile(ctx, files, task2, field, values) {
  if (!ctx.planFile) return { unfixable: "the run does not record its plan file" };
  const file = path28.relative(ctx.workspaceRoot, ctx.planFile).split(path28.sep).join("/");
  const list2 = files.value(file, ["tasks"]);
  if (!Array.isArray(list2)) return { unfixable: `${file} has no "tasks" array (was it moved or rewritten?)` };
  const index = list2.findIndex((t) => t && typeof t === "object" && t.id === task2.id);
  if (index < 0) return { unfixable: `${file} no longer has task ${JSON.stringify(task2.id)}` };
  return { edit: { file, path: ["tasks", index, field === "dependsOn" ? "dependencies" : field], values, base: [] } };
}
var PACKAGE_TURBO_JSON = '{\n  "extends": ["//"],\n  "tasks": {\n  }\n}\n';
function locateTurbo(ctx, files, task2, field, values, sharedBy) {
  const packageFile = task2.projectRoot ? path28.posix.join(task2.projectRoot, "turbo.json") : void 0;
  const candidates = [];
  if (packageFile) candidates.push([packageFile, task2.target]);
  const own = `${task2.project}#${task2.target}`;
  const rootSection = files.node("turbo.json", ["tasks"]) ? "tasks" : "pipeline";
  candidates.push(["turbo.json", files.node("turbo.json", [rootSection, own]) ? own : task2.target]);
  let create;
  let inherited;
  let foundIn;
  for (const [file, key2] of candidates) {
    const section = files.node(file, ["tasks"]) ? "tasks" : files.node(file, ["pipeline"]) ? "pipeline" : void 0;
    if (!section || !files.node(file, [section, key2])) continue;
    const at3 = [section, key2, field];
    const existing = files.value(file, at3);
    if (Array.isArray(existing)) {
      if (!create) {
        foundIn = [file, key2];
        inherited = existing;
        break;
      }
      inherited = existing;
      break;
    }
    create ??= [file, at3];
  }
  if (foundIn) {
    const [file, key2] = foundIn;
    const shared = file === "turbo.json" && key2 === task2.target && packageFile !== void 0 && sharedBy <= 1 && ctx.tasks.some((t) => t.target === task2.target && t.project !== task2.project);
    const packageOnly = values.some((v) => typeof v !== "string" || !v.replace(/^!/, "").startsWith("$TURBO_ROOT$"));
    if (!(shared && packageOnly)) return { edit: { file, path: [files.node(file, ["tasks"]) ? "tasks" : "pipeline", key2, field], values, base: [] } };
    const pkg = files.read(packageFile);
    if (pkg && !files.node(packageFile, ["tasks"])) return { unfixable: `${packageFile} has no "tasks" object to hold ${task2.target}.${field}` };
    return { edit: { file: packageFile, path: ["tasks", task2.target, field], values, base: inherited ?? [], ...pkg ? {} : { newFile: PACKAGE_TURBO_JSON } } };
  }
  if (!create) return { unfixable: `no turbo.json entry defines ${task2.id} (looked in ${candidates.map(([f, k]) => `${f} "${k}"`).join(", ")})` };
  const base = inherited ?? (field === "inputs" ? ["$TURBO_DEFAULT$"] : []);
  return { edit: { file: create[0], path: create[1], values, base } };
}
var NX_DEFAULT_INPUTS = ["default", "^default"];
function nxProjectConfig(files, task2) {
  const projectJson = path28.posix.join(task2.projectRoot, "project.json");
  if (files.read(projectJson)) return { file: projectJson, targets: ["targets"] };
  return { file: path28.posix.join(task2.projectRoot, "package.json"), targets: ["nx", "targets"] };
}
function projectSpecific(ctx, task2, value, sharedBy) {
  if (typeof value !== "string") return true;
  if (value.startsWith("^")) return false;
  if (value.startsWith("{projectRoot}")) return sharedBy <= 1;
  const rel2 = value.replace(/^!/, "").replace(/^\{workspaceRoot\}\//, "");
  if (!value.includes("/") && !value.includes("{")) return false;
  const roots = new Set(ctx.tasks.map((t) => t.projectRoot).filter((r) => r !== ""));
  roots.add(task2.projectRoot);
  return [...roots].some((r) => r !== "" && (rel2 === r || rel2.startsWith(r + "/")));
}
function locateNx(ctx, files, task2, field, values, sharedBy) {
  const what = task2.declaredAt?.[field]?.what ?? "";
  const project = nxProjectConfig(files, task2);
  const ownPath = [...project.targets, task2.target, field];
  const own = files.value(project.file, ownPath);
  if (Array.isArray(own)) return { edit: { file: project.file, path: ownPath, values, base: [] } };
  const td = /^targetDefaults\.(.+)\.(inputs|outputs|dependsOn)( \(|$)/.exec(what);
  if (td && td[2] === field) {
    const key2 = td[1];
    const shared = files.value("nx.json", ["targetDefaults", key2, field]);
    if (Array.isArray(shared)) {
      if (!values.some((v) => projectSpecific(ctx, task2, v, sharedBy))) return { edit: { file: "nx.json", path: ["targetDefaults", key2, field], values, base: [] } };
      if (!files.read(project.file)) return { unfixable: `${task2.id} has no project.json or package.json to hold a project-specific ${field}` };
      return { edit: { file: project.file, path: ownPath, values, base: shared } };
    }
  }
  if (!files.read(project.file)) return { unfixable: `${task2.id} has no project.json or package.json to hold its ${field}` };
  if (what.includes("inferred by plugin")) {
    const inferred = ctx.inferredField?.(task2.project, task2.target, field);
    if (!inferred) return { unfixable: `${field} of ${task2.id} is inferred by a plugin, and Nx did not say what it infers (nx show project ${task2.project} --json), so an edit would drop them` };
    return { edit: { file: project.file, path: ownPath, values, base: inferred } };
  }
  return { edit: { file: project.file, path: ownPath, values, base: field === "inputs" ? NX_DEFAULT_INPUTS : [] } };
}

// src/fix/plan-fixes.ts
var NOT_AUTOMATIC = {
  missing_output: "the pattern may be wrong or the task may have failed to produce it: io-trace cannot tell which, so it does not delete declared outputs",
  overlapping_output: "two tasks write the same file: decide which one owns it (or make them write different files)",
  unused_input: "narrowing inputs is a judgement call (the file may matter in another configuration): nothing is removed automatically"
};
function planFixes(findings, tasks, ctx, filter = {}) {
  const files = new ConfigFiles(ctx.workspaceRoot);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const items = [];
  findings.forEach((finding, i) => {
    const n = i + 1;
    if (filter.only?.length && !filter.only.includes(n)) return;
    if (filter.tasks?.length && !filter.tasks.includes(finding.task)) return;
    if (filter.types?.length && !filter.types.includes(finding.type)) return;
    items.push({ n, finding, ...decide(finding, byId, ctx, files) });
  });
  const merged = /* @__PURE__ */ new Map();
  for (const item of items) {
    for (const edit of item.edits ?? []) {
      const key2 = `${edit.file}\0${JSON.stringify(edit.path)}`;
      const prior = merged.get(key2);
      if (prior) prior.values.push(...edit.values);
      else merged.set(key2, { ...edit, values: [...edit.values] });
    }
  }
  let edits = [...merged.values()];
  const changes = [];
  for (const file of [...new Set(edits.map((e2) => e2.file))].sort()) {
    const mine = edits.filter((e2) => e2.file === file);
    const existing = files.read(file)?.text;
    const created = existing === void 0 ? mine.find((e2) => e2.newFile)?.newFile : void 0;
    if (existing === void 0 && created === void 0) continue;
    const before = existing ?? "";
    let after;
    try {
      after = applyConfigEdits(existing ?? created, mine);
    } catch (e2) {
      for (const item of items) {
        if (item.edits?.some((x) => x.file === file)) {
          delete item.edits;
          item.reason = `${file}: ${e2.message}`;
        }
      }
      continue;
    }
    if (after !== before) changes.push({ file, before, after, ...existing === void 0 ? { created: true } : {} });
  }
  edits = edits.filter((e2) => changes.some((c) => c.file === e2.file));
  return { items, edits, changes };
}
function decide(finding, byId, ctx, files) {
  const notAutomatic = NOT_AUTOMATIC[finding.type];
  const fix = finding.fix;
  if (fix?.manual) return { reason: fix.manual };
  if (!fix?.add?.length || fix.field === "ignore") return { reason: notAutomatic ?? "no edit is known for it (see its message)" };
  const task2 = byId.get(finding.task);
  if (!task2) return { reason: `task ${finding.task} is not in the recorded plan` };
  const others = (finding.tasks ?? []).filter((id) => id !== task2.id).map((id) => byId.get(id)).filter((t) => t !== void 0);
  const parse4 = (vs) => vs.map((v) => v.startsWith('{"') ? JSON.parse(v) : v);
  const values = parse4(fix.add);
  if (fix.to) return { edits: [{ file: fix.to.file, path: fix.to.path, values, base: [] }] };
  const sharedBy = finding.tasks?.length ?? 1;
  const wanted = [[fix.field, values], ...(fix.also ?? []).map((a) => [a.field, parse4(a.add)])];
  if (finding.type === "input_mutation" && fix.field === "outputs" && !fix.also?.length) wanted.push(["inputs", values.map((v) => `!${String(v)}`)]);
  const edits = [];
  for (const t of [task2, ...others]) {
    for (const [field, vals] of wanted) {
      const located = locateEdit(ctx, files, t, field, vals, sharedBy);
      if ("unfixable" in located) return { reason: located.unfixable };
      const same = edits.find((e2) => e2.file === located.edit.file && JSON.stringify(e2.path) === JSON.stringify(located.edit.path));
      if (!same) edits.push(located.edit);
      else for (const v of located.edit.values) if (!same.values.some((x) => JSON.stringify(x) === JSON.stringify(v))) same.values.push(v);
    }
  }
  return { edits };
}
function unifiedDiff(changes) {
  let out = "";
  for (const c of changes) {
    const patch = structuredPatch(`a/${c.file}`, `b/${c.file}`, c.before, c.after, "", "", { context: 3 });
    out += `diff --git a/${c.file} b/${c.file}
`;
    out += c.created ? `new file mode 100644
--- /dev/null
+++ b/${c.file}
` : `--- a/${c.file}
+++ b/${c.file}
`;
    for (const h of patch.hunks) {
      out += `@@ -${h.oldLines ? h.oldStart : h.oldStart - 1},${h.oldLines} +${h.newLines ? h.newStart : h.newStart - 1},${h.newLines} @@
`;
      for (const line of h.lines) out += line + "\n";
    }
  }
  return out;
}

// src/fix/run-fixes.ts
import path30 from "node:path";

// src/fix/nx-inferred.ts
import { execFileSync as execFileSync3 } from "node:child_process";
import { existsSync as existsSync21 } from "node:fs";
import { createRequire as createRequire4 } from "node:module";
import path29 from "node:path";
function nxInferredFields(workspaceRoot) {
  const projects = /* @__PURE__ */ new Map();
  let bin;
  try {
    const dir = path29.dirname(createRequire4(path29.join(workspaceRoot, "package.json")).resolve("nx/package.json"));
    bin = [path29.join(dir, "bin", "nx.js"), path29.join(dir, "dist", "bin", "nx.js")].find((f) => existsSync21(f));
  } catch {
    bin = void 0;
  }
  return (project, target, field) => {
    if (!bin) return void 0;
    if (!projects.has(project)) {
      try {
        const out = execFileSync3(process.execPath, [bin, "show", "project", project, "--json"], {
          cwd: workspaceRoot,
          env: { ...process.env, ...NX_ENV },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
          timeout: 12e4,
          maxBuffer: 64 * 1024 * 1024
        });
        const json = JSON.parse(out.slice(out.indexOf("{")));
        projects.set(project, json.targets);
      } catch {
        projects.set(project, void 0);
      }
    }
    const value = projects.get(project)?.[target]?.[field];
    return Array.isArray(value) ? value : void 0;
  };
}

// src/fix/run-fixes.ts
function planRunFixes(store, run4, workspace, filter = {}) {
  const tasks = store.loadTasks(run4.id);
  return planFixes(store.loadFindings(run4.id), tasks, {
    source: run4.planSource ?? "file",
    workspaceRoot: workspace,
    ...run4.planFile ? { planFile: rebase(run4.planFile, run4, workspace) } : {},
    tasks,
    ...run4.planSource === "nx" ? { inferredField: nxInferredFields(workspace) } : {}
  }, filter);
}
function rebase(file, run4, workspace) {
  const recorded = run4.workspaceRoot ?? run4.cwd;
  const rel2 = path30.relative(recorded, file);
  return rel2.startsWith("..") || path30.isAbsolute(rel2) ? file : path30.join(workspace, rel2);
}

// src/cli/commands/fix.ts
var FIX_HELP = `Usage: io-trace fix [options] [RUN]

The config edits that fix a run's findings (default: the latest run), as a unified diff on stdout;
nothing is written unless --write. One edit per root cause, in the file and field the build tool reads
(nx.json / project.json / package.json "nx" / turbo.json / the plan file), keeping the file's formatting
and comments. Findings that cannot be fixed safely are listed on stderr with the reason.
Then \`io-trace check\` re-analyses the recorded trace against the edited config (no rebuild).

Options:
  --db FILE|DIR     trace database, or a downloaded artifact folder (default .io-trace/trace.db)
  --workspace DIR   the workspace to edit (default: the run's workspace if it exists here, else the current directory)
  --write           apply the edits to the files
  --task T          only findings of this task (repeatable)
  --type TYPE       only this finding type (repeatable): ${FINDING_TYPES.join(", ")}
  --only N[,N...]   only these findings, numbered as \`io-trace fix\` lists them
  --json            the plan of edits as JSON (with the diff)
`;
async function fixCommand(ctx) {
  const { values, positionals } = parse3("fix", ctx.argv, {
    db: { type: "string" },
    workspace: { type: "string" },
    write: { type: "boolean" },
    task: { type: "string", multiple: true },
    type: { type: "string", multiple: true },
    only: { type: "string", multiple: true },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(FIX_HELP);
    return 0;
  }
  for (const t of values.type ?? []) {
    if (!FINDING_TYPES.includes(t)) throw new ConfigurationError(`--type ${JSON.stringify(t)}: use one of ${FINDING_TYPES.join(", ")}`);
  }
  const only = (values.only ?? []).flatMap((s) => s.split(",")).map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--only ${JSON.stringify(s)}: give finding numbers (1, 2, ...) as \`io-trace fix\` lists them`);
    return n;
  });
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { plan, workspace } = await withDatabase(dbFile, (store) => {
    const run4 = store.resolveRun(positionals[0]);
    const workspace2 = workspaceFor(run4, ctx.cwd, values.workspace);
    const plan2 = planRunFixes(store, run4, workspace2, { tasks: values.task, types: values.type, only });
    return { plan: plan2, workspace: workspace2 };
  });
  const diff = unifiedDiff(plan.changes);
  if (values.write) {
    for (const c of plan.changes) {
      const file = path31.join(workspace, c.file);
      try {
        mkdirSync6(path31.dirname(file), { recursive: true });
        writeFileSync8(file, c.after);
      } catch (e2) {
        throw new IoTraceError(`cannot write ${file}: ${e2.message}${plan.changes.indexOf(c) > 0 ? ` (the files before it were written: ${plan.changes.slice(0, plan.changes.indexOf(c)).map((x) => x.file).join(", ")})` : ""}`);
      }
    }
  }
  if (values.json) {
    ctx.stdout.write(JSON.stringify({ workspace, written: !!values.write, items: plan.items, edits: plan.edits, diff }, null, 2) + "\n");
    return 0;
  }
  if (!values.write) ctx.stdout.write(diff);
  ctx.stderr.write(summary(plan, !!values.write));
  return 0;
}
function workspaceFor(run4, cwd, given) {
  if (given) return path31.resolve(cwd, given);
  const recorded = run4.workspaceRoot ?? run4.cwd;
  return existsSync22(recorded) ? recorded : cwd;
}
function summary(plan, written) {
  const fixed = plan.items.filter((i) => i.edits);
  const left = plan.items.filter((i) => !i.edits);
  const lines = [];
  const files = plan.changes.map((c) => c.file);
  lines.push(
    `io-trace fix: ${fixed.length} finding${fixed.length === 1 ? "" : "s"} fixed by ${plan.edits.length} edit${plan.edits.length === 1 ? "" : "s"}` + (files.length ? ` in ${files.join(", ")}` : "") + (written ? " (written)" : files.length ? " (not written: --write applies them)" : "")
  );
  for (const i of fixed) lines.push(`  #${i.n} ${i.finding.type} ${i.finding.task} ${displayPath(i.finding.path)}`);
  if (left.length) {
    lines.push(`left out (${left.length}):`);
    for (const i of left) lines.push(`  #${i.n} ${i.finding.type} ${i.finding.task} ${displayPath(i.finding.path)}: ${i.reason}`);
  }
  if (fixed.length && written) lines.push("next: `io-trace check` re-analyses the recorded trace against the edited config");
  return lines.join("\n") + "\n";
}

// src/cli/commands/check.ts
import path32 from "node:path";
var CHECK_HELP = `Usage: io-trace check [options] [RUN]

Re-analyses a recorded trace (default: the latest run) against the config as it is now, without
rebuilding: resolves the plan again with the workspace's own nx / turbo (or the plan file), judges the
recorded file accesses against it, and says per finding whether it is fixed, still there, or new.
The run's own findings are kept; this analysis is recorded beside them (not with --dry-run).

Options:
  --db FILE|DIR     trace database, or a downloaded artifact folder (default .io-trace/trace.db)
  --workspace DIR   the workspace whose config to read (default: the run's, if it exists here, else the current directory)
  --dry-run         write nothing to the database
  --ignore GLOB     ignore paths (repeatable)
  --config FILE     config file (default <workspace>/io-trace.config.json)
  --fail-on none|warning|error   exit 1 while findings of this severity remain (default error)
  --json            the comparison as JSON
`;
async function checkCommand(ctx) {
  const { values, positionals } = parse3("check", ctx.argv, {
    db: { type: "string" },
    workspace: { type: "string" },
    "dry-run": { type: "boolean" },
    ignore: { type: "string", multiple: true },
    config: { type: "string" },
    "fail-on": { type: "string" },
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(CHECK_HELP);
    return 0;
  }
  const failOn = oneOf("--fail-on", values["fail-on"], ["none", "warning", "error"], "error");
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const dryRun = !!values["dry-run"];
  let store;
  try {
    store = dryRun ? openForTriage(dbFile) : TraceStore.create(dbFile);
  } catch (e2) {
    if (e2 instanceof StoreError && !dryRun) throw new StoreError(`${e2.message} (--dry-run checks without recording the analysis)`);
    throw e2;
  }
  try {
    const run4 = store.resolveRun(positionals[0]);
    if (run4.tracer === "none") throw new ConfigurationError(`run ${run4.id} was not traced: there is no trace to check (run the build under io-trace again)`);
    const workspace = workspaceFor(run4, ctx.cwd, values.workspace);
    const spec = run4.planFile ? rebase(run4.planFile, run4, workspace) : run4.planSource ?? "auto";
    const plan = await resolvePlan({ spec, cwd: workspace, command: run4.command, tasks: store.loadTasks(run4.id).map((t) => t.id), log: ctx.log });
    const ignore = mergeIgnoreRules(loadConfigFile(values.config, workspace), { ...emptyIgnoreRules(), all: values.ignore ?? [] });
    const outRel = path32.relative(run4.workspaceRoot ?? run4.cwd, path32.dirname(dbFile));
    const before = store.loadFindings(run4.id);
    const report = analyseRun(store, run4.id, {
      ignore,
      extraIgnores: outRel && !outRel.startsWith("..") ? [outRel] : [],
      plan,
      save: false
    });
    const comparison = compareFindings2(before, report.findings);
    if (!dryRun) {
      store.saveAnalysis({
        runId: run4.id,
        kind: "check",
        createdAt: Date.now(),
        workspace,
        status: report.status,
        incompleteReasons: report.incompleteReasons,
        findings: report.findings,
        comparison
      });
    }
    const min = failOn === "none" ? Infinity : SEVERITY_RANK[failOn];
    const failing = comparison.filter((c) => c.state !== "fixed" && SEVERITY_RANK[c.finding.severity] >= min);
    if (values.json) {
      ctx.stdout.write(JSON.stringify({ database: dbFile, run: run4.id, workspace, status: report.status, incompleteReasons: report.incompleteReasons, comparison, recorded: !dryRun }, null, 2) + "\n");
    } else {
      ctx.stdout.write(formatComparison(run4.id, plan.source, comparison, report.status, report.incompleteReasons));
    }
    return failing.length ? 1 : 0;
  } finally {
    store.close();
  }
}
function key(f) {
  return [f.type, f.task, f.path, f.otherTask ?? ""].join("\0");
}
function compareFindings2(before, after) {
  const now = new Map(after.map((f) => [key(f), f]));
  const was = new Set(before.map(key));
  return [
    ...before.map((f) => now.has(key(f)) ? { state: "still-there", finding: now.get(key(f)) } : { state: "fixed", finding: f }),
    ...after.filter((f) => !was.has(key(f))).map((f) => ({ state: "new", finding: f }))
  ];
}
var LABEL = { fixed: "fixed      ", "still-there": "still there", new: "new        " };
function formatComparison(runId, source, comparison, status, reasons) {
  const lines = [`io-trace check: run ${runId} re-analysed against the ${source} config as it is now (no rebuild)`];
  for (const { state, finding: f } of comparison) {
    lines.push(`  ${LABEL[state]}  ${f.severity.padEnd(7)} ${f.type.padEnd(21)} ${f.task}  ${displayPath(f.path)}${f.otherTask ? ` (${f.otherTask})` : ""}`);
    if (state !== "fixed" && f.fix) lines.push(`               fix: ${f.fix.summary}`);
  }
  const n = (s) => comparison.filter((c) => c.state === s).length;
  lines.push(`  ${n("fixed")} fixed, ${n("still-there")} still there, ${n("new")} new; status now: ${status}`);
  for (const r of reasons) lines.push(`  incomplete: ${r}`);
  return lines.join("\n") + "\n";
}

// src/cli/commands/tracer.ts
import { existsSync as existsSync23 } from "node:fs";
var TRACER_HELP = `Usage: io-trace tracer start|stop|status [options]

A standby tracer: bpftrace compiled and attached before the build, so \`io-trace run\` does not wait for
it (1-2 s of every run). \`start\` leaves bpftrace running, following nothing, until the next
\`io-trace run\` claims it (one run per standby) or its idle limit passes. The GitHub Action starts one
in its pre step. Needs root (or passwordless sudo), like bpftrace itself.

  start    start a standby tracer in the standby folder and print the folder
  stop     stop an unclaimed standby tracer and remove its folder
  status   say whether a standby tracer is there and alive

Options:
  --dir DIR          the standby folder (default $${STANDBY_ENV}, else <RUNNER_TEMP or /tmp>/io-trace-standby);
                     \`io-trace run\` looks in the same place
  --idle SECONDS     start: exit by itself if no run claimed it by then (default 3600)
  --no-wait          start: return as soon as bpftrace runs, without waiting for its probes to attach
  --bpftrace CMD     the command that runs bpftrace (default $IO_TRACE_BPFTRACE, else bpftrace)
`;
async function tracerCommand(ctx) {
  const { values, positionals } = parse3("tracer", ctx.argv, {
    dir: { type: "string" },
    idle: { type: "string" },
    "no-wait": { type: "boolean" },
    bpftrace: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean" }
  });
  if (values.help) {
    ctx.stdout.write(TRACER_HELP);
    return 0;
  }
  const action = positionals[0];
  const dir = values.dir ? standbyDir({ [STANDBY_ENV]: values.dir }) : standbyDir();
  if (action === "start") {
    const idle = values.idle === void 0 ? 3600 : Number(values.idle);
    if (!Number.isInteger(idle) || idle <= 0) throw new ConfigurationError(`--idle ${values.idle}: expected a positive number of seconds`);
    const tracer = new BpftraceTracer(values.bpftrace !== void 0 ? { command: bpftraceCommand(values.bpftrace) } : {});
    const record = await tracer.startStandby(dir, { idleSeconds: idle, waitReady: !values["no-wait"], log: ctx.log });
    ctx.log.info(`standby tracer ready (bpftrace ${record.bpftraceVersion ?? "?"}, pid ${record.pid}); the next io-trace run with ${STANDBY_ENV}=${dir} (or this default) uses it`);
    ctx.stdout.write(`${dir}
`);
    return 0;
  }
  if (action === "status") {
    if (!existsSync23(dir)) {
      ctx.stdout.write(`no standby tracer at ${dir}
`);
      return 1;
    }
    const record = readStandbyRecord(dir);
    const alive = standbyAlive(record);
    ctx.stdout.write(`${alive ? "alive" : "gone"}: standby tracer at ${dir}, bpftrace ${record.bpftraceVersion ?? "?"} pid ${record.pid}, started ${Math.round((Date.now() - record.startedAt) / 1e3)} s ago, idle limit ${record.idleSeconds} s
`);
    return alive ? 0 : 1;
  }
  if (action === "stop") {
    const stopped = stopStandby(dir);
    ctx.stdout.write(stopped ? `stopped the standby tracer at ${dir}${stopped.wasAlive ? "" : " (its bpftrace had already gone)"}
` : `no standby tracer at ${dir}
`);
    return 0;
  }
  throw new ConfigurationError(`io-trace tracer: say start, stop or status (see io-trace tracer --help)`);
}

// src/cli/main.ts
var HELP = `io-trace ${IO_TRACE_VERSION}: find misconfigured build caches by tracing what each task really reads and writes

Usage:
  io-trace run [options] -- <build command...>   trace a build and check it (io-trace run --help)
  io-trace analyze [--db FILE] [RUN]             analyse a recorded run again
  io-trace plan [--plan P] [--format seed|json]  print the resolved plan (io-trace plan --help)
  io-trace list                                  recent runs: status, exit code, findings, spans, age
  io-trace show [RUN] [--task T] [--full]        one run: facts, logs, findings, spans; a task; one timeline
  io-trace transcript [RUN]                      the agent's own transcript (JSONL), raw (--items: parsed)
  io-trace log [RUN]                             the console output: stdout and stderr interleaved, raw
  io-trace stderr [RUN]                          the build's stderr, raw (--stdout: its stdout)
  io-trace files [RUN] [--task T] [--tool-call ID]  the files a run (a task, an agent's tool call) touched
  io-trace findings [RUN]                        a run's findings with fixes
  io-trace merge DB... --out FILE                combine databases (matrix jobs) into one
  io-trace report [RUN] --format html --out F    a self-contained HTML report (or --format json)
  io-trace fix [RUN] [--write]                   the config edits that fix the findings (a diff; --write applies)
  io-trace check [RUN]                           re-analyse the recorded trace against the config as it is now
  io-trace tracer start|stop|status              a standby bpftrace, attached before the build (saves 1-2 s a run)
  (triage commands take --db FILE|DIR and --json; RUN defaults to the latest)
  io-trace --version

Exit codes: the build's own exit code (128+N when killed by signal N); else 1 when --fail-on is met;
2 for a usage or configuration error; 3 when io-trace itself failed.
`;
var COMMANDS = {
  run: runCommand,
  analyze: analyzeCommand,
  plan: planCommand,
  list: listCommand,
  show: showCommand,
  transcript: transcriptCommand,
  log: logCommand,
  stderr: stderrCommand,
  files: filesCommand,
  findings: findingsCommand,
  merge: mergeCommand,
  report: reportCommand,
  fix: fixCommand,
  check: checkCommand,
  tracer: tracerCommand
};
async function main(argv) {
  const [command, ...rest] = argv;
  const verbose = rest.includes("--verbose");
  const log = stderrLogger(verbose);
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return command === void 0 ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${IO_TRACE_VERSION}
`);
    return 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    log.error(`unknown command ${JSON.stringify(command)}; see io-trace --help`);
    return 2;
  }
  const color = !process.env.NO_COLOR && process.stderr.isTTY === true;
  try {
    return await handler({ argv: rest, cwd: process.cwd(), log, stdout: process.stdout, stderr: process.stderr, color });
  } catch (e2) {
    if (e2 instanceof ConfigurationError) {
      log.error(e2.message);
      return 2;
    }
    if (e2 instanceof IoTraceError) {
      log.error(e2.message);
      return 3;
    }
    log.error(`internal error: ${e2.stack ?? String(e2)}`);
    return 3;
  }
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2));
