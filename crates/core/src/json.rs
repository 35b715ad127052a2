//! JSON output that matches JavaScript's `JSON.stringify` byte for byte.
//!
//! serde_json prints floats the way Rust does (`1e20`, `1.5e-5`), while JavaScript
//! prints `100000000000000000000` and `0.000015`. The analysis reaches users both
//! ways (the CLI and `analyzeJson` through serde_json, `analyze` as a JS object that
//! callers stringify), so every float goes through [`JsNumberFormatter`], which
//! writes numbers by ECMAScript's `Number.prototype.toString` rules.
//!
//! [`analysis_json`] writes an [`Analysis`] by hand, the same bytes as
//! [`to_js_compatible_json`] (the tests compare them) in a fraction of the time:
//! one buffer reserved once, integers without formatting machinery, strings
//! copied whole unless they hold a character JSON escapes.

use crate::analysis::Analysis;
use crate::entity::{Calendar, DateValue, Entity, Num, Relative, TimeUnit, Value};
use crate::stats::{DigitCounts, Stats};
use serde::Serialize;
use serde_json::ser::Formatter;
use std::fmt::Write as _;
use std::io;

/// A serde_json formatter that writes floats as JavaScript does and everything else
/// as the compact formatter does.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsNumberFormatter;

impl Formatter for JsNumberFormatter {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        writer.write_all(js_number_string(value).as_bytes())
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(writer, f64::from(value))
    }
}

/// Serializes `value` as compact JSON with JavaScript's number formatting.
pub fn to_js_compatible_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, JsNumberFormatter);
    value.serialize(&mut serializer)?;
    // serde_json writes only valid UTF-8.
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// `value` as JavaScript's `String(value)` (and `JSON.stringify`) writes it:
/// the shortest round-tripping digits, in plain notation when the decimal
/// exponent is in -6..21, else as `d.ddde±x`. Non-finite values become `null`, as
/// in JSON.
pub fn js_number_string(value: f64) -> String {
    let mut out = Vec::with_capacity(24);
    write_js_number(&mut out, value);
    // write_js_number writes ASCII only.
    String::from_utf8(out).expect("numbers are ASCII")
}

