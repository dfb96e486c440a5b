//! The plan tree, PK and IKU, the audit trail, the kabupaten view, login pages, the guide.

use super::*;

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
