//! The realisasi entry form: per indicator and period, with the workflow per period and the
//! explicit removal of a stored value. The field names (`Medan`) are shared with the budget
//! form (`anggaran`).

use crate::bantu::{
    CapaianTampil, Lencana, instansi_utama, kunci_periode, label_pendek, periode_dari_kunci, render,
};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{Izin, KesalahanIsian, Konteks, StatusAlur, StatusPeriode};
use askama::Template;
use kinerja_core::id::{DataElemenId, IndikatorId, PosAnggaranId};
use kinerja_core::model::{CaraTahunan, DataInstansi, Indikator, Pemilik, Realisasi};
use kinerja_core::nilai::Nilai;
use kinerja_core::pengukuran::Indeks;
use kinerja_core::waktu::{Bulan, Periode, Tahun};
use std::collections::HashMap;

/// A field of the entry forms, by its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Medan {
    /// `r.{indikator}.{periode}`.
    Realisasi {
        indikator: IndikatorId,
        periode: Periode,
    },
    /// `a.{pos_anggaran}`.
    Anggaran(PosAnggaranId),
    /// `b.{pos_anggaran}.{bulan}`, the month as its number (1 for January).
    Bulanan(PosAnggaranId, Bulan),
    /// `d.{data_elemen}.{periode}`: a raw count of a formula indicator.
    Data {
        elemen: DataElemenId,
        periode: Periode,
    },
}

impl Medan {
    /// Reads a field name the forms render; `None` for any other name (`csrf`, a typo).
    pub fn parse(nama: &str) -> Option<Medan> {
        if let Some(sisa) = nama.strip_prefix("r.") {
            let (id, p) = sisa.rsplit_once('.')?;
            return Some(Medan::Realisasi {
                indikator: IndikatorId::new(id).ok()?,
                periode: periode_dari_kunci(p)?,
            });
        }
        if let Some(sisa) = nama.strip_prefix("d.") {
            let (id, p) = sisa.rsplit_once('.')?;
            return Some(Medan::Data {
                elemen: DataElemenId::new(id).ok()?,
                periode: periode_dari_kunci(p)?,
            });
        }
        if let Some(sisa) = nama.strip_prefix("b.") {
            let (id, b) = sisa.rsplit_once('.')?;
            return Some(Medan::Bulanan(
                PosAnggaranId::new(id).ok()?,
                Bulan::dari_nomor(b.parse().ok()?)?,
            ));
        }
        let id = nama.strip_prefix("a.")?;
        Some(Medan::Anggaran(PosAnggaranId::new(id).ok()?))
    }

    pub fn nama(&self) -> String {
        match self {
            Medan::Realisasi { indikator, periode } => medan_realisasi(indikator, *periode),
            Medan::Anggaran(id) => medan_anggaran(id),
            Medan::Bulanan(id, b) => medan_bulanan(id, *b),
            Medan::Data { elemen, periode } => crate::isian_elemen::medan_data(elemen, *periode),
        }
    }
}

/// The message beside a field: its first clause, short enough for a narrow column; the full
/// message is in the summary at the top, which links to the field.
pub(crate) fn pesan_sel(s: &str) -> String {
    const BATAS: usize = 48;
    if s.chars().count() <= BATAS {
        return s.to_string();
    }
    let potong: String = s.chars().take(BATAS).collect();
    let potong = potong.rsplit_once(' ').map_or(potong.as_str(), |(a, _)| a);
    format!("{potong}… (lengkapnya di atas)")
}

/// `r.{indikator}.{periode}`, periode as its serde name (`tahunan`, `tw1`..`tw4`).
pub fn medan_realisasi(ind: &IndikatorId, p: Periode) -> String {
    format!("r.{}.{}", ind.as_str(), kunci_periode(p))
}

/// `a.{pos_anggaran}`.
pub fn medan_anggaran(id: &PosAnggaranId) -> String {
    format!("a.{}", id.as_str())
}

/// `b.{pos_anggaran}.{bulan}`.
pub fn medan_bulanan(id: &PosAnggaranId, b: Bulan) -> String {
    format!("b.{}.{}", id.as_str(), b.nomor())
}

/// The order of the period columns.
const KOLOM: [Periode; 5] = [
    Periode::Tw1,
    Periode::Tw2,
    Periode::Tw3,
    Periode::Tw4,
    Periode::Tahunan,
];

