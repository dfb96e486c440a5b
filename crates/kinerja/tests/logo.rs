//! The pemda's emblem beside the data (`logo.png`, `logo.jpg`): printed on the cover in every
//! rendering, checked for type and size (a refused file names itself and no report is written),
//! and part of the report's fingerprint.

#[allow(dead_code)] // these tests use only `kinerja`
mod bersama;

use bersama::kinerja;
use std::path::{Path, PathBuf};

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

/// A copy of the example's data in a fresh folder `nama` under the test's temporary directory.
fn salinan(nama: &str) -> (PathBuf, PathBuf) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(nama);
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for f in std::fs::read_dir(contoh()).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, data.join(f.file_name().unwrap())).unwrap();
    }
    (dir, data)
}

/// `kinerja laporan DATA --format F --paksa -o OUT`: (success, stdout, stderr).
fn lapor(data: &Path, format: &str, keluaran: &Path) -> (bool, String, String) {
    let o = kinerja(&[
        "laporan",
        data.to_str().unwrap(),
        "--format",
        format,
        "--paksa",
        "-o",
        keluaran.to_str().unwrap(),
    ]);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The fingerprint the command reports ("sidik data 0123456789ab").
fn sidik(stdout: &str) -> String {
    let i = stdout.find("sidik data ").expect(stdout) + "sidik data ".len();
    stdout[i..i + 12].to_string()
}

fn png(judul: &str) -> Vec<u8> {
    kinerja_grafik::svg_ke_png(&kinerja_grafik::serapan(judul, &[]), 1.0).unwrap()
}

/// A real baseline JPEG, 120 x 150 pixels (red disc on white), as a camera or an editor writes it.
fn jpeg() -> Vec<u8> {
    let (w, h) = (120u32, 150u32);
    let mut px = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as i64 - 60, y as i64 - 75);
            px.extend(if dx * dx + dy * dy < 50 * 50 {
                [200, 20, 20]
            } else {
                [255, 255, 255]
            });
        }
    }
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(&px, w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// `logo.png` beside the data goes on the cover; a file that is not a PNG is refused, naming
/// the file, and no report is written.
#[test]
fn the_logo_beside_the_data_is_used_and_checked() {
    let (dir, data) = salinan("logo-png");
    let gambar = |b: &[u8]| b.windows(14).filter(|w| w == b"/Subtype/Image").count();
    let tanpa = dir.join("tanpa.pdf");
    assert!(lapor(&data, "pdf", &tanpa).0);
    std::fs::write(data.join("logo.png"), png("Lambang")).unwrap();
    let dengan = dir.join("dengan.pdf");
    let (ok, _, e) = lapor(&data, "pdf", &dengan);
    assert!(ok, "{e}");
    assert!(
        gambar(&std::fs::read(&dengan).unwrap()) > gambar(&std::fs::read(&tanpa).unwrap()),
        "no logo on the cover"
    );
    std::fs::write(data.join("logo.png"), b"GIF89a not a png").unwrap();
    let salah = dir.join("salah.pdf");
    let (ok, _, e) = lapor(&data, "pdf", &salah);
    assert!(!ok);
    assert!(
        e.contains("logo.png") && e.contains("bukan berkas PNG atau JPEG"),
        "{e}"
    );
    assert!(!salah.exists());
}

/// A JPEG emblem (`logo.jpg`) is printed in every rendering as a JPEG: in the PDF as a DCT image,
/// in the DOCX as a `.jpeg` part, in the HTML as an image/jpeg data URI.
#[test]
fn a_jpeg_logo_is_printed_in_every_format() {
    let (dir, data) = salinan("logo-jpeg");
    let jpg = jpeg();
    std::fs::write(data.join("logo.jpg"), &jpg).unwrap();
    let pdf = dir.join("l.pdf");
    let (ok, _, e) = lapor(&data, "pdf", &pdf);
    assert!(ok, "{e}");
    let isi = std::fs::read(&pdf).unwrap();
    assert!(
        isi.windows(9).any(|w| w == b"DCTDecode"),
        "the JPEG is not embedded as a JPEG"
    );
    let docx = dir.join("l.docx");
    let (ok, _, e) = lapor(&data, "docx", &docx);
    assert!(ok, "{e}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut bagian = Vec::new();
    std::io::Read::read_to_end(
        &mut zip
            .by_name("word/media/rIdImage1.jpeg")
            .expect("the logo part"),
        &mut bagian,
    )
    .unwrap();
    assert_eq!(bagian, jpg);
    let mut rels = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/_rels/document.xml.rels").unwrap(),
        &mut rels,
    )
    .unwrap();
    assert!(rels.contains("Target=\"media/rIdImage1.jpeg\""), "{rels}");
    let html = dir.join("l.html");
    let (ok, _, e) = lapor(&data, "html", &html);
    assert!(ok, "{e}");
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("src=\"data:image/jpeg;base64,/9j/")
    );
}

/// A logo whose content is not what its name says, or two logo files, are refused.
#[test]
fn a_misnamed_logo_and_two_logos_are_refused() {
    let (dir, data) = salinan("logo-salah");
    let keluaran = dir.join("x.pdf");
    std::fs::write(data.join("logo.jpg"), png("Lambang")).unwrap();
    let (ok, _, e) = lapor(&data, "pdf", &keluaran);
    assert!(!ok);
    assert!(
        e.contains("logo.jpg") && e.contains("image/png") && e.contains("logo.png"),
        "{e}"
    );
    std::fs::write(data.join("logo.jpg"), jpeg()).unwrap();
    std::fs::write(data.join("logo.png"), png("Lambang")).unwrap();
    let (ok, _, e) = lapor(&data, "pdf", &keluaran);
    assert!(!ok);
    assert!(e.contains("dua berkas logo"), "{e}");
    assert!(!keluaran.exists());
}

/// The fingerprint covers the logo: the same data with another emblem is another report.
#[test]
fn the_logo_is_part_of_the_fingerprint() {
    let (dir, data) = salinan("logo-sidik");
    let keluaran = dir.join("x.html");
    let sidik_dari = |data: &Path| {
        let (ok, out, e) = lapor(data, "html", &keluaran);
        assert!(ok, "{e}");
        let s = sidik(&out);
        // The file prints the fingerprint the command reports.
        assert!(
            std::fs::read_to_string(&keluaran)
                .unwrap()
                .contains(&format!("sidik data <code>{s}</code>"))
        );
        s
    };
    let tanpa = sidik_dari(&data);
    // Without a logo the fingerprint is the data's alone: the bundled example's.
    let (_, out, _) = lapor(&contoh(), "html", &keluaran);
    assert_eq!(tanpa, sidik(&out));
    std::fs::write(data.join("logo.png"), png("Lambang A")).unwrap();
    let a = sidik_dari(&data);
    std::fs::write(data.join("logo.png"), png("Lambang B")).unwrap();
    let b = sidik_dari(&data);
    std::fs::write(data.join("logo.png"), png("Lambang A")).unwrap();
    let a_lagi = sidik_dari(&data);
    assert!(tanpa != a && a != b && tanpa != b, "{tanpa} {a} {b}");
    assert_eq!(a, a_lagi, "the same logo gives the same fingerprint");
}
