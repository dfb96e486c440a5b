//! The Laporan Kinerja of a pemda (the bupati's LKjIP), PermenPANRB 53/2014: composed from the
//! pemda's data set (its RPJMD, IKU, pohon kinerja and, when it has one, its `[[laporan]]` of the
//! year for narrative and signature) and the data sets of its OPDs.
//!
//! Chapters: kata pengantar and ikhtisar eksekutif; Bab I the pemda's profile (its instansi
//! record, the perangkat daerah it lists) and the RPJMD's visi and misi; Bab II the RPJMD's
//! tujuan, sasaran and IKU with the year's and the final target, the pemda's Perjanjian Kinerja
//! (or what is missing), the IKU decree; Bab III (`akuntabilitas`) A the capaian of every IKU,
//! earlier years, the RPJMD's final target and the OPDs under each sasaran with their own figures
//! (`kinerja_core::pohon::ukur::iku_pemda`), B the OPDs' budget per RPJMD sasaran through the
//! tree (`kinerja_core::pohon::anggaran::anggaran_pohon`); Bab IV; annexes (the RPJMD, every
//! budget line with its node, the IKU decree, the reviu when forced). Every figure comes from the
//! core; this module only arranges them.

mod akuntabilitas;

use super::sel::{self, Nomor, bab, baris, judul, kolom, lampiran, tt};
use super::{GalatLaporan, OpsiLaporan, Penyusun, gerbang_reviu, laporan_atau_kosong, sidik_bait};
use crate::dokumen::*;
use kinerja_core::angka::{format_angka, format_persen};
use kinerja_core::id::InstansiId;
use kinerja_core::model::*;
use kinerja_core::pohon::anggaran::{AnggaranPohon, anggaran_pohon};
use kinerja_core::pohon::instansi_data;
use kinerja_core::pohon::pohon_tahun;
use kinerja_core::pohon::ukur::{IkuPemda, UkurPohon, iku_pemda, ukur};
use kinerja_core::waktu::Tahun;

/// The fingerprint of a pemda report: SHA-256 over the pemda's canonical data, each OPD's (in
/// instansi id order, so the order they were given in does not matter) and the logo, each
/// preceded by its length (`sidik_bait`). The same data sets give the same fingerprint.
pub fn sidik_pemda(
    pemda: &DataInstansi,
    opd: &[&DataInstansi],
    logo: Option<&crate::logo::Logo>,
) -> String {
    let mut urut: Vec<&&DataInstansi> = opd.iter().collect();
    urut.sort_by_key(|d| instansi_data(d).map(|i| i.to_string()));
    let teks: Vec<String> = std::iter::once(pemda)
        .chain(urut.into_iter().copied())
        .map(|d| toml::to_string(d).unwrap_or_default())
        .collect();
    let mut bagian: Vec<&[u8]> = teks.iter().map(|t| t.as_bytes()).collect();
    if let Some(l) = logo {
        bagian.push(&l.isi);
    }
    sidik_bait(&bagian)
}

