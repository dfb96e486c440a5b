//! typst's process-wide state, made ready on a thread of its own while the caller is still
//! reading the data.
//!
//! A report's first render in a process pays for things that do not depend on the report: the
//! standard library, the font book, parsing the faces the template uses, the line-break
//! segmenter's data, the shaping plans per face and language, the SVG reader's setup, the PDF
//! writer's own tables. `kinerja laporan --format pdf` spends its first milliseconds reading,
//! validating and reviewing the data on one core; [`panaskan`] lays out and writes a small
//! document with the same page design on the other meanwhile, so that the real render finds all
//! of that done. The real render's output does not depend on it: typst's memo caches answer a
//! call only when every input the call read is the same (comemo's tracking), so a warm cache
//! gives the bytes a cold one gives (the example's pinned fingerprint checks this).

use std::sync::Mutex;
use std::thread::JoinHandle;

use kinerja_laporan::{Bab, Baris, Blok, Dokumen, JenisBab, Kolom, Sel, Tabel, TandaTangan};

/// The warm-up thread, while it may still run.
static PEMANASAN: Mutex<Option<JoinHandle<()>>> = Mutex::new(None);

/// Starts the warm-up on a thread of its own and returns at once; the next render waits for it
/// to finish (so that the two never share the cores) and then finds typst ready. Calling it
/// again while a warm-up runs does nothing; when no thread can be started, nothing happens.
pub fn panaskan() {
    let Ok(mut p) = PEMANASAN.lock() else { return };
    if p.is_some() {
        return;
    }
    *p = std::thread::Builder::new()
        .name("typst-panas".into())
        .spawn(|| {
            // A failure here would show in the real render, with its message.
            let _ = crate::tulis_tanpa_menunggu(&dokumen_panas(), false);
        })
        .ok();
}

/// Waits for a warm-up started by [`panaskan`], if there is one.
pub(crate) fn tunggu() {
    let t = PEMANASAN.lock().ok().and_then(|mut p| p.take());
    if let Some(t) = t {
        let _ = t.join();
    }
}

/// A small document using every style the page design has: front matter and a chapter, the
/// outline and the lists of tables and charts, headings of each level, a justified paragraph,
/// both kinds of list, a table with a header, a right-aligned number, a bold row and an italic
/// "data tidak tersedia", a chart, a note, a signature, a landscape chapter.
fn dokumen_panas() -> Dokumen {
    let tabel = Tabel {
        nama: "Tabel 1".into(),
        judul: "Tabel 1 Capaian Kinerja Tahun 2020".into(),
        kolom: [("No", 1, false), ("Indikator Kinerja", 6, false), ("Capaian", 2, true)]
            .into_iter()
            .map(|(judul, lebar, rata_kanan)| Kolom {
                judul: judul.into(),
                lebar,
                rata_kanan,
            })
            .collect(),
        baris: vec![
            Baris {
                sel: vec![
                    Sel::Teks("1".into()),
                    Sel::Teks("Persentase pelayanan administrasi yang tepat waktu".into()),
                    Sel::Teks("1.674.830.966,58 %".into()),
                ],
                tebal: false,
            },
            Baris {
                sel: vec![
                    Sel::Kosong,
                    Sel::Teks("Rata-rata capaian".into()),
                    Sel::TidakTersedia(None),
                ],
                tebal: true,
            },
        ],
        catatan: Some("Sumber: data pengukuran kinerja.".into()),
    };
    let ttd = TandaTangan {
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        peran: Some("Pihak Pertama".into()),
        jabatan: "CAMAT".into(),
        nama: "Nama Pejabat".into(),
        pangkat: Some("Pembina Tingkat I".into()),
        nip: Some("19671229 199303 1 008".into()),
    };
    let paragraf = "Laporan Kinerja ini menyajikan capaian kinerja instansi pemerintah \
                    selama satu tahun anggaran, dibandingkan dengan target yang ditetapkan \
                    dalam Perjanjian Kinerja, beserta analisis dan upaya perbaikannya.";
    let bab = |jenis, nomor: Option<&str>, lanskap, isi| Bab {
        jenis,
        nomor: nomor.map(Into::into),
        judul: "PENDAHULUAN".into(),
        lanskap,
        isi,
    };
    Dokumen {
        judul: "LAPORAN KINERJA".into(),
        instansi: "KECAMATAN".into(),
        induk: Some("KABUPATEN".into()),
        tahun: 2020,
        tempat_tanggal: None,
        penandatangan: None,
        sidik: "000000000000".into(),
        versi: "0".into(),
        draf: Some("DRAF: pemanasan".into()),
        logo: None,
        bab: vec![
            bab(
                JenisBab::Awal,
                None,
                false,
                vec![
                    Blok::Paragraf {
                        teks: paragraf.into(),
                    },
                    Blok::TandaTangan(ttd.clone()),
                ],
            ),
            bab(
                JenisBab::Bab,
                Some("I"),
                false,
                vec![
                    Blok::Judul {
                        tingkat: 1,
                        teks: "A. Latar Belakang".into(),
                    },
                    Blok::Paragraf {
                        teks: paragraf.into(),
                    },
                    Blok::Judul {
                        tingkat: 2,
                        teks: "1. Tugas".into(),
                    },
                    Blok::Daftar {
                        bernomor: true,
                        butir: vec!["Satu".into(), "Dua".into()],
                    },
                    Blok::Judul {
                        tingkat: 3,
                        teks: "a. Fungsi".into(),
                    },
                    Blok::Daftar {
                        bernomor: false,
                        butir: vec!["Satu".into()],
                    },
                    Blok::Tabel(tabel.clone()),
                    Blok::Grafik(kinerja_laporan::Grafik {
                        judul: "Serapan Anggaran".into(),
                        svg: kinerja_grafik::serapan(
                            "Serapan Anggaran",
                            &[("Program".into(), Some(rust_decimal::Decimal::ONE_HUNDRED))],
                        ),
                        lebar_mm: 160,
                    }),
                    Blok::Catatan {
                        teks: "Catatan.".into(),
                    },
                    Blok::HalamanBaru,
                    Blok::DuaPihak {
                        kiri: ttd.clone(),
                        kanan: ttd,
                    },
                ],
            ),
            bab(JenisBab::Lampiran, Some("1"), true, vec![Blok::Tabel(tabel)]),
        ],
    }
}
