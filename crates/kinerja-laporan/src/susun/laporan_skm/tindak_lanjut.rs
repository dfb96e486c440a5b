//! Bab IV of the SKM report: the Rencana Tindak Lanjut, the weak unsur still without one, and
//! what became of the previous period's plan.

use super::{LaporanSkm, TindakLanjut, p, terlemah};
use crate::dokumen::*;
use crate::susun::sel::{Nomor, bab, baris, judul, kolom, tt};

fn tabel_rtl(no: &mut Nomor, judul_tabel: &str, l: &LaporanSkm, daftar: &[TindakLanjut]) -> Blok {
    let status = daftar.iter().any(|t| t.status.is_some());
    let mut k = vec![
        kolom("No", 1, false),
        kolom("Unsur", 4, false),
        kolom("Kegiatan", 6, false),
        kolom("Jadwal", 3, false),
        kolom("Penanggung jawab", 3, false),
    ];
    if status {
        k.push(kolom("Status", 2, false));
    }
    let b = daftar
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let unsur = l
                .hasil
                .unsur
                .iter()
                .find(|u| u.kode.eq_ignore_ascii_case(t.unsur.trim()))
                .map_or(t.unsur.clone(), |u| format!("{} {}", u.kode, u.nama));
            let mut s = vec![
                Sel::teks((i + 1).to_string()),
                Sel::teks(unsur),
                Sel::teks(&t.kegiatan),
                Sel::teks(&t.jadwal),
                Sel::teks(&t.penanggung_jawab),
            ];
            if status {
                s.push(t.status.as_ref().map(Sel::teks).unwrap_or_else(tt));
            }
            baris(s)
        })
        .collect();
    no.tabel(judul_tabel, k, b, None)
}

pub(super) fn bab4(l: &LaporanSkm) -> Bab {
    let h = &l.hasil;
    let mut no = Nomor::bab("4");
    let mut isi = vec![judul(1, "A. Rencana Tindak Lanjut")];
    if l.tindak_lanjut.is_empty() {
        isi.push(p("Rencana tindak lanjut: data tidak tersedia."));
    } else {
        isi.push(tabel_rtl(
            &mut no,
            "Rencana tindak lanjut",
            l,
            &l.tindak_lanjut,
        ));
    }
    let tanpa: Vec<String> = terlemah(h)
        .into_iter()
        .filter(|u| {
            !l.tindak_lanjut
                .iter()
                .any(|t| t.unsur.trim().eq_ignore_ascii_case(&u.kode))
        })
        .map(|u| format!("{} {}", u.kode, u.nama))
        .collect();
    if !tanpa.is_empty() {
        isi.push(Blok::Catatan {
            teks: format!(
                "Unsur di bawah rata-rata yang belum memiliki rencana tindak lanjut: {}.",
                tanpa.join("; ")
            ),
        });
    }
    if !l.tindak_lanjut_lalu.is_empty() {
        isi.push(judul(1, "B. Tindak Lanjut Periode Sebelumnya"));
        isi.push(tabel_rtl(
            &mut no,
            "Pelaksanaan rencana tindak lanjut periode sebelumnya",
            l,
            &l.tindak_lanjut_lalu,
        ));
    }
    bab("IV", "RENCANA TINDAK LANJUT", isi)
}
