//! The pohon kinerja as PDF: each drawing (`kinerja_grafik::pohon`, one per root or one for the
//! whole tree) on its own A3 landscape page, scaled to fit, with its title as alt text.
//! Reproducible like the report: the same drawings give the same bytes.

use super::{Dunia, GalatPdf, UTAMA, cetak_dunia, tanggal_dokumen};
use serde_json::json;
use typst::foundations::Bytes;
use typst::syntax::Source;

const TEMPLAT: &str = r#"#let d = json("/data.json")
#set document(title: d.judul)
#set text(lang: "id", size: 9pt)
#set page(paper: "a3", flipped: true, margin: 10mm)
#for (i, h) in d.halaman.enumerate() {
  if i > 0 { pagebreak() }
  align(center + horizon, image(h.berkas, width: 100%, height: 100%, fit: "contain", alt: h.alt))
}
"#;

/// `halaman`: (alt text, SVG) per page. `ident` names the tree (pemda, year, data fingerprint).
pub fn pdf_pohon(
    judul: &str,
    ident: &str,
    tahun: u16,
    versi: &str,
    halaman: &[(String, String)],
) -> Result<Vec<u8>, GalatPdf> {
    let data = json!({
        "judul": judul,
        "halaman": halaman
            .iter()
            .enumerate()
            .map(|(i, (alt, _))| json!({ "berkas": format!("/grafik/{i}.svg"), "alt": alt }))
            .collect::<Vec<_>>(),
    });
    let dunia = Dunia {
        utama: Source::new(*UTAMA, TEMPLAT.to_string()),
        data: Bytes::from_string(data.to_string()),
        grafik: halaman
            .iter()
            .map(|(_, svg)| Bytes::from_string(svg.clone()))
            .collect(),
        logo: None,
        tanggal: tanggal_dokumen(tahun),
    };
    cetak_dunia(
        &dunia,
        format!("kinerja/pohon/{ident}"),
        versi,
        tahun,
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_prints_one_a3_page_per_drawing_and_is_reproducible() {
        let k = kinerja_grafik::pohon::Kotak {
            tingkat: "strategis pemda".into(),
            uraian: "Meningkatnya Kualitas Pelayanan Publik".into(),
            capaian: "Capaian 95,00 % · Baik".into(),
            ..Default::default()
        };
        let svg = kinerja_grafik::pohon::pohon("Pohon Kinerja", &[k]);
        let h = vec![("satu".to_string(), svg.clone()), ("dua".to_string(), svg)];
        let a = pdf_pohon("Pohon Kinerja Uji 2020", "uji/2020", 2020, "0.0.0", &h).unwrap();
        let b = pdf_pohon("Pohon Kinerja Uji 2020", "uji/2020", 2020, "0.0.0", &h).unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert_eq!(a, b);
        // pdfinfo (poppler-utils, as the report's tests use) prints each page's size: A3 on its
        // side is 420 x 297 mm = 1190,55 x 841,89 pt.
        let berkas = std::env::temp_dir().join(format!("kinerja-pohon-{}.pdf", std::process::id()));
        std::fs::write(&berkas, &a).unwrap();
        let out = std::process::Command::new("pdfinfo")
            .args(["-f", "1", "-l", "99"])
            .arg(&berkas)
            .output();
        let _ = std::fs::remove_file(&berkas);
        let Ok(out) = out else {
            assert!(std::env::var_os("KINERJA_CI").is_none(), "pdfinfo missing");
            return;
        };
        let info = String::from_utf8_lossy(&out.stdout);
        let ukuran: Vec<&str> = info
            .lines()
            .filter(|l| l.starts_with("Page") && l.contains("size:"))
            .collect();
        assert_eq!(ukuran.len(), 2, "{info}");
        assert!(
            ukuran.iter().all(|l| l.contains("1190.55 x 841.89")),
            "{info}"
        );
    }
}
