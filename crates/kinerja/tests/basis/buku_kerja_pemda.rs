//! A workbook from the database, an e-SAKIP PK table, the pemda's tree, several data sets piped.

use super::*;

#[test]
fn a_workbook_is_written_from_the_database_and_read_back() {
    let c = contoh();
    let c = c.to_str().unwrap();
    let dir = std::env::temp_dir().join(format!("kinerja-templat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("isian-2020.xlsx");
    let f = f.to_str().unwrap();
    for b in basis() {
        let db = b.url.as_str();
        ok(&["impor", c, "--db", db]);
        let s = ok(&[
            "templat",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "--tahun",
            "2020",
            "-o",
            f,
        ]);
        // The example's 40 [[indikator]] (tujuan, sasaran, program and kegiatan indicators) and
        // 11 budget lines of 2020 (Belanja Tidak Langsung and 10 kegiatan).
        assert!(s.contains("40 indikator, 11 pos anggaran"), "{s}");
        let s = ok(&["impor", f, "--db", db, "--oleh", "operator"]);
        assert!(
            s.contains("mumbulsari: tidak ada perubahan"),
            "{}: {s}",
            b.nama
        );
        // The workbook names its instansi; another one is refused, and so is --ganti.
        let o = kinerja(&["impor", f, "--db", db, "--instansi", "jember"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("untuk instansi \"mumbulsari\""));
        let o = kinerja(&["impor", f, "--db", db, "--ganti"]);
        assert_eq!(o.status.code(), Some(2));
        selesai(b);
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A PK table as an e-SAKIP portal exports it.
fn esakip_pk(berkas: &Path, opd: &str) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, k) in [
        "Tahun",
        "Tipe",
        "OPD",
        "Sasaran",
        "Indikator",
        "Target",
        "Satuan",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *k).unwrap();
    }
    ws.write_number(1, 0, 2021).unwrap();
    ws.write_string(1, 1, "PK").unwrap();
    ws.write_string(1, 2, opd).unwrap();
    // The example's sasaran S-2 and its indicator I-S2-2 (contoh/mumbulsari/renstra.toml), in
    // a portal's spelling: other case, a final stop, no comma.
    ws.write_string(
        1,
        3,
        "MENINGKATNYA KOORDINASI PEMERINTAHAN DAN PENYELENGGARA PEMERINTAHAN DESA.",
    )
    .unwrap();
    ws.write_string(
        1,
        4,
        "Desa yang sudah menyusun dokumen perencanaan penganggaran dengan benar dan tepat waktu",
    )
    .unwrap();
    ws.write_number(1, 5, 95).unwrap();
    ws.write_string(1, 6, "%").unwrap();
    wb.save(berkas).unwrap();
}

#[test]
fn an_esakip_pk_table_is_mapped_shown_and_written_on_confirmation() {
    let c = contoh();
    let c = c.to_str().unwrap();
    let dir = std::env::temp_dir().join(format!("kinerja-esakip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("pk.xlsx");
    for b in basis() {
        let db = b.url.as_str();
        ok(&["impor", c, "--db", db]);
        esakip_pk(&f, "Kecamatan Mumbulsari");
        let fs = f.to_str().unwrap();
        let s = ok(&["impor", fs, "--esakip", "--db", db]);
        // Every name matched, each id in its column.
        assert!(!s.contains("(tidak cocok)"), "{s}");
        assert!(
            s.contains("│ Sheet1!A2 ┆ mumbulsari ┆ S-2     ┆ I-S2-2    ┆"),
            "{s}"
        );
        assert!(s.contains("Belum ada yang ditulis"), "{s}");
        let s = ok(&["impor", fs, "--esakip", "--ya", "--db", db]);
        assert!(
            s.contains("mumbulsari: 1 ditambah, 0 diubah"),
            "{}: {s}",
            b.nama
        );
        esakip_pk(&f, "Kecamatan Tidak Ada");
        let o = kinerja(&["impor", fs, "--esakip", "--ya", "--db", db]);
        assert_eq!(o.status.code(), Some(1));
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains("Sheet1!A2 ┆ (tidak cocok)"), "{e}");
        selesai(b);
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `salin-pohon` on a stored pemda: through the one write path, an audit row per new node, and
/// the copy refused a second time with nothing written.
#[test]
fn the_pemdas_tree_is_copied_in_the_database() {
    let kab = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/pemda-jember/kabupaten");
    for b in basis() {
        let db = b.url.as_str();
        ok(&["impor", kab.to_str().unwrap(), "--db", db]);
        let s = ok(&[
            "salin-pohon",
            "--db",
            db,
            "--instansi",
            "jember",
            "--tahun",
            "2021",
        ]);
        assert_eq!(
            s, "pohon kinerja jember disalin ke tahun 2021: 17 simpul\n",
            "{}",
            b.nama
        );
        let s = ok(&[
            "pohon",
            "--db",
            db,
            "--instansi",
            "jember",
            "--tahun",
            "2021",
        ]);
        assert!(s.contains("disalin dari pohon pohon-2020"), "{s}");
        assert!(
            s.contains("- [individu] Terlaksananya perekaman KTP-el keliling ke desa (DSP-4-2021)"),
            "{s}"
        );
        let j = ok(&[
            "jejak",
            "--db",
            db,
            "--instansi",
            "jember",
            "--tabel",
            "simpul",
            "--format",
            "json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        // 17 nodes imported, 17 copied.
        assert_eq!(v.as_array().unwrap().len(), 34, "{}", b.nama);
        // The pemda reviu from the database reads the data sets below the pemda that are
        // stored: Mumbulsari's and the Dinas Kesehatan's, not Dispendukcapil's (not imported).
        ok(&["impor", contoh().to_str().unwrap(), "--db", db]);
        let dinkes = kab.join("../dinkes");
        ok(&["impor", dinkes.to_str().unwrap(), "--db", db]);
        let o = kinerja(&[
            "periksa",
            "--db",
            db,
            "--instansi",
            "jember",
            "--tahun",
            "2020",
        ]);
        let s = String::from_utf8_lossy(&o.stdout);
        assert!(s.contains("kunci: mumbulsari|S-2"), "{}: {s}", b.nama);
        assert!(s.contains("kunci: dinkes|DKS-SK-2"), "{s}");
        assert!(!s.contains("dispendukcapil|"), "{s}");
        let o = kinerja(&[
            "salin-pohon",
            "--db",
            db,
            "--instansi",
            "jember",
            "--tahun",
            "2021",
        ]);
        assert!(!o.status.success());
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(
            e.contains("pohon kinerja tahun 2021 sudah ada (\"pohon-2021\")"),
            "{e}"
        );
        selesai(b);
    }
}

/// Several data sets in one command (a kabupaten's OPDs): each imported in turn; with the
/// output piped no progress bar is drawn (standard error stays empty); a refused one stops
/// the run, the ones before it stay, the ones after it are not read.
#[test]
fn several_data_sets_import_in_turn_quietly_when_piped() {
    let dir = std::env::temp_dir().join(format!("kinerja-impor-banyak-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut jalur = Vec::new();
    for j in 0..3 {
        let p = dir.join(format!("opd-{j}"));
        std::fs::create_dir_all(&p).unwrap();
        kinerja_berkas::tulis(&kinerja_sintetis::nasional::opd(0, j), &p.join("data.toml"))
            .unwrap();
        jalur.push(p.to_str().unwrap().to_string());
    }
    let rusak = dir.join("rusak.toml");
    std::fs::write(&rusak, "[[instansi]]\nid = \"x\"\n").unwrap();
    let b = basis().remove(0);
    let db = b.url.as_str();
    let mut args = vec!["impor"];
    args.extend(jalur.iter().map(String::as_str));
    args.extend(["--db", db]);
    let o = kinerja(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = String::from_utf8_lossy(&o.stdout);
    for j in 0..3 {
        assert!(s.contains(&format!("kab-000-opd-0{j}: ")), "{s}");
    }
    assert_eq!(s.matches(" ditambah, 0 diubah").count(), 3, "{s}");
    assert!(o.stderr.is_empty(), "no bar when piped: {:?}", o.stderr);
    // Again with a bad file second: the first is unchanged, the run stops there.
    let o = kinerja(&[
        "impor",
        &jalur[0],
        rusak.to_str().unwrap(),
        &jalur[2],
        "--db",
        db,
        "--diam",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("kab-000-opd-00: tidak ada perubahan"), "{e}");
    assert!(e.contains("rusak.toml dibatalkan"), "{e}");
    assert!(
        e.contains("1 data sebelumnya sudah diimpor; 1 berikutnya tidak"),
        "{e}"
    );
    selesai(b);
    let _ = std::fs::remove_dir_all(&dir);
}
