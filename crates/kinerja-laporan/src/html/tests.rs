use super::*;
use crate::dokumen::{Baris, Grafik, Kolom};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ttd_camat() -> TandaTangan {
    TandaTangan {
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        peran: None,
        jabatan: "CAMAT MUMBULSARI".into(),
        nama: "Drs. A & B".into(),
        pangkat: Some("Pembina Tingkat I".into()),
        nip: Some("19671229 199303 1 008".into()),
    }
}

fn kolom(judul: &str, lebar: u8, rata_kanan: bool) -> Kolom {
    Kolom {
        judul: judul.into(),
        lebar,
        rata_kanan,
    }
}

fn dokumen() -> Dokumen {
    let tabel = Tabel {
        nama: "Tabel 3.1".into(),
        judul: "Tabel 3.1 Pengukuran <Kinerja> Tahun 2020".into(),
        kolom: vec![
            kolom("Indikator", 6, false),
            kolom("Target", 2, true),
            kolom("Anggaran (Rp)", 3, true),
            kolom("Capaian", 2, true),
        ],
        baris: vec![
            Baris {
                sel: vec![
                    Sel::teks("Indeks \"Kepuasan\" Masyarakat"),
                    Sel::Angka {
                        nilai: d("1500"),
                        desimal: 0,
                    },
                    Sel::Rupiah(kinerja_core::uang::Rupiah::new(d("1674830966.58")).unwrap()),
                    Sel::Persen(d("88.625")),
                ],
                tebal: false,
            },
            Baris {
                sel: vec![
                    Sel::teks("Jumlah"),
                    Sel::Kosong,
                    Sel::TidakTersedia(None),
                    Sel::TidakTersedia(Some("belum diukur".into())),
                ],
                tebal: true,
            },
        ],
        catatan: Some("Sumber: data pengukuran.".into()),
    };
    let matriks = Tabel {
        nama: "Lampiran 1".into(),
        judul: "Matriks Renstra".into(),
        kolom: vec![kolom("Tujuan", 5, false), kolom("2021", 2, true)],
        baris: vec![Baris {
            sel: vec![Sel::teks("T-1")],
            tebal: false,
        }],
        catatan: None,
    };
    Dokumen {
        judul: "LAPORAN KINERJA".into(),
        instansi: "KECAMATAN MUMBULSARI".into(),
        induk: Some("KABUPATEN JEMBER".into()),
        tahun: 2020,
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        penandatangan: Some(ttd_camat()),
        sidik: "0123456789ab".into(),
        versi: "0.1.0".into(),
        draf: None,
        logo: None,
        bab: vec![
            Bab {
                jenis: JenisBab::Awal,
                nomor: None,
                judul: "KATA PENGANTAR".into(),
                lanskap: false,
                isi: vec![
                    Blok::Paragraf {
                        teks: "Puji syukur <b>\nbaris dua".into(),
                    },
                    Blok::TandaTangan(ttd_camat()),
                ],
            },
            Bab {
                jenis: JenisBab::Bab,
                nomor: Some("III".into()),
                judul: "AKUNTABILITAS KINERJA".into(),
                lanskap: false,
                isi: vec![
                    Blok::Judul {
                        tingkat: 1,
                        teks: "A. Capaian Kinerja Organisasi".into(),
                    },
                    Blok::Judul {
                        tingkat: 2,
                        teks: "1. Sasaran 1".into(),
                    },
                    Blok::Daftar {
                        bernomor: true,
                        butir: vec!["satu".into(), "dua & tiga".into()],
                    },
                    Blok::Tabel(tabel),
                    Blok::Grafik(Grafik {
                        judul: "Capaian 2020".into(),
                        svg: kinerja_grafik::batang_capaian(
                            "Capaian 2020",
                            &[("IKM".into(), Some(d("80"))), ("X".into(), None)],
                            Decimal::ONE_HUNDRED,
                        ),
                        lebar_mm: 160,
                    }),
                    Blok::Catatan {
                        teks: "Capaian = realisasi / target × 100 %".into(),
                    },
                    Blok::HalamanBaru,
                ],
            },
            Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("1".into()),
                judul: "MATRIKS RENSTRA".into(),
                lanskap: true,
                isi: vec![
                    Blok::Tabel(matriks),
                    Blok::DuaPihak {
                        kiri: TandaTangan {
                            tempat_tanggal: None,
                            peran: Some("Pihak Kedua".into()),
                            jabatan: "BUPATI JEMBER".into(),
                            ..ttd_camat()
                        },
                        kanan: TandaTangan {
                            peran: Some("Pihak Pertama".into()),
                            ..ttd_camat()
                        },
                    },
                ],
            },
        ],
    }
}

