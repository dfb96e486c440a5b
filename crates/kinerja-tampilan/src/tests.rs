//! Every page rendered from the sample pages of `examples/halaman` (the bundled Mumbulsari
//! example and synthetic data): `cargo run -p kinerja-tampilan --example halaman -- FOLDER`
//! writes them there to look at.

use super::*;
#[path = "../examples/halaman/contoh.rs"]
mod contoh;
use contoh::*;
use kinerja_core::anggaran::ringkas;
use kinerja_core::angka::format_persen;
use kinerja_core::pengukuran::{Indeks, ukur};
mod rencana_jejak_kabupaten;

/// The `<form ...>...</form>` pieces of a page.
fn form(html: &str) -> Vec<&str> {
    html.split("<form")
        .skip(1)
        .map(|s| &s[..s.find("</form>").expect("form closed")])
        .collect()
}

#[test]
fn every_post_form_carries_the_csrf_token() {
    let mut jumlah = 0;
    for (nama, html) in semua_halaman() {
        for f in form(&html) {
            // The public survey form has no session: its one-use signed token stands in.
            if f.contains(r#"method="post""#) && f.contains(r#"class="panel bagian form-survei""#) {
                assert!(
                    f.contains(r#"<input type="hidden" name="token" value=""#),
                    "{nama}"
                );
                continue;
            }
            if f.contains(r#"method="post""#) {
                jumlah += 1;
                assert!(
                    f.contains(&format!(
                        r#"<input type="hidden" name="csrf" value="{CSRF}">"#
                    )),
                    "{nama}: a POST form without csrf: {}",
                    &f[..f.len().min(200)]
                );
            }
        }
    }
    assert!(jumlah > 20, "{jumlah} POST forms");
}

#[test]
fn pages_are_indonesian_accessible_and_link_the_stylesheet() {
    for (nama, html) in semua_halaman() {
        assert!(html.contains(r#"<html lang="id">"#), "{nama}");
        assert!(
            html.contains(r#"<link rel="stylesheet" href="/static/kinerja.css">"#),
            "{nama}"
        );
        assert_eq!(html.matches("<h1").count(), 1, "{nama}: one h1");
        // Every table says what it is.
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption").count(),
            "{nama}: tables without caption"
        );
        // Every visible input has a label pointing at it.
        for piece in html.split("<input").skip(1) {
            let tag = &piece[..piece.find('>').unwrap()];
            if tag.contains(r#"type="hidden""#) {
                continue;
            }
            let id = tag
                .split(" id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_else(|| panic!("{nama}: input without id: {tag}"));
            assert!(
                html.contains(&format!(r#"<label class="sr" for="{id}">"#))
                    || html.contains(&format!(r#"<label for="{id}">"#)),
                "{nama}: input {id} without label"
            );
        }
        assert!(!html.contains("<script"), "{nama}: no script needed");
    }
}

#[test]
fn dashboard_shows_the_core_figures_of_mumbulsari_2020() {
    let d = mumbulsari();
    let html = dasbor(&konteks(), &d, th(2020), &PanelCatatan::default());
    let ix = Indeks::new(&d);
    let tabel = ukur(&ix, th(2020));
    assert!(!tabel.baris.is_empty());
    for b in &tabel.baris {
        let ind = ix.indikator(&b.indikator).unwrap();
        assert!(
            html.contains(&ind.uraian.replace('&', "&#38;")),
            "{}",
            ind.uraian
        );
        match b.capaian.persen() {
            Some(p) => {
                assert!(html.contains(&format_persen(p, 2)));
                let label = &b.predikat.as_ref().unwrap().label;
                assert!(html.contains(&format!("</span> {label}</span>")), "{label}");
            }
            None => assert!(html.contains("data tidak tersedia")),
        }
    }
    // SKM: 70,89 of a target of 80 (Tabel 3.1) is 88,6125 %, printed 88,61 %, predikat Baik.
    assert!(html.contains("88,61 %"));
    assert!(html.contains(r#"<span class="predikat nada-3">"#));
    for s in &tabel.sasaran {
        if let Some(c) = s.capaian {
            assert!(html.contains(&format_persen(c, 2)));
        }
    }
    // Budget per program, from the core's summary.
    let ang = ringkas(&d, th(2020));
    assert!(!ang.program.is_empty());
    for p in &ang.program {
        let nama = &d.program.iter().find(|x| x.id == p.program).unwrap().nama;
        assert!(html.contains(nama.as_str()), "{nama}");
        if let Some(s) = p.serapan.persen {
            assert!(html.contains(&format_persen(s, 2)));
        }
    }
    assert!(html.contains(&kinerja_core::angka::format_rupiah(ang.total.pagu)));
    // Renstra 2016-2021: years without data say so; the charts are inline SVG.
    assert!(html.contains("<th scope=\"col\" class=\"angka\">2016</th>"));
    assert!(html.contains("data tidak tersedia"));
    assert!(html.matches("<svg").count() >= 4, "logo + 3 charts");
    // Navigation of the instansi and the year selector.
    for href in [
        "/instansi/mumbulsari/tahun/2020/rencana",
        "/instansi/mumbulsari/tahun/2020/realisasi",
        "/instansi/mumbulsari/tahun/2020/anggaran",
        "/instansi/mumbulsari/tahun/2020/pk",
        "/instansi/mumbulsari/tahun/2020/iku",
        "/instansi/mumbulsari/jejak",
        "/kabupaten/jember/tahun/2020",
        r#"href="/instansi/mumbulsari/tahun/2021""#,
        r#"href="/instansi/opd-00/tahun/2020""#,
    ] {
        assert!(html.contains(href), "{href}");
    }
    assert!(html.contains(r#"aria-current="page">Dasbor"#));
    assert!(html.contains("Realisasi Triwulan I tersimpan."));
}

#[test]
fn a_missing_realisasi_says_why_and_is_never_zero() {
    let mut d = mumbulsari();
    d.realisasi
        .retain(|r| !(r.indikator.as_str() == "I-S2-2" && r.tahun == th(2020)));
    let html = dasbor(&konteks(), &d, th(2020), &PanelCatatan::default());
    assert!(html.contains("realisasi belum tersedia"));
    let ix = Indeks::new(&d);
    let b = ukur(&ix, th(2020));
    let b = b
        .baris
        .iter()
        .find(|b| b.indikator.as_str() == "I-S2-2")
        .unwrap();
    assert!(b.capaian.persen().is_none());
    assert!(!html.contains(">0,00 %"));
}

#[test]
fn a_capaian_outside_every_band_gets_the_neutral_badge() {
    use kinerja_core::predikat::{Pita, SkalaPredikat};
    use rust_decimal::Decimal;
    let dec = Decimal::from;
    let pita = |label: &str, bawah, atas| Pita {
        label: label.into(),
        batas_bawah: bawah,
        termasuk_batas: true,
        batas_atas: atas,
        termasuk_batas_atas: true,
        warna: None,
    };
    // Baik stops at 85 and Sangat Baik starts at 91: the Kecamatan's 2020 capaian 86,90 %
    // (86,90 / 100) and 88,61 % (70,89 / 80) fall in the gap. Before, such a badge took the
    // band below (Baik, nada 3).
    let mut d = mumbulsari();
    d.skala.push(SkalaPredikat {
        id: kinerja_core::id::SkalaId::new("celah").unwrap(),
        nama: "Skala bercelah".into(),
        pita: vec![
            pita("Sangat Baik", Some(dec(91)), None),
            pita("Baik", Some(dec(76)), Some(dec(85))),
            pita("Kurang", None, None),
        ],
    });
    d.pengaturan.as_mut().unwrap().skala = kinerja_core::id::SkalaId::new("celah").unwrap();
    let html = dasbor(&konteks(), &d, th(2020), &PanelCatatan::default());
    assert!(html.contains("86,90 %") && html.contains("88,61 %"));
    let netral = r#"<span class="predikat nada-netral"><span class="predikat-tingkat tingkat-netral" aria-hidden="true"><i></i><i></i><i></i><i></i><i></i></span> tidak terdefinisi pada skala</span>"#;
    assert!(html.contains(netral), "{html}");
    for n in 0..=4 {
        assert!(
            !html.contains(&format!(
                r#"tingkat-{n}" aria-hidden="true"><i></i><i></i><i></i><i></i><i></i></span> tidak terdefinisi"#
            )),
            "nada {n}"
        );
    }
    // The stylesheet gives it its own style, not a band's colour.
    assert!(crate::CSS.contains(".nada-netral {"));
    // A defined predikat keeps its band.
    let l = crate::bantu::Lencana::dari_predikat(
        &kinerja_core::predikat::Predikat {
            label: "Baik".into(),
            peringkat: 1,
            terdefinisi: true,
        },
        3,
    );
    assert_eq!((l.nada, l.netral), (3, false));
    let l = crate::bantu::Lencana::dari_predikat(
        &kinerja_core::predikat::Predikat {
            label: kinerja_core::predikat::TIDAK_TERDEFINISI.into(),
            peringkat: 1,
            terdefinisi: false,
        },
        3,
    );
    assert!(l.netral);
}

#[test]
fn names_are_escaped() {
    let mut d = mumbulsari();
    let jahat = "<script>alert('x')</script>";
    for i in d.instansi.iter_mut() {
        if i.id.as_str() == "mumbulsari" {
            i.nama = format!("Kecamatan {jahat}");
        }
    }
    d.indikator[0].uraian = jahat.into();
    d.program[0].nama = jahat.into();
    let mut k = konteks();
    k.pengguna.as_mut().unwrap().nama = jahat.into();
    k.pesan[0].teks = jahat.into();
    k.csrf = "\"><script>".into();
    let semua = Izin {
        ubah: true,
        ajukan: true,
        setujui: true,
        buka: true,
    };
    let mut j = jejak_contoh();
    j[0].baru = Some(format!(r#"{{"nilai":"{jahat}"}}"#));
    let mut kab = baris_kab();
    kab[0].nama = jahat.into();
    let catatan = PanelCatatan {
        catatan: vec![CatatanTampil {
            pengguna: jahat.into(),
            waktu: "1-1-2021".into(),
            isi: jahat.into(),
        }],
        boleh_tulis: true,
        reviu: None,
    };
    let halaman = [
        dasbor(&k, &d, th(2020), &catatan),
        rencana(&k, &d, th(2020), false),
        form_realisasi(
            &k,
            &d,
            th(2020),
            &status(),
            semua,
            &[KesalahanIsian {
                medan: "r.I-S1-1.tw1".into(),
                pesan: jahat.into(),
            }],
            &[("r.I-S1-1.tw1".into(), jahat.into())],
        ),
        form_anggaran(&k, &d, th(2020), semua, &[], &[]),
        perjanjian_kinerja(&k, &d, th(2020), None, &Izin::default()),
        iku(&k, &d, th(2020), false),
        jejak(&k, jahat, &j),
        kabupaten(
            &k,
            jahat,
            th(2020),
            &kab,
            &rekap_kab(&kab),
            "nama",
            None,
            None,
            &[],
        ),
        masuk(&k, Some(jahat), jahat),
        galat(&k, 404, jahat),
        laporan(
            &k,
            &d,
            th(2020),
            &keadaan_laporan(1),
            &[KesalahanIsian {
                medan: "kata_pengantar".into(),
                pesan: jahat.into(),
            }],
            &[("kata_pengantar".into(), jahat.into())],
        ),
        reviu(
            &k,
            &d,
            th(2020),
            &[TemuanTampil {
                pesan: jahat.into(),
                kunci: jahat.into(),
                ..temuan_contoh().remove(0)
            }],
            &SaringReviu::default(),
            true,
            &[],
        ),
        impor(
            &k,
            jahat,
            "mumbulsari",
            &[".toml"],
            &KeadaanImpor::Galat {
                berkas: jahat.into(),
                masalah: vec![jahat.into()],
            },
        ),
    ];
    for html in halaman {
        assert!(!html.contains("<script"), "unescaped: {html}");
        assert!(html.contains("&#60;script&#62;"));
    }
}

#[test]
fn realisasi_form_names_fields_and_follows_the_workflow() {
    let d = mumbulsari();
    let k = konteks();
    let semua = Izin {
        ubah: true,
        ajukan: true,
        setujui: true,
        buka: true,
    };
    let html = form_realisasi(&k, &d, th(2020), &status(), semua, &[], &[]);
    assert!(html.contains(r#"action="/instansi/mumbulsari/tahun/2020/realisasi""#));
    // The annual realisasi of Tabel 3.1 is prefilled as written.
    assert!(html.contains(r#"id="r.I-S2-1.tahunan" name="r.I-S2-1.tahunan" value="86,90 %""#));
    for p in ["tw1", "tw2", "tw3", "tw4", "tahunan"] {
        assert!(html.contains(&format!(r#"name="r.I-S1-1.{p}""#)));
    }
    // Tw1 is approved: its inputs are read-only; Tw3 (draft) is not.
    assert!(html.contains(r#"id="r.I-S1-1.tw1" name="r.I-S1-1.tw1" value="" readonly"#));
    assert!(html.contains(r#"id="r.I-S1-1.tw3" name="r.I-S1-1.tw3" value="">"#));
    // Buttons per status: draft → Ajukan, submitted → Setujui, approved → Buka kunci.
    assert!(html.contains(r#"action="/instansi/mumbulsari/tahun/2020/ajukan/tw3""#));
    assert!(html.contains(r#"action="/instansi/mumbulsari/tahun/2020/setujui/tw2""#));
    assert!(html.contains(r#"action="/instansi/mumbulsari/tahun/2020/buka/tw1""#));
    assert!(!html.contains("/ajukan/tw1"));
    assert!(!html.contains("/setujui/tw1"));
    assert!(html.contains("Simpan realisasi"));
    assert!(html.contains("88,61 %"));

    // A reader: nothing to press, every input read-only.
    let baca = form_realisasi(&k, &d, th(2020), &status(), Izin::default(), &[], &[]);
    assert!(!baca.contains("/ajukan/"));
    assert!(!baca.contains("/setujui/"));
    assert!(!baca.contains("/buka/"));
    assert!(!baca.contains("Simpan realisasi"));
    assert_eq!(
        baca.matches("<input type=\"text\"").count(),
        baca.matches(" readonly aria-readonly=\"true\"").count()
    );
}

#[test]
fn realisasi_form_shows_errors_and_the_capaian_the_entry_would_give() {
    let d = mumbulsari();
    let html = form_realisasi(
        &konteks(),
        &d,
        th(2020),
        &[],
        Izin {
            ubah: true,
            ..Izin::default()
        },
        &[KesalahanIsian {
            medan: "r.I-S2-1.tw3".into(),
            pesan: "bukan angka".into(),
        }],
        &[
            ("r.I-S2-1.tw3".into(), "8x".into()),
            // SKM: 80 of a target of 80 gives 100 %.
            ("r.I-S1-1.tahunan".into(), "B (80 %)".into()),
        ],
    );
    assert!(html.contains(r##"<a href="#r.I-S2-1.tw3">"##));
    assert!(
        html.contains(r#"value="8x" aria-invalid="true" aria-describedby="r.I-S2-1.tw3-galat""#)
    );
    assert!(
        html.contains(r#"<span class="galat-medan" id="r.I-S2-1.tw3-galat">bukan angka</span>"#)
    );
    assert!(html.contains(r#"value="B (80 %)""#));
    assert!(html.contains("100,00 %"));
    assert!(!html.contains("88,61 %"));
}

#[test]
fn budget_form_shows_pagu_and_serapan_per_line() {
    let d = mumbulsari();
    let html = form_anggaran(
        &konteks(),
        &d,
        th(2020),
        Izin {
            ubah: true,
            ..Izin::default()
        },
        &[],
        &[],
    );
    assert!(html.contains(r#"action="/instansi/mumbulsari/tahun/2020/anggaran""#));
    let pos: Vec<_> = d.anggaran.iter().filter(|p| p.tahun == th(2020)).collect();
    assert!(!pos.is_empty());
    for p in pos {
        assert!(html.contains(&format!(r#"name="a.{}""#, p.id.as_str())));
        assert!(html.contains(&kinerja_core::angka::format_rupiah(p.pagu)));
        if let Some(r) = p.realisasi {
            assert!(html.contains(&format!(
                r#"value="{}""#,
                kinerja_core::angka::format_angka(r.nilai(), 2)
            )));
        }
    }
    let total = ringkas(&d, th(2020)).total;
    assert!(html.contains(&format_persen(total.persen.unwrap(), 2)));
}

#[test]
fn field_names_round_trip() {
    let ind = kinerja_core::id::IndikatorId::new("I-S2.1").unwrap();
    for p in [
        Periode::Tahunan,
        Periode::Tw1,
        Periode::Tw2,
        Periode::Tw3,
        Periode::Tw4,
    ] {
        let nama = medan_realisasi(&ind, p);
        assert_eq!(
            Medan::parse(&nama),
            Some(Medan::Realisasi {
                indikator: ind.clone(),
                periode: p
            })
        );
        // The serde name of the period is the field's suffix.
        let serde = serde_json::to_string(&p).unwrap();
        assert!(nama.ends_with(serde.trim_matches('"')));
    }
    let pos = kinerja_core::id::PosAnggaranId::new("A-2020-BTL").unwrap();
    assert_eq!(medan_anggaran(&pos), "a.A-2020-BTL");
    assert_eq!(
        Medan::parse("a.A-2020-BTL"),
        Some(Medan::Anggaran(pos.clone()))
    );
    assert_eq!(Medan::parse("csrf"), None);
    assert_eq!(Medan::parse("r.I-1.tw5"), None);
    // Every month reads back as itself; 0 and 13 are no month.
    for b in kinerja_core::waktu::Bulan::SEMUA {
        let nama = medan_bulanan(&pos, b);
        assert_eq!(Medan::parse(&nama), Some(Medan::Bulanan(pos.clone(), b)));
    }
    assert_eq!(
        medan_bulanan(&pos, kinerja_core::waktu::Bulan::Desember),
        "b.A-2020-BTL.12"
    );
    assert_eq!(Medan::parse("b.A-2020-BTL.0"), None);
    assert_eq!(Medan::parse("b.A-2020-BTL.13"), None);
    assert_eq!(Medan::parse("b.A-2020-BTL"), None);
}
