//! `.docx` to text: the ZIP central directory, the entry `word/document.xml`
//! (stored or deflated, inflated with `miniz_oxide` under a size limit), and
//! its paragraphs (`w:p`) as lines: `w:t` text, `w:tab` a tab, `w:br`/`w:cr`
//! a line break. Every offset read from the file is bounds-checked.

use super::html::decode_entities_into;
use super::InputError;

/// The most bytes `word/document.xml` may inflate to (a guard against ZIP bombs).
pub const MAX_DOCUMENT_XML: usize = 256 << 20;

/// The entry holding the document's body.
const DOCUMENT_XML: &str = "word/document.xml";

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    )))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

fn broken(why: &str) -> InputError {
    InputError::Docx(why.to_string())
}

/// The text of a .docx file, one paragraph per line.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, InputError> {
    let xml = read_entry(bytes, DOCUMENT_XML)?;
    let xml = std::str::from_utf8(&xml).map_err(|_| broken("word/document.xml is not UTF-8"))?;
    Ok(document_xml_to_text(xml))
}

/// The uncompressed bytes of the ZIP entry `name`.
pub fn read_entry(zip: &[u8], name: &str) -> Result<Vec<u8>, InputError> {
    // End of central directory: 22 bytes plus a comment of up to 65535.
    let lowest = zip.len().saturating_sub(22 + 65535);
    let eocd = (lowest..=zip.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(zip, i) == Some(0x0605_4b50))
        .ok_or_else(|| broken("it is not a ZIP archive (no central directory)"))?;
    let count = u16_at(zip, eocd + 10).ok_or_else(|| broken("truncated"))?;
    let mut p = u32_at(zip, eocd + 16).ok_or_else(|| broken("truncated"))?;
    for _ in 0..count {
        if u32_at(zip, p) != Some(0x0201_4b50) {
            return Err(broken("its central directory is damaged"));
        }
        let field = |off: usize, wide: bool| {
            if wide {
                u32_at(zip, p + off)
            } else {
                u16_at(zip, p + off)
            }
            .ok_or_else(|| broken("truncated central directory"))
        };
        let method = field(10, false)?;
        let compressed = field(20, true)?;
        let size = field(24, true)?;
        let name_len = field(28, false)?;
        let extra_len = field(30, false)?;
        let comment_len = field(32, false)?;
        let offset = field(42, true)?;
        let entry_name = zip
            .get(p + 46..p + 46 + name_len)
            .ok_or_else(|| broken("truncated entry name"))?;
        if entry_name == name.as_bytes() {
            return read_local(zip, offset, method, compressed, size);
        }
        p += 46 + name_len + extra_len + comment_len;
    }
    Err(broken("it has no word/document.xml (not a Word document)"))
}

fn read_local(
    zip: &[u8],
    offset: usize,
    method: usize,
    compressed: usize,
    size: usize,
) -> Result<Vec<u8>, InputError> {
    if u32_at(zip, offset) != Some(0x0403_4b50) {
        return Err(broken("bad local header"));
    }
    let name_len = u16_at(zip, offset + 26).ok_or_else(|| broken("truncated"))?;
    let extra_len = u16_at(zip, offset + 28).ok_or_else(|| broken("truncated"))?;
    let start = offset + 30 + name_len + extra_len;
    let data = start
        .checked_add(compressed)
        .and_then(|end| zip.get(start..end))
        .ok_or_else(|| broken("an entry runs past the end of the file"))?;
    match method {
        0 => Ok(data.to_vec()),
        8 => {
            let limit = MAX_DOCUMENT_XML
                .min(size.max(1).saturating_mul(2))
                .max(1 << 16);
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit)
                .map_err(|_| broken("its text cannot be inflated (damaged or too large)"))
        }
        m => Err(InputError::Docx(format!(
            "compression method {m} is not supported"
        ))),
    }
}

/// The paragraphs of a WordprocessingML body, one per line.
pub fn document_xml_to_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_text = false;
    let mut seen_paragraph = false;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if in_text {
            decode_entities_into(&rest[..lt], &mut out);
        }
        rest = &rest[lt + 1..];
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match (name, closing) {
            ("w:p", false) => {
                if seen_paragraph {
                    out.push('\n');
                }
                seen_paragraph = true;
            }
            ("w:t", false) => in_text = !tag.ends_with('/'),
            ("w:t", true) => in_text = false,
            ("w:tab", false) => out.push('\t'),
            ("w:br" | "w:cr", false) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A ZIP archive with the given entries, deflated when `deflate` is set.
    pub(crate) fn zip(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let body = if deflate {
                miniz_oxide::deflate::compress_to_vec(data, 6)
            } else {
                data.to_vec()
            };
            let method: u16 = if deflate { 8 } else { 0 };
            let offset = out.len() as u32;
            out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            out.extend_from_slice(&[20, 0, 0, 0]);
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&[0; 8]); // time, date, crc
            out.extend_from_slice(&(body.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&body);
            central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            central.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
            central.extend_from_slice(&method.to_le_bytes());
            central.extend_from_slice(&[0; 8]);
            central.extend_from_slice(&(body.len() as u32).to_le_bytes());
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(name.len() as u16).to_le_bytes());
            central.extend_from_slice(&[0; 12]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    pub(crate) const BODY: &str = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>ارتفع التضخم</w:t></w:r><w:r><w:t xml:space="preserve"> إلى 5% &amp; أكثر</w:t></w:r></w:p>
<w:p><w:pPr/><w:r><w:t>سطر</w:t><w:tab/><w:t>ثان</w:t><w:br/><w:t>ثالث</w:t></w:r></w:p><w:p/>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_become_lines_stored_and_deflated() {
        let expected = "ارتفع التضخم إلى 5% & أكثر\nسطر\tثان\nثالث\n";
        for deflate in [false, true] {
            let z = zip(
                &[
                    ("[Content_Types].xml", b"<x/>"),
                    (DOCUMENT_XML, BODY.as_bytes()),
                ],
                deflate,
            );
            assert_eq!(docx_to_text(&z).unwrap(), expected);
        }
    }

    #[test]
    fn broken_archives_are_errors_not_panics() {
        let good = zip(&[(DOCUMENT_XML, BODY.as_bytes())], true);
        for cut in 0..good.len() {
            let _ = docx_to_text(&good[..cut]);
        }
        let mut flipped = good.clone();
        for i in 0..flipped.len() {
            flipped[i] ^= 0xFF;
            let _ = docx_to_text(&flipped);
            flipped[i] ^= 0xFF;
        }
        assert!(matches!(
            docx_to_text(b"not a zip"),
            Err(InputError::Docx(_))
        ));
        let no_doc = zip(&[("other.xml", b"x")], false);
        assert!(matches!(docx_to_text(&no_doc), Err(InputError::Docx(_))));
    }

    #[test]
    fn zip_bomb_is_refused() {
        let big = vec![b'a'; 1 << 20];
        let mut z = zip(&[(DOCUMENT_XML, &big)], true);
        // Lie about the size: inflating stops near the size announced.
        let cd = u32_at(&z, z.len() - 6).unwrap();
        z[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        assert!(matches!(docx_to_text(&z), Err(InputError::Docx(_))));
    }
}