/// The LKjIP of the pemda whose data set is `pemda` for `tahun`, with its OPDs' data sets `opd`
/// (any order). Refused without an RPJMD, and past open reviu errors of the pemda reviu
/// (`kinerja_reviu::periksa_pemda`) unless forced (`opsi.paksa`: the findings then go into an
/// annex, as in the OPD report).
pub fn susun_pemda(
    pemda: &DataInstansi,
    opd: &[&DataInstansi],
    tahun: Tahun,
    opsi: &OpsiLaporan,
) -> Result<Dokumen, GalatLaporan> {
    let rpjmd = pemda
        .renstra
        .iter()
        .filter(|r| r.jenis == JenisRencana::Rpjmd)
        .min_by_key(|r| !(r.tahun_awal..=r.tahun_akhir).contains(&tahun))
        .ok_or(GalatLaporan::TanpaRpjmd)?;
    let temuan = kinerja_reviu::periksa_pemda(pemda, opd, tahun, &opsi.aturan);
    let galat = gerbang_reviu(&temuan, opsi.paksa)?;
    let laporan = laporan_atau_kosong(pemda, &rpjmd.instansi, tahun, "lkjip-pemda")
        .ok_or(GalatLaporan::TanpaRpjmd)?;
    let s = Penyusun::new(pemda, tahun, &laporan);
    let diukur = pohon_tahun(pemda, tahun).map(|p| ukur(pemda, &p.id, opd));
    let p = Pemda {
        iku: iku_pemda(pemda, tahun, diukur.as_ref()),
        anggaran: anggaran_pohon(pemda, tahun, opd),
        ukur: diukur,
        s,
        rpjmd,
        opd,
    };
    let mut bab = vec![
        p.kata_pengantar(),
        p.ikhtisar(),
        p.bab1(),
        p.bab2(),
        p.bab3(),
        p.bab4(),
    ];
    bab.extend(p.lampiran());
    if galat > 0 {
        let n = bab.iter().filter(|b| b.jenis == JenisBab::Lampiran).count() + 1;
        bab.push(p.s.lampiran_reviu(&temuan, n));
    }
    sel::namai_tabel_teks(&mut bab);
    let instansi = p.s.instansi();
    Ok(Dokumen {
        judul: "LAPORAN KINERJA".into(),
        instansi: instansi
            .map(|i| format!("PEMERINTAH {}", i.nama.to_uppercase()))
            .unwrap_or_default(),
        induk: None,
        tahun: tahun.get(),
        tempat_tanggal: p.s.tempat_tanggal(),
        penandatangan: p.s.penandatangan(),
        sidik: sidik_pemda(pemda, opd, opsi.logo.as_ref()),
        versi: opsi.versi.clone(),
        draf: (galat > 0)
            .then(|| format!("DRAF: reviu menemukan {galat} galat terbuka; bukan laporan final")),
        bab,
        logo: opsi.logo.clone(),
    })
}

/// The OPD report's composer over the pemda's data set, and what only the pemda report reads.
struct Pemda<'a> {
    s: Penyusun<'a>,
    rpjmd: &'a Renstra,
    opd: &'a [&'a DataInstansi],
    iku: Vec<IkuPemda>,
    ukur: Option<UkurPohon>,
    anggaran: AnggaranPohon,
}