/// A fixed buffer that `{:e}` writes into, so that formatting a float allocates nothing.
struct StackBuf {
    buf: [u8; 32],
    len: usize,
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Appends [`js_number_string`] of `value` to `out`.
fn write_js_number(out: &mut Vec<u8>, value: f64) {
    if !value.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    if value == 0.0 {
        out.push(b'0');
        return;
    }
    if value < 0.0 {
        out.push(b'-');
    }
    // Rust's `{:e}` gives the shortest round-tripping digits: `1.2345e-7` (at most
    // 17 digits, a point, `e-324`: 24 bytes).
    let mut scientific = StackBuf {
        buf: [0; 32],
        len: 0,
    };
    write!(scientific, "{:e}", value.abs()).expect("a float's {:e} fits in 32 bytes");
    let scientific = &scientific.buf[..scientific.len];
    let e_at = scientific
        .iter()
        .position(|&b| b == b'e')
        .expect("LowerExp always writes an exponent");
    let mut digits = [0u8; 24];
    let mut k = 0;
    for &b in &scientific[..e_at] {
        if b != b'.' {
            digits[k] = b;
            k += 1;
        }
    }
    let digits = &digits[..k];
    let (negative, exponent) = match &scientific[e_at + 1..] {
        [b'-', rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let exponent = exponent
        .iter()
        .fold(0i32, |e, &b| e * 10 + i32::from(b - b'0'));
    let exponent = if negative { -exponent } else { exponent };
    let k = k as i32;
    // ECMAScript's n: value = 0.digits × 10^n.
    let n = exponent + 1;
    if k <= n && n <= 21 {
        out.extend_from_slice(digits);
        out.resize(out.len() + (n - k) as usize, b'0');
    } else if 0 < n && n <= 21 {
        out.extend_from_slice(&digits[..n as usize]);
        out.push(b'.');
        out.extend_from_slice(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + (-n) as usize, b'0');
        out.extend_from_slice(digits);
    } else {
        out.push(digits[0]);
        if k > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.extend_from_slice(if n - 1 < 0 { b"e-" } else { b"e+" });
        write_uint(out, u64::from((n - 1).unsigned_abs()));
    }
}

/// Writes `analysis` as compact JSON: the bytes [`to_js_compatible_json`] writes for
/// it (tests compare the two), several times faster. This is the one JSON path of
/// [`Analysis::to_json`](crate::Analysis::to_json), hence of the CLI and of the wasm
/// `analyze` and `analyzeJson`.
pub fn analysis_json(analysis: &Analysis) -> String {
    let Analysis {
        version,
        entities,
        stats,
    } = analysis;
    // One allocation: room for each entity's keys (99 bytes) and kind, six offsets
    // of at most as many digits as the text's length in bytes, its text and value.
    let offset_digits = stats
        .bytes
        .checked_ilog10()
        .map_or(1, |log| log as usize + 1);
    let room = 1024
        + entities
            .iter()
            .map(|e| {
                99 + e.kind.name().len() + 6 * offset_digits + e.text.len() + value_room(&e.value)
            })
            .sum::<usize>();
    let mut w = Writer(Vec::with_capacity(room));
    w.raw(b"{\"version\":");
    w.uint(u64::from(*version));
    w.raw(b",\"entities\":[");
    for (i, e) in entities.iter().enumerate() {
        if i > 0 {
            w.raw(b",");
        }
        w.entity(e);
    }
    w.raw(b"],\"stats\":");
    w.stats(stats);
    w.raw(b"}");
    debug_assert!(std::str::from_utf8(&w.0).is_ok());
    // SAFETY: every write to the buffer is ASCII or a whole `&str` (`Writer::str`
    // copies runs of a `&str` cut only before or after ASCII bytes), so it is UTF-8.
    unsafe { String::from_utf8_unchecked(w.0) }
}

/// Bytes to reserve for `value`: enough for the usual numbers and dates, plus its strings.
fn value_room(value: &Value) -> usize {
    let date = |d: &DateValue| {
        64 + d.gregorian.as_ref().map_or(0, String::len)
            + d.resolved.as_ref().map_or(0, String::len)
            + if d.relative.is_some() { 48 } else { 0 }
    };
    let text = |s: &Option<String>| s.as_ref().map_or(0, |s| 16 + s.len());
    match value {
        Value::Money { currency, .. } => 64 + currency.len(),
        Value::Date(d) => date(d),
        Value::Period { start, end } => 24 + date(start) + date(end),
        Value::Reference { code } => 16 + code.len(),
        Value::Person { title, role } => 2 + text(title) + text(role),
        Value::Location { country } => 2 + text(country),
        Value::Empty {} => 2,
        Value::Scalar { .. } => 40,
        Value::Time { .. } => 32,
        Value::Duration { .. } | Value::Ratio { .. } => 80,
    }
}

/// The output buffer of [`analysis_json`]; each method writes one JSON piece.
struct Writer(Vec<u8>);

/// Two-digit decimal strings `00`..`99`, for writing integers two digits a step.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// What serde_json (and `JSON.stringify`) writes for each byte of a string:
/// 0 to copy it, else the letter after the backslash (`u` for `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

impl Writer {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// `s` as a JSON string: `"`, `\` and control characters escaped, nothing else
    /// (as serde_json and `JSON.stringify` do; U+2028 and U+2029 stay as they are).
    fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.0.push(b'"');
        if !needs_escape(bytes) {
            self.raw(bytes);
            self.0.push(b'"');
            return;
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape = ESCAPE[b as usize];
            if escape == 0 {
                continue;
            }
            self.0.extend_from_slice(&bytes[start..i]);
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.raw(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ]);
            } else {
                self.raw(&[b'\\', escape]);
            }
            start = i + 1;
        }
        self.0.extend_from_slice(&bytes[start..]);
        self.0.push(b'"');
    }

