//! Composing the Laporan Kinerja from the data, in the structure of PermenPANRB 53/2014: cover,
//! kata pengantar, ikhtisar eksekutif, Bab I-IV, lampiran (Renstra, RKT, Perjanjian Kinerja, IKU)
//! and, when forced past open reviu errors, a reviu annex.
//!
//! Narrative is the user's text, printed as written; every number in a table is computed from
//! the primary data (or, for a plan document, is that document's own figure). A figure the data
//! does not have prints "data tidak tersedia".
//!
//! One module per chapter, each adding its part to [`Penyusun`] (the data, the year and the
//! figures computed once for the whole report); `sel` holds the cells and blocks they share.

mod analisis;
mod anggaran;
mod capaian;
mod evaluasi;
mod ikhtisar;
mod lampiran;
mod laporan_skm;
mod pemda;
mod pendahuluan;
mod penutup;
mod perencanaan;
mod reviu;
mod sel;
mod skm;
mod tahun_sebelumnya;

use crate::dokumen::*;
use kinerja_core::anggaran::RingkasanAnggaran;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::pengukuran::{self, Indeks};
use kinerja_core::waktu::Tahun;
use kinerja_reviu::Tingkat;
use sel::{nilai, paragraf};
use sha2::{Digest, Sha256};

pub use evaluasi::{
    KOLOM_LKE, LaporanEvaluasi, dokumen_evaluasi, hitung_evaluasi, status as status_tindak_lanjut,
    susun_evaluasi, susun_rekap_evaluasi, usulan_evaluasi,
};
pub use laporan_skm::{
    GalatLaporanSkm, LaporanSkm, PeriodeSkm, TindakLanjut, laporan_skm_dari_data, susun_skm,
};
pub use pemda::{sidik_pemda, susun_pemda};

#[derive(Debug, Clone, Default)]
pub struct OpsiLaporan {
    /// Produce the report although the reviu has open `galat` findings; they are printed in a
    /// reviu annex.
    pub paksa: bool,
    /// kinerja's version, printed beside the fingerprint.
    pub versi: String,
    /// The inspektorat's own reviu rules, run with the built-in ones.
    pub aturan: Vec<kinerja_reviu::Aturan>,
    /// The emblem for the cover (read and checked by the caller, from beside the data).
    pub logo: Option<crate::logo::Logo>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GalatLaporan {
    #[error("data tidak memuat Laporan Kinerja tahun {0} ([[laporan]] dengan tahun = {0})")]
    TanpaLaporan(u16),
    #[error(
        "reviu menemukan {0} galat terbuka; perbaiki datanya, terima temuannya dengan alasan (kinerja terima), atau buat laporan dengan --paksa (temuan dicetak di lampiran reviu). Rinciannya: kinerja periksa"
    )]
    ReviuGalat(usize),
    #[error(
        "data pemda tidak memuat RPJMD ([[renstra]] dengan jenis = \"rpjmd\"); Laporan Kinerja pemda disusun dari RPJMD"
    )]
    TanpaRpjmd,
}

/// The data set of an instansi that a reorganisation merged, split or renamed into the
/// reporting one, with its id: the report's comparison with earlier years reads the years
/// before the reorganisation from it (`kinerja_core::reorganisasi::pendahulu_semua` says which
/// instansi these are).
#[derive(Debug, Clone, Copy)]
pub struct Pendahulu<'a> {
    pub id: &'a InstansiId,
    pub data: &'a DataInstansi,
}

/// A short fingerprint of the data: the first 12 hex digits of the SHA-256 of its canonical
/// TOML form. The same data always gives the same fingerprint.
pub fn sidik(data: &DataInstansi) -> String {
    sidik_laporan(data, &[], None)
}

