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

#[test]
fn plan_tree_lists_every_level_with_targets() {
    let d = mumbulsari();
    let html = rencana(&konteks(), &d, th(2020), false);
    for t in &d.tujuan {
        assert!(html.contains(t.uraian.as_str()));
    }
    for s in &d.sasaran {
        assert!(html.contains(s.uraian.as_str()));
    }
    for p in &d.program {
        assert!(html.contains(p.nama.as_str()), "{}", p.nama);
    }
    for k in &d.kegiatan {
        assert!(html.contains(k.nama.as_str()), "{}", k.nama);
    }
    let ix = Indeks::new(&d);
    // Each sasaran indicator's Renstra targets per year appear in its row.
    for ind in d
        .indikator
        .iter()
        .filter(|i| matches!(i.pemilik, kinerja_core::model::Pemilik::Sasaran(_)))
    {
        for t in 2016..=2021 {
            if let Some(x) = ix.target(&ind.id, th(t), kinerja_core::model::DokumenTarget::Renstra)
            {
                assert!(html.contains(x.nilai.teks()));
            }
        }
    }
    assert!(html.contains("<details class=\"simpul simpul-tujuan\" open>"));
    assert!(html.contains("Rencana Strategis 2016–2021"));
}

#[test]
fn pk_and_iku_show_parties_targets_and_formulas() {
    let d = mumbulsari();
    let pk = perjanjian_kinerja(&konteks(), &d, th(2020), None, &Izin::default());
    assert!(pk.contains("Drs. SOPONJONO, M.Si"));
    assert!(pk.contains("dr. Hj. FAIDA, MMR"));
    assert!(pk.contains("19630426 199303 1 004"));
    assert!(pk.contains("B (100%)"));
    assert!(pk.contains("Rp 210.000.000,00"));
    // The PK's total is computed: 210 + 31,7 + 20 + 138,3 million.
    assert!(pk.contains("Rp 400.000.000,00"));
    assert!(pk.contains("Jember, Februari 2020"));
    let kosong = perjanjian_kinerja(&konteks(), &d, th(2019), None, &Izin::default());
    assert!(kosong.contains("Belum ada Perjanjian Kinerja untuk tahun 2019"));

    let iku = iku(&konteks(), &d, th(2020), false);
    assert!(iku.contains("Nomor 05 Tahun 2019"));
    assert!(iku.contains("Hasil perhitungan survey kepuasan masyarakat (SKM)"));
    assert!(iku.contains("Seksi Pelayanan Umum"));
    assert!(iku.contains("Laporan SKM Bappeda"));
    assert!(iku.contains("<dt>Pembilang</dt>"));
}