pub(crate) struct Masukan {
    pub nama: String,
    pub label: String,
    pub nilai: String,
    pub kunci: bool,
    pub galat: Option<String>,
}

pub(crate) struct BarisIsian {
    pub uraian: String,
    pub satuan: Option<String>,
    pub target: Option<String>,
    pub cara: String,
    pub masukan: Vec<Masukan>,
    pub capaian: CapaianTampil,
    pub lencana: Option<Lencana>,
    /// The audit trail of this indicator's realisasi of the year.
    pub riwayat: String,
}

pub(crate) struct KelompokIsian {
    pub judul: String,
    pub baris: Vec<BarisIsian>,
}

pub(crate) struct KolomPeriode {
    pub label: &'static str,
    pub status: &'static str,
    pub kelas: &'static str,
}

pub(crate) struct Aksi {
    pub href: String,
    pub teks: &'static str,
    pub kelas: &'static str,
}

pub(crate) struct BarisStatus {
    pub periode: &'static str,
    pub status: &'static str,
    pub kelas: &'static str,
    pub oleh: Option<String>,
    pub waktu: Option<String>,
    pub aksi: Vec<Aksi>,
}

pub(crate) struct GalatRingkas {
    pub href: String,
    pub teks: String,
}

#[derive(Template)]
#[template(path = "realisasi.html")]
struct HalamanRealisasi {
    l: Tata,
    instansi: String,
    tahun: u16,
    aksi: String,
    kolom: Vec<KolomPeriode>,
    kelompok: Vec<KelompokIsian>,
    /// The data elements' fields (none when the data defines no data element).
    elemen: Vec<crate::isian_elemen::BarisElemen>,
    status: Vec<BarisStatus>,
    galat: Vec<GalatRingkas>,
    ubah: bool,
    /// Stored values of unlocked periods, each of which the explicit remove form offers.
    hapus: Vec<Masukan>,
}

fn kelas_status(s: StatusAlur) -> &'static str {
    match s {
        StatusAlur::Draf => "draf",
        StatusAlur::Diajukan => "diajukan",
        StatusAlur::Disetujui => "disetujui",
    }
}

pub(crate) fn id_instansi(k: &Konteks, data: &DataInstansi) -> String {
    k.instansi_aktif
        .clone()
        .or_else(|| instansi_utama(data).map(|i| i.id.as_str().to_string()))
        .unwrap_or_default()
}

/// A posted form's values and the errors found in it, each by field name.
pub(crate) fn per_medan<'a>(
    isian: &'a [(String, String)],
    kesalahan: &'a [KesalahanIsian],
) -> (HashMap<&'a str, &'a str>, HashMap<&'a str, &'a str>) {
    let diisi = isian
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let galat = kesalahan
        .iter()
        .map(|e| (e.medan.as_str(), e.pesan.as_str()))
        .collect();
    (diisi, galat)
}

pub(crate) fn galat_ringkas(
    kesalahan: &[KesalahanIsian],
    label: &HashMap<String, String>,
) -> Vec<GalatRingkas> {
    kesalahan
        .iter()
        .map(|e| GalatRingkas {
            href: format!("#{}", e.medan),
            teks: match label.get(&e.medan) {
                Some(l) => format!("{l}: {}", e.pesan),
                None => e.pesan.clone(),
            },
        })
        .collect()
}

/// What the year is when only quarters are entered.
fn cara_tahunan(c: CaraTahunan) -> &'static str {
    match c {
        CaraTahunan::Terakhir => "bila Tahunan kosong: triwulan terakhir",
        CaraTahunan::Jumlah => "bila Tahunan kosong: jumlah triwulan",
        CaraTahunan::RataRata => "bila Tahunan kosong: rata-rata triwulan",
        CaraTahunan::Maksimum => "bila Tahunan kosong: nilai triwulan tertinggi",
    }
}