/// The fingerprint of what a report is made from: the data, the predecessors' data sets it
/// reads (a changed figure of a merged kecamatan's 2020 is a changed report) and, when there is
/// one, the logo file printed on its cover (a changed emblem is a changed report). Without
/// either it is [`sidik`]; with them, the SHA-256 runs on over a separator and each
/// predecessor's id and canonical TOML (in id order, so the order they were given in does not
/// matter), then over a separator and the logo's bytes.
pub fn sidik_laporan(
    data: &DataInstansi,
    pendahulu: &[Pendahulu],
    logo: Option<&crate::logo::Logo>,
) -> String {
    let teks = toml::to_string(data).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(teks.as_bytes());
    let mut urut: Vec<&Pendahulu> = pendahulu.iter().collect();
    urut.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    for p in urut {
        h.update(b"\0pendahulu\0");
        h.update(p.id.as_str().as_bytes());
        h.update(b"\0");
        h.update(toml::to_string(p.data).unwrap_or_default().as_bytes());
    }
    if let Some(l) = logo {
        h.update(b"\0logo\0");
        h.update(&l.isi);
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A short fingerprint of input files (the SKM report's survey and its description): the
/// first 12 hex digits of the SHA-256 of their bytes, each preceded by its length.
pub fn sidik_bait(bagian: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for b in bagian {
        h.update((b.len() as u64).to_le_bytes());
        h.update(b);
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Laporan Kinerja of `tahun` from the data.
pub fn susun(
    data: &DataInstansi,
    tahun: Tahun,
    opsi: &OpsiLaporan,
) -> Result<Dokumen, GalatLaporan> {
    susun_dengan_pendahulu(data, &[], tahun, opsi)
}

/// [`susun`] for an instansi formed by a reorganisation, with its predecessors' data sets at
/// hand: Bab III's comparison with earlier years shows the years before the reorganisation
/// from them, and the fingerprint covers them. A predecessor not given is named as absent.
pub fn susun_dengan_pendahulu(
    data: &DataInstansi,
    pendahulu: &[Pendahulu],
    tahun: Tahun,
    opsi: &OpsiLaporan,
) -> Result<Dokumen, GalatLaporan> {
    let laporan = data
        .laporan
        .iter()
        .find(|l| l.tahun == tahun)
        .ok_or(GalatLaporan::TanpaLaporan(tahun.get()))?;
    let temuan = kinerja_reviu::periksa(data, tahun, &opsi.aturan);
    let galat = gerbang_reviu(&temuan, opsi.paksa)?;
    let pendahulu = pendahulu_dibaca(data, &laporan.instansi, pendahulu);
    let s = Penyusun {
        pendahulu: pendahulu.clone(),
        ..Penyusun::new(data, tahun, laporan)
    };
    let mut bab = vec![
        s.kata_pengantar(),
        s.ikhtisar(),
        s.bab1(),
        s.bab2(),
        s.bab3(),
        s.bab4(),
    ];
    bab.extend(s.lampiran());
    if galat > 0 {
        bab.push(s.lampiran_reviu(
            &temuan,
            bab.iter().filter(|b| b.jenis == JenisBab::Lampiran).count() + 1,
        ));
    }
    sel::namai_tabel_teks(&mut bab);
    let instansi = s.instansi();
    Ok(Dokumen {
        judul: "LAPORAN KINERJA".into(),
        instansi: instansi.map(|i| i.nama.to_uppercase()).unwrap_or_default(),
        induk: instansi
            .and_then(|i| i.induk.as_ref())
            .and_then(|p| data.instansi.iter().find(|x| &x.id == p))
            .map(|i| i.nama.to_uppercase()),
        tahun: tahun.get(),
        tempat_tanggal: s.tempat_tanggal(),
        penandatangan: s.penandatangan(),
        sidik: sidik_laporan(data, &pendahulu, opsi.logo.as_ref()),
        versi: opsi.versi.clone(),
        draf: (galat > 0)
            .then(|| format!("DRAF: reviu menemukan {galat} galat terbuka; bukan laporan final")),
        bab,
        logo: opsi.logo.clone(),
    })
}

/// Of the data sets given, those of `instansi`'s predecessors when a reorganisation formed it
/// (`reorganisasi::pendahulu`): the ones the report reads, and so the ones its
/// fingerprint covers.
fn pendahulu_dibaca<'a>(
    data: &DataInstansi,
    instansi: &InstansiId,
    pendahulu: &[Pendahulu<'a>],
) -> Vec<Pendahulu<'a>> {
    let semua = kinerja_core::reorganisasi::pendahulu(&data.reorganisasi, instansi);
    pendahulu
        .iter()
        .filter(|p| semua.contains(p.id))
        .copied()
        .collect()
}

/// The reviu's gate: the number of open `galat` findings, refused unless the report is forced.
fn gerbang_reviu(temuan: &[kinerja_reviu::Temuan], paksa: bool) -> Result<usize, GalatLaporan> {
    let galat = temuan
        .iter()
        .filter(|t| t.tingkat == Tingkat::Galat && t.terbuka())
        .count();
    if galat > 0 && !paksa {
        return Err(GalatLaporan::ReviuGalat(galat));
    }
    Ok(galat)
}

/// The Perjanjian Kinerja of `tahun` for `pelapor` on its own, as the LKjIP's annex prints it
/// (parties, pledge, signatures, its tables), for printing before any report exists: the version
/// in force, or the earlier version `pk_id` (a PK perubahan replaced it) with the targets it
/// promised, marked TIDAK BERLAKU. `None` without that PK.
pub fn susun_pk(
    data: &DataInstansi,
    pelapor: &kinerja_core::id::InstansiId,
    tahun: Tahun,
    versi: &str,
    pk_id: Option<&PkId>,
) -> Option<Dokumen> {
    let semua = data.pk_versi(pelapor, tahun);
    let n = match pk_id {
        Some(id) => semua.iter().position(|p| &p.id == id)?,
        None => semua.len().checked_sub(1)?,
    };
    let diganti = n + 1 < semua.len();
    let versi_lama;
    let data = if diganti {
        versi_lama = seperti_versi(data, &semua, n, tahun);
        &versi_lama
    } else {
        data
    };
    let pk = data.pk_berlaku(pelapor, tahun)?;
    // The annex reads the instansi and the year through a report: the year's, or a blank one.
    let laporan = laporan_atau_kosong(data, pelapor, tahun, "pk")?;
    let s = Penyusun::new(data, tahun, &laporan);
    // Printed on its own: its tables are "Tabel PK.1", "Tabel PK.2".
    let mut bab = s.pk_ditandatangani(sel::Nomor::bab("PK"));
    bab.nomor = None;
    let mut bab = vec![bab];
    sel::namai_tabel_teks(&mut bab);
    let instansi = s.instansi();
    Some(Dokumen {
        judul: "PERJANJIAN KINERJA".into(),
        instansi: instansi.map(|i| i.nama.to_uppercase()).unwrap_or_default(),
        induk: instansi
            .and_then(|i| i.induk.as_ref())
            .and_then(|p| data.instansi.iter().find(|x| &x.id == p))
            .map(|i| i.nama.to_uppercase()),
        tahun: tahun.get(),
        tempat_tanggal: sel::tempat_tanggal(pk.tempat.as_ref(), pk.tanggal),
        penandatangan: None,
        sidik: sidik(data),
        versi: versi.to_string(),
        draf: if diganti {
            Some("TIDAK BERLAKU: Perjanjian Kinerja ini sudah diganti PK perubahan".to_string())
        } else {
            (!pk.ditandatangani)
                .then(|| "DRAF: Perjanjian Kinerja ini belum ditandatangani".to_string())
        },
        bab,
        logo: None,
    })
}

/// The report record of `pelapor` for `tahun`, or a blank one with id `{awalan}-{tahun}` (a
/// document printed without a `[[laporan]]`: its narrative then reads "data tidak tersedia").
fn laporan_atau_kosong(
    data: &DataInstansi,
    pelapor: &kinerja_core::id::InstansiId,
    tahun: Tahun,
    awalan: &str,
) -> Option<Laporan> {
    if let Some(l) = data
        .laporan
        .iter()
        .find(|l| l.tahun == tahun && &l.instansi == pelapor)
    {
        return Some(l.clone());
    }
    Some(Laporan::kosong(
        kinerja_core::id::LaporanId::new(format!("{awalan}-{}", tahun.get())).ok()?,
        pelapor.clone(),
        tahun,
    ))
}

/// The data set as it stood when version `n` of the year's PK (`semua`, in order) was in force:
/// the later versions left out and the year's PK targets those this version promised
/// (`target_arsip`, kept when a PK perubahan replaced it), with the wording the current targets
/// give the indicators.
fn seperti_versi(
    data: &DataInstansi,
    semua: &[&PerjanjianKinerja],
    n: usize,
    tahun: Tahun,
) -> DataInstansi {
    let pk = semua[n];
    let kemudian: Vec<&PkId> = semua[n + 1..].iter().map(|p| &p.id).collect();
    let mut d = data.clone();
    d.perjanjian_kinerja.retain(|p| !kemudian.contains(&&p.id));
    let pk_tahun = |t: &Target| t.tahun == tahun && t.dokumen == DokumenTarget::PerjanjianKinerja;
    let uraian = |i: &IndikatorId| {
        data.target
            .iter()
            .find(|t| pk_tahun(t) && &t.indikator == i)
            .and_then(|t| t.uraian.clone())
    };
    d.target.retain(|t| !pk_tahun(t));
    d.target.extend(pk.target_arsip.iter().map(|a| Target {
        indikator: a.indikator.clone(),
        tahun,
        dokumen: DokumenTarget::PerjanjianKinerja,
        nilai: a.nilai.clone(),
        uraian: uraian(&a.indikator),
        catatan: None,
    }));
    d
}

/// The data, the year, and the figures every chapter reads, computed once.
struct Penyusun<'a> {
    data: &'a DataInstansi,
    ix: Indeks<'a>,
    tahun: Tahun,
    laporan: &'a Laporan,
    anggaran: RingkasanAnggaran,
    pengukuran: pengukuran::TabelPengukuran,
    /// The predecessors' data sets of an instansi a reorganisation formed (Bab III's earlier
    /// years); empty otherwise.
    pendahulu: Vec<Pendahulu<'a>>,
}

impl<'a> Penyusun<'a> {
    fn new(data: &'a DataInstansi, tahun: Tahun, laporan: &'a Laporan) -> Penyusun<'a> {
        let ix = Indeks::new(data);
        let pengukuran = pengukuran::ukur(&ix, tahun);
        Penyusun {
            data,
            tahun,
            laporan,
            anggaran: kinerja_core::anggaran::ringkas(data, tahun),
            pengukuran,
            ix,
            pendahulu: Vec::new(),
        }
    }

    fn instansi(&self) -> Option<&'a Instansi> {
        self.data
            .instansi
            .iter()
            .find(|i| i.id == self.laporan.instansi)
    }

    fn tempat_tanggal(&self) -> Option<String> {
        sel::tempat_tanggal(self.laporan.tempat.as_ref(), self.laporan.tanggal)
    }

    /// The report's own signature: cover, kata pengantar and penutup.
    fn penandatangan(&self) -> Option<TandaTangan> {
        self.laporan
            .penandatangan
            .as_ref()
            .and_then(|p| self.tanda_tangan(p, self.tempat_tanggal(), None))
    }

    fn pejabat(&self, id: &PejabatId) -> Option<&'a Pejabat> {
        self.data.pejabat.iter().find(|x| &x.id == id)
    }

    fn tanda_tangan(
        &self,
        p: &PejabatId,
        tempat_tanggal: Option<String>,
        peran: Option<&str>,
    ) -> Option<TandaTangan> {
        let p = self.pejabat(p)?;
        Some(tanda_tangan(p, tempat_tanggal, peran))
    }

    /// The paragraphs of the user's sections with key `kunci`, untitled (the chapter gives the
    /// heading).
    fn paragraf_bagian(&self, kunci: &str) -> Vec<Blok> {
        self.laporan
            .bagian
            .iter()
            .filter(|b| b.kunci == kunci)
            .flat_map(|b| paragraf(&b.teks))
            .collect()
    }

    /// The user's sections whose key starts with `awalan` ("bab1."), headed by their titles,
    /// each followed by what `sisip` puts after a section with that key.
    fn narasi(&self, awalan: &str, sisip: &mut dyn FnMut(&str) -> Vec<Blok>) -> Vec<Blok> {
        let mut out = Vec::new();
        for b in self
            .laporan
            .bagian
            .iter()
            .filter(|b| b.kunci.starts_with(awalan))
        {
            let judul = b.judul.trim();
            // "A. Rencana Strategis" is a chapter's lettered part; any other title sits below.
            let tingkat = if judul.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && judul.chars().nth(1) == Some('.')
            {
                1
            } else {
                2
            };
            if !judul.is_empty() {
                out.push(sel::judul(tingkat, judul));
            }
            out.extend(paragraf(&b.teks));
            out.extend(sisip(&b.kunci));
        }
        out
    }

    fn sasaran_urut(&self) -> Vec<&'a Sasaran> {
        self.data.sasaran_urut()
    }

    fn uraian_indikator(&self, id: &IndikatorId) -> String {
        self.ix
            .indikator(id)
            .map(|i| i.uraian.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn indikator_kegiatan(&self, k: &KegiatanId) -> Vec<&'a Indikator> {
        self.data
            .indikator
            .iter()
            .filter(|i| matches!(&i.pemilik, Pemilik::Kegiatan(x) if x == k))
            .collect()
    }

    fn nama_program(&self, id: &ProgramId) -> String {
        self.data
            .program
            .iter()
            .find(|x| &x.id == id)
            .map(|x| x.nama.clone())
            .unwrap_or_default()
    }

    /// The target a plan document sets for an indicator in a year, as a cell.
    fn target(&self, id: &IndikatorId, tahun: Tahun, dokumen: DokumenTarget) -> Sel {
        nilai(self.ix.target(id, tahun, dokumen).map(|t| &t.nilai))
    }

    /// The year's PK in force (its latest version when a PK perubahan replaced it).
    fn pk(&self) -> Option<&'a PerjanjianKinerja> {
        self.data
            .pk_berlaku(&self.laporan.instansi, self.tahun)
            .or_else(|| {
                self.data
                    .perjanjian_kinerja
                    .iter()
                    .find(|p| p.tahun == self.tahun)
            })
    }

    fn iku(&self) -> Option<&'a Iku> {
        // The decree in force: the latest dated, else the last listed.
        self.data.iku.iter().max_by_key(|i| {
            (
                i.keputusan.tanggal,
                self.data.iku.iter().position(|x| x.id == i.id),
            )
        })
    }
}

/// An official's signature block: the jabatan in capitals, the rank with its golongan once.
pub(crate) fn tanda_tangan(
    p: &Pejabat,
    tempat_tanggal: Option<String>,
    peran: Option<&str>,
) -> TandaTangan {
    TandaTangan {
        tempat_tanggal,
        peran: peran.map(str::to_string),
        jabatan: p.jabatan.to_uppercase(),
        nama: p.nama.clone(),
        pangkat: match (&p.pangkat, &p.golongan) {
            (Some(a), Some(b)) if !a.contains(b.as_str()) => Some(format!("{a} ({b})")),
            (Some(a), _) => Some(a.clone()),
            (None, g) => g.clone(),
        },
        nip: p.nip.as_ref().map(|n| n.to_string()),
    }
}
