//! The page of one survey's report: its index, mutu and sample against the population served,
//! the unsur below the mean, the downloads (PDF, DOCX), and the form of the Rencana Tindak
//! Lanjut (this survey's actions; the previous year's plan with its follow-up).

use crate::bantu::{instansi_utama, render};
use crate::isian::{GalatRingkas, galat_ringkas, id_instansi, per_medan, pesan_sel};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::angka::format_angka;
use kinerja_core::model::{DataInstansi, StatusTindakLanjut, SurveiSkm, TindakLanjutSkm};
use kinerja_core::skm::HasilSkm;
use std::collections::HashMap;

/// What the page shows of a survey: its computed result, or why there is none.
pub struct LaporanSkmTampil<'a> {
    pub survei: &'a SurveiSkm,
    pub hasil: Result<&'a HasilSkm, String>,
    /// This survey's actions, and the previous year's plans of the same instansi.
    pub rencana: Vec<&'a TindakLanjutSkm>,
    pub rencana_lalu: Vec<&'a TindakLanjutSkm>,
}

struct Pilihan {
    nilai: String,
    teks: String,
    dipilih: bool,
}

struct Medan {
    nama: String,
    nilai: String,
    galat: Option<String>,
}

struct BarisRtl {
    id: String,
    unsur: Medan,
    pilihan_unsur: Vec<Pilihan>,
    kegiatan: Medan,
    jadwal: Medan,
    penanggung_jawab: Medan,
    hapus: bool,
}

struct BarisLalu {
    unsur: String,
    kegiatan: String,
    jadwal: String,
    penanggung_jawab: String,
    status: Medan,
    pilihan_status: Vec<Pilihan>,
    hasil: Medan,
}

struct Ringkas {
    nik: String,
    ikm: String,
    mutu: String,
    responden: String,
    sampel: Option<String>,
    lemah: Vec<String>,
}

#[derive(Template)]
#[template(path = "skm_laporan.html")]
struct Halaman {
    l: Tata,
    instansi: String,
    tahun: u16,
    survei: String,
    aksi: String,
    kembali: String,
    ubah: bool,
    galat: Vec<GalatRingkas>,
    ringkas: Result<Ringkas, String>,
    populasi: Medan,
    rencana: Vec<BarisRtl>,
    baru: BarisRtl,
    lalu: Vec<BarisLalu>,
}

fn ringkas(h: &HasilSkm) -> Ringkas {
    Ringkas {
        nik: format_angka(h.nik, 2),
        ikm: format_angka(h.ikm, 4),
        mutu: format!("{} ({})", h.mutu, h.kinerja_unit),
        responden: h
            .responden
            .map_or_else(|| "tidak diketahui".into(), |r| format_angka(r.into(), 0)),
        sampel: h.sampel.as_ref().map(|s| {
            let cukup = match s.cukup {
                Some(true) => "cukup",
                Some(false) => "belum cukup",
                None => "tidak dapat dinilai (jumlah responden tidak diketahui)",
            };
            format!(
                "populasi {}, sampel minimum {} (Krejcie-Morgan): {cukup}",
                format_angka(s.populasi.into(), 0),
                format_angka(s.minimum.into(), 0)
            )
        }),
        lemah: h
            .di_bawah_rata_rata
            .iter()
            .filter_map(|k| h.unsur.iter().find(|u| &u.kode == k))
            .map(|u| format!("{} {} (skor {})", u.kode, u.nama, format_angka(u.skor, 2)))
            .collect(),
    }
}

