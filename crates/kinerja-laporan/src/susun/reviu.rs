//! The reviu annex, appended only when the report is forced past open `galat` findings: every
//! galat and peringatan with both numbers and its status.

use super::Penyusun;
use super::sel::{Nomor, angka, baris, kolom, lampiran};
use crate::dokumen::*;
use kinerja_reviu::{Temuan, Tingkat};

impl Penyusun<'_> {
    pub(super) fn lampiran_reviu(&self, temuan: &[Temuan], nomor: usize) -> Bab {
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
                    // A stated figure prints as the document wrote it, up to two decimals.
                    t.tercatat
                        .map(|x| Sel::Angka {
                            nilai: x,
                            desimal: x.scale().min(2),
                        })
                        .unwrap_or(Sel::Kosong),
                    t.dihitung.map(angka).unwrap_or(Sel::Kosong),
                    Sel::teks(
                        t.diterima
                            .clone()
                            .map(|d| format!("diterima: {d}"))
                            .unwrap_or_else(|| "terbuka".into()),
                    ),
                ])
            })
            .collect();
        let isi = vec![
            Blok::Paragraf {
                teks: "Laporan ini dibuat dengan --paksa walaupun reviu masih menemukan galat terbuka. Temuan galat dan peringatan berikut dihasilkan kinerja dari data yang sama; temuan yang diterima pereviu dicantumkan beserta alasannya.".into(),
            },
            Nomor::tunggal(format!("Lampiran {nomor}")).tabel(
                "Temuan reviu",
                vec![
                    kolom("Tingkat", 2, false),
                    kolom("Aturan", 3, false),
                    kolom("Lokasi", 4, false),
                    kolom("Pesan", 8, false),
                    kolom("Tercatat", 2, true),
                    kolom("Dihitung", 2, true),
                    kolom("Status", 3, false),
                ],
                b,
                Some(
                    "Tercatat: angka yang tertulis di dokumen; dihitung: angka dari data primer."
                        .into(),
                ),
            ),
        ];
        lampiran(nomor, "HASIL REVIU".into(), true, isi)
    }
}
