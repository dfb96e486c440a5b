//! Composing the Laporan Kinerja from the data, in the structure of PermenPANRB 53/2014: cover,
//! kata pengantar, ikhtisar eksekutif, Bab I-IV, lampiran (Renstra, RKT, Perjanjian Kinerja, IKU)
//! and, when forced past open reviu errors, a reviu annex.
//!
//! Narrative is the user's text, printed as written; every number in a table is computed from
//! the primary data (or, for a plan document, is that document's own figure). A figure the data
//! does not have prints "data tidak tersedia".

use crate::dokumen::*;
use kinerja_core::anggaran::{self, RingkasanAnggaran, Serapan};
use kinerja_core::angka::{bulatkan, format_persen};
use kinerja_core::capaian::Capaian;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::pengukuran::{self, Indeks};
use kinerja_core::waktu::Tahun;
use kinerja_grafik as grafik;
use kinerja_reviu::{Temuan, Tingkat};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Default)]
pub struct OpsiLaporan {
    /// Produce the report although the reviu has open `galat` findings; they are printed in a
    /// reviu annex.
    pub paksa: bool,
    /// kinerja's version, printed beside the fingerprint.
    pub versi: String,
    /// The inspektorat's own reviu rules, run with the built-in ones.
    pub aturan: Vec<kinerja_reviu::Aturan>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GalatLaporan {
    #[error("data tidak memuat Laporan Kinerja tahun {0} ([[laporan]] dengan tahun = {0})")]
    TanpaLaporan(u16),
    #[error(
        "reviu menemukan {0} galat terbuka; perbaiki datanya, terima temuannya dengan alasan (kinerja terima), atau buat laporan dengan --paksa (temuan dicetak di lampiran reviu). Rinciannya: kinerja periksa"
    )]
    ReviuGalat(usize),
}

/// A short fingerprint of the data: the first 12 hex digits of the SHA-256 of its canonical
/// TOML form. The same data always gives the same fingerprint.
pub fn sidik(data: &DataInstansi) -> String {
    let teks = toml::to_string(data).unwrap_or_default();
    let h = Sha256::digest(teks.as_bytes());
    h.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

pub fn susun(
    data: &DataInstansi,
    tahun: Tahun,
    opsi: &OpsiLaporan,
) -> Result<Dokumen, GalatLaporan> {
    let laporan = data
        .laporan
        .iter()
        .find(|l| l.tahun == tahun)
        .ok_or(GalatLaporan::TanpaLaporan(tahun.get()))?;
    let temuan = kinerja_reviu::periksa(data, tahun, &opsi.aturan);
    let galat = temuan
        .iter()
        .filter(|t| t.tingkat == Tingkat::Galat && t.terbuka())
        .count();
    if galat > 0 && !opsi.paksa {
        return Err(GalatLaporan::ReviuGalat(galat));
    }
    let s = Penyusun::new(data, tahun, laporan);
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
        penandatangan: laporan
            .penandatangan
            .as_ref()
            .and_then(|p| s.tanda_tangan(p, s.tempat_tanggal(), None)),
        sidik: sidik(data),
        versi: opsi.versi.clone(),
        bab,
    })
}

struct Penyusun<'a> {
    data: &'a DataInstansi,
    ix: Indeks<'a>,
    tahun: Tahun,
    laporan: &'a Laporan,
    anggaran: RingkasanAnggaran,
    pengukuran: pengukuran::TabelPengukuran,
}

fn tt() -> Sel {
    Sel::TidakTersedia(None)
}

fn kolom(judul: &str, lebar: u8, kanan: bool) -> Kolom {
    Kolom {
        judul: judul.into(),
        lebar,
        rata_kanan: kanan,
    }
}

fn baris(sel: Vec<Sel>) -> Baris {
    Baris { sel, tebal: false }
}

fn baris_tebal(sel: Vec<Sel>) -> Baris {
    Baris { sel, tebal: true }
}

/// A target or realisasi: a plain number prints (and exports) as a number, a percent as a
/// percent; a value with a label ("B (80 %)") or a range prints as written.
fn nilai(n: Option<&Nilai>) -> Sel {
    use kinerja_core::nilai::Bentuk;
    match n.map(|n| (n, n.bentuk())) {
        None => tt(),
        Some((
            _,
            Bentuk::Angka {
                nilai,
                label: None,
                satuan,
            },
        )) if satuan.as_deref().map(str::trim) == Some("%") => Sel::Persen(*nilai),
        Some((
            _,
            Bentuk::Angka {
                nilai,
                label: None,
                satuan: None,
            },
        )) => Sel::Angka {
            nilai: *nilai,
            desimal: nilai.scale(),
        },
        Some((n, _)) => Sel::teks(n.teks()),
    }
}

/// A capaian cell; why one is not available is said in the table's note (a reason in a narrow
/// column makes rows many lines tall).
fn capaian(c: &Capaian) -> Sel {
    match c {
        Capaian::Ada { persen, .. } => Sel::Persen(*persen),
        Capaian::TidakTersedia { .. } => tt(),
    }
}

const CATATAN_TT: &str = "\"data tidak tersedia\" pada capaian: target atau realisasi belum ada, target 0, atau target kualitatif tanpa nilai setara angka.";

fn persen(p: Option<Decimal>) -> Sel {
    p.map(Sel::Persen).unwrap_or_else(tt)
}

fn realisasi_rp(s: &Serapan) -> Sel {
    s.realisasi
        .map(Sel::Rupiah)
        .unwrap_or(Sel::TidakTersedia(Some("belum dilaporkan".into())))
}

/// Narrative text as paragraphs: one per line, as the author wrote them.
fn paragraf(teks: &str) -> Vec<Blok> {
    teks.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Blok::Paragraf {
            teks: l.to_string(),
        })
        .collect()
}

/// Numbers the tables of a chapter: "Tabel 3.1", "Tabel 3.2"...
struct Nomor {
    bab: String,
    n: usize,
}

impl Nomor {
    fn new(bab: &str) -> Nomor {
        Nomor {
            bab: bab.into(),
            n: 0,
        }
    }
    fn tabel(
        &mut self,
        judul: &str,
        kolom: Vec<Kolom>,
        baris: Vec<Baris>,
        catatan: Option<String>,
    ) -> Blok {
        self.n += 1;
        let nama = format!("Tabel {}.{}", self.bab, self.n);
        Blok::Tabel(Tabel {
            judul: format!("{nama} {judul}"),
            nama,
            kolom,
            baris,
            catatan,
        })
    }
}

