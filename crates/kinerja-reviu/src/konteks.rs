//! What the rules look at: the data, its indexes, and the year's derived figures, computed once.

use kinerja_core::anggaran::{self, RingkasanAnggaran};
use kinerja_core::model::{DataInstansi, DokumenTarget, Target};
use kinerja_core::pengukuran::{self, Indeks, TabelPengukuran};
use kinerja_core::waktu::Tahun;
use std::cell::RefCell;
use std::collections::HashMap;

pub struct Konteks<'a> {
    pub data: &'a DataInstansi,
    pub ix: Indeks<'a>,
    pub tahun: Tahun,
    anggaran: RefCell<HashMap<Tahun, std::rc::Rc<RingkasanAnggaran>>>,
    pengukuran: RefCell<HashMap<Tahun, std::rc::Rc<TabelPengukuran>>>,
}

impl<'a> Konteks<'a> {
    pub fn new(data: &'a DataInstansi, tahun: Tahun) -> Konteks<'a> {
        Konteks {
            data,
            ix: Indeks::new(data),
            tahun,
            anggaran: RefCell::default(),
            pengukuran: RefCell::default(),
        }
    }

    pub fn anggaran(&self, t: Tahun) -> std::rc::Rc<RingkasanAnggaran> {
        self.anggaran
            .borrow_mut()
            .entry(t)
            .or_insert_with(|| std::rc::Rc::new(anggaran::ringkas(self.data, t)))
            .clone()
    }

    pub fn pengukuran(&self, t: Tahun) -> std::rc::Rc<TabelPengukuran> {
        self.pengukuran
            .borrow_mut()
            .entry(t)
            .or_insert_with(|| std::rc::Rc::new(pengukuran::ukur(&self.ix, t)))
            .clone()
    }

    pub fn dokumen_laporan(&self) -> String {
        format!("Laporan Kinerja {}", self.tahun)
    }

    /// Whether the data holds a report of the year: the report itself, a realisasi (typed, or
    /// the data elements a formula computes one from) or the report's own measurement targets.
    /// A plan alone (a Renstra, a budget excerpt) has none, and then nothing only a report needs
    /// is asked of it, nor is a finding titled by it.
    pub fn ada_laporan(&self) -> bool {
        let t = self.tahun;
        self.data.laporan.iter().any(|l| l.tahun == t)
            || self.data.realisasi.iter().any(|r| r.tahun == t)
            || self.data.nilai_data.iter().any(|r| r.tahun == t)
            || self
                .data
                .target
                .iter()
                .any(|x| x.tahun == t && x.dokumen == DokumenTarget::Pengukuran)
    }

    /// The document a finding about an indicator's year concerns: the report when there is
    /// one, otherwise the document of the target measured (the Renstra of a plan alone; a
    /// pemda's RPJMD reads RPJMD).
    pub fn dokumen_indikator(&self, target: Option<&Target>) -> String {
        match target {
            Some(x) if !self.ada_laporan() => format!(
                "{} {}",
                x.dokumen.label_rencana(self.data.rpjmd()),
                self.tahun
            ),
            _ => self.dokumen_laporan(),
        }
    }

    /// The document a finding about the whole instansi's year concerns: the report, or
    /// without one the year's budget (the instansi-wide figures of a plan alone are its totals).
    pub fn dokumen_instansi(&self) -> String {
        if self.ada_laporan() {
            self.dokumen_laporan()
        } else {
            format!("Anggaran {}", self.tahun)
        }
    }
}
