//! File readers shared by the CLI, the page (through the wasm crate) and the
//! fuzzers: bytes of a file to text. [`read_file`] picks the format from the
//! file name and the content ([`Format`]), decodes the bytes
//! ([`encoding::decode`]) and extracts the text of HTML ([`html`]) and `.docx`
//! ([`docx`]) files. Nothing here panics on any input; every failure is an
//! [`InputError`] that says how to recover.

pub mod docx;
pub mod encoding;
pub mod html;

pub use encoding::{Encoding, EncodingChoice};
use std::fmt;

/// What kind of file the text was extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML document (tags, scripts and styles dropped).
    Html,
    /// A Word document (`.docx`): the paragraphs of `word/document.xml`.
    Docx,
}

impl Format {
    /// The format's name: `text`, `html` or `docx`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not text (NUL bytes, control characters, or no supported
    /// encoding reads them as Arabic text). Recover: save the file as text
    /// (UTF-8) or as .docx/.html, or copy and paste its text; if it is text in
    /// a known encoding, say which (`--encoding` in the CLI).
    Binary(String),
    /// The bytes are not valid in the encoding asked for (or found by its
    /// BOM); `offset` is the first bad byte. Recover: name the right encoding,
    /// or `auto` to detect it.
    Invalid {
        /// The encoding's name ([`Encoding::name`]).
        encoding: &'static str,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A `.docx` file that is damaged, not a Word document, or too large once
    /// inflated. Recover: open and save it again in a word processor, or copy
    /// its text.
    Docx(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary(why) => write!(
                f,
                "not a text file ({why}); save it as UTF-8 text, or name its encoding"
            ),
            InputError::Invalid { encoding, offset } => write!(
                f,
                "not valid {encoding} (bad byte at offset {offset}); name the right encoding or use auto"
            ),
            InputError::Docx(why) => write!(
                f,
                "not a readable .docx file ({why}); save it again from a word processor or paste its text"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// The text read from a file, with how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// How the bytes were decoded (`.docx` text is always UTF-8).
    pub encoding: Encoding,
    /// What the text was extracted from.
    pub format: Format,
}

/// File-name extensions read as HTML.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// The start of every ZIP archive (and so of every .docx).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The format of a file from its name and first bytes: `.docx` or a ZIP
/// archive is a Word document; `.html`/`.htm`, or a text starting with
/// `<!doctype html` or `<html` when the name has no extension, is HTML.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let ext = extension(name);
    if ext == "docx" || bytes.starts_with(ZIP_MAGIC) {
        return Format::Docx;
    }
    if HTML_EXTENSIONS.contains(&ext.as_str()) {
        return Format::Html;
    }
    if ext.is_empty() {
        let head = &bytes[..bytes.len().min(64)];
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&[][..], |p| &head[p..]);
        let lower = start.to_ascii_lowercase();
        if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
            return Format::Html;
        }
    }
    Format::Text
}

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Reads a file: `name` (only its extension matters) and `bytes`, decoded as
/// `encoding` says (ignored for `.docx`, which is UTF-8 inside).
pub fn read_file(
    name: &str,
    bytes: &[u8],
    encoding: EncodingChoice,
) -> Result<Decoded, InputError> {
    match detect_format(name, bytes) {
        Format::Docx => Ok(Decoded {
            text: docx::docx_to_text(bytes)?,
            encoding: Encoding::Utf8,
            format: Format::Docx,
        }),
        format => {
            let (text, encoding) = encoding::decode(bytes, encoding)?;
            let text = if format == Format::Html {
                html::html_to_text(&text)
            } else {
                text
            };
            Ok(Decoded {
                text,
                encoding,
                format,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_name_and_content() {
        assert_eq!(detect_format("a.DOCX", b""), Format::Docx);
        assert_eq!(detect_format("a.txt", b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(detect_format("dir/page.htm", b"x"), Format::Html);
        assert_eq!(detect_format("page", b"  <!DOCTYPE html><p>"), Format::Html);
        assert_eq!(detect_format("notes.txt", b"<html>"), Format::Text);
        assert_eq!(detect_format(".html", b"x"), Format::Text);
    }

    #[test]
    fn read_file_dispatches() {
        let html = read_file(
            "x.html",
            "<p>نص</p><p>ثان</p>".as_bytes(),
            EncodingChoice::Auto,
        )
        .unwrap();
        assert_eq!(html.text, "نص\nثان");
        assert_eq!((html.format, html.encoding), (Format::Html, Encoding::Utf8));
        let z = docx::tests::zip(&[("word/document.xml", docx::tests::BODY.as_bytes())], true);
        let d = read_file("x.docx", &z, EncodingChoice::Windows1256).unwrap();
        assert_eq!(d.format, Format::Docx);
        assert!(d.text.starts_with("ارتفع التضخم"));
        let e = read_file("x.txt", b"\x00\x01\x02", EncodingChoice::Auto).unwrap_err();
        assert!(e.to_string().starts_with("not a text file"));
        assert!(!e.to_string().contains('\n'));
    }
}