impl<'a> Penyusun<'a> {
    fn new(data: &'a DataInstansi, tahun: Tahun, laporan: &'a Laporan) -> Penyusun<'a> {
        let ix = Indeks::new(data);
        let pengukuran = pengukuran::ukur(&ix, tahun);
        Penyusun {
            data,
            tahun,
            laporan,
            anggaran: anggaran::ringkas(data, tahun),
            pengukuran,
            ix,
        }
    }

    fn instansi(&self) -> Option<&'a Instansi> {
        self.data
            .instansi
            .iter()
            .find(|i| i.id == self.laporan.instansi)
    }

    fn tempat_tanggal(&self) -> Option<String> {
        match (&self.laporan.tempat, self.laporan.tanggal) {
            (Some(t), Some(d)) => Some(format!("{t}, {d}")),
            (None, Some(d)) => Some(d.to_string()),
            (Some(t), None) => Some(t.clone()),
            (None, None) => None,
        }
    }

    fn tanda_tangan(
        &self,
        p: &PejabatId,
        tempat_tanggal: Option<String>,
        peran: Option<&str>,
    ) -> Option<TandaTangan> {
        let p = self.data.pejabat.iter().find(|x| &x.id == p)?;
        Some(TandaTangan {
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
        })
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

    /// The user's sections whose key starts with `awalan` ("bab1."), headed by their titles.
    fn narasi(&self, awalan: &str, sisip: &mut dyn FnMut(&str) -> Vec<Blok>) -> Vec<Blok> {
        let mut out = Vec::new();
        for b in self
            .laporan
            .bagian
            .iter()
            .filter(|b| b.kunci.starts_with(awalan))
        {
            let judul = b.judul.trim();
            let tingkat = if judul.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && judul.chars().nth(1) == Some('.')
            {
                1
            } else {
                2
            };
            if !judul.is_empty() {
                out.push(Blok::Judul {
                    tingkat,
                    teks: judul.to_string(),
                });
            }
            out.extend(paragraf(&b.teks));
            out.extend(sisip(&b.kunci));
        }
        out
    }

    fn sasaran_urut(&self) -> Vec<&'a Sasaran> {
        let mut v: Vec<&Sasaran> = self.data.sasaran.iter().collect();
        let tujuan = |s: &Sasaran| {
            self.data
                .tujuan
                .iter()
                .find(|t| t.id == s.tujuan)
                .map(|t| t.nomor)
                .unwrap_or(0)
        };
        v.sort_by_key(|s| (tujuan(s), s.nomor));
        v
    }

    fn uraian_indikator(&self, id: &IndikatorId) -> String {
        self.ix
            .indikator(id)
            .map(|i| i.uraian.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn kata_pengantar(&self) -> Bab {
        let mut isi = paragraf(&self.laporan.kata_pengantar);
        if let Some(t) = self
            .laporan
            .penandatangan
            .as_ref()
            .and_then(|p| self.tanda_tangan(p, self.tempat_tanggal(), None))
        {
            isi.push(Blok::TandaTangan(t));
        }
        Bab {
            jenis: JenisBab::Awal,
            nomor: None,
            judul: "KATA PENGANTAR".into(),
            lanskap: false,
            isi,
        }
    }

    fn ikhtisar(&self) -> Bab {
        let mut isi = paragraf(&self.laporan.ikhtisar.teks);
        isi.push(Blok::Judul {
            tingkat: 1,
            teks: format!(
                "Ringkasan capaian sasaran tahun {} (dihitung dari data)",
                self.tahun
            ),
        });
        let mut b: Vec<Baris> = Vec::new();
        for (i, cs) in self.pengukuran.sasaran.iter().enumerate() {
            let s = self.ix.sasaran(&cs.sasaran);
            b.push(baris(vec![
                Sel::teks((i + 1).to_string()),
                Sel::teks(s.map(|s| s.uraian.clone()).unwrap_or_default()),
                Sel::teks(format!(
                    "{} dari {}",
                    cs.jumlah_terukur, cs.jumlah_indikator
                )),
                persen(cs.capaian),
                cs.predikat
                    .as_ref()
                    .map(|p| Sel::teks(&p.label))
                    .unwrap_or_else(tt),
            ]));
        }
        isi.push(Blok::Tabel(Tabel {
            nama: "Ikhtisar".into(),
            judul: "Ikhtisar capaian sasaran".into(),
            kolom: vec![kolom("No", 1, false), kolom("Sasaran", 8, false), kolom("Indikator terukur", 2, true), kolom("Rata-rata capaian", 2, true), kolom("Predikat", 2, false)],
            baris: b,
            catatan: Some("Capaian sasaran = rata-rata capaian indikatornya yang terukur; dibulatkan 2 desimal saat dicetak.".into()),
        }));
        let t = &self.anggaran.total;
        if !t.pagu.nilai().is_zero() {
            isi.push(Blok::Paragraf {
                teks: format!(
                    "Anggaran tahun {}: pagu Rp {}, realisasi {}, serapan {} (dihitung dari pos anggaran).",
                    self.tahun,
                    kinerja_core::angka::format_angka(t.pagu.nilai(), 2),
                    t.realisasi.map(|r| format!("Rp {}", kinerja_core::angka::format_angka(r.nilai(), 2))).unwrap_or_else(|| "data tidak tersedia".into()),
                    t.persen.map(|p| format_persen(p, 2)).unwrap_or_else(|| "data tidak tersedia".into())
                ),
            });
        }
        if !self.laporan.ikhtisar.kendala.is_empty() {
            isi.push(Blok::Judul {
                tingkat: 1,
                teks: "Kendala".into(),
            });
            isi.push(Blok::Daftar {
                bernomor: true,
                butir: self.laporan.ikhtisar.kendala.clone(),
            });
        }
        if !self.laporan.ikhtisar.langkah_perbaikan.is_empty() {
            isi.push(Blok::Judul {
                tingkat: 1,
                teks: "Langkah perbaikan".into(),
            });
            isi.push(Blok::Daftar {
                bernomor: true,
                butir: self.laporan.ikhtisar.langkah_perbaikan.clone(),
            });
        }
        Bab {
            jenis: JenisBab::Awal,
            nomor: None,
            judul: "IKHTISAR EKSEKUTIF".into(),
            lanskap: false,
            isi,
        }
    }

    fn bab1(&self) -> Bab {
        let mut isi = self.narasi("bab1.", &mut |_| vec![]);
        if isi.is_empty() {
            isi.push(Blok::Paragraf {
                teks: "Uraian pendahuluan: data tidak tersedia.".into(),
            });
        }
        Bab {
            jenis: JenisBab::Bab,
            nomor: Some("I".into()),
            judul: "PENDAHULUAN".into(),
            lanskap: false,
            isi,
        }
    }

    fn tabel_renstra_ringkas(&self, no: &mut Nomor) -> Blok {
        let mut b = Vec::new();
        let akhir = self.data.renstra.iter().map(|r| r.tahun_akhir).max();
        for s in self.sasaran_urut() {
            for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                let k = pengukuran::tingkat_kemajuan(&self.ix, i, self.tahun);
                b.push(baris(vec![
                    Sel::teks(&s.uraian),
                    Sel::teks(&i.uraian),
                    Sel::teks(i.satuan.clone().unwrap_or_default()),
                    nilai(
                        self.ix
                            .target(&i.id, self.tahun, DokumenTarget::Renstra)
                            .map(|t| &t.nilai),
                    ),
                    nilai(k.target_akhir.as_ref()),
                ]));
            }
        }
        let akhir = akhir
            .map(|a| a.to_string())
            .unwrap_or_else(|| "akhir".into());
        no.tabel(
            "Sasaran, indikator dan target Renstra",
            vec![
                kolom("Sasaran", 5, false),
                kolom("Indikator", 7, false),
                kolom("Satuan", 2, false),
                kolom(&format!("Target {}", self.tahun), 2, true),
                kolom(&format!("Target {akhir}"), 2, true),
            ],
            b,
            Some("Matriks Renstra lengkap ada di Lampiran 1.".into()),
        )
    }

    fn tabel_strategi(&self, no: &mut Nomor) -> Blok {
        let b = self
            .data
            .strategi
            .iter()
            .map(|st| {
                let sasaran: Vec<String> = st
                    .sasaran
                    .iter()
                    .filter_map(|s| self.ix.sasaran(s))
                    .map(|s| s.uraian.clone())
                    .collect();
                let kebijakan: Vec<String> = self
                    .data
                    .kebijakan
                    .iter()
                    .filter(|k| k.strategi == st.id)
                    .map(|k| k.uraian.clone())
                    .collect();
                baris(vec![
                    Sel::teks(sasaran.join("; ")),
                    Sel::teks(&st.uraian),
                    if kebijakan.is_empty() {
                        tt()
                    } else {
                        Sel::teks(kebijakan.join("; "))
                    },
                ])
            })
            .collect();
        no.tabel(
            "Strategi dan kebijakan",
            vec![
                kolom("Sasaran", 5, false),
                kolom("Strategi", 5, false),
                kolom("Kebijakan", 5, false),
            ],
            b,
            None,
        )
    }

    fn tabel_rkt(&self, no: &mut Nomor) -> Blok {
        let mut b = Vec::new();
        for s in self.sasaran_urut() {
            for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                b.push(baris(vec![
                    Sel::teks(&s.uraian),
                    Sel::teks(&i.uraian),
                    nilai(
                        self.ix
                            .target(&i.id, self.tahun, DokumenTarget::Rkt)
                            .map(|t| &t.nilai),
                    ),
                ]));
            }
        }
        let ada = self.data.rkt.iter().any(|r| r.tahun == self.tahun);
        no.tabel(
            &format!("Rencana Kinerja Tahunan {}", self.tahun),
            vec![
                kolom("Sasaran", 5, false),
                kolom("Indikator", 8, false),
                kolom("Target", 2, true),
            ],
            b,
            Some(if ada {
                "Program, kegiatan dan anggarannya ada di Lampiran 2.".into()
            } else {
                format!("RKT tahun {}: data tidak tersedia.", self.tahun)
            }),
        )
    }

    fn pk(&self) -> Option<&'a PerjanjianKinerja> {
        self.data
            .perjanjian_kinerja
            .iter()
            .find(|p| p.tahun == self.tahun)
    }

    fn tabel_pk(&self, no: &mut Nomor) -> Vec<Blok> {
        let Some(pk) = self.pk() else {
            return vec![Blok::Paragraf {
                teks: format!(
                    "Perjanjian Kinerja tahun {}: data tidak tersedia.",
                    self.tahun
                ),
            }];
        };
        let mut b = Vec::new();
        for (n, i) in pk.indikator.iter().enumerate() {
            let ind = self.ix.indikator(i);
            let sasaran = ind.and_then(|i| match &i.pemilik {
                Pemilik::Sasaran(s) => self.ix.sasaran(s),
                _ => None,
            });
            let target = self
                .ix
                .target(i, self.tahun, DokumenTarget::PerjanjianKinerja);
            b.push(baris(vec![
                Sel::teks((n + 1).to_string()),
                Sel::teks(sasaran.map(|s| s.uraian.clone()).unwrap_or_default()),
                Sel::teks(
                    target
                        .and_then(|t| t.uraian.clone())
                        .unwrap_or_else(|| self.uraian_indikator(i)),
                ),
                nilai(target.map(|t| &t.nilai)),
            ]));
        }
        let mut out = vec![no.tabel(
            &format!("Perjanjian Kinerja {}", self.tahun),
            vec![
                kolom("No", 1, false),
                kolom("Sasaran strategis", 5, false),
                kolom("Indikator kinerja", 7, false),
                kolom("Target", 2, true),
            ],
            b,
            None,
        )];
        if !pk.anggaran.is_empty() {
            let mut b: Vec<Baris> = pk
                .anggaran
                .iter()
                .enumerate()
                .map(|(n, a)| {
                    baris(vec![
                        Sel::teks((n + 1).to_string()),
                        Sel::teks(
                            self.data
                                .program
                                .iter()
                                .find(|p| p.id == a.program)
                                .map(|p| p.nama.clone())
                                .unwrap_or_default(),
                        ),
                        Sel::Rupiah(a.anggaran),
                        Sel::teks(a.keterangan.clone().unwrap_or_default()),
                    ])
                })
                .collect();
            let jumlah: kinerja_core::uang::Rupiah = pk.anggaran.iter().map(|a| a.anggaran).sum();
            b.push(baris_tebal(vec![
                Sel::Kosong,
                Sel::teks("Jumlah"),
                Sel::Rupiah(jumlah),
                Sel::Kosong,
            ]));
            out.push(no.tabel(
                &format!(
                    "Program dan anggaran dalam Perjanjian Kinerja {}",
                    self.tahun
                ),
                vec![
                    kolom("No", 1, false),
                    kolom("Program", 8, false),
                    kolom("Anggaran (Rp)", 3, true),
                    kolom("Keterangan", 3, false),
                ],
                b,
                Some("Jumlah dihitung dari baris di atasnya.".into()),
            ));
        }
        out
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

    fn tabel_iku(&self, no: &mut Nomor) -> Blok {
        let Some(iku) = self.iku() else {
            return Blok::Paragraf {
                teks: "Indikator Kinerja Utama: data tidak tersedia.".into(),
            };
        };
        let b = iku
            .baris
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let pj = if r.penanggung_jawab.is_empty() {
                    r.penanggung_jawab_teks.clone()
                } else {
                    Some(
                        r.penanggung_jawab
                            .iter()
                            .filter_map(|u| self.data.instansi.iter().find(|i| &i.id == u))
                            .map(|i| i.nama.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                };
                baris(vec![
                    Sel::teks((n + 1).to_string()),
                    Sel::teks(r.kinerja_utama.clone().unwrap_or_default()),
                    Sel::teks(self.uraian_indikator(&r.indikator)),
                    if r.formulasi.teks.trim().is_empty() {
                        tt()
                    } else {
                        Sel::teks(&r.formulasi.teks)
                    },
                    pj.map(Sel::Teks).unwrap_or_else(tt),
                    r.sumber_data.clone().map(Sel::Teks).unwrap_or_else(tt),
                ])
            })
            .collect();
        no.tabel(
            &format!(
                "Indikator Kinerja Utama (Keputusan Nomor {})",
                iku.keputusan.nomor
            ),
            vec![
                kolom("No", 1, false),
                kolom("Kinerja utama", 4, false),
                kolom("Indikator kinerja utama", 5, false),
                kolom("Formulasi", 5, false),
                kolom("Penanggung jawab", 3, false),
                kolom("Sumber data", 3, false),
            ],
            b,
            None,
        )
    }

    fn bab2(&self) -> Bab {
        let mut no = Nomor::new("2");
        let mut sudah: Vec<&str> = Vec::new();
        let mut sisip = |kunci: &str| -> Vec<Blok> {
            let k = match kunci {
                "bab2.tujuan_sasaran" => "renstra",
                "bab2.strategi_kebijakan" => "strategi",
                "bab2.rkt" => "rkt",
                "bab2.perjanjian_kinerja" => "pk",
                "bab2.iku" => "iku",
                _ => return vec![],
            };
            sudah.push(k);
            self.tabel_bab2(k, &mut no)
        };
        let mut isi = self.narasi("bab2.", &mut sisip);
        for (k, judul) in [
            ("renstra", "A. Rencana Strategis"),
            ("strategi", "Strategi dan Kebijakan"),
            ("rkt", "B. Rencana Kinerja Tahunan"),
            ("pk", "C. Perjanjian Kinerja"),
            ("iku", "D. Indikator Kinerja Utama"),
        ] {
            if !sudah.contains(&k) {
                isi.push(Blok::Judul {
                    tingkat: 1,
                    teks: judul.into(),
                });
                isi.extend(self.tabel_bab2(k, &mut no));
            }
        }
        Bab {
            jenis: JenisBab::Bab,
            nomor: Some("II".into()),
            judul: "PERENCANAAN KINERJA".into(),
            lanskap: false,
            isi,
        }
    }

    fn tabel_bab2(&self, k: &str, no: &mut Nomor) -> Vec<Blok> {
        match k {
            "renstra" => vec![self.tabel_renstra_ringkas(no)],
            "strategi" => vec![self.tabel_strategi(no)],
            "rkt" => vec![self.tabel_rkt(no)],
            "pk" => self.tabel_pk(no),
            _ => vec![self.tabel_iku(no)],
        }
    }

    fn bab3(&self) -> Bab {
        let mut no = Nomor::new("3");
        let mut isi = Vec::new();
        // A. Capaian kinerja organisasi.
        let narasi_a: Vec<&Bagian> = self
            .laporan
            .bagian
            .iter()
            .filter(|b| b.kunci == "bab3.pengukuran")
            .collect();
        isi.push(Blok::Judul {
            tingkat: 1,
            teks: format!("A. Pengukuran Capaian Kinerja Tahun {}", self.tahun),
        });
        for b in narasi_a {
            isi.extend(paragraf(&b.teks));
        }
        isi.push(Blok::Paragraf {
            teks: format!(
                "Capaian indikator berpolaritas positif = Realisasi / Target x 100; berpolaritas negatif = {}. Capaian sasaran adalah rata-rata capaian indikatornya. Predikat menurut {}:",
                self.ix.aturan.rumus_negatif.keterangan(),
                self.ix.skala.nama
            ),
        });
        let pita = &self.ix.skala.pita;
        let skala: Vec<Baris> = pita
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let atas = if i == 0 {
                    None
                } else {
                    pita[i - 1]
                        .batas_bawah
                        .map(|b| (b, pita[i - 1].termasuk_batas))
                };
                let rentang = match (p.batas_bawah, atas) {
                    (Some(b), None) => format!(
                        "{} {} %",
                        if p.termasuk_batas { "≥" } else { ">" },
                        kinerja_core::angka::format_angka(b, 0)
                    ),
                    (Some(b), Some((a, ta))) => format!(
                        "{} {} % s.d. {} {} %",
                        if p.termasuk_batas { "≥" } else { ">" },
                        kinerja_core::angka::format_angka(b, 0),
                        if ta { "<" } else { "≤" },
                        kinerja_core::angka::format_angka(a, 0)
                    ),
                    (None, Some((a, ta))) => format!(
                        "{} {} %",
                        if ta { "<" } else { "≤" },
                        kinerja_core::angka::format_angka(a, 0)
                    ),
                    (None, None) => "semua".into(),
                };
                baris(vec![Sel::teks(rentang), Sel::teks(&p.label)])
            })
            .collect();
        isi.push(no.tabel("Skala predikat capaian", vec![kolom("Capaian", 4, false), kolom("Predikat", 3, false)], skala, Some("Predikat dibaca dari capaian yang dibulatkan 2 desimal (setengah menjauhi nol).".into())));
        let mut b = Vec::new();
        let mut s_sebelum = None;
        for r in &self.pengukuran.baris {
            let s = self.ix.sasaran(&r.sasaran);
            let baru = s_sebelum != Some(&r.sasaran);
            s_sebelum = Some(&r.sasaran);
            b.push(baris(vec![
                Sel::teks(if baru {
                    s.map(|s| s.nomor.to_string()).unwrap_or_default()
                } else {
                    String::new()
                }),
                Sel::teks(if baru {
                    s.map(|s| s.uraian.clone()).unwrap_or_default()
                } else {
                    String::new()
                }),
                Sel::teks(self.uraian_indikator(&r.indikator)),
                nilai(r.target.as_ref()),
                nilai(r.realisasi.as_ref().map(|x| &x.nilai)),
                capaian(&r.capaian),
                r.predikat
                    .as_ref()
                    .map(|p| Sel::teks(&p.label))
                    .unwrap_or_else(tt),
            ]));
        }
        let dok: Vec<&str> = {
            let mut v: Vec<&str> = self
                .pengukuran
                .baris
                .iter()
                .filter_map(|r| r.dokumen_target.map(|d| d.label()))
                .collect();
            v.dedup();
            v
        };
        isi.push(no.tabel(
            &format!("Pengukuran Kinerja Tahun {}", self.tahun),
            vec![
                kolom("No", 1, false),
                kolom("Sasaran strategis", 4, false),
                kolom("Indikator", 6, false),
                kolom("Target", 2, true),
                kolom("Realisasi", 2, true),
                kolom("Capaian", 2, true),
                kolom("Predikat", 2, false),
            ],
            b,
            Some(format!(
                "Target dari: {}. {CATATAN_TT}",
                if dok.is_empty() {
                    "data tidak tersedia".to_string()
                } else {
                    dok.join(", ")
                }
            )),
        ));
        let butir: Vec<(String, Option<Decimal>)> = self
            .pengukuran
            .baris
            .iter()
            .map(|r| (self.uraian_indikator(&r.indikator), r.capaian.persen()))
            .collect();
        if !butir.is_empty() {
            isi.push(Blok::Grafik(Grafik {
                judul: format!("Capaian indikator kinerja tahun {}", self.tahun),
                svg: grafik::batang_capaian(
                    &format!("Capaian indikator kinerja tahun {}", self.tahun),
                    &butir,
                    Decimal::ONE_HUNDRED,
                ),
                lebar_mm: 160,
            }));
        }

        // B. Evaluasi dan analisis per sasaran.
        isi.push(Blok::Judul {
            tingkat: 1,
            teks: "B. Evaluasi dan Analisis Capaian Kinerja".into(),
        });
        isi.extend(self.paragraf_bagian("bab3.evaluasi"));
        for (n, s) in self.sasaran_urut().into_iter().enumerate() {
            isi.extend(self.analisis_sasaran(n + 1, s, &mut no));
        }

        // C. Akuntabilitas keuangan.
        isi.push(Blok::Judul {
            tingkat: 1,
            teks: "C. Akuntabilitas Keuangan".into(),
        });
        isi.extend(self.paragraf_bagian("bab3.akuntabilitas_keuangan"));
        isi.extend(self.keuangan(&mut no));
        Bab {
            jenis: JenisBab::Bab,
            nomor: Some("III".into()),
            judul: "AKUNTABILITAS KINERJA".into(),
            lanskap: false,
            isi,
        }
    }

    fn analisis_sasaran(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![Blok::Judul {
            tingkat: 2,
            teks: format!("{n}. Sasaran {n}: {}", s.uraian),
        }];
        let inds = pengukuran::indikator_sasaran(&self.ix, &s.id);
        if inds.is_empty() {
            isi.push(Blok::Paragraf {
                teks: "Indikator sasaran: data tidak tersedia.".into(),
            });
            return isi;
        }
        // 1. Target and realisasi of the year.
        let mut b: Vec<Baris> = self
            .pengukuran
            .baris
            .iter()
            .filter(|r| r.sasaran == s.id)
            .map(|r| {
                baris(vec![
                    Sel::teks(self.uraian_indikator(&r.indikator)),
                    nilai(r.target.as_ref()),
                    nilai(r.realisasi.as_ref().map(|x| &x.nilai)),
                    capaian(&r.capaian),
                    r.predikat
                        .as_ref()
                        .map(|p| Sel::teks(&p.label))
                        .unwrap_or_else(tt),
                ])
            })
            .collect();
        if let Some(cs) = self.pengukuran.sasaran.iter().find(|c| c.sasaran == s.id) {
            b.push(baris_tebal(vec![
                Sel::teks("Capaian sasaran (rata-rata)"),
                Sel::Kosong,
                Sel::Kosong,
                persen(cs.capaian),
                cs.predikat
                    .as_ref()
                    .map(|p| Sel::teks(&p.label))
                    .unwrap_or_else(tt),
            ]));
        }
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: format!("a. Target, realisasi dan capaian tahun {}", self.tahun),
        });
        isi.push(no.tabel(
            &format!("Capaian sasaran {n} tahun {}", self.tahun),
            vec![
                kolom("Indikator", 7, false),
                kolom("Target", 2, true),
                kolom("Realisasi", 2, true),
                kolom("Capaian", 2, true),
                kolom("Predikat", 2, false),
            ],
            b,
            None,
        ));
        isi.extend(self.skm_sasaran(&inds, no));

        // 2. Earlier years.
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: "b. Perbandingan dengan tahun-tahun sebelumnya".into(),
        });
        let riwayat: Vec<(String, Vec<pengukuran::TahunRiwayat>)> = inds
            .iter()
            .map(|i| {
                (
                    i.uraian.clone(),
                    pengukuran::riwayat(&self.ix, i, self.tahun),
                )
            })
            .collect();
        let tahun: Vec<Tahun> = riwayat
            .first()
            .map(|(_, r)| r.iter().map(|t| t.tahun).collect())
            .unwrap_or_default();
        let mut kol = vec![kolom("Indikator", 6, false)];
        for t in &tahun {
            kol.push(kolom(&format!("Realisasi {t}"), 2, true));
        }
        kol.push(kolom("Capaian tahun ini", 2, true));
        let b = riwayat
            .iter()
            .map(|(u, r)| {
                let mut sel = vec![Sel::teks(u)];
                sel.extend(
                    r.iter()
                        .map(|t| nilai(t.realisasi.as_ref().map(|x| &x.nilai))),
                );
                sel.push(r.last().map(|t| capaian(&t.capaian)).unwrap_or_else(tt));
                baris(sel)
            })
            .collect();
        isi.push(no.tabel(
            &format!("Realisasi sasaran {n} dari tahun ke tahun"),
            kol,
            b,
            Some(format!(
                "Realisasi tiap tahun dibandingkan dengan target tahun itu. {CATATAN_TT}"
            )),
        ));
        let seri: Vec<grafik::Seri> = riwayat
            .iter()
            .map(|(u, r)| grafik::Seri {
                nama: u.clone(),
                realisasi: r
                    .iter()
                    .map(|t| t.realisasi.as_ref().and_then(|x| x.nilai.angka_setara()))
                    .collect(),
                target: r
                    .iter()
                    .map(|t| t.target.as_ref().and_then(|x| x.angka_setara()))
                    .collect(),
            })
            .collect();
        if seri
            .iter()
            .any(|s| s.realisasi.iter().filter(|x| x.is_some()).count() > 1)
        {
            let judul = format!("Tren realisasi sasaran {n}");
            isi.push(Blok::Grafik(Grafik {
                svg: grafik::tren(
                    &judul,
                    &tahun.iter().map(|t| t.get()).collect::<Vec<_>>(),
                    &seri,
                ),
                judul,
                lebar_mm: 160,
            }));
        }

        // 3. End of Renstra.
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: "c. Perbandingan dengan target akhir Renstra".into(),
        });
        let b = inds
            .iter()
            .map(|i| {
                let k = pengukuran::tingkat_kemajuan(&self.ix, i, self.tahun);
                baris(vec![
                    Sel::teks(&i.uraian),
                    k.tahun_akhir
                        .map(|t| Sel::teks(t.to_string()))
                        .unwrap_or_else(tt),
                    nilai(k.target_akhir.as_ref()),
                    nilai(k.realisasi.as_ref().map(|r| &r.nilai)),
                    capaian(&k.kemajuan),
                ])
            })
            .collect();
        isi.push(no.tabel(
            &format!("Tingkat kemajuan sasaran {n} terhadap target akhir Renstra"),
            vec![kolom("Indikator", 7, false), kolom("Tahun akhir", 2, true), kolom("Target akhir", 2, true), kolom(&format!("Realisasi {}", self.tahun), 2, true), kolom("Tingkat kemajuan", 2, true)],
            b,
            Some("Tingkat kemajuan = realisasi tahun ini dibanding target akhir Renstra, dengan rumus capaian sesuai polaritas.".into()),
        ));

        // 4. National.
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: "d. Perbandingan dengan angka nasional".into(),
        });
        let b = inds
            .iter()
            .map(|i| {
                let p = pengukuran::bandingkan(&self.ix, i, self.tahun, "nasional");
                let ket = match p.lebih_baik {
                    Some(true) => Sel::teks("lebih baik"),
                    Some(false) => Sel::teks("lebih rendah"),
                    None if p.pembanding.is_some() && p.selisih.is_some() => Sel::teks("setara"),
                    None => tt(),
                };
                baris(vec![
                    Sel::teks(&i.uraian),
                    nilai(p.realisasi.as_ref()),
                    nilai(p.pembanding.as_ref()),
                    p.selisih
                        .map(|d| Sel::Angka {
                            nilai: d,
                            desimal: 2,
                        })
                        .unwrap_or_else(tt),
                    ket,
                ])
            })
            .collect();
        isi.push(no.tabel(
            &format!("Realisasi sasaran {n} dibanding angka nasional"),
            vec![
                kolom("Indikator", 7, false),
                kolom(&format!("Realisasi {}", self.tahun), 2, true),
                kolom("Nasional", 2, true),
                kolom("Selisih", 2, true),
                kolom("Keterangan", 2, false),
            ],
            b,
            None,
        ));

        // 5. Analysis (the user's words).
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: "e. Analisis penyebab keberhasilan atau kegagalan dan langkah yang diambil"
                .into(),
        });
        let teks: Vec<&AnalisisSasaran> = self
            .laporan
            .analisis
            .iter()
            .filter(|a| a.sasaran == s.id)
            .collect();
        if teks.is_empty() {
            isi.push(Blok::Paragraf {
                teks: "Analisis: data tidak tersedia.".into(),
            });
        }
        for a in teks {
            isi.extend(paragraf(&a.teks));
        }

        // 6. Efficiency: capaian beside serapan of the supporting programs.
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: "f. Efisiensi penggunaan sumber daya".into(),
        });
        let cs = self
            .pengukuran
            .sasaran
            .iter()
            .find(|c| c.sasaran == s.id)
            .and_then(|c| c.capaian);
        let b: Vec<Baris> = self
            .anggaran
            .sasaran
            .iter()
            .filter(|a| a.sasaran.as_ref() == Some(&s.id))
            .flat_map(|a| a.program.iter())
            .filter_map(|p| self.anggaran.program.iter().find(|x| &x.program == p))
            .map(|p| {
                baris(vec![
                    Sel::teks(
                        self.data
                            .program
                            .iter()
                            .find(|x| x.id == p.program)
                            .map(|x| x.nama.clone())
                            .unwrap_or_default(),
                    ),
                    Sel::Rupiah(p.serapan.pagu),
                    realisasi_rp(&p.serapan),
                    persen(p.serapan.persen),
                    persen(cs),
                ])
            })
            .collect();
        if b.is_empty() {
            isi.push(Blok::Paragraf {
                teks: "Program beranggaran yang mendukung sasaran ini: data tidak tersedia.".into(),
            });
        } else {
            isi.push(no.tabel(
                &format!("Capaian sasaran {n} dan serapan anggaran program pendukungnya"),
                vec![kolom("Program", 6, false), kolom("Pagu (Rp)", 3, true), kolom("Realisasi (Rp)", 3, true), kolom("Serapan", 2, true), kolom("Capaian sasaran", 2, true)],
                b,
                Some("Ukuran yang ditampilkan: capaian sasaran di samping serapan anggaran program pendukungnya (praktik LKjIP pemda), bukan indeks efisiensi K/L yang memerlukan volume keluaran.".into()),
            ));
        }

        // 7. Supporting programs and kegiatan with their input/output indicators.
        isi.push(Blok::Judul {
            tingkat: 3,
            teks: "g. Program dan kegiatan pendukung".into(),
        });
        let program: Vec<&Program> = self
            .data
            .program
            .iter()
            .filter(|p| p.sasaran.as_ref() == Some(&s.id))
            .collect();
        let mut ada = false;
        for p in program {
            let kegiatan: Vec<&Kegiatan> = self
                .data
                .kegiatan
                .iter()
                .filter(|k| k.program == p.id)
                .collect();
            let mut b = Vec::new();
            for k in kegiatan {
                let mut inds: Vec<&Indikator> = self
                    .data
                    .indikator
                    .iter()
                    .filter(|i| matches!(&i.pemilik, Pemilik::Kegiatan(x) if x == &k.id))
                    .collect();
                inds.sort_by_key(|i| (i.jenis != JenisIndikator::Masukan, i.nomor));
                if inds.is_empty() {
                    continue;
                }
                b.push(baris_tebal(vec![
                    Sel::teks(&k.nama),
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                ]));
                for i in inds {
                    let t = self.ix.target_pengukuran(&i.id, self.tahun);
                    let r = self.ix.realisasi_tahunan(i, self.tahun);
                    let c = self
                        .ix
                        .capaian(i, t.map(|x| &x.nilai), r.as_ref().map(|x| &x.nilai));
                    let jenis = match i.jenis {
                        JenisIndikator::Masukan => "Masukan",
                        JenisIndikator::Keluaran => "Keluaran",
                        JenisIndikator::Hasil => "Hasil",
                    };
                    b.push(baris(vec![
                        Sel::teks(format!("{jenis}: {}", i.uraian)),
                        nilai(t.map(|x| &x.nilai)),
                        nilai(r.as_ref().map(|x| &x.nilai)),
                        capaian(&c),
                        Sel::teks(i.satuan.clone().unwrap_or_default()),
                    ]));
                }
            }
            if b.is_empty() {
                continue;
            }
            ada = true;
            isi.push(no.tabel(
                &format!("{} (sasaran {n})", p.nama),
                vec![
                    kolom("Kegiatan / indikator", 8, false),
                    kolom("Target", 2, true),
                    kolom("Realisasi", 2, true),
                    kolom("Capaian", 2, true),
                    kolom("Satuan", 2, false),
                ],
                b,
                Some(CATATAN_TT.into()),
            ));
        }
        if !ada {
            isi.push(Blok::Paragraf {
                teks: "Indikator masukan dan keluaran kegiatan pendukung: data tidak tersedia."
                    .into(),
            });
        }
        isi
    }

    /// The SKM of an indicator of this sasaran, when the year has a survey naming it.
    fn skm_sasaran(&self, inds: &[&Indikator], no: &mut Nomor) -> Vec<Blok> {
        let mut isi = Vec::new();
        for s in self.data.skm.iter().filter(|s| {
            s.tahun == self.tahun
                && s.indikator
                    .as_ref()
                    .is_some_and(|i| inds.iter().any(|x| &x.id == i))
        }) {
            let regime = kinerja_core::skm::Regime::dari_kode(&s.regime);
            let hasil = kinerja_core::skm::hasil_survei(s).and_then(Result::ok);
            let mut b = Vec::new();
            for u in &s.unsur {
                let dist = u.distribusi.or_else(|| {
                    u.jumlah.map(|j| {
                        let n: u64 = j.iter().sum();
                        j.map(|x| {
                            if n == 0 {
                                Decimal::ZERO
                            } else {
                                Decimal::from(x) * Decimal::ONE_HUNDRED / Decimal::from(n)
                            }
                        })
                    })
                });
                let skor = dist.and_then(|p| {
                    let total: Decimal = p.iter().sum();
                    (!total.is_zero()).then(|| {
                        p.iter()
                            .zip(1..)
                            .map(|(x, k)| *x * Decimal::from(k))
                            .sum::<Decimal>()
                            / total
                            * Decimal::from(25)
                    })
                });
                let pct = |k: usize| {
                    dist.map(|p| Sel::Angka {
                        nilai: bulatkan(p[k], 2),
                        desimal: if p[k].fract().is_zero() { 0 } else { 2 },
                    })
                    .unwrap_or_else(tt)
                };
                b.push(baris(vec![
                    Sel::teks(u.nomor.to_string()),
                    Sel::teks(&u.nama),
                    pct(0),
                    pct(1),
                    pct(2),
                    pct(3),
                    skor.map(|x| Sel::Angka {
                        nilai: x,
                        desimal: 2,
                    })
                    .unwrap_or_else(tt),
                    match (skor, &regime) {
                        (Some(x), Some(r)) => Sel::teks(r.klasifikasi(x).kinerja_unit.label()),
                        _ => tt(),
                    },
                ]));
            }
            match &hasil {
                Some(h) => b.push(baris_tebal(vec![
                    Sel::Kosong,
                    Sel::teks("Nilai konversi (IKM x 25)"),
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Angka {
                        nilai: h.nik,
                        desimal: 2,
                    },
                    Sel::teks(format!("{} (mutu {})", h.kinerja_unit.label(), h.mutu)),
                ])),
                None => b.push(baris_tebal(vec![
                    Sel::Kosong,
                    Sel::teks("Nilai konversi (IKM x 25)"),
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    tt(),
                    Sel::Kosong,
                ])),
            }
            isi.push(no.tabel(
                &format!("Survei Kepuasan Masyarakat {} per unsur", self.tahun),
                vec![kolom("No", 1, false), kolom("Unsur", 6, false), kolom("% Tidak baik", 2, true), kolom("% Kurang baik", 2, true), kolom("% Baik", 2, true), kolom("% Sangat baik", 2, true), kolom("Skor", 2, true), kolom("Predikat", 3, false)],
                b,
                Some(format!(
                    "Skor unsur = (1 x %1 + 2 x %2 + 3 x %3 + 4 x %4) / 100 x 25; predikat menurut {}; bobot tepat 1/n.{}",
                    regime.as_ref().map(|r| r.nama.as_str()).unwrap_or("regime yang tidak dikenal"),
                    if hasil.is_none() { " Nilai konversi tidak dihitung karena tidak semua unsur memiliki jawaban atau distribusi." } else { "" }
                )),
            ));
            if hasil.is_none() {
                isi.push(Blok::Catatan {
                    teks: "Grafik SKM tidak dibuat: tidak semua unsur memiliki jawaban atau distribusi, sehingga rata-ratanya tidak dapat dihitung dari data.".into(),
                });
            }
            if let Some(h) = &hasil {
                let judul = format!("Skor unsur SKM {} dan rata-ratanya", self.tahun);
                isi.push(Blok::Grafik(Grafik {
                    svg: grafik::skm::svg(h, &judul),
                    judul,
                    lebar_mm: 160,
                }));
            }
        }
        isi
    }

    fn keuangan(&self, no: &mut Nomor) -> Vec<Blok> {
        let a = &self.anggaran;
        if a.jenis.is_empty() {
            return vec![Blok::Paragraf {
                teks: format!("Anggaran tahun {}: data tidak tersedia.", self.tahun),
            }];
        }
        let mut isi = Vec::new();
        let mut b = Vec::new();
        for k in &a.kelompok {
            b.push(baris_tebal(vec![
                Sel::teks(k.jenis.label()),
                Sel::Rupiah(k.serapan.pagu),
                persen(k.proporsi),
                realisasi_rp(&k.serapan),
                persen(k.serapan.persen),
            ]));
            for j in a
                .jenis
                .iter()
                .filter(|j| j.jenis.kelompok() == k.jenis && j.jenis != k.jenis)
            {
                b.push(baris(vec![
                    Sel::teks(format!("- {}", j.jenis.label())),
                    Sel::Rupiah(j.serapan.pagu),
                    persen(j.proporsi),
                    realisasi_rp(&j.serapan),
                    persen(j.serapan.persen),
                ]));
            }
        }
        b.push(baris_tebal(vec![
            Sel::teks("Jumlah"),
            Sel::Rupiah(a.total.pagu),
            Sel::Persen(Decimal::ONE_HUNDRED),
            realisasi_rp(&a.total),
            persen(a.total.persen),
        ]));
        isi.push(Blok::Judul {
            tingkat: 2,
            teks: "1. Alokasi dan realisasi anggaran menurut jenis belanja".into(),
        });
        isi.push(no.tabel(
            &format!("Anggaran menurut jenis belanja tahun {}", self.tahun),
            vec![
                kolom("Jenis belanja", 6, false),
                kolom("Pagu (Rp)", 3, true),
                kolom("Proporsi", 2, true),
                kolom("Realisasi (Rp)", 3, true),
                kolom("Serapan", 2, true),
            ],
            b,
            Some("Proporsi terhadap seluruh pagu; serapan = realisasi / pagu x 100.".into()),
        ));
        let mut b = Vec::new();
        for (i, p) in a.program.iter().enumerate() {
            let nama = self
                .data
                .program
                .iter()
                .find(|x| x.id == p.program)
                .map(|x| x.nama.clone())
                .unwrap_or_default();
            b.push(baris_tebal(vec![
                Sel::teks(kinerja_core::angka::romawi(i + 1)),
                Sel::teks(nama),
                Sel::Rupiah(p.serapan.pagu),
                realisasi_rp(&p.serapan),
                persen(p.serapan.persen),
            ]));
            for (j, k) in p.kegiatan.iter().enumerate() {
                let nama = self
                    .data
                    .kegiatan
                    .iter()
                    .find(|x| x.id == k.kegiatan)
                    .map(|x| x.nama.clone())
                    .unwrap_or_default();
                b.push(baris(vec![
                    Sel::teks(format!("{}", j + 1)),
                    Sel::teks(nama),
                    Sel::Rupiah(k.serapan.pagu),
                    realisasi_rp(&k.serapan),
                    persen(k.serapan.persen),
                ]));
            }
        }
        b.push(baris_tebal(vec![
            Sel::Kosong,
            Sel::teks("JUMLAH"),
            Sel::Rupiah(a.program_total.pagu),
            realisasi_rp(&a.program_total),
            persen(a.program_total.persen),
        ]));
        isi.push(Blok::Judul {
            tingkat: 2,
            teks: "2. Realisasi anggaran per program dan kegiatan".into(),
        });
        isi.push(no.tabel(
            &format!("Realisasi anggaran per program dan kegiatan tahun {}", self.tahun),
            vec![kolom("No", 1, false), kolom("Program / kegiatan", 7, false), kolom("Pagu (Rp)", 3, true), kolom("Realisasi (Rp)", 3, true), kolom("Serapan", 2, true)],
            b,
            Some("Jumlah program dihitung dari kegiatannya; serapan dibulatkan 2 desimal (setengah menjauhi nol).".into()),
        ));
        let butir: Vec<(String, Option<Decimal>)> = a
            .program
            .iter()
            .map(|p| {
                (
                    self.data
                        .program
                        .iter()
                        .find(|x| x.id == p.program)
                        .map(|x| x.nama.clone())
                        .unwrap_or_default(),
                    p.serapan.persen,
                )
            })
            .collect();
        if !butir.is_empty() {
            let judul = format!("Serapan anggaran per program tahun {}", self.tahun);
            isi.push(Blok::Grafik(Grafik {
                svg: grafik::serapan(&judul, &butir),
                judul,
                lebar_mm: 160,
            }));
        }
        let b: Vec<Baris> = a
            .sasaran
            .iter()
            .map(|s| {
                let nama = s
                    .sasaran
                    .as_ref()
                    .and_then(|x| self.ix.sasaran(x))
                    .map(|x| x.uraian.clone())
                    .unwrap_or_else(|| "Program tanpa sasaran".into());
                let program: Vec<String> = s
                    .program
                    .iter()
                    .filter_map(|p| self.data.program.iter().find(|x| &x.id == p))
                    .map(|x| x.nama.clone())
                    .collect();
                baris(vec![
                    Sel::teks(nama),
                    Sel::teks(program.join("; ")),
                    Sel::Rupiah(s.serapan.pagu),
                    persen(s.proporsi),
                    realisasi_rp(&s.serapan),
                    persen(s.serapan.persen),
                ])
            })
            .collect();
        isi.push(Blok::Judul {
            tingkat: 2,
            teks: "3. Anggaran per sasaran".into(),
        });
        isi.push(no.tabel(
            &format!("Anggaran per sasaran tahun {}", self.tahun),
            vec![kolom("Sasaran", 5, false), kolom("Program pendukung", 6, false), kolom("Pagu (Rp)", 3, true), kolom("Proporsi", 2, true), kolom("Realisasi (Rp)", 3, true), kolom("Serapan", 2, true)],
            b,
            Some("Proporsi terhadap anggaran seluruh program (belanja yang terikat pada kegiatan).".into()),
        ));
        isi
    }

    fn bab4(&self) -> Bab {
        let p = &self.laporan.penutup;
        let mut isi = paragraf(&p.teks);
        if !p.kendala.is_empty() {
            isi.push(Blok::Judul {
                tingkat: 1,
                teks: "Kendala dan permasalahan".into(),
            });
            isi.push(Blok::Daftar {
                bernomor: true,
                butir: p.kendala.clone(),
            });
        }
        if !p.langkah_perbaikan.is_empty() {
            isi.push(Blok::Judul {
                tingkat: 1,
                teks: "Langkah perbaikan".into(),
            });
            isi.push(Blok::Daftar {
                bernomor: true,
                butir: p.langkah_perbaikan.clone(),
            });
        }
        if isi.is_empty() {
            isi.push(Blok::Paragraf {
                teks: "Penutup: data tidak tersedia.".into(),
            });
        }
        if let Some(t) = self
            .laporan
            .penandatangan
            .as_ref()
            .and_then(|x| self.tanda_tangan(x, self.tempat_tanggal(), None))
        {
            isi.push(Blok::TandaTangan(t));
        }
        Bab {
            jenis: JenisBab::Bab,
            nomor: Some("IV".into()),
            judul: "PENUTUP".into(),
            lanskap: false,
            isi,
        }
    }

    fn lampiran(&self) -> Vec<Bab> {
        vec![
            self.lampiran_renstra(),
            self.lampiran_rkt(),
            self.lampiran_pk(),
            self.lampiran_iku(),
        ]
    }

    fn lampiran_renstra(&self) -> Bab {
        let Some(rs) = self
            .data
            .renstra
            .iter()
            .find(|r| (r.tahun_awal..=r.tahun_akhir).contains(&self.tahun))
            .or(self.data.renstra.first())
        else {
            return Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("1".into()),
                judul: "RENCANA STRATEGIS".into(),
                lanskap: false,
                isi: vec![Blok::Paragraf {
                    teks: "Renstra: data tidak tersedia.".into(),
                }],
            };
        };
        let tahun: Vec<Tahun> = (rs.tahun_awal.get()..=rs.tahun_akhir.get())
            .filter_map(|t| Tahun::new(t as i64).ok())
            .collect();
        let mut kol = vec![
            kolom("No", 1, false),
            kolom("Tujuan", 4, false),
            kolom("Indikator tujuan", 4, false),
            kolom("Sasaran", 4, false),
            kolom("Indikator sasaran", 4, false),
        ];
        for t in &tahun {
            kol.push(kolom(&t.to_string(), 2, true));
        }
        kol.extend([
            kolom("Strategi", 4, false),
            kolom("Kebijakan", 4, false),
            kolom("Program", 4, false),
        ]);
        let mut b = Vec::new();
        let mut tujuan: Vec<&Tujuan> = self
            .data
            .tujuan
            .iter()
            .filter(|t| t.renstra == rs.id)
            .collect();
        tujuan.sort_by_key(|t| t.nomor);
        for tj in tujuan {
            let ind_tujuan: Vec<String> = self
                .data
                .indikator
                .iter()
                .filter(|i| matches!(&i.pemilik, Pemilik::Tujuan(x) if x == &tj.id))
                .map(|i| i.uraian.clone())
                .collect();
            let mut sasaran: Vec<&Sasaran> = self
                .data
                .sasaran
                .iter()
                .filter(|s| s.tujuan == tj.id)
                .collect();
            sasaran.sort_by_key(|s| s.nomor);
            let mut pertama_tujuan = true;
            for s in sasaran {
                let strategi: Vec<&Strategi> = self
                    .data
                    .strategi
                    .iter()
                    .filter(|x| x.sasaran.contains(&s.id))
                    .collect();
                let kebijakan: Vec<String> = self
                    .data
                    .kebijakan
                    .iter()
                    .filter(|k| strategi.iter().any(|x| x.id == k.strategi))
                    .map(|k| k.uraian.clone())
                    .collect();
                let program: Vec<String> = self
                    .data
                    .program
                    .iter()
                    .filter(|p| p.renstra && p.sasaran.as_ref() == Some(&s.id))
                    .map(|p| p.nama.clone())
                    .collect();
                let mut pertama_sasaran = true;
                for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                    let mut sel = vec![
                        Sel::teks(if pertama_tujuan {
                            tj.nomor.to_string()
                        } else {
                            String::new()
                        }),
                        Sel::teks(if pertama_tujuan {
                            tj.uraian.clone()
                        } else {
                            String::new()
                        }),
                        Sel::teks(if pertama_tujuan {
                            ind_tujuan.join("; ")
                        } else {
                            String::new()
                        }),
                        Sel::teks(if pertama_sasaran {
                            s.uraian.clone()
                        } else {
                            String::new()
                        }),
                        Sel::teks(&i.uraian),
                    ];
                    for t in &tahun {
                        sel.push(nilai(
                            self.ix
                                .target(&i.id, *t, DokumenTarget::Renstra)
                                .map(|x| &x.nilai),
                        ));
                    }
                    sel.push(Sel::teks(if pertama_sasaran {
                        strategi
                            .iter()
                            .map(|x| x.uraian.clone())
                            .collect::<Vec<_>>()
                            .join("; ")
                    } else {
                        String::new()
                    }));
                    sel.push(Sel::teks(if pertama_sasaran {
                        kebijakan.join("; ")
                    } else {
                        String::new()
                    }));
                    sel.push(Sel::teks(if pertama_sasaran {
                        program.join("; ")
                    } else {
                        String::new()
                    }));
                    b.push(baris(sel));
                    pertama_tujuan = false;
                    pertama_sasaran = false;
                }
            }
        }
        let judul = format!("RENCANA STRATEGIS {}-{}", rs.tahun_awal, rs.tahun_akhir);
        let mut isi = Vec::new();
        if let Some(k) = &rs.dasar {
            isi.push(Blok::Paragraf {
                teks: format!(
                    "Ditetapkan dengan {}{}.",
                    k.nomor,
                    k.tentang
                        .as_ref()
                        .map(|t| format!(" tentang {t}"))
                        .unwrap_or_default()
                ),
            });
        }
        isi.push(Blok::Tabel(Tabel {
            nama: "Lampiran 1".into(),
            judul: format!(
                "Lampiran 1 Matriks Rencana Strategis {}-{}",
                rs.tahun_awal, rs.tahun_akhir
            ),
            kolom: kol,
            baris: b,
            catatan: None,
        }));
        Bab {
            jenis: JenisBab::Lampiran,
            nomor: Some("1".into()),
            judul,
            lanskap: true,
            isi,
        }
    }

    fn lampiran_rkt(&self) -> Bab {
        let rkt = self.data.rkt.iter().find(|r| r.tahun == self.tahun);
        let mut isi = Vec::new();
        let Some(rkt) = rkt else {
            isi.push(Blok::Paragraf {
                teks: format!("RKT tahun {}: data tidak tersedia.", self.tahun),
            });
            return Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("2".into()),
                judul: format!("RENCANA KINERJA TAHUNAN {}", self.tahun),
                lanskap: false,
                isi,
            };
        };
        let mut b = Vec::new();
        for s in self.sasaran_urut() {
            for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                b.push(baris_tebal(vec![
                    Sel::teks(&s.uraian),
                    Sel::teks(&i.uraian),
                    nilai(
                        self.ix
                            .target(&i.id, self.tahun, DokumenTarget::Rkt)
                            .map(|t| &t.nilai),
                    ),
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                ]));
            }
            for p in rkt
                .program
                .iter()
                .filter_map(|p| self.data.program.iter().find(|x| &x.id == p))
                .filter(|p| p.sasaran.as_ref() == Some(&s.id))
            {
                for k in self.data.kegiatan.iter().filter(|k| k.program == p.id) {
                    let rk = rkt.kegiatan.iter().find(|x| x.kegiatan == k.id);
                    let inds: Vec<&Indikator> = self
                        .data
                        .indikator
                        .iter()
                        .filter(|i| matches!(&i.pemilik, Pemilik::Kegiatan(x) if x == &k.id))
                        .collect();
                    let (ind, target) = match inds.first() {
                        Some(i) => (
                            Sel::teks(&i.uraian),
                            nilai(
                                self.ix
                                    .target(&i.id, self.tahun, DokumenTarget::Rkt)
                                    .map(|t| &t.nilai),
                            ),
                        ),
                        None => (tt(), tt()),
                    };
                    b.push(baris(vec![
                        Sel::Kosong,
                        Sel::Kosong,
                        Sel::Kosong,
                        Sel::teks(&p.nama),
                        Sel::teks(&k.nama),
                        ind,
                        target,
                        rk.and_then(|r| r.anggaran)
                            .map(Sel::Rupiah)
                            .unwrap_or_else(tt),
                    ]));
                }
            }
        }
        isi.push(Blok::Tabel(Tabel {
            nama: "Lampiran 2".into(),
            judul: format!("Lampiran 2 Rencana Kinerja Tahunan {}", self.tahun),
            kolom: vec![
                kolom("Sasaran", 4, false),
                kolom("Indikator kinerja", 5, false),
                kolom("Target", 2, true),
                kolom("Program", 4, false),
                kolom("Kegiatan", 4, false),
                kolom("Indikator kegiatan", 4, false),
                kolom("Target", 2, true),
                kolom("Anggaran (Rp)", 3, true),
            ],
            baris: b,
            catatan: rkt.catatan.clone(),
        }));
        Bab {
            jenis: JenisBab::Lampiran,
            nomor: Some("2".into()),
            judul: format!("RENCANA KINERJA TAHUNAN {}", self.tahun),
            lanskap: true,
            isi,
        }
    }

    fn lampiran_pk(&self) -> Bab {
        let judul = format!("PERJANJIAN KINERJA TAHUN {}", self.tahun);
        let Some(pk) = self.pk() else {
            return Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("3".into()),
                judul,
                lanskap: false,
                isi: vec![Blok::Paragraf {
                    teks: "Perjanjian Kinerja: data tidak tersedia.".into(),
                }],
            };
        };
        let mut isi = vec![Blok::Paragraf { teks: "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:".into() }];
        let pihak = |id: &PejabatId, sebutan: &str| -> Vec<Blok> {
            let Some(p) = self.data.pejabat.iter().find(|x| &x.id == id) else {
                return vec![];
            };
            let mut v = vec![format!("Nama: {}", p.nama)];
            if let Some(n) = &p.nip {
                v.push(format!("NIP: {n}"));
            }
            if let Some(g) = p.pangkat.as_ref().or(p.golongan.as_ref()) {
                v.push(format!(
                    "Pangkat/golongan: {g}{}",
                    p.golongan
                        .as_ref()
                        .filter(|_| p.pangkat.is_some())
                        .map(|g| format!(" / {g}"))
                        .unwrap_or_default()
                ));
            }
            v.push(format!("Jabatan: {}", p.jabatan));
            vec![
                Blok::Daftar {
                    bernomor: false,
                    butir: v,
                },
                Blok::Paragraf {
                    teks: format!("selanjutnya disebut pihak {sebutan}."),
                },
            ]
        };
        isi.extend(pihak(&pk.pihak_pertama, "pertama"));
        isi.extend(pihak(&pk.pihak_kedua, "kedua"));
        isi.push(Blok::Paragraf { teks: "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Pihak kedua akan memberikan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari perjanjian ini.".into() });
        let tempat = match (&pk.tempat, pk.tanggal) {
            (Some(t), Some(d)) => Some(format!("{t}, {d}")),
            (t, d) => t.clone().or(d.map(|d| d.to_string())),
        };
        if let (Some(k), Some(p)) = (
            self.tanda_tangan(&pk.pihak_kedua, None, Some("Pihak Kedua")),
            self.tanda_tangan(&pk.pihak_pertama, tempat, Some("Pihak Pertama")),
        ) {
            isi.push(Blok::DuaPihak { kiri: k, kanan: p });
        }
        isi.push(Blok::HalamanBaru);
        let mut no = Nomor::new("L3");
        for t in self.tabel_pk(&mut no) {
            if let Blok::Tabel(mut t) = t {
                t.nama = t.nama.replace("Tabel L3.", "Lampiran 3.");
                t.judul = t.judul.replace("Tabel L3.", "Lampiran 3.");
                isi.push(Blok::Tabel(t));
            } else {
                isi.push(t);
            }
        }
        Bab {
            jenis: JenisBab::Lampiran,
            nomor: Some("3".into()),
            judul,
            lanskap: false,
            isi,
        }
    }

    fn lampiran_iku(&self) -> Bab {
        let judul = "INDIKATOR KINERJA UTAMA".to_string();
        let Some(iku) = self.iku() else {
            return Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("4".into()),
                judul,
                lanskap: false,
                isi: vec![Blok::Paragraf {
                    teks: "Keputusan IKU: data tidak tersedia.".into(),
                }],
            };
        };
        let mut isi = vec![Blok::Paragraf {
            teks: format!(
                "Keputusan Nomor {}{}",
                iku.keputusan.nomor,
                iku.keputusan
                    .tentang
                    .as_ref()
                    .map(|t| format!(" tentang {t}"))
                    .unwrap_or_default()
            ),
        }];
        let mut no = Nomor::new("L4");
        if let Blok::Tabel(mut t) = self.tabel_iku(&mut no) {
            t.nama = "Lampiran 4".into();
            t.judul = t.judul.replace("Tabel L4.1", "Lampiran 4");
            isi.push(Blok::Tabel(t));
        }
        let tempat = match (&iku.keputusan.tempat, iku.keputusan.tanggal) {
            (Some(t), Some(d)) => Some(format!("Ditetapkan di {t}, {d}")),
            (t, d) => t.clone().or(d.map(|d| d.to_string())),
        };
        match iku
            .keputusan
            .penandatangan
            .as_ref()
            .and_then(|p| self.tanda_tangan(p, tempat, None))
        {
            Some(t) => isi.push(Blok::TandaTangan(t)),
            None => isi.push(Blok::Catatan {
                teks: "Penandatangan keputusan: data tidak tersedia.".into(),
            }),
        }
        Bab {
            jenis: JenisBab::Lampiran,
            nomor: Some("4".into()),
            judul,
            lanskap: false,
            isi,
        }
    }

    fn lampiran_reviu(&self, temuan: &[Temuan], nomor: usize) -> Bab {
        let mut isi = vec![Blok::Paragraf {
            teks: "Laporan ini dibuat dengan --paksa walaupun reviu masih menemukan galat terbuka. Temuan galat dan peringatan berikut dihasilkan kinerja dari data yang sama; temuan yang diterima pereviu dicantumkan beserta alasannya.".into(),
        }];
        let b = temuan
            .iter()
            .filter(|t| t.tingkat != Tingkat::Info)
            .map(|t| {
                let lokasi = format!(
                    "{} › {}{}",
                    t.lokasi.dokumen,
                    t.lokasi.tabel,
                    t.lokasi
                        .baris
                        .as_ref()
                        .map(|b| format!(" › {b}"))
                        .unwrap_or_default()
                );
                baris(vec![
                    Sel::teks(t.tingkat.label()),
                    Sel::teks(&t.aturan),
                    Sel::teks(lokasi),
                    Sel::teks(&t.pesan),
                    t.tercatat
                        .map(|x| Sel::Angka {
                            nilai: x,
                            desimal: x.scale().min(2),
                        })
                        .unwrap_or(Sel::Kosong),
                    t.dihitung
                        .map(|x| Sel::Angka {
                            nilai: x,
                            desimal: 2,
                        })
                        .unwrap_or(Sel::Kosong),
                    Sel::teks(
                        t.diterima
                            .clone()
                            .map(|d| format!("diterima: {d}"))
                            .unwrap_or_else(|| "terbuka".into()),
                    ),
                ])
            })
            .collect();
        isi.push(Blok::Tabel(Tabel {
            nama: format!("Lampiran {nomor}"),
            judul: format!("Lampiran {nomor} Temuan reviu"),
            kolom: vec![
                kolom("Tingkat", 2, false),
                kolom("Aturan", 3, false),
                kolom("Lokasi", 4, false),
                kolom("Pesan", 8, false),
                kolom("Tercatat", 2, true),
                kolom("Dihitung", 2, true),
                kolom("Status", 3, false),
            ],
            baris: b,
            catatan: Some(
                "Tercatat: angka yang tertulis di dokumen; dihitung: angka dari data primer."
                    .into(),
            ),
        }));
        Bab {
            jenis: JenisBab::Lampiran,
            nomor: Some(nomor.to_string()),
            judul: "HASIL REVIU".into(),
            lanskap: true,
            isi,
        }
    }
}
