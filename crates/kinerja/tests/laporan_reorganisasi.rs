//! `kinerja laporan` of an instansi formed by a merge (`contoh/reorganisasi`: A and B into C in
//! 2021): from files the predecessors come with `--pendahulu` (a data set that is no
//! predecessor is refused); from a database they are read by themselves, in the single report
//! and in the batch alike (byte-identical). Figures by hand in contoh/reorganisasi/README.md:
//! 2020 = (1 + 18) / (2 + 20) x 100 = 86,3636... → 86,36 %; 2021 = 15 / 22 x 100 → 68,18 %.

#[allow(dead_code)]
mod bersama;

use bersama::{contoh, jalan, kinerja};
use std::path::PathBuf;

fn folder(nama: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kinerja-laporan-reorg-{}-{nama}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the command, which must succeed, and returns the HTML it wrote.
fn laporan(args: &[&str], keluaran: &std::path::Path) -> String {
    let mut semua = args.to_vec();
    semua.extend(["--format", "html", "-o", keluaran.to_str().unwrap()]);
    let o = kinerja(&semua);
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(keluaran).unwrap()
}

const SUMBER_2020: &str = "Realisasi 2020: gabungan dari Kecamatan A dan Kecamatan B (rasio \
                           jumlah pembilang dan penyebut unit, 2 dari 2 unit melapor).";

#[test]
fn from_files_the_predecessors_come_with_pendahulu() {
    let dir = folder("berkas");
    let (a, b, c) = (
        contoh("reorganisasi/kec-a.toml"),
        contoh("reorganisasi/kec-b.toml"),
        contoh("reorganisasi/kec-c.toml"),
    );
    let html = laporan(
        &["laporan", &c, "--pendahulu", &a, "--pendahulu", &b],
        &dir.join("c.html"),
    );
    assert!(html.contains("<td class=\"kanan\">86,36</td>"), "{html}");
    assert!(html.contains(SUMBER_2020), "{html}");
    // Without them the years before the merge are not available, and the note says whose
    // data sets are missing (no roll-up is claimed over none).
    let tanpa = laporan(&["laporan", &c], &dir.join("c-tanpa.html"));
    assert!(!tanpa.contains("86,36"), "{tanpa}");
    assert!(
        tanpa.contains(
            "Realisasi 2020: gabungan dari Kecamatan A dan Kecamatan B; data Kecamatan A dan \
             Kecamatan B tidak tersedia."
        ),
        "{tanpa}"
    );
    assert!(!tanpa.contains("0 dari 0 unit"), "{tanpa}");

    // A data set that is no predecessor of C is refused, naming the file and why; nothing is
    // written.
    let salah = dir.join("salah.html");
    let m = contoh("mumbulsari");
    let o = kinerja(&[
        "laporan",
        &c,
        "--pendahulu",
        &m,
        "--format",
        "html",
        "-o",
        salah.to_str().unwrap(),
    ]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("data \"mumbulsari\" bukan pendahulu \"kec-c\""),
        "{e}"
    );
    assert!(!salah.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn from_a_database_the_predecessors_are_read_in_the_single_report_and_the_batch() {
    for b in jalan(kinerja_simpan::uji::semua_basis()) {
        let db = b.url.as_str();
        for d in ["kec-a.toml", "kec-b.toml", "kec-c.toml"] {
            let o = kinerja(&["impor", &contoh(&format!("reorganisasi/{d}")), "--db", db]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let dir = folder(b.nama);
        let satu = laporan(
            &["laporan", "--db", db, "--instansi", "kec-c"],
            &dir.join("satu.html"),
        );
        assert!(
            satu.contains("<td class=\"kanan\">86,36</td>"),
            "{}: {satu}",
            b.nama
        );
        assert!(satu.contains(SUMBER_2020), "{satu}");

        let banyak = dir.join("banyak");
        let o = kinerja(&[
            "laporan",
            "--db",
            db,
            "--kabupaten",
            "kab-gabung",
            "--tahun",
            "2021",
            "--format",
            "html",
            "-o",
            banyak.to_str().unwrap(),
        ]);
        let s = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{}: {s}", b.nama);
        assert!(s.contains("1 laporan tahun 2021 ditulis"), "{s}");
        assert_eq!(
            std::fs::read_to_string(banyak.join("kec-c.html")).unwrap(),
            satu,
            "{}",
            b.nama
        );
        let _ = std::fs::remove_dir_all(dir);
        jalan(b.selesai());
    }
}
