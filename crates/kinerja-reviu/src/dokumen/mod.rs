//! Consistency across documents and completeness of the plan and the measurement.

mod kelengkapan;
mod konsistensi;
mod rumus;
mod tahun;

use crate::{Konteks, LokasiTemuan, Temuan, Tingkat};
use kinerja_core::id::IndikatorId;

pub(super) fn lok(
    dokumen: impl Into<String>,
    tabel: impl Into<String>,
    baris: Option<String>,
) -> LokasiTemuan {
    LokasiTemuan {
        dokumen: dokumen.into(),
        tabel: tabel.into(),
        baris,
    }
}

pub(super) struct Keluaran<'a> {
    out: &'a mut Vec<Temuan>,
}

impl Keluaran<'_> {
    fn tambah(
        &mut self,
        aturan: &str,
        tingkat: Tingkat,
        lokasi: LokasiTemuan,
        kunci: String,
        pesan: String,
    ) {
        self.out.push(Temuan {
            aturan: aturan.into(),
            tingkat,
            lokasi,
            pesan,
            tercatat: None,
            dihitung: None,
            pembulatan: None,
            kunci,
            diterima: None,
        });
    }
}

pub(crate) fn periksa(k: &Konteks, out: &mut Vec<Temuan>) {
    let mut o = Keluaran { out };
    konsistensi::target_antar_dokumen(k, &mut o);
    konsistensi::iku_dan_pk(k, &mut o);
    konsistensi::anggaran_pk(k, &mut o);
    konsistensi::pagu_indikatif(k, &mut o);
    tahun::tahun_dokumen(k, &mut o);
    tahun::tahun_dalam_teks(k, &mut o);
    konsistensi::realisasi_skm(k, &mut o);
    rumus::realisasi_rumus(k, &mut o);
    kelengkapan::kelengkapan(k, &mut o);
    peringatan_data(k, &mut o);
}

/// The row a warning is on: the indicator's wording for a target, else the record's id.
fn baris(k: &Konteks, p: &kinerja_core::validasi::Peringatan) -> String {
    let id = p.letak.id.clone().unwrap_or_default();
    match p.letak.tabel {
        "target" | "indikator" => k
            .data
            .indikator
            .iter()
            .find(|i| i.id.as_str() == id)
            .map(|i| i.uraian.clone())
            .unwrap_or(id),
        _ => id,
    }
}

/// What `validasi` warns about (a target's comparison against the polarity, negative targets,
/// gaps in a predikat scale), as findings of the document the value is in. A target's warning
/// is its year's: another year's target is that year's reviu's.
fn peringatan_data(k: &Konteks, o: &mut Keluaran) {
    let tahun_lain = |p: &kinerja_core::validasi::Peringatan| {
        p.letak.tabel == "target"
            && k.data
                .target
                .get(p.letak.indeks)
                .is_some_and(|t| t.tahun != k.tahun)
    };
    for p in kinerja_core::validasi::peringatan(k.data)
        .into_iter()
        .filter(|p| !tahun_lain(p))
    {
        let tabel = match p.letak.tabel {
            "target" => "Target",
            "indikator" => "Indikator",
            "skala" => "Pita predikat",
            t => t,
        };
        let baris = baris(k, &p);
        o.tambah(
            p.kode,
            Tingkat::Peringatan,
            lok(p.dokumen, tabel, Some(baris)),
            p.kunci,
            p.pesan,
        );
    }
}

pub(super) fn nama_indikator(k: &Konteks, id: &IndikatorId) -> String {
    k.ix.indikator(id)
        .map(|i| i.uraian.clone())
        .unwrap_or_else(|| id.to_string())
}