    /// A name that needs no escaping (kinds, units, calendars), quoted.
    fn name(&mut self, s: &str) {
        self.0.push(b'"');
        self.raw(s.as_bytes());
        self.0.push(b'"');
    }

    fn uint(&mut self, v: u64) {
        write_uint(&mut self.0, v);
    }

    fn int(&mut self, v: i64) {
        if v < 0 {
            self.0.push(b'-');
        }
        self.uint(v.unsigned_abs());
    }

    /// A [`Num`] as its `Serialize` writes it: whole numbers below 2^53 as integers,
    /// others as JavaScript writes them, non-finite ones as `null`.
    fn num(&mut self, Num(v): Num) {
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            self.int(v as i64);
        } else {
            write_js_number(&mut self.0, v);
        }
    }

    fn entity(&mut self, e: &Entity) {
        let Entity {
            kind,
            text,
            start,
            end,
            char_start,
            char_end,
            byte_start,
            byte_end,
            value,
        } = e;
        self.raw(b"{\"kind\":");
        self.name(kind.name());
        self.raw(b",\"text\":");
        self.str(text);
        self.raw(b",\"start\":");
        self.uint(*start as u64);
        self.raw(b",\"end\":");
        self.uint(*end as u64);
        self.raw(b",\"char_start\":");
        self.uint(*char_start as u64);
        self.raw(b",\"char_end\":");
        self.uint(*char_end as u64);
        self.raw(b",\"byte_start\":");
        self.uint(*byte_start as u64);
        self.raw(b",\"byte_end\":");
        self.uint(*byte_end as u64);
        self.raw(b",\"value\":");
        self.value(value);
        self.raw(b"}");
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Scalar { value } => {
                self.raw(b"{\"value\":");
                self.num(*value);
            }
            Value::Money { amount, currency } => {
                self.raw(b"{\"amount\":");
                self.num(*amount);
                self.raw(b",\"currency\":");
                self.str(currency);
            }
            Value::Date(date) => return self.date(date),
            Value::Period { start, end } => {
                self.raw(b"{\"start\":");
                self.date(start);
                self.raw(b",\"end\":");
                self.date(end);
            }
            Value::Duration { value, unit } => {
                self.raw(b"{\"value\":");
                self.num(*value);
                self.raw(b",\"unit\":");
                self.name(unit_name(*unit));
            }
            Value::Time { hour, minute } => {
                self.raw(b"{\"hour\":");
                self.uint(u64::from(*hour));
                self.raw(b",\"minute\":");
                self.uint(u64::from(*minute));
            }
            Value::Ratio {
                numerator,
                denominator,
            } => {
                self.raw(b"{\"numerator\":");
                self.num(*numerator);
                self.raw(b",\"denominator\":");
                self.num(*denominator);
            }
            Value::Reference { code } => {
                self.raw(b"{\"code\":");
                self.str(code);
            }
            Value::Person { title, role } => {
                self.0.push(b'{');
                let mut first = true;
                self.optional_str(&mut first, b"\"title\":", title.as_deref());
                self.optional_str(&mut first, b"\"role\":", role.as_deref());
            }
            Value::Location { country } => {
                self.0.push(b'{');
                let mut first = true;
                self.optional_str(&mut first, b"\"country\":", country.as_deref());
            }
            Value::Empty {} => self.0.push(b'{'),
        }
        self.0.push(b'}');
    }

    /// `"key":"s"` when `s` is there, after a comma unless it is the object's first field.
    fn optional_str(&mut self, first: &mut bool, key: &[u8], s: Option<&str>) {
        if let Some(s) = s {
            if !*first {
                self.0.push(b',');
            }
            *first = false;
            self.raw(key);
            self.str(s);
        }
    }

    fn date(&mut self, d: &DateValue) {
        let DateValue {
            calendar,
            year,
            month,
            day,
            gregorian,
            relative,
            resolved,
        } = d;
        self.raw(b"{\"calendar\":");
        self.name(match calendar {
            Calendar::Gregorian => "gregorian",
            Calendar::Hijri => "hijri",
        });
        if let Some(year) = year {
            self.raw(b",\"year\":");
            self.int(i64::from(*year));
        }
        if let Some(month) = month {
            self.raw(b",\"month\":");
            self.uint(u64::from(*month));
        }
        if let Some(day) = day {
            self.raw(b",\"day\":");
            self.uint(u64::from(*day));
        }
        if let Some(gregorian) = gregorian {
            self.raw(b",\"gregorian\":");
            self.str(gregorian);
        }
        if let Some(Relative { unit, offset }) = relative {
            self.raw(b",\"relative\":{\"unit\":");
            self.name(unit_name(*unit));
            self.raw(b",\"offset\":");
            self.int(*offset);
            self.0.push(b'}');
        }
        if let Some(resolved) = resolved {
            self.raw(b",\"resolved\":");
            self.str(resolved);
        }
        self.0.push(b'}');
    }

    fn stats(&mut self, s: &Stats) {
        let Stats {
            characters,
            utf16_length,
            bytes,
            words,
            sentences,
            lines,
            arabic_letters,
            latin_letters,
            other_letters,
            arabic_share,
            diacritics,
            tatweel,
            digits,
            entities,
        } = s;
        let DigitCounts {
            western,
            arabic_indic,
            persian,
        } = digits;
        for (key, count) in [
            (&b"{\"characters\":"[..], characters),
            (b",\"utf16_length\":", utf16_length),
            (b",\"bytes\":", bytes),
            (b",\"words\":", words),
            (b",\"sentences\":", sentences),
            (b",\"lines\":", lines),
            (b",\"arabic_letters\":", arabic_letters),
            (b",\"latin_letters\":", latin_letters),
            (b",\"other_letters\":", other_letters),
        ] {
            self.raw(key);
            self.uint(*count as u64);
        }
        self.raw(b",\"arabic_share\":");
        self.num(*arabic_share);
        for (key, count) in [
            (&b",\"diacritics\":"[..], diacritics),
            (b",\"tatweel\":", tatweel),
            (b",\"digits\":{\"western\":", western),
            (b",\"arabic_indic\":", arabic_indic),
            (b",\"persian\":", persian),
        ] {
            self.raw(key);
            self.uint(*count as u64);
        }
        self.raw(b"},\"entities\":{");
        for (i, (kind, count)) in entities.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            self.str(kind);
            self.0.push(b':');
            self.uint(*count as u64);
        }
        self.raw(b"}}");
    }
}

