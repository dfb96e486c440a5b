//! Bab III of the pemda report: A the capaian of the RPJMD's IKU (the year's table, then per
//! sasaran the years before, the RPJMD's final target, the perangkat daerah under it with their
//! own figures), B the perangkat daerah's budget per RPJMD sasaran through the pohon kinerja.

use super::Pemda;
use crate::dokumen::*;
use crate::susun::sel::{
    self, CATATAN_TT, Nomor, bab, baris, baris_tebal, capaian, judul, kolom, nilai, persen,
    predikat, sekali,
};
use kinerja_core::angka::format_angka;
use kinerja_core::model::*;
use kinerja_core::pengukuran;
use kinerja_core::pohon::anggaran::{PosPohon, sasaran_rpjmd};

/// The roll-up rule as the report states it (`kinerja_core::pohon::anggaran`).
pub(super) const ATURAN_ANGGARAN: &str = "Aturan penjumlahan: setiap pos anggaran tahun ini dari data perangkat daerah yang disertakan dihitung. Pos terhubung ke simpul pohon kinerja milik perangkat daerahnya yang menaut sub kegiatannya, kegiatannya atau programnya; simpul yang hanya menaut sasaran tidak membawa anggaran, dan crosscutting tidak memindahkan anggaran. Pos mencapai sasaran RPJMD yang ditaut simpul pemda di atas simpulnya. Pos yang mencapai lebih dari satu sasaran (atau ditaut lebih dari satu simpul) dihitung satu kali, pada sasaran RPJMD pertama menurut urutan RPJMD; sasaran lainnya disebut di sampingnya. Pos yang tidak mencapai sasaran RPJMD mana pun dicantumkan sebagai \"tidak terhubung ke pohon kinerja\". Jumlah per sasaran ditambah yang tidak terhubung sama dengan seluruh pagu. Serapan = realisasi / pagu x 100 terhadap pagu yang berlaku; pos yang belum melaporkan realisasi dihitung sebagai belum dilaporkan, bukan 0.";

/// A node's link as the report prints it ("sub kegiatan DKS-SK-1").
pub(super) fn tautan_teks(t: &Pemilik) -> String {
    kinerja_core::pohon::teks_tautan(t)
}

/// A budget line as the report names it: its sub kegiatan or kegiatan (name, else id), or the
/// instansi's own spending.
pub(super) fn nama_pos(p: &PosPohon) -> String {
    match &p.tempat {
        TempatAnggaran::Instansi => format!("{} (tanpa kegiatan)", p.jenis.label()),
        TempatAnggaran::Kegiatan(k) => format!(
            "Kegiatan {}",
            p.nama.clone().unwrap_or_else(|| k.to_string())
        ),
        TempatAnggaran::SubKegiatan(s) => format!(
            "Sub kegiatan {}",
            p.nama.clone().unwrap_or_else(|| s.to_string())
        ),
    }
}