#[test]
fn audit_trail_shows_the_changed_fields() {
    let html = jejak(&konteks(), "Jejak audit", &jejak_contoh());
    assert!(html.contains("<code>nilai</code>"));
    assert!(html.contains("<del>80 %</del>"));
    assert!(html.contains("<ins>86,90 %</ins>"));
    assert!(html.contains("<del>(kosong)</del>"));
    assert!(html.contains("3 medan tidak berubah"));
    assert!(html.contains("<ins>diajukan</ins>"));
    // Not JSON: shown as text, escaped.
    assert!(html.contains("bukan JSON &#60;b&#62;"));
    assert!(html.contains(r#"<span class="aksi aksi-hapus">hapus</span>"#));
}

#[test]
fn kabupaten_view_sorts_and_links() {
    let baris = baris_kab();
    let html = kabupaten(
        &konteks(),
        "Kabupaten Sintetis",
        th(2021),
        &baris,
        &rekap_kab(&baris),
        "capaian",
        None,
        None,
        &[],
    );
    for u in ["?urut=nama", "?urut=capaian", "?urut=serapan"] {
        assert!(html.contains(&format!(r#"href="{u}""#)));
    }
    assert!(html.contains(r#"aria-sort="descending"><a href="?urut=capaian">"#));
    let mut urut = baris.clone();
    urutkan_kabupaten(&mut urut, "capaian");
    let tabel = &html[html.find("<tbody>").unwrap()..];
    let posisi: Vec<usize> = urut
        .iter()
        .map(|b| tabel.find(&format!(">{}</a>", b.nama)).unwrap())
        .collect();
    assert!(
        posisi.windows(2).all(|w| w[0] < w[1]),
        "rows in capaian order"
    );
    assert!(
        urut.last().unwrap().angka.capaian_rata.is_none(),
        "missing last"
    );
    let c: Vec<_> = urut.iter().filter_map(|b| b.angka.capaian_rata).collect();
    assert!(c.windows(2).all(|w| w[0] >= w[1]));
    for b in &baris {
        assert!(html.contains(&format!(r#"href="/instansi/{}/tahun/2021""#, b.id)));
        if let Some(c) = b.angka.capaian_rata {
            assert!(html.contains(&format_persen(c, 2)));
        }
    }
    assert!(html.contains("1 instansi belum melaporkan realisasi"));

    let mut nama = baris.clone();
    urutkan_kabupaten(&mut nama, "nama");
    assert!(nama.windows(2).all(|w| w[0].nama <= w[1].nama));
    let mut serapan = baris;
    urutkan_kabupaten(&mut serapan, "serapan");
    assert!(serapan.last().unwrap().angka.serapan.is_none());
}

#[test]
fn login_landing_and_error_pages() {
    let tamu = Konteks {
        csrf: CSRF.into(),
        ..Konteks::default()
    };
    let html = masuk(&tamu, Some("Nama pengguna atau kata sandi salah."), "siti");
    assert!(html.contains(r#"action="/masuk""#));
    assert!(html.contains(r#"<label for="nama_pengguna">Nama pengguna</label>"#));
    assert!(html.contains(r#"<label for="kata_sandi">Kata sandi</label>"#));
    assert!(html.contains(r#"type="password""#));
    assert!(html.contains("Nama pengguna atau kata sandi salah."));
    assert!(html.contains(r#"value="siti""#), "the name typed is kept");
    assert!(
        !html.contains(r#"href="/masuk""#),
        "no login link on the login page"
    );

    let html = beranda(&konteks(), &beranda_contoh());
    assert!(html.contains(r#"href="/instansi/mumbulsari/tahun/2021""#));
    assert!(html.contains(r#"href="/instansi/mumbulsari/tahun/2020""#));
    assert!(html.contains(r#"href="/kabupaten/jember/tahun/2020""#));
    assert!(html.contains("Kecamatan · Kabupaten Jember"));
    // Logged in: the logout button is a POST form.
    assert!(html.contains(r#"<form method="post" action="/keluar""#));

    let html = galat(&konteks(), 403, "Anda tidak berhak.");
    assert!(html.contains("Akses ditolak"));
    assert!(html.contains("Anda tidak berhak."));
    let html = galat(&tamu, 404, "Tidak ada.");
    assert!(html.contains("Halaman tidak ditemukan"));
    assert!(
        html.contains(r#"<a class="tombol tombol-kepala" href="/masuk">"#),
        "guests may log in"
    );
}

#[test]
fn stylesheet_is_inlined_for_standalone_files() {
    let html = galat(&konteks(), 404, "x");
    let berdiri = sisipkan_css(&html);
    assert!(!berdiri.contains(ALAMAT_CSS));
    assert!(berdiri.contains(".predikat"));
}

#[test]
fn reviewers_notes_show_on_the_dashboard_and_only_reviewers_get_the_form() {
    let d = mumbulsari();
    let mut panel = PanelCatatan {
        catatan: vec![CatatanTampil {
            pengguna: "inspektorat".into(),
            waktu: "05-02-2021 09.30 WIB".into(),
            isi: "Realisasi SKM belum didukung berita acara survei.".into(),
        }],
        boleh_tulis: false,
        reviu: None,
    };
    let html = dasbor(&konteks(), &d, th(2020), &panel);
    assert!(html.contains("Realisasi SKM belum didukung berita acara survei."));
    assert!(html.contains("inspektorat, 05-02-2021 09.30 WIB"));
    assert!(!html.contains("/instansi/mumbulsari/tahun/2020/catatan"));
    panel.boleh_tulis = true;
    let html = dasbor(&konteks(), &d, th(2020), &panel);
    assert!(html.contains(r#"action="/instansi/mumbulsari/tahun/2020/catatan""#));
    let empty = dasbor(&konteks(), &d, th(2020), &PanelCatatan::default());
    assert!(empty.contains("Belum ada catatan pereviu untuk tahun 2020."));
}

#[test]
fn each_indicator_links_to_the_audit_trail_of_its_realisasi() {
    let d = mumbulsari();
    let html = form_realisasi(
        &konteks(),
        &d,
        th(2020),
        &status(),
        Izin::default(),
        &[],
        &[],
    );
    // I-S1-1 is the SKM indicator of the example (contoh/mumbulsari/renstra.toml); `|` is
    // %7C in the link and askama escapes `&` as `&#38;`.
    assert!(
        html.contains("/instansi/mumbulsari/jejak?tabel=realisasi&#38;awalan=I-S1-1%7C2020%7C"),
        "{html}"
    );
}

#[test]
fn kabupaten_view_shows_each_rolled_up_indicator_and_how_it_was_made() {
    use kinerja_core::model::CaraWilayah;
    use kinerja_core::rumus::Bagian;
    use kinerja_core::wilayah::{BarisRekapIndikator, NilaiUnit, rekap_indikator};
    use rust_decimal::Decimal;
    let baris = baris_kab();
    let tanpa = kabupaten(
        &konteks(),
        "Kab",
        th(2021),
        &baris,
        &rekap_kab(&baris),
        "nama",
        None,
        None,
        &[],
    );
    assert!(!tanpa.contains("Rekap indikator"));
    // 1 of 2 and 18 of 20 desa, a third unit without data: (1 + 18) / (2 + 20) x 100 =
    // 86,3636... -> 86,36 %, from 2 of 3 units.
    let unit = |p: i64, q: i64| NilaiUnit {
        realisasi: None,
        bagian: Some(Bagian {
            pembilang: Decimal::from(p),
            penyebut: Some(Decimal::from(q)),
        }),
    };
    let mut r = rekap_kab(&baris);
    r.indikator = vec![BarisRekapIndikator {
        id: "DESA".into(),
        uraian: "Desa tepat waktu".into(),
        satuan: Some("%".into()),
        rekap: rekap_indikator(
            CaraWilayah::RasioJumlah,
            Some(Decimal::ONE_HUNDRED),
            &[unit(1, 2), unit(18, 20), NilaiUnit::default()],
        ),
    }];
    let html = kabupaten(
        &konteks(),
        "Kab",
        th(2021),
        &baris,
        &r,
        "nama",
        None,
        None,
        &[],
    );
    assert!(html.contains("86,36 %"), "{html}");
    assert!(
        html.contains("rasio jumlah pembilang dan penyebut unit, 2 dari 3 unit melapor"),
        "{html}"
    );
}

/// The guide shows every screenshot of `panduan::GAMBAR` once, each with its alt text, and
/// names none that is missing; the images are real screenshots (not the 1 px placeholders a
/// new name starts with) and stay within the size budget: the binary embeds them.
#[test]
fn the_guide_shows_every_screenshot_within_the_budget() {
    let html = panduan(&konteks());
    assert!(!html.contains("gambar panduan tidak ada"), "{html}");
    let mut jumlah = 0;
    for g in crate::panduan::GAMBAR {
        let src = format!("src=\"/panduan/gambar/{}.png\"", g.nama);
        assert_eq!(html.matches(&src).count(), 1, "{}", g.nama);
        assert!(g.alt.len() > 40, "{}: a description, not a name", g.nama);
        let (l, t) = crate::panduan::ukuran(g.png).expect("a PNG");
        assert!(l >= 300 && t >= 60, "{}: {l} x {t} px", g.nama);
        assert!(l <= 1280, "{}: captured at 1280 px at most: {l}", g.nama);
        // Budget: 250 KB an image, 1,5 MB in all.
        assert!(g.png.len() <= 250_000, "{}: {} bytes", g.nama, g.png.len());
        jumlah += g.png.len();
    }
    assert!(jumlah <= 1_500_000, "{jumlah} bytes in all");
    assert_eq!(
        html.matches("<img ").count(),
        crate::panduan::GAMBAR.len(),
        "every image of the guide is one of GAMBAR"
    );
}
