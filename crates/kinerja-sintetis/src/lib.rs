//! Synthetic data of a kabupaten: `n` instansi, each with a 5-year Renstra, 6 sasaran of 5
//! indicators (30 in all, positive and negative polarity), targets in the Renstra, the PK and the
//! measurement table, quarterly realisasi, 4 programs of 2 kegiatan with two budget lines a year,
//! a PK, an IKU and a report per year, and stated figures of which some are deliberately wrong.
//! Deterministic: the same arguments give the same data. `nasional` places such OPDs in a whole
//! synthetic nation (38 provinces, 514 kabupaten/kota, 40 OPD each).

use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Periode, Tahun};
use rust_decimal::Decimal;

pub mod nasional;

/// A small linear congruential generator: enough spread for synthetic figures, no dependency.
struct Acak(u64);

impl Acak {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn antara(&mut self, a: i64, b: i64) -> i64 {
        a + (self.next() % ((b - a + 1) as u64)) as i64
    }
}

fn id<T>(f: fn(String) -> Result<T, GalatId>, s: String) -> T {
    f(s).expect("synthetic ids are valid")
}

pub const TAHUN_AWAL: u16 = 2019;
pub const JUMLAH_TAHUN: u16 = 5;

/// How big a synthetic instansi is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skala {
    pub tujuan: u32,
    pub sasaran_per_tujuan: u32,
    /// Indicators per sasaran; the last of each sasaran has negative polarity.
    pub indikator_per_sasaran: u32,
    /// At most 10, so ids stay unambiguous.
    pub program: u32,
    pub kegiatan_per_program: u32,
    /// Of every 10 stated capaian, how many are wrong (by one point), for the reviu annex.
    pub salah_per_10: i64,
    /// Names as long as real ones ("Persentase pertanggungjawaban keuangan ..."), with words
    /// of 13 letters and more, instead of "Indikator 0.0.1".
    pub nama_panjang: bool,
    /// Every `rumus_tiap`-th sasaran indicator (the first, the fourth, ...) is a formula
    /// indicator over two data elements with quarterly values, rolled up as a ratio of sums;
    /// 0: none (realisasi typed as percentages, as before).
    pub rumus_tiap: u32,
    /// Sub kegiatan per kegiatan, the budget lines on them; 0: the lines on the kegiatan.
    pub sub_kegiatan_per_kegiatan: u32,
}

impl Skala {
    /// What [`instansi`] makes: 3 tujuan of 2 sasaran of 5 indicators (30), 4 programs of 2
    /// kegiatan (8), one stated capaian in ten wrong.
    pub const BAKU: Skala = Skala {
        tujuan: 3,
        sasaran_per_tujuan: 2,
        indikator_per_sasaran: 5,
        program: 4,
        kegiatan_per_program: 2,
        salah_per_10: 1,
        nama_panjang: false,
        rumus_tiap: 0,
        sub_kegiatan_per_kegiatan: 0,
    };

    /// An OPD of the synthetic nation (`nasional`): the default size, a third of the 30
    /// indicators formulas (every third), two sub kegiatan per kegiatan carrying the budget.
    pub const NASIONAL: Skala = Skala {
        rumus_tiap: 3,
        sub_kegiatan_per_kegiatan: 2,
        ..Skala::BAKU
    };

    /// The long report of issue 17: 12 sasaran (4 tujuan of 3), 60 indicators, 40 kegiatan
    /// (10 programs of 4), every stated capaian wrong, so the reviu annex is long, and names
    /// as long as real ones.
    pub const PANJANG: Skala = Skala {
        tujuan: 4,
        sasaran_per_tujuan: 3,
        indikator_per_sasaran: 5,
        program: 10,
        kegiatan_per_program: 4,
        salah_per_10: 10,
        nama_panjang: true,
        rumus_tiap: 0,
        sub_kegiatan_per_kegiatan: 0,
    };
}

/// The data of instansi number `i` (0-based) of a synthetic kabupaten.
pub fn instansi(i: usize) -> DataInstansi {
    instansi_skala(i, Skala::BAKU)
}

/// The data of instansi number `i` at size `u`.
pub fn instansi_skala(i: usize, u: Skala) -> DataInstansi {
    let kab = Instansi {
        id: id(InstansiId::new, "kab".into()),
        nama: "Kabupaten Sintetis".into(),
        jenis: JenisInstansi::Kabupaten,
        induk: None,
        kode: Some("99.01".into()),
        alamat: None,
        catatan: None,
    };
    buat(
        &Letak {
            atas: vec![kab],
            opd: id(InstansiId::new, format!("opd-{i:02}")),
            nama: format!("Dinas Sintetis {i}"),
            awalan: String::new(),
            benih: i as u64,
        },
        u,
    )
}