/// Appends `v` in decimal. The digits are built in a fixed buffer, four a step,
/// and copied whole (a constant-size copy, no call), then cut back to their count.
fn write_uint(out: &mut Vec<u8>, v: u64) {
    const POWERS_OF_TEN: [u64; 20] = {
        let mut t = [1u64; 20];
        let mut i = 1;
        while i < 20 {
            t[i] = t[i - 1] * 10;
            i += 1;
        }
        t
    };
    // Digits: log10(2) ≈ 1233 / 4096 gives floor(log10(v)) or one less.
    let bits = u64::BITS - (v | 1).leading_zeros();
    let guess = ((bits * 1233) >> 12) as usize;
    let n = (guess + usize::from(v >= POWERS_OF_TEN[guess])).max(1);
    let mut buf = [0u8; 20];
    let mut at = n;
    let mut v = v;
    let pair = |p: u64| {
        let p = p as usize * 2;
        [DIGIT_PAIRS[p], DIGIT_PAIRS[p + 1]]
    };
    while v >= 10_000 {
        let four = v % 10_000;
        v /= 10_000;
        at -= 4;
        let [a, b] = pair(four / 100);
        let [c, d] = pair(four % 100);
        buf[at..at + 4].copy_from_slice(&[a, b, c, d]);
    }
    if v >= 100 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&pair(v % 100));
        v /= 100;
    }
    if v >= 10 {
        buf[..2].copy_from_slice(&pair(v));
    } else {
        buf[0] = b'0' + v as u8;
    }
    let len = out.len();
    out.extend_from_slice(&buf);
    out.truncate(len + n);
}