impl Pemda<'_> {
    pub(super) fn bab3(&self) -> Bab {
        let mut no = Nomor::bab("3");
        let mut isi = self.s.pengukuran_kinerja(&mut no);
        if let Some(u) = &self.ukur
            && !u.tanpa_data.is_empty()
        {
            let v: Vec<String> = u.tanpa_data.iter().map(|i| self.nama_instansi(i)).collect();
            isi.push(Blok::Catatan {
                teks: format!(
                    "Data perangkat daerah tidak disertakan (capaian simpulnya tidak tersedia): {}.",
                    v.join(", ")
                ),
            });
        }
        // The IKU of each sasaran, under part A.
        isi.extend(self.s.paragraf_bagian("bab3.evaluasi"));
        for (n, s) in sasaran_rpjmd(self.s.data).into_iter().enumerate() {
            isi.extend(self.sasaran(n + 1, s, &mut no));
        }
        isi.push(judul(1, "B. Realisasi Anggaran"));
        isi.extend(self.s.paragraf_bagian("bab3.akuntabilitas_keuangan"));
        isi.extend(self.anggaran_sasaran(&mut no));
        bab("III", "AKUNTABILITAS KINERJA", isi)
    }

    /// One RPJMD sasaran: the year, the years before, the final target, and the perangkat
    /// daerah that carry it.
    fn sasaran(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![judul(2, format!("{n}. Sasaran {n}: {}", s.uraian))];
        let inds = pengukuran::indikator_sasaran(&self.s.ix, &s.id);
        if inds.is_empty() {
            isi.push(sel::tidak_tersedia("Indikator sasaran"));
            return isi;
        }
        isi.extend(self.s.capaian_tahun_ini(n, s, no));
        isi.extend(self.s.tahun_sebelumnya(n, &inds, no));
        isi.extend(self.s.kemajuan_renstra(n, &inds, no));
        isi.extend(self.kontribusi(n, s, no));
        isi.push(judul(
            3,
            "e. Analisis penyebab keberhasilan atau kegagalan dan langkah yang diambil",
        ));
        let analisis: Vec<Blok> = self
            .s
            .laporan
            .analisis
            .iter()
            .filter(|a| a.sasaran == s.id)
            .flat_map(|a| sel::paragraf(&a.teks))
            .collect();
        if analisis.is_empty() {
            isi.push(sel::tidak_tersedia("Analisis"));
        }
        isi.extend(analisis);
        isi
    }

    /// Part d: the perangkat daerah's nodes right under the pemda's node of the sasaran, each
    /// indicator with the target, realisasi and capaian its owner measured, and the node's
    /// capaian and predikat (`pohon::ukur`).
    fn kontribusi(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![judul(3, "d. Kontribusi perangkat daerah")];
        // Every IKU of the sasaran lists the same nodes: the first that has them.
        let Some(iku) = self
            .iku
            .iter()
            .find(|i| i.sasaran == s.id && !i.kontribusi.is_empty())
        else {
            isi.push(sel::tidak_tersedia(
                "Simpul perangkat daerah di bawah simpul sasaran ini pada pohon kinerja",
            ));
            return isi;
        };
        let mut b = Vec::new();
        for k in &iku.kontribusi {
            let simpul = self.s.data.simpul.iter().find(|x| x.id == k.simpul);
            let ukur = self.ukur.as_ref().and_then(|u| u.simpul.get(&k.simpul));
            let inds: Vec<&IndikatorSimpul> = simpul
                .map(|x| x.indikator.iter().collect())
                .unwrap_or_default();
            let jumlah = inds.len().max(1);
            for i in 0..jumlah {
                let ind = inds.get(i);
                let u = ukur.and_then(|u| u.indikator.get(i));
                let pertama = i == 0;
                b.push(baris(vec![
                    sekali(pertama, || k.nama.clone()),
                    sekali(pertama, || k.uraian.clone()),
                    ind.map(|x| Sel::teks(&x.uraian)).unwrap_or_else(sel::tt),
                    nilai(u.and_then(|u| u.target.as_ref())),
                    nilai(u.and_then(|u| u.realisasi.as_ref())),
                    u.map(|u| capaian(&u.capaian)).unwrap_or_else(sel::tt),
                    if pertama {
                        persen(k.capaian)
                    } else {
                        Sel::Kosong
                    },
                    if pertama {
                        predikat(k.predikat.as_ref())
                    } else {
                        Sel::Kosong
                    },
                ]));
            }
        }
        isi.push(no.tabel(
            &format!("Kontribusi perangkat daerah pada sasaran {n}"),
            vec![
                kolom("Perangkat daerah", 3, false),
                kolom("Kinerja (simpul pohon kinerja)", 4, false),
                kolom("Indikator", 4, false),
                kolom("Target", 2, true),
                kolom("Realisasi", 2, true),
                kolom("Capaian indikator", 2, true),
                kolom("Capaian simpul", 2, true),
                kolom("Predikat", 2, false),
            ],
            b,
            Some(format!(
                "Simpul perangkat daerah tepat di bawah simpul pemda yang menaut sasaran ini. Indikator yang menaut indikator rencana diukur seperti perangkat daerahnya mengukur (target PK, RKT atau Renstra tahun ini); capaian simpul yang menaut sasaran perangkat daerah = rata-rata capaian sasaran itu, selain itu rata-rata capaian indikator simpul. {CATATAN_TT}"
            )),
        ));
        isi
    }

    /// Part B: pagu, realisasi and serapan per RPJMD sasaran (each perangkat daerah under it),
    /// the lines off the tree, the total; then the lines off the tree one by one.
    fn anggaran_sasaran(&self, no: &mut Nomor) -> Vec<Blok> {
        let a = &self.anggaran;
        if a.pos.is_empty() {
            return vec![sel::tidak_tersedia(&format!(
                "Pos anggaran perangkat daerah tahun {}",
                self.s.tahun
            ))];
        }
        let mut isi = vec![Blok::Paragraf {
            teks: ATURAN_ANGGARAN.into(),
        }];
        let mut b = Vec::new();
        for (n, s) in a.sasaran.iter().enumerate() {
            let uraian = self
                .s
                .ix
                .sasaran(&s.sasaran)
                .map_or_else(|| s.sasaran.to_string(), |x| x.uraian.clone());
            b.push(baris_tebal(sel::sel_serapan(
                vec![Sel::teks((n + 1).to_string()), Sel::teks(uraian)],
                &s.serapan,
                None,
            )));
            for i in &s.instansi {
                b.push(baris(sel::sel_serapan(
                    vec![
                        Sel::Kosong,
                        Sel::teks(format!("- {}", self.nama_instansi(&i.instansi))),
                    ],
                    &i.serapan,
                    None,
                )));
            }
        }
        b.push(baris_tebal(sel::sel_serapan(
            vec![Sel::Kosong, Sel::teks("Tidak terhubung ke pohon kinerja")],
            &a.tidak_terhubung,
            None,
        )));
        b.push(baris_tebal(sel::sel_serapan(
            vec![Sel::Kosong, Sel::teks("Jumlah")],
            &a.total,
            None,
        )));
        let belum = a.total.belum_dilaporkan;
        isi.push(no.tabel(
            &format!("Anggaran per sasaran RPJMD tahun {}", self.s.tahun),
            sel::kolom_serapan(
                vec![
                    kolom("No", 1, false),
                    kolom("Sasaran RPJMD / perangkat daerah", 8, false),
                ],
                false,
            ),
            b,
            Some(format!(
                "Dijumlahkan dari {} pos anggaran; {belum} pos belum melaporkan realisasi (realisasi dan serapan baris yang memuatnya hanya dari pos yang melaporkan). Rincian setiap pos: lampiran pos anggaran.",
                a.pos.len()
            )),
        ));
        let lepas: Vec<Baris> = a
            .pos_tidak_terhubung()
            .map(|p| {
                baris(sel::sel_serapan(
                    vec![
                        Sel::teks(self.nama_instansi(&p.instansi)),
                        Sel::teks(nama_pos(p)),
                        Sel::teks(p.alasan.map(|x| x.pesan()).unwrap_or_default()),
                    ],
                    &p.serapan,
                    None,
                ))
            })
            .collect();
        if !lepas.is_empty() {
            isi.push(no.tabel(
                &format!(
                    "Pos anggaran tahun {} yang tidak terhubung ke pohon kinerja",
                    self.s.tahun
                ),
                sel::kolom_serapan(
                    vec![
                        kolom("Perangkat daerah", 4, false),
                        kolom("Pos anggaran", 6, false),
                        kolom("Sebab", 4, false),
                    ],
                    false,
                ),
                lepas,
                Some(format!(
                    "Jumlah pagu yang tidak terhubung: Rp {}.",
                    format_angka(a.tidak_terhubung.pagu.nilai(), 2)
                )),
            ));
        }
        isi
    }
}