/// Where a synthetic OPD sits and how its ids are spelled.
#[derive(Debug, Clone)]
pub struct Letak {
    /// The instansi above the OPD, outermost first (a province, then its kabupaten): each the
    /// parent of the next, the last the OPD's parent, whose head (the bupati) signs the PK.
    pub atas: Vec<Instansi>,
    pub opd: InstansiId,
    pub nama: String,
    /// Prefix of the indicator and data element ids: the same OPD of every kabupaten shares
    /// its indicators' ids, which is what a roll-up over kabupaten groups by.
    pub awalan: String,
    /// Seeds the figures: the same seed gives the same figures.
    pub benih: u64,
}

/// The data set of the OPD `letak` places, at size `u`.
pub fn buat(letak: &Letak, u: Skala) -> DataInstansi {
    let mut r = Acak(0x5eed ^ letak.benih.wrapping_mul(0x9e3779b97f4a7c15));
    let mut d = DataInstansi::default();
    let i = letak.benih;
    let ins = letak.opd.clone();
    let th = |t: u16| Tahun::new(t as i64).expect("valid year");
    let kab = letak.atas.last().expect("an OPD has a parent").id.clone();
    d.instansi.extend(letak.atas.iter().cloned());
    d.instansi.push(Instansi {
        id: ins.clone(),
        nama: letak.nama.clone(),
        jenis: JenisInstansi::Opd,
        induk: Some(kab.clone()),
        kode: None,
        alamat: None,
        catatan: None,
    });
    let kepala = id(PejabatId::new, format!("kepala-{i}"));
    let bupati = id(PejabatId::new, "bupati".into());
    d.pejabat.push(Pejabat {
        id: kepala.clone(),
        instansi: ins.clone(),
        nama: format!("Kepala Dinas {i}"),
        nip: Nip::parse("19700101 199503 1 001").ok(),
        pangkat: Some("Pembina Utama Muda".into()),
        golongan: Some("IV/c".into()),
        jabatan: "Kepala Dinas".into(),
        catatan: None,
    });
    d.pejabat.push(Pejabat {
        id: bupati.clone(),
        instansi: kab,
        nama: "Bupati Sintetis".into(),
        nip: None,
        pangkat: None,
        golongan: None,
        jabatan: "Bupati".into(),
        catatan: None,
    });
    let rs = id(RenstraId::new, "renstra".into());
    d.renstra.push(Renstra {
        id: rs.clone(),
        instansi: ins.clone(),
        jenis: JenisRencana::Renstra,
        tahun_awal: th(TAHUN_AWAL),
        tahun_akhir: th(TAHUN_AWAL + JUMLAH_TAHUN - 1),
        dasar: None,
        visi: None,
        misi: vec![],
        catatan: None,
    });
    let mut iku_baris = Vec::new();
    for t in 0..u.tujuan {
        let tj = id(TujuanId::new, format!("T{t}"));
        d.tujuan.push(Tujuan {
            id: tj.clone(),
            renstra: rs.clone(),
            nomor: t + 1,
            uraian: format!("Tujuan {t}"),
            catatan: None,
        });
        for s in 0..u.sasaran_per_tujuan {
            let sid = id(SasaranId::new, format!("S{t}{s}"));
            d.sasaran.push(Sasaran {
                id: sid.clone(),
                tujuan: tj.clone(),
                nomor: s + 1,
                uraian: if u.nama_panjang {
                    format!(
                        "Meningkatnya akuntabilitas penyelenggaraan pemerintahan dan pelayanan kemasyarakatan {t}.{s}"
                    )
                } else {
                    format!("Sasaran {t}.{s}")
                },
                mendukung: None,
                catatan: None,
            });
            for k in 0..u.indikator_per_sasaran {
                let iid = id(IndikatorId::new, format!("{}I{t}{s}{k}", letak.awalan));
                let negatif = k + 1 == u.indikator_per_sasaran;
                let urut = (t * u.sasaran_per_tujuan + s) * u.indikator_per_sasaran + k;
                let rumus = (u.rumus_tiap > 0 && urut.is_multiple_of(u.rumus_tiap))
                    .then(|| rumus_indikator(&mut d, &iid));
                let cara_wilayah = match (&rumus, u.rumus_tiap) {
                    (Some(_), _) => CaraWilayah::RasioJumlah,
                    (None, 0) => CaraWilayah::default(),
                    (None, _) => CaraWilayah::RataRata,
                };
                d.indikator.push(Indikator {
                    id: iid.clone(),
                    pemilik: Pemilik::Sasaran(sid.clone()),
                    nomor: k + 1,
                    uraian: if u.nama_panjang {
                        format!(
                            "Persentase pertanggungjawaban keuangan dan administrasi kependudukan yang diselesaikan tepat waktu {t}.{s}.{k}"
                        )
                    } else {
                        format!("Indikator {t}.{s}.{k}")
                    },
                    jenis: JenisIndikator::Hasil,
                    polaritas: if negatif {
                        Polaritas::Negatif
                    } else {
                        Polaritas::Positif
                    },
                    satuan: Some("%".into()),
                    cara_tahunan: CaraTahunan::Terakhir,
                    cara_wilayah,
                    rumus: rumus.clone(),
                    kondisi_awal: None,
                    target_akhir: None,
                    induk: None,
                    catatan: None,
                });
                iku_baris.push(BarisIku {
                    indikator: iid.clone(),
                    kinerja_utama: None,
                    formulasi: Formulasi {
                        teks: "a / b x 100".into(),
                        pembilang: Some("a".into()),
                        penyebut: Some("b".into()),
                        pengali: Some(Decimal::ONE_HUNDRED),
                    },
                    penanggung_jawab: vec![],
                    penanggung_jawab_teks: Some("Bidang".into()),
                    sumber_data: Some("Laporan bidang".into()),
                });
                for y in 0..JUMLAH_TAHUN {
                    let tahun = th(TAHUN_AWAL + y);
                    let target = Decimal::from(r.antara(60, 95));
                    for dok in [
                        DokumenTarget::Renstra,
                        DokumenTarget::PerjanjianKinerja,
                        DokumenTarget::Pengukuran,
                    ] {
                        d.target.push(Target {
                            indikator: iid.clone(),
                            tahun,
                            dokumen: dok,
                            nilai: Nilai::angka(target)
                                .expect("synthetic values are within the bounds"),
                            uraian: None,
                            catatan: None,
                        });
                    }
                    let mut v = r.antara(3000, 9500);
                    // A formula indicator: how many units are counted (desa, sekolah), the
                    // same all year; the numerator follows the percentage.
                    let jumlah = rumus.as_ref().map(|_| r.antara(20, 400));
                    for p in Periode::TRIWULAN {
                        v = (v + r.antara(-200, 400)).clamp(0, 10000);
                        match jumlah {
                            Some(q) => {
                                for (akhiran, x) in [("p", q * v / 10000), ("q", q)] {
                                    d.nilai_data.push(NilaiData {
                                        elemen: id(DataElemenId::new, format!("{iid}-{akhiran}")),
                                        instansi: ins.clone(),
                                        tahun,
                                        periode: p,
                                        nilai: Decimal::from(x),
                                        sumber: None,
                                        catatan: None,
                                    });
                                }
                            }
                            None => d.realisasi.push(Realisasi {
                                indikator: iid.clone(),
                                tahun,
                                periode: p,
                                nilai: Nilai::angka(Decimal::new(v, 2))
                                    .expect("synthetic values are within the bounds"),
                                sumber: None,
                                catatan: None,
                            }),
                        }
                    }
                    if jumlah.is_some() {
                        // Its realisasi is computed; no stated capaian to check.
                        continue;
                    }
                    // A stated capaian, wrong `salah_per_10` times in ten.
                    let benar = if negatif {
                        (Decimal::TWO - Decimal::new(v, 2) / target) * Decimal::ONE_HUNDRED
                    } else {
                        Decimal::new(v, 2) / target * Decimal::ONE_HUNDRED
                    };
                    let benar = kinerja_core::angka::bulatkan(benar.max(Decimal::ZERO), 2);
                    let nilai = if r.antara(0, 9) < u.salah_per_10 {
                        benar + Decimal::ONE
                    } else {
                        benar
                    };
                    d.tercatat.push(Tercatat {
                        lokasi: Lokasi {
                            dokumen: format!("LKj {}", tahun),
                            bagian: "Tabel 3.1".into(),
                            baris: Some(iid.to_string()),
                        },
                        subjek: Subjek::Indikator(iid.clone()),
                        ukuran: Ukuran::Capaian,
                        tahun: Some(tahun),
                        nilai: NilaiTercatat::Angka(nilai),
                        tertulis: None,
                        catatan: None,
                    });
                }
            }
        }
    }
    for p in 0..u.program.min(10) {
        let pid = id(ProgramId::new, format!("P{p}"));
        let sasaran = d.sasaran[p as usize % d.sasaran.len()].id.clone();
        d.program.push(Program {
            id: pid.clone(),
            kode: Some(format!("1.01.{:02}", p + 1)),
            nama: if u.nama_panjang {
                format!("Program peningkatan kesejahteraan dan pemberdayaan masyarakat {p}")
            } else {
                format!("Program {p}")
            },
            sasaran: Some(sasaran),
            renstra: true,
            pagu_indikatif: Vec::new(),
            catatan: None,
        });
        for k in 0..u.kegiatan_per_program {
            let kid = id(KegiatanId::new, format!("K{p}{k}"));
            d.kegiatan.push(Kegiatan {
                id: kid.clone(),
                program: pid.clone(),
                kode: Some(format!("1.01.{:02}.2.{:02}", p + 1, k + 1)),
                nama: if u.nama_panjang {
                    format!("Penyelenggaraan koordinasi ketenteraman dan ketertiban umum {p}.{k}")
                } else {
                    format!("Kegiatan {p}.{k}")
                },
                keterangan: None,
                catatan: None,
            });
            d.indikator.push(Indikator {
                id: id(IndikatorId::new, format!("KO{p}{k}")),
                pemilik: Pemilik::Kegiatan(kid.clone()),
                nomor: 1,
                uraian: format!("Keluaran {p}.{k}"),
                jenis: JenisIndikator::Keluaran,
                polaritas: Polaritas::Positif,
                satuan: Some("dokumen".into()),
                cara_tahunan: CaraTahunan::Jumlah,
                cara_wilayah: Default::default(),
                rumus: None,
                kondisi_awal: None,
                target_akhir: None,
                induk: None,
                catatan: None,
            });
            // Where the budget sits: the kegiatan, or its sub kegiatan.
            let mut tempat = Vec::new();
            for m in 0..u.sub_kegiatan_per_kegiatan {
                let sid = id(SubKegiatanId::new, format!("SK{p}{k}{m}"));
                d.sub_kegiatan.push(SubKegiatan {
                    id: sid.clone(),
                    kegiatan: kid.clone(),
                    kode: Some(format!("1.01.{:02}.2.{:02}.{:04}", p + 1, k + 1, m + 1)),
                    nama: format!("Sub kegiatan {p}.{k}.{m}"),
                });
                tempat.push((TempatAnggaran::SubKegiatan(sid), format!("A{p}{k}{m}")));
            }
            if tempat.is_empty() {
                tempat.push((TempatAnggaran::Kegiatan(kid.clone()), format!("A{p}{k}")));
            }
            for y in 0..JUMLAH_TAHUN {
                for (tempat, awal) in &tempat {
                    for (j, jenis) in [
                        JenisBelanja::LangsungPegawai,
                        JenisBelanja::LangsungBarangJasa,
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        let pagu = r.antara(10_000_000, 500_000_000);
                        let real = pagu * r.antara(60, 100) / 100;
                        d.anggaran.push(PosAnggaran {
                            id: id(PosAnggaranId::new, format!("{awal}-{y}-{j}")),
                            tahun: th(TAHUN_AWAL + y),
                            tempat: tempat.clone(),
                            jenis,
                            pagu: Rupiah::utuh(pagu),
                            pagu_perubahan: None,
                            realisasi: Some(Rupiah::utuh(real)),
                            realisasi_bulanan: Default::default(),
                            catatan: None,
                        });
                    }
                }
            }
        }
    }
    for y in 0..JUMLAH_TAHUN {
        let tahun = th(TAHUN_AWAL + y);
        d.anggaran.push(PosAnggaran {
            id: id(PosAnggaranId::new, format!("BTL-{y}")),
            tahun,
            tempat: TempatAnggaran::Instansi,
            jenis: JenisBelanja::TidakLangsung,
            pagu: Rupiah::utuh(r.antara(1_000_000_000, 5_000_000_000)),
            pagu_perubahan: None,
            realisasi: Some(Rupiah::utuh(r.antara(500_000_000, 1_000_000_000))),
            realisasi_bulanan: Default::default(),
            catatan: None,
        });
        d.perjanjian_kinerja.push(PerjanjianKinerja {
            id: id(PkId::new, format!("pk-{tahun}")),
            instansi: ins.clone(),
            tahun,
            pihak_pertama: kepala.clone(),
            pihak_kedua: bupati.clone(),
            tempat: Some("Sintetis".into()),
            tanggal: kinerja_core::waktu::Tanggal::new(tahun, 2, None),
            indikator: d
                .indikator
                .iter()
                .filter(|x| matches!(x.pemilik, Pemilik::Sasaran(_)))
                .map(|x| x.id.clone())
                .collect(),
            anggaran: vec![],
            catatan: None,
            ditandatangani: false,
            perubahan_dari: None,
            target_arsip: Vec::new(),
        });
        d.rkt.push(Rkt {
            id: id(RktId::new, format!("rkt-{tahun}")),
            instansi: ins.clone(),
            tahun,
            program: d.program.iter().map(|p| p.id.clone()).collect(),
            kegiatan: vec![],
            catatan: None,
        });
        d.laporan.push(Laporan {
            id: id(LaporanId::new, format!("lkj-{tahun}")),
            instansi: ins.clone(),
            tahun,
            judul: format!("Laporan Kinerja {tahun}"),
            tempat: None,
            tanggal: Tahun::new(tahun.get() as i64 + 1)
                .ok()
                .and_then(|t| kinerja_core::waktu::Tanggal::new(t, 1, None)),
            penandatangan: Some(kepala.clone()),
            kata_pengantar: format!("Laporan kinerja tahun {tahun}."),
            ikhtisar: Uraian {
                teks: format!("Capaian tahun {tahun}."),
                ..Default::default()
            },
            bagian: vec![],
            analisis: vec![],
            penutup: Uraian::default(),
            catatan: None,
        });
    }
    d.iku.push(Iku {
        id: id(IkuId::new, "iku".into()),
        instansi: ins,
        keputusan: Keputusan {
            nomor: "1 Tahun 2019".into(),
            tentang: None,
            tanggal: None,
            tempat: None,
            penandatangan: Some(kepala),
        },
        baris: iku_baris,
        catatan: None,
    });
    d
}

