//! A small report built by hand with every kind of block: front matter, a chapter with a
//! table (money, percent, numbers, "data tidak tersedia", a bold total), a chart, a landscape
//! lampiran, the two-party signature block. Shared by the DOCX and XLSX tests.

use kinerja_core::uang::Rupiah;
use kinerja_laporan::*;
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal literal")
}

pub fn rp(s: &str) -> Sel {
    Sel::Rupiah(Rupiah::new(d(s)).expect("at most two decimals"))
}

fn kolom(judul: &str, lebar: u8, rata_kanan: bool) -> Kolom {
    Kolom {
        judul: judul.into(),
        lebar,
        rata_kanan,
    }
}

fn pejabat(peran: Option<&str>, jabatan: &str, nama: &str) -> TandaTangan {
    TandaTangan {
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        peran: peran.map(String::from),
        jabatan: jabatan.into(),
        nama: nama.into(),
        pangkat: Some("Pembina Tingkat I".into()),
        nip: Some("19671229 199303 1 008".into()),
    }
}

pub const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160" viewBox="0 0 400 160"><rect x="0" y="0" width="400" height="160" fill="white"/><text x="10" y="20" font-family="DejaVu Sans" font-size="14">Capaian per indikator</text><rect x="10" y="40" width="300" height="30" fill="#444"/><text x="320" y="60" font-family="DejaVu Sans" font-size="12">88,62 %</text><rect x="10" y="90" width="200" height="30" fill="white" stroke="black"/><text x="220" y="110" font-family="DejaVu Sans" font-size="12">66,67 %</text></svg>"##;

pub fn tabel_pengukuran() -> Tabel {
    Tabel {
        nama: "Tabel 3.1".into(),
        judul: "Tabel 3.1 Pengukuran Kinerja Tahun 2020".into(),
        kolom: vec![
            kolom("No", 4, false),
            kolom("Indikator Kinerja", 30, false),
            kolom("Target", 10, true),
            kolom("Realisasi", 10, true),
            kolom("Capaian", 10, true),
            kolom("Anggaran (Rp)", 18, true),
        ],
        baris: vec![
            Baris {
                sel: vec![
                    Sel::teks("1"),
                    Sel::teks("Indeks Kepuasan Masyarakat"),
                    Sel::Angka {
                        nilai: d("80"),
                        desimal: 2,
                    },
                    Sel::Angka {
                        nilai: d("70.896"),
                        desimal: 3,
                    },
                    Sel::Persen(d("88.62")),
                    rp("1674830966.58"),
                ],
                tebal: false,
            },
            Baris {
                sel: vec![
                    Sel::teks("2"),
                    Sel::teks("Persentase desa dengan APBDes tepat waktu"),
                    Sel::Angka {
                        nilai: d("100"),
                        desimal: 0,
                    },
                    Sel::TidakTersedia(None),
                    Sel::TidakTersedia(Some("survei belum dilakukan".into())),
                    rp("987654321.25"),
                ],
                tebal: false,
            },
            Baris {
                sel: vec![
                    Sel::Kosong,
                    Sel::teks("Jumlah"),
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    rp("2662485287.83"),
                ],
                tebal: true,
            },
        ],
        catatan: Some("Sumber: data kinerja; capaian = realisasi / target × 100.".into()),
    }
}

pub fn tabel_renstra() -> Tabel {
    let mut kol = vec![
        kolom("Tujuan", 20, false),
        kolom("Sasaran: nama [panjang]", 20, false),
    ];
    let mut sel = vec![
        Sel::teks("Meningkatkan pelayanan"),
        Sel::teks("Pelayanan prima"),
    ];
    for th in 2016..=2021 {
        kol.push(kolom(&format!("Target {th}"), 8, true));
        sel.push(Sel::Persen(d(&format!("{}.5", th - 1940))));
    }
    Tabel {
        nama: "Lampiran 1: Renstra/Matriks*".into(),
        judul: "Lampiran 1 Matriks Rencana Strategis 2016-2021".into(),
        kolom: kol,
        baris: vec![Baris { sel, tebal: false }],
        catatan: None,
    }
}

pub fn dokumen() -> Dokumen {
    Dokumen {
        judul: "LAPORAN KINERJA".into(),
        instansi: "KECAMATAN CONTOH".into(),
        induk: Some("KABUPATEN JEMBER".into()),
        tahun: 2020,
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        penandatangan: Some(pejabat(None, "CAMAT CONTOH", "Drs. CONTOH, M.Si")),
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
                        teks: "Puji syukur kami panjatkan.\nLaporan ini disusun dari data.".into(),
                    },
                    Blok::TandaTangan(pejabat(None, "CAMAT CONTOH", "Drs. CONTOH, M.Si")),
                ],
            },
            Bab {
                jenis: JenisBab::Bab,
                nomor: Some("I".into()),
                judul: "PENDAHULUAN".into(),
                lanskap: false,
                isi: vec![
                    Blok::Judul {
                        tingkat: 1,
                        teks: "A. Latar Belakang".into(),
                    },
                    Blok::Paragraf {
                        teks: "Kecamatan menyusun laporan kinerja setiap tahun.".into(),
                    },
                    Blok::Daftar {
                        bernomor: true,
                        butir: vec![
                            "Pelayanan administrasi".into(),
                            "Pemberdayaan masyarakat".into(),
                        ],
                    },
                    Blok::Daftar {
                        bernomor: false,
                        butir: vec!["butir tanpa nomor".into()],
                    },
                    Blok::Judul {
                        tingkat: 2,
                        teks: "1. Tugas dan Fungsi".into(),
                    },
                    Blok::Judul {
                        tingkat: 3,
                        teks: "a. Rincian".into(),
                    },
                    Blok::HalamanBaru,
                    Blok::Paragraf {
                        teks: "Setelah halaman baru.".into(),
                    },
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
                        teks: "A. Capaian Kinerja".into(),
                    },
                    Blok::Tabel(tabel_pengukuran()),
                    Blok::Grafik(Grafik {
                        judul: "Grafik 3.1 Capaian per Indikator".into(),
                        svg: SVG.into(),
                        lebar_mm: 150,
                    }),
                    Blok::Catatan {
                        teks: "Capaian dibulatkan dua desimal saat dicetak.".into(),
                    },
                ],
            },
            Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("1".into()),
                judul: "MATRIKS RENCANA STRATEGIS".into(),
                lanskap: true,
                isi: vec![Blok::Tabel(tabel_renstra())],
            },
            Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("2".into()),
                judul: "PERJANJIAN KINERJA".into(),
                lanskap: false,
                isi: vec![Blok::DuaPihak {
                    kiri: pejabat(Some("Pihak Kedua"), "BUPATI JEMBER", "Ir. BUPATI"),
                    kanan: pejabat(Some("Pihak Pertama"), "CAMAT CONTOH", "Drs. CONTOH, M.Si"),
                }],
            },
        ],
    }
}
