//! JSON output that matches JavaScript's `JSON.stringify` byte for byte.
//!
//! serde_json prints floats the way Rust does (`1e20`, `1.5e-5`), while JavaScript
//! prints `100000000000000000000` and `0.000015`. The analysis reaches users both
//! ways (the CLI and `analyzeJson` through serde_json, `analyze` as a JS object that
//! callers stringify), so every float goes through [`JsNumberFormatter`], which
//! writes numbers by ECMAScript's `Number.prototype.toString` rules.

use serde::Serialize;
use serde_json::ser::Formatter;
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
    if !value.is_finite() {
        return "null".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    // Rust's `{:e}` gives the shortest round-tripping digits: `1.2345e-7`.
    let scientific = format!("{:e}", value.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .expect("LowerExp always writes an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent
        .parse()
        .expect("LowerExp writes an integer exponent");
    let k = digits.len() as i32;
    // ECMAScript's n: value = 0.digits × 10^n.
    let n = exponent + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let exp_sign = if n - 1 < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        if rest.is_empty() {
            format!("{first}e{exp_sign}{}", (n - 1).abs())
        } else {
            format!("{first}.{rest}e{exp_sign}{}", (n - 1).abs())
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
