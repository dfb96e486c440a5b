//! The package: docx-rs's XML completed where it falls short, then zipped reproducibly.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use kinerja_grafik::tanpa_kendali;

use crate::GalatDocx;

/// Marker written by docx-rs for `PageNumType::chap_style`, replaced by `w:fmt` (docx-rs 0.4.22
/// cannot write the page number format).
const PENANDA_ROMAWI: &str = "w:chapStyle=\"kinerja-romawi\"";

/// What docx-rs 0.4.22 cannot write, added to its XML: repeated header rows, roman page
/// numbers, "update fields on open" so Word fills in the table of contents, and text without
/// the control characters XML cannot hold.
pub(crate) fn perbaiki(mut xml: XMLDocx) -> XMLDocx {
    // Paragraph ids come from a per-thread counter in docx-rs, assigned when a paragraph is
    // created: number them afresh so they depend on this document only.
    // Control characters in the user's text reach the XML as they are: replaced here, as
    // everywhere else kinerja writes markup.
    let mut n = 0;
    let doc = nomori_paragraf(
        &tanpa_kendali(&String::from_utf8_lossy(&xml.document)),
        &mut n,
    );
    for f in &mut xml.footers {
        *f = nomori_paragraf(&tanpa_kendali(&String::from_utf8_lossy(f)), &mut n).into_bytes();
    }
    let doc = doc
        .replace(
            "<w:trPr><w:cantSplit />",
            "<w:trPr><w:cantSplit /><w:tblHeader />",
        )
        .replace(PENANDA_ROMAWI, "w:fmt=\"lowerRoman\"");
    xml.document = doc.into_bytes();
    let set = String::from_utf8_lossy(&xml.settings);
    if let Some(i) = set.rfind("</w:settings>") {
        let mut s = set[..i].to_string();
        s.push_str("<w:updateFields w:val=\"true\" /></w:settings>");
        xml.settings = s.into_bytes();
    }
    // docx-rs names every picture `.png`; a JPEG logo is named for what it is (the package's
    // content types map `jpeg` to image/jpeg), in the relationships and in `kemas`.
    let mut rels = String::from_utf8_lossy(&xml.document_rels).into_owned();
    for (nama, isi) in &xml.media {
        let ext = ekstensi(isi);
        if ext != "png" {
            rels = rels.replace(
                &format!("media/{nama}.png\""),
                &format!("media/{nama}.{ext}\""),
            );
        }
    }
    xml.document_rels = rels.into_bytes();
    let gaya = String::from_utf8_lossy(&xml.styles);
    // Indonesian as the proofing language.
    xml.styles = gaya
        .replacen("</w:rFonts>", "</w:rFonts><w:lang w:val=\"id-ID\" />", 1)
        .into_bytes();
    xml
}

/// A picture's file extension from its content: charts are PNG, a logo PNG or JPEG.
fn ekstensi(isi: &[u8]) -> &'static str {
    if isi.starts_with(b"\xff\xd8\xff") {
        "jpeg"
    } else {
        "png"
    }
}

/// Renumbers `w14:paraId="…"` (8 hex digits) in document order.
fn nomori_paragraf(xml: &str, n: &mut u32) -> String {
    const ATRIBUT: &str = "w14:paraId=\"";
    let mut hasil = String::with_capacity(xml.len());
    let mut sisa = xml;
    while let Some(i) = sisa.find(ATRIBUT) {
        let mulai = i + ATRIBUT.len();
        let Some(j) = sisa[mulai..].find('"') else {
            break;
        };
        *n += 1;
        hasil.push_str(&sisa[..mulai]);
        hasil.push_str(&format!("{:08X}", *n));
        sisa = &sisa[mulai + j..];
    }
    hasil.push_str(sisa);
    hasil
}

/// Writes the package with fixed entry times (1980-01-01, the zip epoch) and deflate, in a
/// fixed order: the same parts give the same bytes.
pub(crate) fn kemas(xml: XMLDocx) -> Result<Vec<u8>, GalatDocx> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opsi = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut tulis = |nama: &str, isi: &[u8]| -> Result<(), GalatDocx> {
        z.start_file(nama, opsi)?;
        z.write_all(isi)?;
        Ok(())
    };
    tulis("[Content_Types].xml", &xml.content_type)?;
    tulis("_rels/.rels", &xml.rels)?;
    tulis("docProps/app.xml", &xml.doc_props.app)?;
    tulis("docProps/core.xml", &xml.doc_props.core)?;
    tulis("docProps/custom.xml", &xml.doc_props.custom)?;
    tulis("word/_rels/document.xml.rels", &xml.document_rels)?;
    tulis("word/document.xml", &xml.document)?;
    tulis("word/styles.xml", &xml.styles)?;
    tulis("word/settings.xml", &xml.settings)?;
    tulis("word/fontTable.xml", &xml.font_table)?;
    tulis("word/comments.xml", &xml.comments)?;
    tulis("word/numbering.xml", &xml.numberings)?;
    tulis("word/commentsExtended.xml", &xml.comments_extended)?;
    tulis("word/footnotes.xml", &xml.footnotes)?;
    for (i, h) in xml.headers.iter().enumerate() {
        tulis(&format!("word/header{}.xml", i + 1), h)?;
        if let Some(r) = xml.header_rels.get(i) {
            tulis(&format!("word/_rels/header{}.xml.rels", i + 1), r)?;
        }
    }
    for (i, f) in xml.footers.iter().enumerate() {
        tulis(&format!("word/footer{}.xml", i + 1), f)?;
        if let Some(r) = xml.footer_rels.get(i) {
            tulis(&format!("word/_rels/footer{}.xml.rels", i + 1), r)?;
        }
    }
    let mut media = xml.media;
    media.sort_by(|a, b| a.0.cmp(&b.0));
    for (nama, isi) in &media {
        tulis(&format!("word/media/{nama}.{}", ekstensi(isi)), isi)?;
    }
    Ok(z.finish()?.into_inner())
}
