use super::*;

fn temuan(aturan: &str, tingkat: TingkatTemuan, kunci: &str, diterima: bool) -> TemuanTampil {
    TemuanTampil {
        aturan: aturan.into(),
        tingkat,
        dokumen: "Laporan Kinerja 2020".into(),
        tabel: "Tabel 3.1".into(),
        baris: Some(kunci.into()),
        pesan: format!("pesan {kunci}"),
        tercatat: Some(Decimal::new(8750, 2)),
        dihitung: Some(Decimal::new(869_047_619, 7)),
        pembulatan: None,
        kunci: kunci.into(),
        diterima: diterima.then(|| "alasan".to_string()),
    }
}

fn semua() -> Vec<TemuanTampil> {
    vec![
        temuan("A", TingkatTemuan::Galat, "a1", false),
        temuan("A", TingkatTemuan::Galat, "a2", true),
        temuan("B", TingkatTemuan::Peringatan, "b1", false),
        temuan("C", TingkatTemuan::Galat, "c1", false),
    ]
}

fn data() -> DataInstansi {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    kinerja_berkas::baca(&p).unwrap()
}

fn halaman(s: &SaringReviu) -> String {
    reviu(
        &Konteks::default(),
        &data(),
        Tahun::new(2020).unwrap(),
        &semua(),
        s,
        true,
        &[],
    )
}

#[test]
fn open_counts_leave_out_accepted_findings() {
    let r = RingkasanReviu::dari(&semua());
    assert_eq!((r.galat, r.peringatan, r.info), (2, 1, 0));
    assert_eq!(
        r.tempat_galat,
        vec![
            "Laporan Kinerja 2020 › Tabel 3.1 › a1",
            "Laporan Kinerja 2020 › Tabel 3.1 › c1"
        ]
    );
}

#[test]
fn findings_are_grouped_by_rule_and_filtered() {
    let html = halaman(&SaringReviu::default());
    assert!(html.contains("Menampilkan 4 dari 4 temuan"));
    // Rule A once as a group of two.
    assert_eq!(html.matches("<code>A</code>").count(), 1);
    assert!(html.contains("2 temuan, 1 terbuka"));
    // Stated figure with its own decimals, computed with at most four.
    assert!(html.contains("87,50") && html.contains("86,9048"), "{html}");
    // Only open findings get the acceptance form: three of four.
    assert_eq!(html.matches("Terima temuan</button>").count(), 3);

    let html = halaman(&SaringReviu {
        tingkat: Some(TingkatTemuan::Galat),
        aturan: None,
        terbuka: true,
    });
    assert!(html.contains("Menampilkan 2 dari 4 temuan"));
    assert!(html.contains("pesan a1") && html.contains("pesan c1"));
    assert!(!html.contains("pesan a2") && !html.contains("pesan b1"));

    let html = halaman(&SaringReviu {
        tingkat: None,
        aturan: Some("B".into()),
        terbuka: false,
    });
    assert!(html.contains("Menampilkan 1 dari 4 temuan"));
    assert!(html.contains(r#"<option value="B" selected>"#));
}