/// Makes `iid` a formula indicator over two new data elements, `{iid}-p` (numerator) and
/// `{iid}-q` (denominator): `#{p} / #{q} x 100`.
fn rumus_indikator(d: &mut DataInstansi, iid: &IndikatorId) -> Rumus {
    let ekspresi = |a: &str| {
        EkspresiData::parse(&format!("#{{{iid}-{a}}}")).expect("a valid synthetic formula")
    };
    for (a, uraian) in [("p", "yang memenuhi"), ("q", "seluruhnya")] {
        d.data_elemen.push(DataElemen {
            id: id(DataElemenId::new, format!("{iid}-{a}")),
            uraian: format!("Unit {uraian} ({iid})"),
            satuan: Some("unit".into()),
            catatan: None,
        });
    }
    Rumus {
        pembilang: ekspresi("p"),
        penyebut: Some(ekspresi("q")),
        pengali: Some(Decimal::ONE_HUNDRED),
        kosong: Default::default(),
    }
}

/// `n` instansi of one kabupaten.
pub fn kabupaten(n: usize) -> Vec<DataInstansi> {
    (0..n).map(instansi).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_data_is_valid_and_deterministic() {
        let a = super::instansi(3);
        assert_eq!(kinerja_core::validasi::periksa(&a), vec![]);
        assert_eq!(a, super::instansi(3));
        assert_eq!(
            a.indikator
                .iter()
                .filter(|i| matches!(i.pemilik, kinerja_core::model::Pemilik::Sasaran(_)))
                .count(),
            30
        );
        assert_eq!(a.kegiatan.len(), 8);
    }

    #[test]
    fn the_long_instansi_has_the_size_issue_17_asks_for() {
        use super::{Skala, instansi_skala};
        use kinerja_core::model::Pemilik;
        let a = instansi_skala(0, Skala::PANJANG);
        assert_eq!(kinerja_core::validasi::periksa(&a), vec![]);
        assert_eq!(a.sasaran.len(), 12);
        let pada_sasaran = a
            .indikator
            .iter()
            .filter(|i| matches!(i.pemilik, Pemilik::Sasaran(_)))
            .count();
        assert_eq!(pada_sasaran, 60);
        assert_eq!(a.kegiatan.len(), 40);
        // The default size is the same data as `instansi`.
        assert_eq!(instansi_skala(2, Skala::BAKU), super::instansi(2));
    }
}