/// The indicators grouped by owner in plan order: tujuan, sasaran, program, kegiatan.
fn kelompok_indikator(data: &DataInstansi) -> Vec<(String, Vec<&Indikator>)> {
    let dari = |f: &dyn Fn(&Pemilik) -> bool| -> Vec<&Indikator> {
        let mut v: Vec<&Indikator> = data.indikator.iter().filter(|i| f(&i.pemilik)).collect();
        v.sort_by_key(|i| i.nomor);
        v
    };
    let mut out = Vec::new();
    for t in data.tujuan_renstra(None) {
        out.push((
            format!("Tujuan {}: {}", t.nomor, t.uraian),
            dari(&|p| matches!(p, Pemilik::Tujuan(x) if *x == t.id)),
        ));
    }
    for s in data.sasaran_urut() {
        out.push((
            format!("Sasaran {}: {}", s.nomor, s.uraian),
            dari(&|p| matches!(p, Pemilik::Sasaran(x) if *x == s.id)),
        ));
    }
    for p in &data.program {
        out.push((
            format!("Program: {}", p.nama),
            dari(&|x| matches!(x, Pemilik::Program(y) if *y == p.id)),
        ));
        for k in data.kegiatan.iter().filter(|k| k.program == p.id) {
            out.push((
                format!("Kegiatan: {}", k.nama),
                dari(&|x| matches!(x, Pemilik::Kegiatan(y) if *y == k.id)),
            ));
            for s in data.sub_kegiatan.iter().filter(|s| s.kegiatan == k.id) {
                out.push((
                    format!("Sub kegiatan: {}", s.nama),
                    dari(&|x| matches!(x, Pemilik::SubKegiatan(y) if *y == s.id)),
                ));
            }
        }
    }
    out.retain(|(_, v)| !v.is_empty());
    out
}

/// The data with the submitted values applied, so the capaian shown is the one the values
/// would give. Values that do not parse are left out (the server reports them).
fn terapkan_isian(data: &DataInstansi, tahun: Tahun, isian: &[(String, String)]) -> DataInstansi {
    let mut d = data.clone();
    crate::isian_elemen::terapkan(&mut d, tahun, isian);
    for (k, v) in isian {
        let Some(Medan::Realisasi { indikator, periode }) = Medan::parse(k) else {
            continue;
        };
        let posisi = d
            .realisasi
            .iter()
            .position(|r| r.indikator == indikator && r.tahun == tahun && r.periode == periode);
        if v.trim().is_empty() {
            if let Some(i) = posisi {
                d.realisasi.remove(i);
            }
            continue;
        }
        let Ok(nilai) = Nilai::parse(v) else {
            continue;
        };
        match posisi {
            Some(i) => d.realisasi[i].nilai = nilai,
            None => d.realisasi.push(Realisasi {
                indikator,
                tahun,
                periode,
                nilai,
                sumber: None,
                catatan: None,
            }),
        }
    }
    d
}