impl Pemda<'_> {
    fn nama_instansi(&self, id: &InstansiId) -> String {
        self.s
            .data
            .instansi
            .iter()
            .chain(self.opd.iter().flat_map(|d| d.instansi.iter()))
            .find(|i| &i.id == id)
            .map_or_else(|| id.to_string(), |i| i.nama.clone())
    }

    /// The perangkat daerah the pemda's data set lists right under it.
    fn perangkat_daerah(&self) -> Vec<&Instansi> {
        self.s
            .data
            .instansi
            .iter()
            .filter(|i| i.induk.as_ref() == Some(&self.rpjmd.instansi))
            .filter(|i| i.jenis != JenisInstansi::Unit)
            .collect()
    }

    /// The pemda's own text; without a report record, said missing.
    fn kata_pengantar(&self) -> Bab {
        let mut b = self.s.kata_pengantar();
        if b.isi.is_empty() {
            b.isi.push(sel::tidak_tersedia("Kata pengantar"));
        }
        b
    }

    fn ikhtisar(&self) -> Bab {
        let mut b = self.s.ikhtisar();
        let t = &self.anggaran.total;
        if !self.anggaran.pos.is_empty() {
            let tt = || "data tidak tersedia".to_string();
            let tt_sasaran: usize = self.anggaran.sasaran.iter().map(|s| s.pos.len()).sum();
            let teks = format!(
                "Anggaran perangkat daerah tahun {} (data {} perangkat daerah): pagu Rp {}, realisasi {}, serapan {}; {} dari {} pos anggaran terhubung ke sasaran RPJMD melalui pohon kinerja (dihitung dari pos anggaran).",
                self.s.tahun,
                self.opd.len(),
                format_angka(t.pagu.nilai(), 2),
                t.realisasi
                    .map(|r| format!("Rp {}", format_angka(r.nilai(), 2)))
                    .unwrap_or_else(tt),
                t.persen.map(|p| format_persen(p, 2)).unwrap_or_else(tt),
                tt_sasaran,
                self.anggaran.pos.len()
            );
            // After the table of capaian, before the user's kendala.
            let letak = b
                .isi
                .iter()
                .position(|x| matches!(x, Blok::Tabel(_)))
                .map_or(b.isi.len(), |i| i + 1);
            b.isi.insert(letak, Blok::Paragraf { teks });
        }
        b
    }

    /// Bab I: the user's `bab1.*` sections, the pemda's profile and the RPJMD's visi and misi.
    fn bab1(&self) -> Bab {
        let mut no = Nomor::bab("1");
        let mut isi = self.s.narasi("bab1.", &mut |_| vec![]);
        isi.push(judul(1, "Gambaran umum pemerintah daerah"));
        let i = self.s.instansi();
        let profil = vec![
            baris(vec![
                Sel::teks("Nama"),
                i.map(|i| Sel::teks(&i.nama)).unwrap_or_else(tt),
            ]),
            baris(vec![
                Sel::teks("Kode wilayah"),
                i.and_then(|i| i.kode.clone())
                    .map(Sel::Teks)
                    .unwrap_or_else(tt),
            ]),
            baris(vec![
                Sel::teks("Alamat"),
                i.and_then(|i| i.alamat.clone())
                    .map(Sel::Teks)
                    .unwrap_or_else(tt),
            ]),
        ];
        isi.push(no.tabel(
            "Profil pemerintah daerah",
            vec![kolom("Uraian", 3, false), kolom("Keterangan", 8, false)],
            profil,
            None,
        ));
        let diberikan: Vec<&InstansiId> =
            self.opd.iter().filter_map(|d| instansi_data(d)).collect();
        let b: Vec<Baris> = self
            .perangkat_daerah()
            .iter()
            .enumerate()
            .map(|(n, x)| {
                baris(vec![
                    Sel::teks((n + 1).to_string()),
                    Sel::teks(&x.nama),
                    Sel::teks(jenis(x.jenis)),
                    Sel::teks(if diberikan.contains(&&x.id) {
                        "ya"
                    } else {
                        "tidak"
                    }),
                ])
            })
            .collect();
        if b.is_empty() {
            isi.push(sel::tidak_tersedia("Daftar perangkat daerah"));
        } else {
            isi.push(no.tabel(
                "Perangkat daerah",
                vec![
                    kolom("No", 1, false),
                    kolom("Perangkat daerah", 8, false),
                    kolom("Jenis", 3, false),
                    kolom("Data kinerja disertakan", 3, false),
                ],
                b,
                Some("Perangkat daerah yang datanya tidak disertakan tidak ikut dalam capaian simpul dan anggaran laporan ini.".into()),
            ));
        }
        let r = self.rpjmd;
        isi.push(judul(
            1,
            format!(
                "Rencana Pembangunan Jangka Menengah Daerah {}-{}",
                r.tahun_awal, r.tahun_akhir
            ),
        ));
        match &r.visi {
            Some(v) => isi.push(Blok::Paragraf {
                teks: format!("Visi: {v}"),
            }),
            None => isi.push(sel::tidak_tersedia("Visi RPJMD")),
        }
        if r.misi.is_empty() {
            isi.push(sel::tidak_tersedia("Misi RPJMD"));
        } else {
            isi.push(Blok::Paragraf {
                teks: "Misi:".into(),
            });
            isi.push(Blok::Daftar {
                bernomor: true,
                butir: r.misi.clone(),
            });
        }
        bab("I", "PENDAHULUAN", isi)
    }

    /// Bab II: the RPJMD's tujuan, sasaran and IKU with targets, the pemda's PK, the IKU decree.
    fn bab2(&self) -> Bab {
        let mut no = Nomor::bab("2");
        let mut isi = self.s.narasi("bab2.", &mut |_| vec![]);
        let (th, akhir) = (self.s.tahun, self.rpjmd.tahun_akhir);
        isi.push(judul(
            1,
            "A. Tujuan, sasaran dan indikator kinerja utama RPJMD",
        ));
        let mut b = Vec::new();
        for tj in self.s.data.tujuan_renstra(Some(&self.rpjmd.id)) {
            let mut tujuan_baru = true;
            for sa in self.s.data.sasaran_tujuan(&tj.id) {
                let inds = kinerja_core::pengukuran::indikator_sasaran(&self.s.ix, &sa.id);
                let mut sasaran_baru = true;
                for ind in inds {
                    b.push(baris(vec![
                        sel::sekali(tujuan_baru, || format!("{}. {}", tj.nomor, tj.uraian)),
                        sel::sekali(sasaran_baru, || format!("{}. {}", sa.nomor, sa.uraian)),
                        Sel::teks(&ind.uraian),
                        Sel::teks(ind.satuan.clone().unwrap_or_default()),
                        self.s.target(&ind.id, th, DokumenTarget::Renstra),
                        self.s.target(&ind.id, akhir, DokumenTarget::Renstra),
                    ]));
                    tujuan_baru = false;
                    sasaran_baru = false;
                }
            }
        }
        isi.push(no.tabel(
            &format!(
                "Tujuan, sasaran dan IKU RPJMD {}-{}",
                self.rpjmd.tahun_awal, akhir
            ),
            vec![
                kolom("Tujuan", 4, false),
                kolom("Sasaran", 4, false),
                kolom("Indikator kinerja utama", 5, false),
                kolom("Satuan", 2, false),
                kolom(&format!("Target {th}"), 2, true),
                kolom(&format!("Target akhir ({akhir})"), 2, true),
            ],
            b,
            Some("Target dari RPJMD, seperti tercatat.".into()),
        ));
        isi.push(judul(1, "B. Perjanjian Kinerja"));
        if self.s.pk().is_some() {
            isi.extend(self.s.tabel_pk(&mut no));
        } else {
            isi.push(Blok::Paragraf {
                teks: format!(
                    "Perjanjian Kinerja kepala daerah tahun {th} tidak ada dalam data ([[perjanjian_kinerja]] dengan instansi = \"{}\" dan tahun = {th}, dengan target dokumen perjanjian_kinerja). Capaian Bab III diukur terhadap target RPJMD tahun {th}.",
                    self.rpjmd.instansi
                ),
            });
        }
        isi.push(judul(1, "C. Indikator Kinerja Utama"));
        isi.push(self.s.tabel_iku(&mut no));
        bab("II", "PERENCANAAN KINERJA", isi)
    }

    /// Bab IV: the user's closing text when the pemda has a report record, after a summary
    /// counted from the figures of Bab III.
    fn bab4(&self) -> Bab {
        let mut b = self.s.bab4();
        let terukur: Vec<&IkuPemda> = self
            .iku
            .iter()
            .filter(|i| i.capaian.persen().is_some())
            .collect();
        let mut per_predikat: Vec<(String, usize)> = Vec::new();
        for i in &terukur {
            let label = i
                .predikat
                .as_ref()
                .map_or_else(|| "tanpa predikat".to_string(), |p| p.label.clone());
            match per_predikat.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => per_predikat.push((label, 1)),
            }
        }
        let rincian: Vec<String> = per_predikat
            .iter()
            .map(|(l, n)| format!("{n} {l}"))
            .collect();
        let lepas = self.anggaran.pos_tidak_terhubung().count();
        let mut teks = format!(
            "Dari {} indikator kinerja utama RPJMD tahun {}, {} terukur{}.",
            self.iku.len(),
            self.s.tahun,
            terukur.len(),
            if rincian.is_empty() {
                String::new()
            } else {
                format!(" ({})", rincian.join(", "))
            }
        );
        if lepas > 0 {
            teks.push_str(&format!(
                " {lepas} pos anggaran perangkat daerah (pagu Rp {}) belum terhubung ke pohon kinerja dan perlu ditautkan ke simpulnya.",
                format_angka(self.anggaran.tidak_terhubung.pagu.nilai(), 2)
            ));
        }
        // The computed summary first; a "data tidak tersedia" for the missing user text stays.
        b.isi.insert(0, Blok::Paragraf { teks });
        b
    }

    /// Annexes: 1 the RPJMD, 2 every budget line with its node, 3 the IKU decree, and the pemda's
    /// Perjanjian Kinerja as 4 when it has one.
    fn lampiran(&self) -> Vec<Bab> {
        let mut rpjmd = self.s.lampiran_renstra();
        rpjmd.judul = "RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH".into();
        let mut v = vec![
            rpjmd,
            self.lampiran_anggaran(2),
            self.s.lampiran_iku_nomor(3),
        ];
        if self.s.pk().is_some() {
            let mut pk = self.s.pk_ditandatangani(Nomor::lampiran(4));
            pk.nomor = Some("4".into());
            v.push(pk);
        }
        v
    }

    /// Annex: every budget line of the year, the sasaran it is counted under and the nodes that
    /// connect it.
    fn lampiran_anggaran(&self, nomor: usize) -> Bab {
        let mut b = Vec::new();
        for p in &self.anggaran.pos {
            let sasaran = |i: usize| {
                p.sasaran
                    .get(i)
                    .and_then(|s| self.s.ix.sasaran(s))
                    .map(|s| format!("{}. {}", s.nomor, s.uraian))
            };
            let lain: Vec<String> = (1..p.sasaran.len()).filter_map(sasaran).collect();
            let tautan: Vec<String> = p
                .tautan
                .iter()
                .map(|t| format!("{} ({})", t.simpul, akuntabilitas::tautan_teks(&t.lewat)))
                .collect();
            let mut sel = vec![
                Sel::teks(self.nama_instansi(&p.instansi)),
                Sel::teks(akuntabilitas::nama_pos(p)),
                Sel::teks(sasaran(0).unwrap_or_else(|| {
                    format!(
                        "tidak terhubung: {}",
                        p.alasan.map(|a| a.pesan()).unwrap_or_default()
                    )
                })),
                Sel::teks(if tautan.is_empty() {
                    "-".to_string()
                } else {
                    tautan.join("; ")
                }),
            ];
            sel = sel::sel_serapan(sel, &p.serapan, None);
            sel.push(Sel::teks(if lain.is_empty() {
                "-".to_string()
            } else {
                lain.join("; ")
            }));
            b.push(baris(sel));
        }
        let isi = if b.is_empty() {
            vec![sel::tidak_tersedia(&format!(
                "Pos anggaran perangkat daerah tahun {}",
                self.s.tahun
            ))]
        } else {
            let mut kol = vec![
                kolom("Perangkat daerah", 4, false),
                kolom("Pos anggaran", 5, false),
                kolom("Dihitung pada sasaran RPJMD", 4, false),
                kolom("Simpul (tautan)", 4, false),
            ];
            kol = sel::kolom_serapan(kol, false);
            kol.push(kolom("Juga tertaut ke", 3, false));
            vec![
                Blok::Paragraf {
                    teks: akuntabilitas::ATURAN_ANGGARAN.into(),
                },
                Nomor::tunggal(format!("Lampiran {nomor}")).tabel(
                    &format!(
                        "Pos anggaran tahun {} dan simpul pohon kinerjanya",
                        self.s.tahun
                    ),
                    kol,
                    b,
                    None,
                ),
            ]
        };
        lampiran(nomor, "POS ANGGARAN DAN POHON KINERJA".into(), true, isi)
    }
}

/// The kind of an instansi as a perangkat daerah list prints it.
fn jenis(j: JenisInstansi) -> &'static str {
    match j {
        JenisInstansi::Kementerian => "Kementerian",
        JenisInstansi::Provinsi => "Provinsi",
        JenisInstansi::Kabupaten => "Kabupaten",
        JenisInstansi::Kota => "Kota",
        JenisInstansi::Opd => "Dinas/badan",
        JenisInstansi::Kecamatan => "Kecamatan",
        JenisInstansi::Kelurahan => "Kelurahan",
        JenisInstansi::Desa => "Desa",
        JenisInstansi::Unit => "Unit",
    }
}