/// Whether `bytes` holds a byte JSON escapes (a control character, `"` or `\`),
/// eight bytes a step.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x;
    // Some byte is below 0x20, `"` or `\\` (exact as a whole-word test).
    let word = |x: u64| {
        (x.wrapping_sub(ONES * 0x20) & !x
            | zero_bytes(x ^ (ONES * u64::from(b'"')))
            | zero_bytes(x ^ (ONES * u64::from(b'\\'))))
            & HIGHS
            != 0
    };
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| ESCAPE[usize::from(b)] != 0);
    }
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        if word(u64::from_le_bytes(chunk.try_into().expect("8 bytes"))) {
            return true;
        }
    }
    // The last eight bytes, overlapping the chunks: covers the remainder.
    let last = &bytes[bytes.len() - 8..];
    word(u64::from_le_bytes(last.try_into().expect("8 bytes")))
}

/// The unit's name in the contract (`"year"`), as its `Serialize` writes it.
fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Second => "second",
        TimeUnit::Minute => "minute",
        TimeUnit::Hour => "hour",
        TimeUnit::Day => "day",
        TimeUnit::Week => "week",
        TimeUnit::Month => "month",
        TimeUnit::Year => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityKind;

    /// Expected strings are what `String(x)` prints in V8 (Node 20) for each value.
    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-2.5, "-2.5"),
            (0.1, "0.1"),
            (12.5, "12.5"),
            (123.456, "123.456"),
            (53_389.7, "53389.7"),
            (1e20, "100000000000000000000"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (1_152_921_504_606_846_976.0, "1152921504606847000"),
            (9_007_199_254_740_993.0, "9007199254740992"),
            (0.000015, "0.000015"),
            (0.000001, "0.000001"),
            (1.5e-7, "1.5e-7"),
            (1e-7, "1e-7"),
            (-1e-7, "-1e-7"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ];
        for (value, expected) in cases {
            assert_eq!(js_number_string(*value), *expected, "{value:e}");
        }
    }

    #[test]
    fn whole_numbers_below_two_to_the_53_stay_integers_and_floats_follow_javascript() {
        #[derive(Serialize)]
        struct Sample {
            small: i64,
            big: f64,
            tiny: f64,
        }
        let json = to_js_compatible_json(&Sample {
            small: 2024,
            big: 1e20,
            tiny: 0.000015,
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"small":2024,"big":100000000000000000000,"tiny":0.000015}"#
        );
    }

    /// Numbers that trip formatters: exponent limits, negative zero, 2^53 ± 1,
    /// binary fractions, subnormals, non-finite values.
    const AWKWARD_NUMBERS: &[f64] = &[
        0.0,
        -0.0,
        1.0,
        -1.0,
        12.5,
        0.1 + 0.2,
        1e21,
        -1e21,
        1e20,
        123_456_789_012_345_680_000.0,
        1e-7,
        1e-6,
        1.5e-7,
        0.000015,
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        9_007_199_254_740_993.0,
        -9_007_199_254_740_993.0,
        2_147_483_648.5,
        5e-324,
        2.2250738585072014e-308,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1.0 / 3.0,
        100.0 / 7.0,
        4.35,
        0.07,
        1e300,
        -7.0e-10,
    ];

    /// Texts that need escaping or look as if they might.
    const AWKWARD_TEXTS: &[&str] = &[
        "",
        "ascii",
        "قال \"الوزير\" إن",
        "back\\slash \\u0041 \\\"",
        "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{e}\u{1f} \u{7f}",
        "line\u{2028}para\u{2029}end",
        "emoji 🇸🇦👨‍👩‍👧 𝔸 \u{feff}\u{200f}\u{200d}",
        "/ </script> &amp; '",
        "١٢٫٥٪ ۱۲ 12.5%",
        "\u{fffd}\u{10ffff}",
    ];

    fn date(i: usize) -> DateValue {
        let unit = [
            TimeUnit::Second,
            TimeUnit::Minute,
            TimeUnit::Hour,
            TimeUnit::Day,
            TimeUnit::Week,
            TimeUnit::Month,
            TimeUnit::Year,
        ][i % 7];
        let text = AWKWARD_TEXTS[i % AWKWARD_TEXTS.len()];
        DateValue {
            calendar: if i % 2 == 0 {
                Calendar::Gregorian
            } else {
                Calendar::Hijri
            },
            year: [None, Some(2024), Some(-44), Some(i32::MIN), Some(i32::MAX)][i % 5],
            month: (i % 3 != 0).then_some((i % 13) as u8),
            day: (i % 4 != 1).then_some(if i % 5 == 0 { u8::MAX } else { (i % 32) as u8 }),
            gregorian: (i % 3 == 1).then(|| text.to_string()),
            relative: (i % 2 == 1).then_some(Relative {
                unit,
                offset: [-1, 0, 7, i64::MIN, i64::MAX, -1000][i % 6],
            }),
            resolved: (i % 4 == 2).then(|| text.to_string()),
        }
    }

    /// Every value shape, cycling through the awkward numbers and texts.
    fn values(i: usize) -> Vec<Value> {
        let n = |j: usize| Num(AWKWARD_NUMBERS[(i + j) % AWKWARD_NUMBERS.len()]);
        let t = |j: usize| AWKWARD_TEXTS[(i + j) % AWKWARD_TEXTS.len()].to_string();
        vec![
            Value::Scalar { value: n(0) },
            Value::Money {
                amount: n(1),
                currency: t(0),
            },
            Value::Date(date(i)),
            Value::Period {
                start: date(i + 1),
                end: date(i + 2),
            },
            Value::Duration {
                value: n(2),
                unit: [TimeUnit::Year, TimeUnit::Day, TimeUnit::Second][i % 3],
            },
            Value::Time {
                hour: (i % 24) as u8,
                minute: if i % 7 == 0 { u8::MAX } else { (i % 60) as u8 },
            },
            Value::Ratio {
                numerator: n(3),
                denominator: n(4),
            },
            Value::Reference { code: t(1) },
            Value::Person {
                title: (i % 2 == 0).then(|| t(2)),
                role: (i % 3 == 0).then(|| t(3)),
            },
            Value::Location {
                country: (i % 2 == 1).then(|| t(4)),
            },
            Value::Empty {},
        ]
    }

    fn synthetic_analysis(rounds: usize) -> Analysis {
        let mut entities = Vec::new();
        for i in 0..rounds {
            for (j, value) in values(i).into_iter().enumerate() {
                let at = i * 100 + j;
                entities.push(Entity {
                    kind: EntityKind::ALL[(i + j) % EntityKind::ALL.len()],
                    text: AWKWARD_TEXTS[(i + j) % AWKWARD_TEXTS.len()].to_string(),
                    start: at,
                    end: [at + 1, usize::MAX, 0][(i + j) % 3],
                    char_start: at * 7,
                    char_end: 10usize.pow((j % 20) as u32),
                    byte_start: u32::MAX as usize,
                    byte_end: at * 1_000_003,
                    value,
                });
            }
        }
        let mut stats = Stats {
            characters: 1,
            utf16_length: 22,
            bytes: 333,
            words: 4_444,
            sentences: 55_555,
            lines: 666_666,
            arabic_letters: 7_777_777,
            latin_letters: 88_888_888,
            other_letters: usize::MAX,
            arabic_share: Num(AWKWARD_NUMBERS[rounds % AWKWARD_NUMBERS.len()]),
            diacritics: 0,
            tatweel: 10,
            digits: DigitCounts {
                western: 100,
                arabic_indic: 1_000,
                persian: 10_000,
            },
            entities: Default::default(),
        };
        for t in AWKWARD_TEXTS {
            stats.entities.insert(t.to_string(), t.len());
        }
        Analysis {
            version: crate::CONTRACT_VERSION,
            entities,
            stats,
        }
    }

    fn assert_same_as_serde(analysis: &Analysis) {
        let reference = to_js_compatible_json(analysis).unwrap();
        let fast = analysis_json(analysis);
        if fast != reference {
            let at = fast
                .bytes()
                .zip(reference.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(fast.len().min(reference.len()));
            let from = at.saturating_sub(80);
            panic!(
                "differs at byte {at}:\n fast:  {:?}\n serde: {:?}",
                &fast.as_bytes()[from..(at + 80).min(fast.len())],
                &reference.as_bytes()[from..(at + 80).min(reference.len())]
            );
        }
    }

    #[test]
    fn the_writer_matches_serde_on_every_value_shape_and_awkward_input() {
        for rounds in [0, 1, 2, AWKWARD_NUMBERS.len() * AWKWARD_TEXTS.len()] {
            let analysis = synthetic_analysis(rounds);
            assert_eq!(
                analysis.entities.len(),
                rounds * values(0).len(),
                "every shape is there"
            );
            assert_same_as_serde(&analysis);
        }
        // Spot checks against hand-written JSON, so that both paths are not wrong together.
        let json = analysis_json(&synthetic_analysis(1));
        assert!(json.starts_with(r#"{"version":1,"entities":[{"kind":"person","text":"","start":0,"end":1,"char_start":0,"char_end":1,"byte_start":4294967295,"byte_end":0,"value":{"value":0}}"#), "{json}");
        assert!(json.contains(r#""text":"قال \"الوزير\" إن""#), "{json}");
        assert!(
            json.contains(r#""text":"back\\slash \\u0041 \\\"""#),
            "{json}"
        );
        assert!(
            json.contains(r#""\u0000\u0001\b\t\n\u000b\f\r\u000e\u001f "#),
            "{json}"
        );
        assert!(json.contains("line\u{2028}para\u{2029}end"), "{json}");
        assert!(json.contains(r#""value":{}}"#), "{json}");
        assert!(
            json.contains(r#""other_letters":18446744073709551615,"arabic_share":0,"diacritics""#),
            "{json}"
        );
    }

    #[test]
    fn every_awkward_number_is_written_as_serde_writes_it() {
        for &v in AWKWARD_NUMBERS {
            for value in [v, -v] {
                let analysis = Analysis {
                    version: 1,
                    entities: vec![],
                    stats: Stats {
                        arabic_share: Num(value),
                        ..Stats::default()
                    },
                };
                assert_same_as_serde(&analysis);
            }
        }
    }

    #[test]
    fn the_writer_matches_serde_on_the_seed_articles() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let analyzer = crate::Analyzer::new();
        let mut seeds = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                for reference_date in [None, Some("2024-03-15".to_string())] {
                    let options = crate::AnalyzeOptions {
                        reference_date,
                        kinds: None,
                    };
                    let analysis = analyzer.analyze(&text, &options).unwrap();
                    assert!(!analysis.entities.is_empty(), "{path:?}");
                    assert_same_as_serde(&analysis);
                }
                seeds += 1;
            }
        }
        assert!(seeds >= 5, "found {seeds} seed articles in {dir}");
    }

    #[test]
    fn integers_are_written_as_rust_writes_them() {
        let mut values = vec![
            0,
            1,
            9,
            u64::from(u32::MAX),
            u64::from(u32::MAX) + 1,
            u64::MAX,
        ];
        for k in 0..20 {
            let p = 10u64.pow(k);
            values.extend([p - 1, p, p + 1, p.saturating_mul(3).saturating_add(7)]);
        }
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.extend([x, x >> (x % 64), x % 100_000]);
        }
        for v in values {
            let mut out = b"x".to_vec();
            write_uint(&mut out, v);
            assert_eq!(&out[1..], format!("{v}").as_bytes(), "{v}");
        }
    }
}
