use super::*;

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

fn th() -> Tahun {
    Tahun::new(2020).unwrap()
}

fn isian(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn contoh() -> DataInstansi {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    kinerja_berkas::baca(&p).unwrap()
}

#[test]
fn the_form_changes_the_fields_it_sends_and_keeps_the_rest() {
    let d = contoh();
    let lama = &d.laporan[0];
    let s = &d.sasaran[0];
    let baru = naskah_laporan(
        Some(lama),
        &mum(),
        th(),
        &isian(&[
            ("kata_pengantar", "Puji syukur.\r\n\r\nParagraf dua."),
            ("ikhtisar.kendala", "  kendala satu \r\n\r\nkendala dua\r\n"),
            (&format!("analisis.{}", s.id.as_str()), "Analisis baru."),
            ("tanggal", "15 Januari 2021"),
        ]),
    )
    .unwrap();
    assert_eq!(baru.kata_pengantar, "Puji syukur.\n\nParagraf dua.");
    assert_eq!(baru.ikhtisar.kendala, vec!["kendala satu", "kendala dua"]);
    assert_eq!(baru.ikhtisar.teks, lama.ikhtisar.teks, "not sent: kept");
    assert_eq!(baru.penutup, lama.penutup);
    assert_eq!(baru.tanggal.unwrap().to_string(), "15 Januari 2021");
    let a = baru.analisis.iter().find(|a| a.sasaran == s.id).unwrap();
    assert_eq!(a.teks, "Analisis baru.");
    assert_eq!((baru.id.clone(), baru.tahun), (lama.id.clone(), lama.tahun));
}

#[test]
fn a_bad_field_is_named_and_an_empty_title_refused() {
    let d = contoh();
    let e = naskah_laporan(
        Some(&d.laporan[0]),
        &mum(),
        th(),
        &isian(&[("tanggal", "31 Juni 2021"), ("judul", "  ")]),
    )
    .unwrap_err();
    let medan: Vec<&str> = e.iter().map(|k| k.medan.as_str()).collect();
    assert_eq!(medan, vec!["tanggal", "judul"]);
}

#[test]
fn a_year_without_a_report_gets_a_new_one() {
    let baru = naskah_laporan(
        None,
        &mum(),
        Tahun::new(2021).unwrap(),
        &isian(&[("judul", "LKjIP 2021"), ("penutup", "Penutup.")]),
    )
    .unwrap();
    assert_eq!(baru.id.as_str(), "lkjip-mumbulsari-2021");
    assert_eq!(baru.tahun.get(), 2021);
    assert_eq!(baru.instansi, mum());
    assert_eq!(baru.penutup.teks, "Penutup.");
}

#[test]
fn an_emptied_analysis_is_removed() {
    let d = contoh();
    let lama = &d.laporan[0];
    let a = lama.analisis.first().expect("the example has analysis");
    let baru = naskah_laporan(
        Some(lama),
        &mum(),
        th(),
        &isian(&[(&format!("analisis.{}", a.sasaran.as_str()), " ")]),
    )
    .unwrap();
    assert!(!baru.analisis.iter().any(|x| x.sasaran == a.sasaran));
    assert_eq!(baru.analisis.len(), lama.analisis.len() - 1);
}

#[test]
fn the_page_keeps_what_was_typed_after_an_error() {
    let d = contoh();
    let html = laporan(
        &Konteks {
            instansi_aktif: Some("mumbulsari".into()),
            ..Default::default()
        },
        &d,
        th(),
        &KeadaanLaporan {
            ubah: true,
            galat_terbuka: 2,
            ..Default::default()
        },
        &[KesalahanIsian {
            medan: "tanggal".into(),
            pesan: "tanggal tidak sah".into(),
        }],
        &isian(&[("tanggal", "31 Juni 2021"), ("kata_pengantar", "a <b> c")]),
    );
    assert!(html.contains(r#"value="31 Juni 2021""#), "{html}");
    assert!(html.contains("a &#60;b&#62; c") || html.contains("a &lt;b&gt; c"));
    assert!(html.contains(r#"aria-invalid="true" aria-describedby="tanggal-galat""#));
    // Open galat: the downloads are the drafts.
    assert!(html.contains("/instansi/mumbulsari/tahun/2020/laporan.pdf?draf=1"));
    assert!(html.contains("2 galat terbuka"));
}
