//! `kinerja evaluasi` on the bundled example with the worked answers of
//! contoh/evaluasi/mumbulsari-2020.toml (invented for the example, see its header).

#[allow(dead_code)]
mod bersama;

use bersama::kinerja;
use std::io::Read;
use std::path::PathBuf;

fn jalur(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(p)
        .to_str()
        .unwrap()
        .to_string()
}

fn args<'a>(data: &'a str, jawaban: &'a str, lain: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["evaluasi", data, "--jawaban", jawaban, "--tahun", "2020"];
    v.extend_from_slice(lain);
    v
}

// Evaluator per sub-component (weight): 1.a BB 6 x 0,8 = 4,8; 1.b B 9 x 0,7 = 6,3; 1.c CC
// 15 x 0,6 = 9; 2.a B 6 x 0,7 = 4,2; 2.b CC 9 x 0,6 = 5,4; 2.c C 15 x 0,5 = 7,5; 3.a five B and
// one BB: (5 x 70 + 80) / 6 = 71,67 % of 3 = 2,15; 3.b B 4,5 x 0,7 = 3,15; 3.c CC 7,5 x 0,6 = 4,5;
// 4.a B 5 x 0,7 = 3,5; 4.b CC 7,5 x 0,6 = 4,5; 4.c C 12,5 x 0,5 = 6,25.
// Components 20,1 + 17,1 + 9,8 + 14,25 = 61,25 -> B (>60-70).
// OPD one step higher: 5,4 + 7,2 + 10,5 = 23,1; 4,8 + 6,3 + 9 = 20,1; 3.a (5 x 80 + 90) / 6 of
// 3 = 2,45, + 3,6 + 5,25 = 11,3; 4 + 5,25 + 7,5 = 16,75. Total 71,25 -> BB (>70-80).

#[test]
fn the_worked_example_scores_as_computed_by_hand() {
    let (d, j) = (
        jalur("contoh/mumbulsari"),
        jalur("contoh/evaluasi/mumbulsari-2020.toml"),
    );
    let o = kinerja(&args(&d, &j, &[]));
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(s.contains("Nilai evaluator 61,25: B (Baik)"), "{s}");
    assert!(
        s.contains("penilaian mandiri OPD 71,25: BB (Sangat Baik)"),
        "{s}"
    );
    // 3.a.5 (published) answered above 3.a.1 (drawn up): flagged, for both parties.
    assert!(
        s.contains("jawaban evaluator \"BB\" pada kriteria 3.a.5 bernilai 80,00 %, melebihi 70,00 % yang diizinkan prasyarat 3.a.1"),
        "{s}"
    );
    // The data proposes E for 2.b.4 (annual realisasi only: 0 of 3 indicators x 4 triwulan).
    assert!(
        s.contains("2.b.4 (realisasi_triwulan): usulan E (0 dari 12 butir); evaluator CC"),
        "{s}"
    );

    let o = kinerja(&args(&d, &j, &["--format", "json"]));
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["total"]["evaluator"], serde_json::json!(61.25));
    assert_eq!(v["total"]["opd"], serde_json::json!(71.25));
    assert_eq!(v["predikat"]["evaluator"], "B");
    assert_eq!(v["predikat"]["opd"], "BB");
    let k: Vec<_> = v["komponen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["nilai"]["evaluator"].as_f64().unwrap())
        .collect();
    assert_eq!(k, [20.1, 17.1, 9.8, 14.25]);
    let sub3a = &v["komponen"][2]["sub_komponen"][0];
    assert_eq!(sub3a["id"], "3.a");
    assert_eq!(sub3a["nilai"]["evaluator"], serde_json::json!(2.15));
    assert_eq!(sub3a["bobot"], serde_json::json!(3));
    // A criterion's weight that does not end is rounded once at the edge (4 places, half away
    // from zero): 1.b is 30 x 30 % = 9 points over 11 criteria, 9/11 = 0,818181... -> 0.8182;
    // its evaluator's B (70 %) earns 0,572727... -> 0.5727. Not the 28 digits of the quotient.
    let k = &v["komponen"][0]["sub_komponen"][1]["kriteria"][0];
    assert_eq!(k["id"], "1.b.1");
    assert_eq!(k["bobot"], serde_json::json!(0.8182));
    assert_eq!(k["evaluator"]["poin"], serde_json::json!(0.5727));
    assert!(!String::from_utf8_lossy(&o.stdout).contains("0.818181"));
    // The evaluator's answer to 2.b.4 overrides the proposal, which is kept beside it.
    let k = &v["komponen"][1]["sub_komponen"][1]["kriteria"][3];
    assert_eq!(k["id"], "2.b.4");
    assert_eq!(k["evaluator"]["jawaban"], "CC");
    assert_eq!(k["evaluator"]["usulan_tersimpan"], "E");
    assert_eq!(k["usulan"]["jawaban"], "E");
}