pub fn form_realisasi(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    status: &[StatusPeriode],
    izin: Izin,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(
        k,
        format!("Isian realisasi {}", tahun.get()),
        Bagian::Realisasi,
        Some(data),
    );
    let id = id_instansi(k, data);
    let status_dari = |p: Periode| {
        status
            .iter()
            .find(|s| s.periode == p)
            .map(|s| s.status)
            .unwrap_or_default()
    };
    let (diisi, galat) = per_medan(isian, kesalahan);

    let pratinjau = (!isian.is_empty()).then(|| terapkan_isian(data, tahun, isian));
    let ix_simpan = Indeks::new(data);
    let ix = Indeks::new(pratinjau.as_ref().unwrap_or(data));
    let n_pita = ix.skala.pita.len();

    let mut label_medan = HashMap::new();
    let kelompok: Vec<KelompokIsian> = kelompok_indikator(data)
        .into_iter()
        .map(|(judul, inds)| KelompokIsian {
            judul,
            baris: inds
                .into_iter()
                .map(|ind| {
                    let target = ix.target_pengukuran(&ind.id, tahun);
                    let real = ix.realisasi_tahunan(ind, tahun);
                    let c = ix.capaian(
                        ind,
                        target.map(|t| &t.nilai),
                        real.as_ref().map(|r| &r.nilai),
                    );
                    let masukan = KOLOM
                        .iter()
                        .map(|&p| {
                            let nama = medan_realisasi(&ind.id, p);
                            let tersimpan = ix_simpan
                                .data
                                .realisasi
                                .iter()
                                .find(|r| {
                                    r.indikator == ind.id && r.tahun == tahun && r.periode == p
                                })
                                .map(|r| r.nilai.teks().to_string());
                            let nilai = diisi
                                .get(nama.as_str())
                                .map(|s| s.to_string())
                                .or(tersimpan)
                                .unwrap_or_default();
                            let label = format!("{} – {}", p.label(), ind.uraian);
                            label_medan.insert(nama.clone(), label.clone());
                            Masukan {
                                galat: galat.get(nama.as_str()).map(|s| pesan_sel(s)),
                                nama,
                                label,
                                nilai,
                                kunci: !izin.ubah || status_dari(p) == StatusAlur::Disetujui,
                            }
                        })
                        .collect();
                    BarisIsian {
                        uraian: ind.uraian.clone(),
                        satuan: ind.satuan.clone(),
                        target: target.map(|t| t.nilai.teks().to_string()),
                        cara: match &ind.rumus {
                            Some(r) => format!("dihitung dari data elemen: {r}"),
                            None => cara_tahunan(ind.cara_tahunan).to_string(),
                        },
                        masukan,
                        lencana: ix.predikat(&c).map(|p| Lencana::dari_predikat(&p, n_pita)),
                        capaian: CapaianTampil::dari(&c),
                        riwayat: format!(
                            "/instansi/{}/jejak?tabel=realisasi&awalan={}%7C{}%7C",
                            id_instansi(k, data),
                            ind.id.as_str(),
                            tahun.get()
                        ),
                    }
                })
                .collect(),
        })
        .collect();

    let kolom = KOLOM
        .iter()
        .map(|&p| {
            let s = status_dari(p);
            KolomPeriode {
                label: label_pendek(p),
                status: s.label(),
                kelas: kelas_status(s),
            }
        })
        .collect();
    let status_baris = KOLOM
        .iter()
        .map(|&p| {
            let s = status.iter().find(|s| s.periode == p);
            let st = s.map(|s| s.status).unwrap_or_default();
            let dasar = instansi_href(&id, tahun.get(), "");
            let kunci = kunci_periode(p);
            let mut aksi = Vec::new();
            if izin.ajukan && st == StatusAlur::Draf {
                aksi.push(Aksi {
                    href: format!("{dasar}/ajukan/{kunci}"),
                    teks: "Ajukan",
                    kelas: "tombol-utama",
                });
            }
            if izin.setujui && st == StatusAlur::Diajukan {
                aksi.push(Aksi {
                    href: format!("{dasar}/setujui/{kunci}"),
                    teks: "Setujui",
                    kelas: "tombol-utama",
                });
            }
            if izin.buka && st != StatusAlur::Draf {
                aksi.push(Aksi {
                    href: format!("{dasar}/buka/{kunci}"),
                    teks: "Buka kunci",
                    kelas: "tombol-kedua",
                });
            }
            BarisStatus {
                periode: p.label(),
                status: st.label(),
                kelas: kelas_status(st),
                oleh: s.and_then(|s| s.oleh.clone()),
                waktu: s.and_then(|s| s.waktu.clone()),
                aksi,
            }
        })
        .collect();

    let elemen = crate::isian_elemen::baris(
        data,
        tahun,
        &KOLOM,
        &diisi,
        &galat,
        &|p| !izin.ubah || status_dari(p) == StatusAlur::Disetujui,
        &mut label_medan,
    );
    let label_medan: HashMap<String, String> = label_medan;
    let mut hapus: Vec<Masukan> = Vec::new();
    for (_, inds) in kelompok_indikator(data) {
        for ind in inds {
            for &p in &KOLOM {
                let Some(r) = data
                    .realisasi
                    .iter()
                    .find(|r| r.indikator == ind.id && r.tahun == tahun && r.periode == p)
                else {
                    continue;
                };
                if status_dari(p) == StatusAlur::Disetujui {
                    continue;
                }
                hapus.push(Masukan {
                    nama: medan_realisasi(&ind.id, p),
                    label: format!("{} – {}", p.label(), ind.uraian),
                    nilai: r.nilai.teks().to_string(),
                    kunci: false,
                    galat: None,
                });
            }
        }
    }
    render(&HalamanRealisasi {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        aksi: instansi_href(&id, tahun.get(), "/realisasi"),
        kolom,
        kelompok,
        elemen,
        status: status_baris,
        galat: galat_ringkas(kesalahan, &label_medan),
        ubah: izin.ubah,
        hapus,
    })
}