#[test]
fn is_one_self_contained_html5_document() {
    let h = html(&dokumen());
    assert!(h.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
    assert!(h.ends_with("</html>\n"));
    assert!(h.contains("<meta charset=\"utf-8\">"));
    assert!(!h.contains("<script"));
    assert!(!h.contains("<link"));
    assert!(
        !h.contains("http://")
            || h.matches("http://").count()
                == h.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!h.contains("https://"));
    assert!(h.contains("<title>LAPORAN KINERJA KECAMATAN MUMBULSARI TAHUN 2020</title>"));
}

#[test]
fn the_logo_is_inline_on_the_cover() {
    let mut d = dokumen();
    let png = kinerja_grafik::svg_ke_png(&kinerja_grafik::serapan("L", &[]), 1.0).unwrap();
    d.logo = Some(crate::logo::Logo::baca(png).unwrap());
    let h = html(&d);
    let i = h
        .find("<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgo")
        .expect("the PNG inline");
    assert!(i < h.find("<h1>").unwrap());
    assert!(h.contains("alt=\"Lambang KABUPATEN JEMBER\">"));
    assert!(!html(&dokumen()).contains("class=\"logo\""));
}

#[test]
fn daftar_tabel_and_daftar_grafik_link_every_caption() {
    let h = html(&dokumen());
    let tabel = h
        .find("<h2 id=\"daftar-tabel\">DAFTAR TABEL</h2>")
        .expect("a list of tables");
    let grafik = h
        .find("<h2 id=\"daftar-grafik\">DAFTAR GRAFIK</h2>")
        .expect("a list of charts");
    assert!(h.find("DAFTAR ISI").unwrap() < tabel && tabel < grafik);
    // BAB III's fourth block is the table, its fifth the chart; the annex's first the matrix.
    for (href, teks) in [
        ("bab-2-4", "Tabel 3.1 Pengukuran &lt;Kinerja&gt; Tahun 2020"),
        ("bab-3-1", "Matriks Renstra"),
        ("bab-2-5", "Capaian 2020"),
    ] {
        assert!(
            h.contains(&format!("<li><a href=\"#{href}\">{teks}</a></li>")),
            "{teks}"
        );
        assert!(h.contains(&format!("id=\"{href}\"")), "{href}");
    }
    assert!(h[tabel..grafik].contains("Matriks Renstra"));
    assert!(h[grafik..].contains("href=\"#bab-2-5\""));
}

#[test]
fn has_the_cover_contents_every_heading_and_the_footer_fingerprint() {
    let h = html(&dokumen());
    assert!(h.contains("<h1>LAPORAN KINERJA</h1>"));
    assert!(h.contains("TAHUN 2020") && h.contains("KABUPATEN JEMBER"));
    // Table of contents links to chapters and level-1 headings, and the targets exist.
    for (href, teks) in [
        ("bab-1", "KATA PENGANTAR"),
        ("bab-2", "BAB III AKUNTABILITAS KINERJA"),
        ("bab-2-1", "A. Capaian Kinerja Organisasi"),
        ("bab-3", "LAMPIRAN 1 MATRIKS RENSTRA"),
    ] {
        assert!(
            h.contains(&format!("<a href=\"#{href}\">{teks}</a>")),
            "{teks}"
        );
        assert!(h.contains(&format!("id=\"{href}\"")), "{href}");
    }
    assert!(h.contains("<h2><span class=\"nomor-bab\">BAB III</span>AKUNTABILITAS KINERJA</h2>"));
    assert!(h.contains("<h3 id=\"bab-2-1\">A. Capaian Kinerja Organisasi</h3>"));
    assert!(h.contains("<h4 id=\"bab-2-2\">1. Sasaran 1</h4>"));
    // The last chapter is landscape: the footer goes on its pages.
    assert!(h.contains("<footer class=\"kaki lanskap\">"));
    assert!(h.contains("@bottom-right { content: \"sidik data 0123456789ab · kinerja 0.1.0\"; }"));
    assert!(h.contains("sidik data <code>0123456789ab</code>"));
    assert!(h.contains("kinerja 0.1.0"));
}

#[test]
fn every_table_has_a_header_group_and_numbers_print_the_indonesian_way() {
    let doc = dokumen();
    let h = html(&doc);
    assert_eq!(h.matches("<table>").count(), doc.tabel().count());
    assert_eq!(h.matches("<thead>").count(), doc.tabel().count());
    assert!(h.contains("thead { display: table-header-group; }"));
    assert!(h.contains("<td class=\"kanan\">1.500</td>"));
    assert!(h.contains("<td class=\"kanan\">1.674.830.966,58</td>"));
    assert!(h.contains("<td class=\"kanan\">88,63 %</td>"));
    assert!(h.contains("<td class=\"tt kanan\"><em>data tidak tersedia</em></td>"));
    assert!(h.contains("<em>data tidak tersedia (belum diukur)</em>"));
    assert!(h.contains("<tr class=\"tebal\"><td>Jumlah</td><td></td>"));
    // A short row is padded to the columns.
    assert!(h.contains("<tr><td>T-1</td><td></td></tr>"));
    // Column widths from the relative widths (6:2:3:2 of 13).
    assert!(h.contains("<col style=\"width:46.1%\"><col style=\"width:15.3%\">"));
    assert!(h.contains("<p class=\"catatan\">Sumber: data pengukuran.</p>"));
}

#[test]
fn all_text_is_escaped() {
    let h = html(&dokumen());
    assert!(h.contains("Tabel 3.1 Pengukuran &lt;Kinerja&gt; Tahun 2020"));
    assert!(h.contains("Indeks &quot;Kepuasan&quot; Masyarakat"));
    assert!(h.contains("<p>Puji syukur &lt;b&gt;<br>\nbaris dua</p>"));
    assert!(h.contains("Drs. A &amp; B"));
    assert!(h.contains("<li>dua &amp; tiga</li>"));
    assert!(!h.contains("<b>"));
}

#[test]
fn landscape_chapters_charts_and_signatures() {
    let h = html(&dokumen());
    assert!(h.contains("<section class=\"bab lampiran lanskap\" id=\"bab-3\">"));
    assert!(h.contains("@page lanskap { size: A4 landscape;"));
    assert!(h.contains("section.lanskap { page: lanskap; }"));
    // The chart is inline, its ids prefixed with the block id.
    assert!(h.contains("<figure class=\"grafik\" id=\"bab-2-5\" style=\"max-width:160mm\""));
    assert!(h.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(h.contains("id=\"bab-2-5-kg-arsir\""));
    assert!(!h.contains("url(#kg-arsir)"));
    // Signature blocks: the kata pengantar, and both parties side by side.
    assert_eq!(h.matches("<div class=\"ttd\">").count(), 3);
    assert!(h.contains("<div class=\"dua-pihak\">"));
    assert!(h.contains("<p class=\"peran\">Pihak Kedua</p>"));
    // Pihak kedua has no place and date: an empty line keeps the names level.
    assert!(h.contains(
        "<div class=\"ttd\">\n<p class=\"kosong\">&nbsp;</p>\n<p class=\"peran\">Pihak Kedua</p>"
    ));
    assert!(h.contains("<p>NIP. 19671229 199303 1 008</p>"));
    assert!(h.contains("<div class=\"halaman-baru\"></div>"));
}

#[test]
fn css_strings_cannot_close_the_style_element() {
    assert_eq!(css_string("a\"b\\c</style>"), "\"a\\\"b\\\\c\\3C /style>\"");
}

#[test]
fn same_document_same_bytes() {
    assert_eq!(html(&dokumen()), html(&dokumen()));
}

#[test]
fn svg_prolog_is_dropped_when_inlined() {
    let s = svg_sebaris(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><defs><pattern id=\"a\"/></defs><rect fill=\"url(#a)\"/><use href=\"#a\"/></svg>",
        "g1",
    );
    assert_eq!(
        s,
        "<svg><defs><pattern id=\"g1-a\"/></defs><rect fill=\"url(#g1-a)\"/><use href=\"#g1-a\"/></svg>\n"
    );
}