#[test]
fn the_recap_workbook_has_the_evaluators_columns() {
    let (d, j) = (
        jalur("contoh/mumbulsari"),
        jalur("contoh/evaluasi/mumbulsari-2020.toml"),
    );
    let dir = std::env::temp_dir().join(format!("kinerja-evaluasi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("lhe.xlsx");
    let o = kinerja(&args(
        &d,
        &j,
        &["--format", "xlsx", "-o", out.to_str().unwrap()],
    ));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut ss = String::new();
    z.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut ss)
        .unwrap();
    for kolom in [
        "Komponen",
        "Sub komponen",
        "Kriteria",
        "Bobot",
        "Jawaban OPD",
        "Nilai OPD",
        "Jawaban evaluator",
        "Nilai evaluator",
        "Catatan",
        "Rekomendasi",
        "1.a.3 Terdapat dokumen perencanaan kinerja jangka menengah.",
    ] {
        assert!(ss.contains(kolom), "{kolom}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_answer_off_its_scale_is_refused_with_its_row() {
    let dir = std::env::temp_dir().join(format!("kinerja-evaluasi-salah-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let j = dir.join("jawaban.toml");
    std::fs::write(
        &j,
        "[[jawaban_evaluasi]]\ntahun = 2020\nkriteria = \"1.a.1\"\nevaluator = { jawaban = \"Y\" }\n",
    )
    .unwrap();
    let d = jalur("contoh/mumbulsari");
    let o = kinerja(&args(&d, j.to_str().unwrap(), &[]));
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("[[jawaban_evaluasi]] ke-1 (kriteria \"1.a.1\"), medan `evaluator.jawaban`: \"Y\" bukan jawaban skala \"aa-e\": pilih salah satu dari AA, A, BB, B, CC, C, D, E"),
        "{e}"
    );
    // A worksheet whose weights do not add up is refused before anything is scored.
    let l = dir.join("lke.toml");
    std::fs::write(
        &l,
        kinerja_evaluasi::berkas::BAWAAN_88_2021.replace("bobot = 25", "bobot = 20"),
    )
    .unwrap();
    let o = kinerja(&args(
        &d,
        j.to_str().unwrap(),
        &["--lke", l.to_str().unwrap()],
    ));
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("bobot komponen berjumlah 95, harus 100"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn answers_go_through_the_store_with_an_audit_row_each() {
    let dir = std::env::temp_dir().join(format!("kinerja-evaluasi-db-{}", std::process::id()));
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for f in std::fs::read_dir(jalur("contoh/mumbulsari")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&f, data.join(f.file_name().unwrap())).unwrap();
        }
    }
    let jawaban = data.join("evaluasi-2020.toml");
    std::fs::copy(jalur("contoh/evaluasi/mumbulsari-2020.toml"), &jawaban).unwrap();
    let db = dir.join("k.db");
    let (db, d) = (db.to_str().unwrap(), data.to_str().unwrap());
    let impor = || {
        let o = kinerja(&["impor", d, "--db", db, "--oleh", "evaluator"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let total = || {
        let o = kinerja(&[
            "evaluasi",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "--tahun",
            "2020",
            "--format",
            "json",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["total"]["evaluator"].as_f64().unwrap()
    };
    assert!(impor().contains("390 ditambah"));
    assert_eq!(total(), 61.25);
    // The evaluator raises 1.a.1 from BB to A: 1.a weighs 6 over 6 criteria, 1 point each;
    // 0,9 - 0,8 = 0,1 point more: 61,35.
    let t = std::fs::read_to_string(&jawaban).unwrap().replacen(
        "kriteria = \"1.a.1\"\nopd = { jawaban = \"A\" }\nevaluator = { jawaban = \"BB\" }",
        "kriteria = \"1.a.1\"\nopd = { jawaban = \"A\" }\nevaluator = { jawaban = \"A\" }",
        1,
    );
    std::fs::write(&jawaban, t).unwrap();
    assert!(impor().contains("1 diubah"));
    assert_eq!(total(), 61.35);
    let o = kinerja(&[
        "jejak",
        "--db",
        db,
        "--instansi",
        "mumbulsari",
        "--tabel",
        "jawaban_evaluasi",
        "--kunci",
        "2020|1.a.1",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let aksi: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["aksi"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(aksi, ["ubah", "tambah"]);
    // The region's recap reads every data set with answers for the year: Mumbulsari alone.
    let o = kinerja(&[
        "evaluasi", "--db", db, "--rekap", "--tahun", "2020", "--format", "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["instansi"][0]["instansi"], "Kecamatan Mumbulsari");
    assert_eq!(v["instansi"][0]["peringkat"], 1);
    assert_eq!(v["instansi"][0]["total"], serde_json::json!(61.35));
    assert_eq!(v["instansi"][0]["komponen"][0], serde_json::json!(20.2));
    assert_eq!(v["instansi"][0]["predikat"], "B");
    // `kinerja jawab`: the evaluator raises 2.c.1 from C to B through the store (one audit row);
    // an answer off the scale changes nothing. (The proposal kept beside an evaluator's answer
    // is tested in kinerja-evaluasi's tests/usulan.rs.)
    let o = kinerja(&[
        "jawab",
        "--db",
        db,
        "--instansi",
        "mumbulsari",
        "--tahun",
        "2020",
        "--kriteria",
        "2.c.1",
        "--jawaban",
        "B",
        "--bukti",
        "laporan/lkjip-2020",
        "--oleh",
        "inspektur",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 diubah"));
    // 2.c weighs 15 over 10 criteria: 1,5 points each; C (0,5) -> B (0,7): 0,3 more: 61,65.
    assert_eq!(total(), 61.65);
    let o = kinerja(&[
        "jawab",
        "--db",
        db,
        "--instansi",
        "mumbulsari",
        "--tahun",
        "2020",
        "--kriteria",
        "2.c.1",
        "--jawaban",
        "ZZ",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"ZZ\" bukan jawaban skala \"aa-e\""));
    assert_eq!(total(), 61.65);
    // 2019 has no answers: refused, exit 1.
    let o = kinerja(&["evaluasi", "--db", db, "--rekap", "--tahun", "2019"]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_lhe_pdf_prints_the_grade_the_findings_and_the_worksheet() {
    let (d, j) = (
        jalur("contoh/mumbulsari"),
        jalur("contoh/evaluasi/mumbulsari-2020.toml"),
    );
    let dir = std::env::temp_dir().join(format!("kinerja-evaluasi-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("lhe.pdf");
    let o = kinerja(&args(
        &d,
        &j,
        &["--format", "pdf", "-o", out.to_str().unwrap()],
    ));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Same data, same bytes.
    let satu = std::fs::read(&out).unwrap();
    let o = kinerja(&args(
        &d,
        &j,
        &["--format", "pdf", "-o", out.to_str().unwrap()],
    ));
    assert!(o.status.success());
    assert_eq!(satu, std::fs::read(&out).unwrap());
    if let Some(t) = bersama::pdftotext(&out) {
        // Lines wrap where the page ends them: compare with whitespace collapsed.
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "LAPORAN HASIL EVALUASI",
            "KECAMATAN MUMBULSARI",
            "61,25 (B, Baik)",
            "71,25 (BB, Sangat Baik)",
            "melebihi 70,00 % yang diizinkan prasyarat 3.a.1",
            "Catat realisasi setiap indikator PK per triwulan",
            "LEMBAR KERJA EVALUASI",
        ] {
            assert!(t.contains(s), "{s} missing in\n{t}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
