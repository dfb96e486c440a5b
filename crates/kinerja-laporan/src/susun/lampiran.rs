//! The annexes: 1 the Renstra matrix, 2 the RKT with its programs and kegiatan, 3 the
//! Perjanjian Kinerja as signed, 4 the IKU decree. Each prints the document's own figures.

use super::Penyusun;
use super::sel::{
    Nomor, baris, baris_tebal, kolom, lampiran, sekali, tempat_tanggal, tidak_tersedia, tt,
};
use crate::dokumen::*;
use kinerja_core::id::PejabatId;
use kinerja_core::model::*;
use kinerja_core::pengukuran;
use kinerja_core::waktu::Tahun;

impl Penyusun<'_> {
    pub(super) fn lampiran(&self) -> Vec<Bab> {
        vec![
            self.lampiran_renstra(),
            self.lampiran_rkt(),
            self.lampiran_pk(),
            self.lampiran_iku(),
        ]
    }

    /// The Renstra of the year (else the first): per tujuan and sasaran, the targets of every
    /// year of the plan, with strategi, kebijakan and Renstra programs.
    pub(super) fn lampiran_renstra(&self) -> Bab {
        let Some(rs) = self
            .data
            .renstra
            .iter()
            .find(|r| (r.tahun_awal..=r.tahun_akhir).contains(&self.tahun))
            .or(self.data.renstra.first())
        else {
            return lampiran(
                1,
                "RENCANA STRATEGIS".into(),
                false,
                vec![tidak_tersedia("Renstra")],
            );
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
        for tj in self.data.tujuan_renstra(Some(&rs.id)) {
            let ind_tujuan: Vec<String> = self
                .data
                .indikator_milik(&Pemilik::Tujuan(tj.id.clone()))
                .into_iter()
                .map(|i| i.uraian.clone())
                .collect();
            let mut pertama_tujuan = true;
            for s in self.data.sasaran_tujuan(&tj.id) {
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
                        sekali(pertama_tujuan, || tj.nomor.to_string()),
                        sekali(pertama_tujuan, || tj.uraian.clone()),
                        sekali(pertama_tujuan, || ind_tujuan.join("; ")),
                        sekali(pertama_sasaran, || s.uraian.clone()),
                        Sel::teks(&i.uraian),
                    ];
                    for t in &tahun {
                        sel.push(self.target(&i.id, *t, DokumenTarget::Renstra));
                    }
                    sel.push(sekali(pertama_sasaran, || {
                        strategi
                            .iter()
                            .map(|x| x.uraian.clone())
                            .collect::<Vec<_>>()
                            .join("; ")
                    }));
                    sel.push(sekali(pertama_sasaran, || kebijakan.join("; ")));
                    sel.push(sekali(pertama_sasaran, || program.join("; ")));
                    b.push(baris(sel));
                    pertama_tujuan = false;
                    pertama_sasaran = false;
                }
            }
        }
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
        let periode = format!("{}-{}", rs.tahun_awal, rs.tahun_akhir);
        isi.push(Nomor::tunggal("Lampiran 1").tabel(
            &format!("Matriks Rencana Strategis {periode}"),
            kol,
            b,
            None,
        ));
        lampiran(1, format!("RENCANA STRATEGIS {periode}"), true, isi)
    }

    /// The year's RKT: each sasaran's indicators and targets, then its programs' kegiatan with
    /// their first indicator, target and budget.
    fn lampiran_rkt(&self) -> Bab {
        let judul = format!("RENCANA KINERJA TAHUNAN {}", self.tahun);
        let Some(rkt) = self.data.rkt.iter().find(|r| r.tahun == self.tahun) else {
            return lampiran(
                2,
                judul,
                false,
                vec![tidak_tersedia(&format!("RKT tahun {}", self.tahun))],
            );
        };
        let mut b = Vec::new();
        for s in self.sasaran_urut() {
            for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                b.push(baris_tebal(vec![
                    Sel::teks(&s.uraian),
                    Sel::teks(&i.uraian),
                    self.target(&i.id, self.tahun, DokumenTarget::Rkt),
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
                    let (ind, target) = match self.indikator_kegiatan(&k.id).first() {
                        Some(i) => (
                            Sel::teks(&i.uraian),
                            self.target(&i.id, self.tahun, DokumenTarget::Rkt),
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
        let tabel = Nomor::tunggal("Lampiran 2").tabel(
            &format!("Rencana Kinerja Tahunan {}", self.tahun),
            vec![
                kolom("Sasaran", 4, false),
                kolom("Indikator kinerja", 5, false),
                kolom("Target", 2, true),
                kolom("Program", 4, false),
                kolom("Kegiatan", 4, false),
                kolom("Indikator kegiatan", 4, false),
                kolom("Target", 2, true),
                kolom("Anggaran (Rp)", 3, true),
            ],
            b,
            rkt.catatan.clone(),
        );
        lampiran(2, judul, true, vec![tabel])
    }

    /// The Perjanjian Kinerja as signed: both parties, the pledge, the signatures, then its
    /// tables.
    pub(super) fn lampiran_pk(&self) -> Bab {
        self.pk_ditandatangani(Nomor::lampiran(3))
    }

    /// The PK annex with its tables named by `no` (the report's annex 3, or the PK printed on
    /// its own).
    pub(super) fn pk_ditandatangani(&self, mut no: Nomor) -> Bab {
        let judul = format!("PERJANJIAN KINERJA TAHUN {}", self.tahun);
        let Some(pk) = self.pk() else {
            return lampiran(3, judul, false, vec![tidak_tersedia("Perjanjian Kinerja")]);
        };
        let mut isi = vec![Blok::Paragraf { teks: "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:".into() }];
        isi.extend(self.pihak(&pk.pihak_pertama, "pertama"));
        isi.extend(self.pihak(&pk.pihak_kedua, "kedua"));
        isi.push(Blok::Paragraf { teks: "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Pihak kedua akan memberikan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari perjanjian ini.".into() });
        let tempat = tempat_tanggal(pk.tempat.as_ref(), pk.tanggal);
        if let (Some(k), Some(p)) = (
            self.tanda_tangan(&pk.pihak_kedua, None, Some("Pihak Kedua")),
            self.tanda_tangan(&pk.pihak_pertama, tempat, Some("Pihak Pertama")),
        ) {
            isi.push(Blok::DuaPihak { kiri: k, kanan: p });
        }
        isi.push(Blok::HalamanBaru);
        isi.extend(self.tabel_pk(&mut no));
        lampiran(3, judul, false, isi)
    }

    /// A party to the Perjanjian Kinerja: name, NIP, rank and position, and what it is called.
    fn pihak(&self, id: &PejabatId, sebutan: &str) -> Vec<Blok> {
        let Some(p) = self.pejabat(id) else {
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
    }

    /// The IKU decree in force, with its table and signature.
    fn lampiran_iku(&self) -> Bab {
        self.lampiran_iku_nomor(4)
    }

    /// The IKU decree as annex `nomor`.
    pub(super) fn lampiran_iku_nomor(&self, nomor: usize) -> Bab {
        let judul = "INDIKATOR KINERJA UTAMA".to_string();
        let Some(iku) = self.iku() else {
            return lampiran(nomor, judul, false, vec![tidak_tersedia("Keputusan IKU")]);
        };
        let k = &iku.keputusan;
        let mut isi = vec![
            Blok::Paragraf {
                teks: format!(
                    "Keputusan Nomor {}{}",
                    k.nomor,
                    k.tentang
                        .as_ref()
                        .map(|t| format!(" tentang {t}"))
                        .unwrap_or_default()
                ),
            },
            self.tabel_iku(&mut Nomor::tunggal(format!("Lampiran {nomor}"))),
        ];
        let tempat = match (&k.tempat, k.tanggal) {
            (Some(t), Some(d)) => Some(format!("Ditetapkan di {t}, {d}")),
            (t, d) => tempat_tanggal(t.as_ref(), d),
        };
        match k
            .penandatangan
            .as_ref()
            .and_then(|p| self.tanda_tangan(p, tempat, None))
        {
            Some(t) => isi.push(Blok::TandaTangan(t)),
            None => isi.push(Blok::Catatan {
                teks: "Penandatangan keputusan: data tidak tersedia.".into(),
            }),
        }
        lampiran(nomor, judul, false, isi)
    }
}
