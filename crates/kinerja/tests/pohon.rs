//! `kinerja pohon`, `kinerja salin-pohon` and `kinerja periksa --opd` on the example pemda
//! (`contoh/pemda-jember`, see its README for the tree and the findings it is built to show).

#[allow(dead_code)]
mod bersama;

use bersama::kinerja;
use std::path::PathBuf;

fn contoh(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../contoh")
        .join(p)
        .to_string_lossy()
        .into_owned()
}

fn keluar(args: &[&str]) -> (bool, String, String) {
    let o = kinerja(args);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_tree_as_text_and_json() {
    let kab = contoh("pemda-jember/kabupaten");
    let (ok, s, e) = keluar(&["pohon", &kab, "--tahun", "2020"]);
    assert!(ok, "{e}");
    assert!(
        s.starts_with("Pohon Kinerja Kabupaten Jember Tahun 2020 (pohon-2020)\n"),
        "{s}"
    );
    assert!(
        s.contains("simpul per tingkat: strategis pemda 3, strategis OPD 3, taktis 3, operasional 5, individu 3"),
        "{s}"
    );
    // A node three levels down, with its owner's unit, jabatan and NIP.
    assert!(
        s.contains(
            "            - [operasional] Terlayaninya perekaman dan pencetakan KTP-el (DSP-3)\n"
        ),
        "{s}"
    );
    assert!(s.contains("pemilik: Dinas Kependudukan dan Pencatatan Sipil, Seksi Identitas Penduduk, Pengadministrasi Kependudukan, NIP 19850312 201001 2 015"), "{s}");
    assert!(
        // Without the Dinas Kesehatan's data set (no `--opd`) its node names the plan indicator
        // but cannot be measured: no target, no realisasi, said why.
        s.contains("indikator: [AKI] Jumlah kematian ibu: tanpa target · R belum ada · n/a (data instansi pemilik simpul tidak tersedia)"),
        "{s}"
    );
    assert!(s.contains("- DKS-1 → MBS-1: ditolak (Renstra Kecamatan Mumbulsari 2016-2021 tidak memuat program kesehatan ibu; koordinasi melalui Puskesmas.)"), "{s}");

    let (ok, j, e) = keluar(&["pohon", &kab, "--tahun", "2020", "--format", "json"]);
    assert!(ok, "{e}");
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v["pohon"]["id"], "pohon-2020");
    assert_eq!(v["simpul"].as_array().unwrap().len(), 3);
    assert_eq!(v["simpul"][2]["anak"][0]["id"], "DKS-1");
    assert_eq!(
        v["simpul"][2]["anak"][0]["indikator"][0]["indikator"]["target"],
        "32"
    );
    assert_eq!(v["crosscutting"].as_array().unwrap().len(), 3);

    // Without --tahun: the latest tree (the RPJMD's targets run to 2021, the tree is 2020's).
    let (ok, tanpa, e) = keluar(&["pohon", &kab]);
    assert!(ok, "{e}");
    assert_eq!(tanpa, s);
    let (ok, _, e) = keluar(&["pohon", &kab, "--tahun", "2019"]);
    assert!(!ok);
    assert!(
        e.contains("tidak ada pohon kinerja tahun 2019; ada: 2020"),
        "{e}"
    );
}

#[test]
fn the_copy_is_a_new_file_that_validates_beside_the_data() {
    let dir = std::env::temp_dir().join(format!("kinerja-salin-pohon-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let asal = PathBuf::from(contoh("pemda-jember/kabupaten"));
    for f in ["instansi.toml", "rpjmd.toml", "pohon-2020.toml"] {
        std::fs::copy(asal.join(f), dir.join(f)).unwrap();
    }
    let baru = dir.join("pohon-2021.toml");
    let d = dir.to_string_lossy().into_owned();
    let (ok, s, e) = keluar(&[
        "salin-pohon",
        &d,
        "--tahun",
        "2021",
        "-o",
        baru.to_str().unwrap(),
    ]);
    assert!(ok, "{e}");
    assert!(
        s.contains(
            "pohon pohon-2020 disalin ke tahun 2021: 17 simpul, 3 crosscutting (status usulan)"
        ),
        "{s}"
    );
    // The folder with the new file is valid, and the 2021 tree names where each node came from.
    let (ok, s, e) = keluar(&["pohon", &d, "--tahun", "2021"]);
    assert!(ok, "{e}");
    assert!(s.contains("disalin dari pohon pohon-2020"), "{s}");
    assert!(s.contains("(DKS-1-2021)\n"), "{s}");
    assert!(s.contains("asal: DKS-1\n"), "{s}");
    assert!(s.contains("- DKS-1-2021 → MBS-1-2021: usulan\n"), "{s}");
    // Again: the 2021 tree exists, nothing is written.
    let lagi = dir.join("lagi.toml");
    let (ok, _, e) = keluar(&[
        "salin-pohon",
        &d,
        "--dari",
        "pohon-2020",
        "--tahun",
        "2021",
        "-o",
        lagi.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(
        e.contains("pohon kinerja tahun 2021 sudah ada (\"pohon-2021\")"),
        "{e}"
    );
    assert!(!lagi.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_pemda_reviu_reads_the_opds_data() {
    let (_, s, e) = keluar(&[
        "periksa",
        &contoh("pemda-jember/kabupaten"),
        "--tahun",
        "2020",
        "--opd",
        &contoh("mumbulsari"),
        "--opd",
        &contoh("pemda-jember/dinkes"),
        "--opd",
        &contoh("pemda-jember/dispendukcapil"),
    ]);
    assert!(s.contains("POHON-TARGET-ANAK"), "{s}\n{e}");
    assert!(s.contains("kunci: mumbulsari|S-2"), "{s}");
    assert!(s.contains("kunci: dinkes|DKS-SK-2"), "{s}");
    // Without the OPDs' data nothing is said about their sasaran or budgets.
    let (_, s, _) = keluar(&[
        "periksa",
        &contoh("pemda-jember/kabupaten"),
        "--tahun",
        "2020",
    ]);
    assert!(
        !s.contains("SASARAN-TANPA-RPJMD") && !s.contains("POHON-ANGGARAN-TANPA-SIMPUL"),
        "{s}"
    );
    assert!(s.contains("POHON-CROSSCUTTING"), "{s}");
}