pub fn laporan_skm(
    k: &Konteks,
    data: &DataInstansi,
    s: &LaporanSkmTampil<'_>,
    ubah: bool,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let survei = s.survei;
    let tahun = survei.tahun.get();
    let l = Tata::baru(
        k,
        format!("Laporan SKM {tahun}: {}", survei.id),
        Bagian::Skm,
        Some(data),
    );
    let id = id_instansi(k, data);
    let (diisi, galat) = per_medan(isian, kesalahan);
    // After a refused save the page shows what was typed; otherwise what is stored.
    let medan = |nama: String, simpan: String| Medan {
        nilai: if isian.is_empty() {
            simpan
        } else {
            diisi
                .get(nama.as_str())
                .map(|v| v.to_string())
                .unwrap_or_default()
        },
        galat: galat.get(nama.as_str()).map(|g| pesan_sel(g)),
        nama,
    };
    let unsur: Vec<(String, String)> = match &s.hasil {
        Ok(h) => h
            .unsur
            .iter()
            .enumerate()
            .map(|(i, u)| ((i + 1).to_string(), format!("{} {}", u.kode, u.nama)))
            .collect(),
        Err(_) => Vec::new(),
    };
    let nama_unsur = |n: u32| {
        unsur
            .get((n as usize).wrapping_sub(1))
            .map_or_else(|| format!("U{n}"), |(_, t)| t.clone())
    };
    let pilihan = |dipilih: &str| -> Vec<Pilihan> {
        unsur
            .iter()
            .map(|(n, t)| Pilihan {
                nilai: n.clone(),
                teks: t.clone(),
                dipilih: n == dipilih,
            })
            .collect()
    };
    let baris = |awal: &str, t: Option<&TindakLanjutSkm>| {
        let n = |m: &str| format!("{awal}.{m}");
        let u = medan(
            n("unsur"),
            t.map(|t| t.unsur.to_string()).unwrap_or_default(),
        );
        BarisRtl {
            id: t.map(|t| t.id.to_string()).unwrap_or_default(),
            pilihan_unsur: pilihan(&u.nilai),
            unsur: u,
            kegiatan: medan(
                n("kegiatan"),
                t.map(|t| t.kegiatan.clone()).unwrap_or_default(),
            ),
            jadwal: medan(n("jadwal"), t.map(|t| t.jadwal.clone()).unwrap_or_default()),
            penanggung_jawab: medan(
                n("penanggung_jawab"),
                t.map(|t| t.penanggung_jawab.clone()).unwrap_or_default(),
            ),
            hapus: diisi.contains_key(n("hapus").as_str()),
        }
    };
    let rencana = s
        .rencana
        .iter()
        .map(|t| baris(&format!("rtl.{}", t.id), Some(t)))
        .collect();
    let lalu = s
        .rencana_lalu
        .iter()
        .map(|t| {
            let n = |m: &str| format!("lalu.{}.{m}", t.id);
            let st = medan(n("status"), t.status.kode().to_string());
            BarisLalu {
                unsur: format!("U{}", t.unsur),
                kegiatan: t.kegiatan.clone(),
                jadwal: t.jadwal.clone(),
                penanggung_jawab: t.penanggung_jawab.clone(),
                pilihan_status: StatusTindakLanjut::SEMUA
                    .into_iter()
                    .map(|x| Pilihan {
                        nilai: x.kode().into(),
                        teks: x.label().into(),
                        dipilih: x.kode() == st.nilai,
                    })
                    .collect(),
                status: st,
                hasil: medan(n("hasil"), t.hasil.clone().unwrap_or_default()),
            }
        })
        .collect();
    let mut label = HashMap::new();
    label.insert("populasi".to_string(), "Populasi".to_string());
    for t in &s.rencana {
        for (m, l) in [
            ("unsur", "unsur"),
            ("kegiatan", "kegiatan"),
            ("jadwal", "jadwal"),
            ("penanggung_jawab", "penanggung jawab"),
        ] {
            label.insert(
                format!("rtl.{}.{m}", t.id),
                format!("Tindak lanjut {}: {l}", nama_unsur(t.unsur)),
            );
        }
    }
    for (m, l) in [
        ("unsur", "unsur"),
        ("kegiatan", "kegiatan"),
        ("jadwal", "jadwal"),
        ("penanggung_jawab", "penanggung jawab"),
    ] {
        label.insert(format!("baru.{m}"), format!("Tindak lanjut baru: {l}"));
    }
    for t in &s.rencana_lalu {
        label.insert(
            format!("lalu.{}.status", t.id),
            format!("Tindak lanjut {} tahun lalu: status", t.id),
        );
        label.insert(
            format!("lalu.{}.hasil", t.id),
            format!("Tindak lanjut {} tahun lalu: hasil", t.id),
        );
    }
    let aksi = instansi_href(&id, tahun, &format!("/skm/laporan/{}", survei.id));
    render(&Halaman {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun,
        survei: survei.id.to_string(),
        kembali: instansi_href(&id, tahun, "/skm"),
        aksi,
        ubah,
        galat: galat_ringkas(kesalahan, &label),
        ringkas: s.hasil.as_ref().map(|h| ringkas(h)).map_err(Clone::clone),
        populasi: medan(
            "populasi".into(),
            survei
                .populasi
                .map(|p| format_angka(p.into(), 0))
                .unwrap_or_default(),
        ),
        rencana,
        baru: baris("baru", None),
        lalu,
    })
}
