//! The satisfaction survey page of a year: the surveys attached, and the upload of a survey
//! file (respondents' answers or a per-unsur table) with its index, per-unsur table and chart
//! shown before anything is saved, then attached to its indicator as the realisasi.

use crate::Konteks;
use crate::bantu::{instansi_utama, render};
use crate::tata::{Bagian, Tata, instansi_href};
use askama::Template;
use kinerja_core::angka::format_angka;
use kinerja_core::model::DataInstansi;
use kinerja_core::skm::HasilSkm;
use kinerja_core::waktu::Tahun;

/// Where the upload stands.
#[derive(Debug, Clone)]
pub enum KeadaanSkm {
    Kosong,
    /// The file could not be read or computed: nothing was kept.
    Galat {
        berkas: String,
        masalah: Vec<String>,
    },
    /// Read and computed; `token` confirms attaching it to `indikator`.
    Pratinjau {
        berkas: String,
        token: String,
        indikator: String,
        hasil: Box<HasilSkm>,
        dilewati: Vec<String>,
    },
}

/// The choices of the upload form, kept after an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PilihanSkm {
    pub indikator: String,
    /// `""` (from the file), `2017`, `2004`.
    pub regime: String,
    /// `tepat` or `cetak`.
    pub bobot: String,
    pub lewati: bool,
}

struct Opsi {
    nilai: String,
    teks: String,
    dipilih: bool,
}

struct BarisSurvei {
    id: String,
    indikator: String,
    regime: String,
    responden: String,
    unsur: usize,
    catatan: String,
}

struct BarisUnsur {
    kode: String,
    nama: String,
    nrr: String,
    skor: String,
    mutu: String,
}

struct Ringkas {
    berkas: String,
    token: String,
    indikator: String,
    regime: String,
    responden: String,
    ikm: String,
    nik: String,
    mutu: String,
    unsur: Vec<BarisUnsur>,
    grafik: String,
    dilewati: Vec<String>,
    /// A realisasi typed for the indicator's year wins over the survey.
    diketik: bool,
}

#[derive(Template)]
#[template(path = "skm.html")]
struct HalamanSkm {
    l: Tata,
    instansi: String,
    tahun: u16,
    aksi: String,
    ubah: bool,
    survei: Vec<BarisSurvei>,
    masalah: Vec<String>,
    berkas_galat: String,
    pratinjau: Option<Ringkas>,
    indikator: Vec<Opsi>,
    regime: Vec<Opsi>,
    bobot: Vec<Opsi>,
    lewati: bool,
    format: String,
}

fn opsi(pilihan: &[(&str, String)], dipilih: &str) -> Vec<Opsi> {
    pilihan
        .iter()
        .map(|(n, t)| Opsi {
            nilai: n.to_string(),
            teks: t.clone(),
            dipilih: *n == dipilih,
        })
        .collect()
}

/// `format`: the file forms the upload takes (".csv,.xlsx,...").
pub fn skm(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    ubah: bool,
    pilihan: &PilihanSkm,
    format: &str,
    keadaan: &KeadaanSkm,
) -> String {
    let l = Tata::baru(
        k,
        format!("Survei kepuasan {}", tahun.get()),
        Bagian::Skm,
        Some(data),
    );
    let id = crate::isian::id_instansi(k, data);
    let uraian = |ind: &str| {
        data.indikator
            .iter()
            .find(|i| i.id.as_str() == ind)
            .map_or_else(
                || ind.to_string(),
                |i| format!("{} ({})", i.uraian, i.id.as_str()),
            )
    };
    let survei = data
        .skm
        .iter()
        .filter(|s| s.tahun == tahun)
        .map(|s| BarisSurvei {
            id: s.id.to_string(),
            indikator: s
                .indikator
                .as_ref()
                .map_or_else(|| "(tanpa indikator)".into(), |i| uraian(i.as_str())),
            regime: s.regime.clone(),
            responden: s.responden.map_or_else(|| "–".into(), |r| r.to_string()),
            unsur: s.unsur.len(),
            catatan: s.catatan.clone().unwrap_or_default(),
        })
        .collect();
    let (masalah, berkas_galat, pratinjau) = match keadaan {
        KeadaanSkm::Kosong => (Vec::new(), String::new(), None),
        KeadaanSkm::Galat { berkas, masalah } => (masalah.clone(), berkas.clone(), None),
        KeadaanSkm::Pratinjau {
            berkas,
            token,
            indikator,
            hasil,
            dilewati,
        } => (
            Vec::new(),
            String::new(),
            Some(Ringkas {
                berkas: berkas.clone(),
                token: token.clone(),
                indikator: uraian(indikator),
                regime: hasil.regime.nama.clone(),
                responden: hasil
                    .responden
                    .map_or_else(|| "–".into(), |r| r.to_string()),
                ikm: format_angka(hasil.ikm, 4),
                nik: format_angka(hasil.nik, 2),
                mutu: format!("{} ({})", hasil.mutu, hasil.kinerja_unit),
                unsur: hasil
                    .unsur
                    .iter()
                    .map(|u| BarisUnsur {
                        kode: u.kode.clone(),
                        nama: u.nama.clone(),
                        nrr: format_angka(u.nrr, 4),
                        skor: format_angka(u.skor, 2),
                        mutu: format!("{} ({})", u.mutu, u.kinerja_unit),
                    })
                    .collect(),
                grafik: kinerja_grafik::skm::svg(
                    hasil,
                    &format!("Survei Kepuasan Masyarakat {}", tahun.get()),
                ),
                dilewati: dilewati.clone(),
                diketik: data
                    .realisasi
                    .iter()
                    .any(|r| r.tahun == tahun && r.indikator.as_str() == indikator),
            }),
        ),
    };
    let indikator: Vec<(&str, String)> = data
        .indikator
        .iter()
        .map(|i| (i.id.as_str(), format!("{} ({})", i.uraian, i.id.as_str())))
        .collect();
    render(&HalamanSkm {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        aksi: instansi_href(&id, tahun.get(), "/skm"),
        ubah,
        survei,
        masalah,
        berkas_galat,
        pratinjau,
        indikator: opsi(&indikator, &pilihan.indikator),
        regime: opsi(
            &[
                ("", "sesuai berkas (dikenali dari jumlah unsur)".into()),
                ("2017", "PermenPANRB 14/2017 (9 unsur)".into()),
                ("2004", "KepmenPAN 25/2004 (14 unsur)".into()),
            ],
            &pilihan.regime,
        ),
        bobot: opsi(
            &[
                ("tepat", "tepat (1/n)".into()),
                ("cetak", "seperti dicetak peraturan (dibulatkan)".into()),
            ],
            if pilihan.bobot.is_empty() {
                "tepat"
            } else {
                &pilihan.bobot
            },
        ),
        lewati: pilihan.lewati,
        format: format.to_string(),
    })
}
