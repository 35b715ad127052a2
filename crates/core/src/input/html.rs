//! HTML to text: tags dropped, the content of `script`, `style`, `noscript`,
//! `template` and `head` dropped, character references decoded, one line per
//! block element, whitespace inside a line collapsed as a browser does.
//! A single pass over the input: linear time, no recursion.

/// Elements whose content is not text to read.
const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "noscript", "template", "head", "title"];

/// Elements that end a line (as in the page's reader, `www/files.js`).
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "figcaption",
    "table",
    "ul",
    "ol",
    "hr",
    "address",
    "main",
    "nav",
    "body",
    "html",
];

/// Named character references understood (the common ones in news pages).
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("shy", '\u{AD}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("percnt", '%'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("dollar", '$'),
];

/// Marks a block boundary while text is collected (a private-use character).
const BLOCK_END: char = '\u{E000}';

/// The text of an HTML document, one line per block.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len() / 2);
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            i += 1;
            continue;
        }
        push_text(&mut raw, &html[text_start..i]);
        if html[i..].starts_with("<!--") {
            i = find_from(html, i + 4, "-->").map_or(bytes.len(), |e| e + 3);
            text_start = i;
            continue;
        }
        let end = tag_end(bytes, i + 1);
        let closing = next == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        let name_len = bytes[name_start.min(end)..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        i = (end + 1).min(bytes.len());
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            raw.push(BLOCK_END);
        }
        if !closing && SKIPPED_ELEMENTS.contains(&name.as_str()) && bytes[end - 1] != b'/' {
            i = skip_element(html, i, &name);
        }
        text_start = i;
    }
    push_text(&mut raw, &html[text_start.min(html.len())..]);
    let mut out = String::with_capacity(raw.len());
    for line in raw.split(BLOCK_END) {
        let mut first = true;
        for word in line.split(is_html_space).filter(|w| !w.is_empty()) {
            if first {
                if !out.is_empty() {
                    out.push('\n');
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// HTML's white space (not the no-break space, which is text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}')
}

fn push_text(out: &mut String, text: &str) {
    let mut decoded = String::with_capacity(text.len());
    decode_entities_into(text, &mut decoded);
    // The text's own U+E000 must not split lines.
    if decoded.contains(BLOCK_END) {
        decoded = decoded.replace(BLOCK_END, " ");
    }
    out.push_str(&decoded);
}

fn find_from(s: &str, from: usize, needle: &str) -> Option<usize> {
    s.get(from..)?.find(needle).map(|p| p + from)
}

/// The index of the `>` that ends the tag starting before `from` (quotes respected),
/// or the end of input.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = 0u8;
    let mut j = from;
    while j < bytes.len() {
        let b = bytes[j];
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            return j;
        }
        j += 1;
    }
    bytes.len()
}

/// Skips to after `</name ...>` (case-insensitive), or to the end.
fn skip_element(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut j = from;
    while let Some(p) = bytes[j..].iter().position(|&b| b == b'<') {
        let at = j + p;
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
            && !rest
                .get(name.len() + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            return (tag_end(bytes, at + 1) + 1).min(bytes.len());
        }
        j = at + 1;
    }
    bytes.len()
}

/// Decodes character references (`&amp;`, `&#1575;`, `&#x627;`) in `text`
/// into `out`; unknown or malformed references stay as written.
pub fn decode_entities_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        match parse_reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The character of the reference at the start of `s` and its length in bytes.
fn parse_reference(s: &str) -> Option<(char, usize)> {
    // Look only at the next 33 bytes: linear time on `&&&&...`.
    let window = &s.as_bytes()[1..s.len().min(34)];
    let body_end = window.iter().position(|&b| b == b';')? + 1;
    let body = &s[1..body_end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        }
    } else {
        NAMED_ENTITIES.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, body_end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_scripts_and_styles_are_dropped() {
        let html = "<!doctype html><html><head><title>t</title><style>p{color:red}</style></head>\
            <body><p class=\"x\">ارتفع <b>التضخم</b> إلى 5%</p><script>alert('<p>x</p>')</script>\
            <div>سطر&nbsp;ثان &amp; &#1575;&#x644;</div><!-- <p>no</p> --></body></html>";
        assert_eq!(html_to_text(html), "ارتفع التضخم إلى 5%\nسطر\u{A0}ثان & ال");
    }

    #[test]
    fn blocks_make_lines_and_whitespace_collapses() {
        assert_eq!(
            html_to_text("<ul><li>a\n  b</li><li>c</li></ul>x<br>y"),
            "a b\nc\nx\ny"
        );
    }

    #[test]
    fn odd_markup_is_text_or_dropped_without_panic() {
        assert_eq!(html_to_text("a < b and 3<4"), "a < b and 3<4");
        assert_eq!(html_to_text("<p title='>'>x</p>"), "x");
        assert_eq!(html_to_text("<script>never closed"), "");
        assert_eq!(html_to_text("<SCRIPT>x</SCRIPT >y"), "y");
        assert_eq!(
            html_to_text("&unknown; &#xZZ; &#0; &"),
            "&unknown; &#xZZ; \u{FFFD} &"
        );
        assert_eq!(html_to_text("<"), "<");
        assert_eq!(html_to_text("<a"), "");
        assert_eq!(html_to_text("<p>&#xE000;a\u{E000}b</p>"), "a b");
    }
}
